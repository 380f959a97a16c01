"""What a quote attributes (act), who it was said to (addressee), the cues that attribute no
statement, and where reported words stop: on texts written for these tests."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

from claimx.models import Quote

pytestmark = pytest.mark.model


def contents(quote: Quote) -> list[str]:
    return [span.text for span in quote.content]


@pytest.mark.parametrize(("text", "act"), [
    ("Several analysts expect that the rate will fall in the spring.", "thought"),
    ("The mayor believes the new tax will drive families away.", "thought"),
    ("Union leaders fear the cuts will cost hundreds of jobs.", "thought"),
    ("The council wants to build a new library by 2030.", "intent"),
    ("The governor planned to spend Tuesday touring the flooded towns.", "intent"),
    ("The firm sought to reassure investors that nothing had changed.", "intent"),
    ("The minister said the trains ran on time.", "speech"),
    ("\u201cWe will win the league,\u201d the coach said.", "speech"),
    ("According to the agency, the fund has run dry.", "speech"),
])
def test_act_tells_words_from_beliefs_and_aims(extractor, text, act):
    (quote,) = quotes_of(extractor, text)
    assert quote.act == act


@pytest.mark.parametrize(("text", "addressee", "speaker"), [
    ("\u201cThat answer is absurd,\u201d Dana Pierce told ABC's Mark Hollis.",
     "ABC's Mark Hollis", "Dana Pierce"),
    ("Tom Reyes told Radio Nine: \u201cWe were not good enough today.\u201d",
     "Radio Nine", "Tom Reyes"),
    ("Marta Olsen said to the committee that the budget was already spent.",
     "the committee", "Marta Olsen"),
    ("Speaking to reporters, the coach said the squad was tired.", "reporters", "the coach"),
    ("In an interview with the Daily Ledger, the senator said she would not run again.",
     "the Daily Ledger", "the senator"),
    ("Questioned by the panel about the missing funds, the treasurer said the books were in "
     "order.", "the panel", "the treasurer"),
    ("\u201cIt was a fair result,\u201d he told them after the match.", "them", "he"),
])
def test_addressee_is_who_was_told_never_the_speaker(extractor, text, addressee, speaker):
    quotes = quotes_of(extractor, text)
    quote = quotes[-1]
    assert quote.addressee is not None and quote.addressee.text == addressee
    assert quote.speaker is not None and quote.speaker.name == speaker
    # The addressee is never a quote of its own.
    assert not any(addressee in contents(q) for q in quotes)


@pytest.mark.parametrize("text", [
    "The mayor said the bridge would reopen in May.",
    "\u201cIt is over,\u201d she said on Monday.",
    "The ministry urged drivers to stay off the roads.",
])
def test_no_addressee_when_nobody_is_told(extractor, text):
    assert [q.addressee for q in quotes_of(extractor, text)] == [None]


@pytest.mark.parametrize("text", [
    "\u201cI have no regrets,\u201d Ana Cruz told the Harbour Gazette.",
    "\u201cWe ran out of ideas,\u201d Lee Marsh told Valley Radio on Sunday.",
    "\u201cThe court got it wrong,\u201d the lawyer told Coast News.",
])
def test_told_an_outlet_attributes_the_quotation_before(extractor, text):
    (quote,) = quotes_of(extractor, text)
    assert quote.type == "direct" and quote.addressee is not None


@pytest.mark.parametrize("text", [
    "It is thought that the flights will be cancelled.",
    "It has been confirmed that the factory will close next year.",
    "It was reported that the talks had stalled.",
])
def test_impersonal_passive_names_no_speaker(extractor, text):
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is None


@pytest.mark.parametrize(("text", "asked"), [
    ("Lina Moss was asked why her office had deleted the files.", "Lina Moss"),
    ("\u201cWhy now?\u201d Ms Kline was asked at the briefing.", "Ms Kline"),
    ("Asked by a reporter whether he would resign, the chairman said he had no plans to.",
     "the chairman"),
    ("The treasurer was asked whether the fees would rise again.", "The treasurer"),
])
def test_a_question_put_to_someone_is_not_their_statement(extractor, text, asked):
    quotes = quotes_of(extractor, text)
    assert quotes  # the question is reported, with nobody named as its speaker
    for quote in quotes:
        said = quote.speaker is not None and quote.speaker.name == asked
        assert not said or quote.cue is None or quote.cue.text == "said"


@pytest.mark.parametrize("text", [
    "The ministry did not say how many workers had been hired.",
    "The company declined to comment on when the plant would reopen.",
    "The captain refused to say whether he would stay.",
    "The agency did not confirm whether the satellite had failed.",
    "The governor never said the tax would rise.",
    "The senator did not call the bill \u201ca disgrace\u201d in her remarks.",
])
def test_a_negated_or_refused_report_is_no_quote(extractor, text):
    assert quotes_of(extractor, text) == []


@pytest.mark.parametrize("text", [
    "The club tried to sign two new defenders before the deadline.",
    "The firm attempted to sell the plant to a rival.",
    "Rivera tried to convince the board that the merger was sound.",
])
def test_verbs_of_attempt_are_no_cues(extractor, text):
    assert quotes_of(extractor, text) == []


@pytest.mark.parametrize(("text", "content"), [
    ("Aides insisted the dinner was a private affair, but the senator's mix of donors and "
     "voters was plain to see.", "the dinner was a private affair"),
    ("The union argued the deal was fair, but the members voted it down by a wide margin.",
     "the deal was fair"),
    ("The mayor claimed the count had been rigged, without offering any evidence.",
     "the count had been rigged"),
    ("The minister said the trains ran on time, despite the storms that closed two lines.",
     "the trains ran on time"),
    ("The owner said the shop was thriving, without showing any accounts.",
     "the shop was thriving"),
    ("The chef said the menu would change weekly, yet the same three dishes stayed on it all "
     "year.", "the menu would change weekly"),
    ("The landlord said the boiler had been fixed, yet the tenants spent another week without "
     "heat.", "the boiler had been fixed"),
    ("The airline said its planes were on time, yet dozens of flights left hours late that "
     "week.", "its planes were on time"),
])
def test_reported_words_stop_at_the_writers_own_clause(extractor, text, content):
    (quote,) = quotes_of(extractor, text)
    assert contents(quote) == [content]


@pytest.mark.parametrize(("text", "first", "second", "speaker"), [
    ("\u201cWe will appeal,\u201d the club's lawyer said. The league's chairman disagreed. "
     "\u201cThere is nothing to appeal.\u201d", "We will appeal,", "There is nothing to appeal.",
     "The league's chairman"),
    ("\u201cThe roof is safe,\u201d the caretaker said. The fire officer shook his head. "
     "\u201cNobody goes in until we check it.\u201d", "The roof is safe,",
     "Nobody goes in until we check it.", "The fire officer"),
    ("\u201cPrices will fall,\u201d the trader said. Her rival laughed at the idea. "
     "\u201cThey will double by June.\u201d", "Prices will fall,", "They will double by June.",
     "Her rival"),
])
def test_a_new_subject_between_quotations_keeps_them_apart(extractor, text, first, second,
                                                            speaker):
    quotes = quotes_of(extractor, text)
    assert [contents(q) for q in quotes] == [[first], [second]]
    # The second quotation is the newcomer's, not a continuation of the first speaker's.
    assert quotes[1].speaker is not None and quotes[1].speaker.name == speaker


@pytest.mark.parametrize("text", [
    "The panel agreed that the rules were clear but that nobody had read them.",
    "The inspectors found that the kitchen was clean but that the fridge ran too warm.",
    "The coach admitted that the team had played well but that the referee had been fair.",
])
def test_a_second_that_clause_after_but_is_still_reported(extractor, text):
    (quote,) = quotes_of(extractor, text)
    (content,) = contents(quote)
    assert content.startswith("that ") and " but that " in content and text.endswith(
        content + ".")
