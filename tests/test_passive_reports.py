"""Passive and inverted reports: the agent of a passive speech verb speaks ("Y was told by X
that ..."), the subject of "quoted as saying" speaks, and who was told is the addressee; a
passive with no speech ("passed by the Senate") or no agent ("was told to leave") is no
quote. Texts written for these tests."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

pytestmark = pytest.mark.model


def contents(text: str, extractor) -> list[list[str]]:
    return [[span.text for span in q.content] for q in quotes_of(extractor, text)]


@pytest.mark.parametrize(("text", "speaker", "addressee", "content"), [
    ("Tessa Brill was told by Omar Vance that the contract had been cancelled.",
     "Omar Vance", "Tessa Brill", "the contract had been cancelled"),
    ("The board was told by the auditor that the accounts were missing pages.",
     "the auditor", "The board", "the accounts were missing pages"),
    ("Reporters were told by Kelvor Mining that the pit would stay shut until June.",
     "Kelvor Mining", "Reporters", "the pit would stay shut until June"),
    ("Farid Nour was informed by his lawyer that the appeal had failed.",
     "his lawyer", "Farid Nour", "the appeal had failed"),
    ("The tenants were notified by Hallam Estates that the rent would rise in May.",
     "Hallam Estates", "The tenants", "the rent would rise in May"),
    ("Councillors were warned by the engineer that the old bridge could not carry buses.",
     "the engineer", "Councillors", "the old bridge could not carry buses"),
])
def test_agent_of_passive_telling_speaks_to_its_subject(extractor, text, speaker, addressee,
                                                        content):
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert quote.addressee is not None and quote.addressee.text == addressee
    assert content in quote.content[0].text
    assert quote.act == "speech"


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Mara Quell was quoted as saying that the harbour tunnel would open in spring.",
     "Mara Quell", "the harbour tunnel would open in spring"),
    ("Dov Arlen was quoted as saying the tariffs had hurt local bakers.",
     "Dov Arlen", "the tariffs had hurt local bakers"),
    ("The mayor was quoted as saying: \u201cWe will rebuild the pier.\u201d",
     "The mayor", "We will rebuild the pier."),
    ("Ines Marlow was quoted by the Valley Courier as saying the clinic would close.",
     "Ines Marlow", "the clinic would close"),
])
def test_quoted_as_saying_credits_the_one_quoted(extractor, text, speaker, content):
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert content in quote.content[0].text
    assert quote.addressee is None


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("The coach is said by teammates to be furious about the decision.",
     "teammates", "to be furious about the decision"),
    ("Lena Ostrova is said by her aides to favour a quick vote.",
     "her aides", "to favour a quick vote"),
    ("The striker was said by his agent to be ready for a move abroad.",
     "his agent", "to be ready for a move abroad"),
    ("It was announced by the ministry that the border would reopen.",
     "the ministry", "the border would reopen"),
    ("It was confirmed by Brenna Oakes that the school would merge with its neighbour.",
     "Brenna Oakes", "the school would merge with its neighbour"),
])
def test_said_by_and_announced_by_name_their_agent(extractor, text, speaker, content):
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == speaker
    assert content in quote.content[0].text


def test_passive_speaker_resolves_through_the_mention_layer(extractor):
    text = ("Omar Vance runs the depot. Tessa Brill was told by Vance that the lorries "
            "would be sold.")
    (quote,) = quotes_of(extractor, text)
    vance = next(e for e in extractor(text).entities if e.name == "Omar Vance")
    assert quote.speaker is not None and quote.speaker.entity == vance.id
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Vance"
    assert quote.addressee is not None and quote.addressee.text == "Tessa Brill"


@pytest.mark.parametrize("text", [
    "The bill was passed by the Senate on Tuesday.",
    "He was told to leave the building.",
    "The roof was repaired by a crew from the next town.",
    "The visitors were told to wait in the hall.",
    "The report was written by two junior clerks.",
])
def test_passive_without_a_report_is_no_quote(extractor, text):
    assert contents(text, extractor) == []


@pytest.mark.parametrize(("text", "source"), [
    ("Tessa Brill was told by Omar Vance that sales fell 20% last year.", "Omar Vance"),
    ("Dov Arlen was quoted as saying that prices rose 5% in May.", "Dov Arlen"),
    ("It was announced by Hallam Estates that rents would rise 8% next year.",
     "Hallam Estates"),
])
def test_claim_in_a_passive_report_takes_its_speaker(extractor, text, source):
    doc = extractor(text)
    (quote,) = doc.quotes
    (claim,) = doc.claims
    assert claim.source is not None and claim.source.text == source
    assert claim.source.quote == quote.id
