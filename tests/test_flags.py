"""Flags on claims (negated, modal, voice) and quotes (negated), from the parse (claimx.flags)."""

from __future__ import annotations

import pytest


def _claim(extractor, text):
    doc = extractor(text)
    assert doc.claims, f"no claim in {text!r}"
    return doc.claims[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales did not rise 5% last year.", True),
    ("The council never paid the $2m it owed.", True),
    ("The plant no longer employs 300 workers.", True),
    ("The club hasn't sold 10,000 tickets yet.", True),
    ("Not more than 40 people attended.", False),    # a bound, not a denial
    ("The fund lost never less than 2% a year.", False),
    ("Sales rose 5% last year.", False),
])
def test_negated_claims(extractor, text, expected):
    assert _claim(extractor, text).negated is expected


@pytest.mark.parametrize(("text", "modal"), [
    ("Prices would climb 3% under the plan.", "would"),
    ("The strike could cost the airline $40m.", "could"),
    ("Up to 400 jobs may go at the mill.", "may"),
    ("If rates rise, sales could fall 5%.", "could"),
    ("Unless the levy passes, the museum closes 2 galleries.", "Unless"),
    ("Provided the weather holds, 5,000 runners take part on Sunday.", "Provided"),
    ("The firm cuts 300 jobs if the merger goes ahead.", "if"),
    ("The ferry will carry 900 passengers a day.", None),   # a plan stated as fact
    ("The bakery sold 4,000 loaves in March.", None),
])
def test_modal_and_conditional_claims(extractor, text, modal):
    found = _claim(extractor, text).modal
    assert (found.text if found else None) == modal
    if found:
        assert text[found.start:found.end] == found.text


@pytest.mark.parametrize(("text", "voice"), [
    ("Revenue rose 8%, the company said.", "sourced"),
    ("According to the union, 1,500 nurses walked out.", "sourced"),
    ("\u201cWe cut 200 jobs,\u201d the mayor said.", "sourced"),
    ("Revenue rose 8% in the spring.", "reporter"),
    ("The bridge is 1.2 km long.", "reporter"),
])
def test_voice_says_who_states_the_claim(extractor, text, voice):
    assert _claim(extractor, text).voice == voice


@pytest.mark.parametrize(("text", "negated"), [
    ("The union said that 20 staff had not left.", True),
    ("He said the firm had not hired 50 people.", True),
    ("\u201cWe will never close the depot,\u201d the owner said.", True),
    ("He said the firm had hired 50 people.", False),
    ("\u201cWe are busier than ever,\u201d said the harbour master.", False),
])
def test_negated_quotes(extractor, text, negated):
    doc = extractor(text)
    assert doc.quotes, f"no quote in {text!r}"
    assert doc.quotes[0].negated is negated


def test_flags_are_in_the_record(extractor):
    record = extractor("Fares could rise 6% next year, the operator said.").to_dict()
    claim = record["claims"][0]
    assert claim["negated"] is False
    assert claim["modal"]["text"] == "could"
    assert claim["voice"] == "sourced"
    assert record["quotes"][0]["negated"] is False
