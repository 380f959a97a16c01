"""A cue noun as the subject of "be" with a "that" clause reports that clause: its owner's
("Lee's argument is that ..."), or nobody named's when it has no owner ("The claim is that
...", even with a person named just before)."""

from __future__ import annotations

import pytest


def _report(extractor, text, cue):
    found = [q for q in extractor(text).quotes if q.cue is not None and q.cue.text == cue]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Ruth Oduya's argument is that the depot pays for itself.", "argument",
         "that the depot pays for itself", "Ruth Oduya"),
        ("The view of Omar Said was that the plan would fail.", "view",
         "that the plan would fail", "Omar Said"),
        ("Tim Baird chaired the meeting. His belief has long been that the river will flood "
         "again.", "belief", "that the river will flood again", "Tim Baird"),
        ("Dr. Lina Moss visited the ward. Her message was that the clinic needed more nurses.",
         "message", "that the clinic needed more nurses", "Lina Moss"),
    ],
)
def test_the_owner_of_a_cue_noun_says_what_follows_the_copula(
        extractor, text, cue, content, speaker):
    quote = _report(extractor, text, cue)
    assert [c.text for c in quote.content] == [content]
    assert quote.type == "indirect"
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Tim Baird met the press. The claim is that the vote was rigged.", "claim"),
        ("Ann Kerr left early. The hope was that the talks would resume in May.", "hope"),
        ("Raj Patel spoke first. The contention is that the fees broke the law.", "contention"),
    ],
)
def test_a_cue_noun_with_no_owner_names_no_speaker(extractor, text, cue):
    assert _report(extractor, text, cue).speaker is None


def test_a_noun_that_reports_nothing_gives_no_quote(extractor):
    text = "Tim Baird met the press. The problem is that the vote was rigged."
    assert extractor(text).quotes == ()


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Prices will rise next year. That is what Karl Benn said on Monday.",
         "Prices will rise next year", "Karl Benn"),
        ("The plant will close in May. That's what the union told its members.",
         "The plant will close in May", "the union"),
        ("Taxes must fall. This is what Ruth Oduya argued in her speech.", "Taxes must fall",
         "Ruth Oduya"),
    ],
)
def test_that_is_what_someone_said_attributes_the_sentence_before(
        extractor, text, content, speaker):
    quotes = extractor(text).quotes
    assert [(q.type, [c.text for c in q.content], q.speaker.name if q.speaker else None)
            for q in quotes] == [("indirect", [content], speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices will rise. That is what worries Karl Benn.",  # no speech verb
        "Prices will rise, analysts said. That is what Karl Benn said too.",  # its own cue
        "The report warned that rents would climb. That is what Karl Benn said in May.",
    ],
)
def test_that_is_what_takes_no_sentence_with_its_own_attribution(extractor, text):
    assert not any(q.speaker is not None and q.speaker.name == "Karl Benn"
                   for q in extractor(text).quotes)
