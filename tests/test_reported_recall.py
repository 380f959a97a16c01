"""Reported speech beyond the cue lexicon: any verb with a "that" clause, cue nouns with or
without an owner, and what a speech verb's bare object names."""

from __future__ import annotations

import pytest
from test_quotes import only, quotes_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "Engineers worry that the old bridge could give way in a heavy storm.",
            "that the old bridge could give way in a heavy storm",
            "Engineers",
        ),
        (
            "The nurses recognized that the ward was short of beds.",
            "that the ward was short of beds",
            "nurses",
        ),
        (
            "The coach realized that his team had run out of ideas.",
            "that his team had run out of ideas",
            "coach",
        ),
        (
            "Several farmers, who knew that rain was coming, moved their herds.",
            "that rain was coming",
            "farmers",
        ),
    ],
)
def test_any_verb_with_a_that_clause_reports_its_subject(extractor, text, content, name):
    quote = only(quotes_of(extractor, text), "indirect")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name.endswith(name)
    assert quote.act == "thought"


@pytest.mark.parametrize(
    "text",
    [
        "The trouble is that nobody has paid the bill.",
        "It seems that the ferry will leave late.",
        "The warden ensured that every cell was searched.",
        "She made sure that the doors were locked.",
    ],
)
def test_a_that_clause_of_being_or_bringing_about_is_no_report(extractor, text):
    assert quotes_of(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        ("There are growing fears that the harvest will fail this autumn.",
         "that the harvest will fail this autumn", None),
        ("He dismissed the suggestion that the vote had been rigged.",
         "that the vote had been rigged", None),
        ("The claim by the ministry that prices would fall proved false.",
         "that prices would fall", "ministry"),
        ("The council's hope that tourists would return has faded.",
         "that tourists would return", "council"),
    ],
)
def test_a_cue_noun_reports_its_clause_with_or_without_an_owner(extractor, text, content,
                                                                 name):
    quote = only(quotes_of(extractor, text), "indirect")
    assert [c.text for c in quote.content] == [content]
    if name is None:
        assert quote.speaker is None
    else:
        assert quote.speaker is not None and quote.speaker.name.endswith(name)


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        ("The ministry announced a new curfew for the capital.",
         "a new curfew for the capital", "ministry"),
        ("Neighbours questioned the cost of the new stadium.",
         "the cost of the new stadium", "Neighbours"),
        ("The company denied any link to the leak.", "any link to the leak", "company"),
    ],
)
def test_a_speech_verb_reports_what_its_object_names(extractor, text, content, name):
    quote = only(quotes_of(extractor, text), "indirect")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name.endswith(name)
    assert quote.act == "speech"


@pytest.mark.parametrize(
    "text",
    [
        "The senator told the truth about the budget.",
        "She mentioned him twice.",
        "Critics questioned Harlow on Monday.",
        "The clerk informed the new tenants on Friday.",
    ],
)
def test_no_report_from_a_person_object_or_a_verb_of_telling(extractor, text):
    assert quotes_of(extractor, text) == []
