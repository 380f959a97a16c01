"""Inside a claim: each quantity's role, changes of a rate in percentage points, pairs that
are changes and days that are dates, a time that is not the baseline's, one claim a clause.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from claimx.extractors.claims import ClaimExtractor
from claimx.models import ROLES


@pytest.fixture(scope="module")
def claims_of(nlp, patterns):
    extractor = ClaimExtractor(nlp, patterns)

    def run(text):
        claims = extractor(nlp(text))
        for claim in claims:
            for q in claim.quantities:
                assert text[q.start : q.end] == q.text
                assert q.role in ROLES
        return claims

    return run


def _roles(claims):
    return [(q.text, q.role) for c in claims for q in c.quantities]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("Ferry bookings rose 12% to 48,000 from 42,900 a year before.",
         [("12%", "change"), ("48,000", "level"), ("42,900", "baseline")]),
        ("Its operating profit was $96m, up from $71m.",
         [("$96m", "level"), ("$71m", "baseline")]),
        ("The firm halved its debt last year from $80m to $40m.",
         [("$80m", "baseline"), ("$40m", "level")]),
        ("The orchard harvested fewer apples than the 3,400 tonnes it picked in 2021.",
         [("3,400 tonnes", "comparison")]),
        ("Output at the smelter topped the 1.2 million tonnes forecast by analysts.",
         [("1.2 million tonnes", "comparison")]),
        ("Sales climbed 6% compared with 4% at the rival chain.",
         [("6%", "change"), ("4%", "comparison")]),
        ("More than 500 people came to the vigil.", [("More than 500", "level")]),
    ],
)
def test_each_quantity_says_what_it_is_to_its_claim(claims_of, text, roles):
    assert _roles(claims_of(text)) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("The bakery will cut 40 jobs, or about 9% of its staff.",
         ["change", "change"]),
        ("The council spent $2m (£1.6m), more than the $1.5m (£1.2m) it planned.",
         ["level", "level", "comparison", "comparison"]),
        ("Profits rose to $1.2bn (£950m) from $900m (£710m).",
         ["level", "level", "baseline", "baseline"]),
    ],
)
def test_an_amount_given_again_in_another_unit_keeps_the_role(claims_of, text, roles):
    assert [role for _, role in _roles(claims_of(text))] == roles


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        # the level is a %: the change is in points
        ("The regulator raised the base rate 0.75% to 3.5% in a surprise move.", "0.75%",
         "percentage_point"),
        ("Turnout fell 4% to 61% at the local elections.", "4%", "percentage_point"),
        # what changes is a rate
        ("Mortgage rates climbed 0.4% this week.", "0.4%", "percentage_point"),
        ("Market share grew 2% for the carmaker.", "2%", "percentage_point"),
        # the text says so
        ("The jobless rate dropped 0.2 percentage points.", "0.2 percentage points",
         "percentage_point"),
        # a price is no rate: its change stays in percent
        ("Rail fares rose 4% to £28.", "4%", "percent"),
        ("Stock in the miner slid 3% on Monday.", "3%", "percent"),
    ],
)
def test_a_change_of_a_rate_is_in_percentage_points(claims_of, text, amount, unit):
    units = {q.text: q.unit for c in claims_of(text) for q in c.quantities}
    assert units[amount] == unit


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Enrolment roughly doubled in a decade, from 6,200 to 11,900.", 6200, 11900),
        ("Visitor numbers almost tripled over the decade from 4,100 to 11,800.", 4100, 11800),
        ("The charity halved its waiting list in two years, from 900 to 450.", 900, 450),
    ],
)
def test_a_change_word_before_from_to_makes_a_change_not_a_range(claims_of, text, first,
                                                                 last):
    quantities = [q for c in claims_of(text) for q in c.quantities if q.value in (first, last)]
    assert [q.range for q in quantities] == [None, None]
    change = quantities[0].change
    assert change is not None and (change.from_value, change.to_value) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "The exhibition runs from 3 to 9 October at the old mill.",
        "Workshops take place 22-24 April in the library.",
        "The talks were held between 3 and 5 July in Geneva.",
    ],
)
def test_a_span_of_days_is_a_date_not_a_quantity(claims_of, text):
    assert _roles(claims_of(text)) == []


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("The ferry left at 0930 local time with 40 passengers.", "0930"),
        ("The ferry left at half past seven with 40 passengers.", "half past seven"),
        ("Polls open at 0700 GMT and 12 stations reported queues.", "0700"),
    ],
)
def test_a_clock_reading_is_a_time_not_a_quantity(claims_of, text, time):
    claims = claims_of(text)
    assert [q.noun for c in claims for q in c.quantities] in (["passengers"], ["stations"])
    assert claims[0].time is not None and claims[0].time.text == time


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("The coach picked players of 14, 15 and 16 for the squad.", ["14", "15", "16"]),
        ("The scheme helps pupils of 11 and 12 who struggle to read.", ["11", "12"]),
        ("A woman of 82 finished the marathon.", ["82"]),
    ],
)
def test_numbers_after_people_of_are_ages(claims_of, text, ages):
    units = [(q.text, q.unit) for c in claims_of(text) for q in c.quantities]
    assert units == [(age, "year_of_age") for age in ages]


def test_a_crowd_of_people_is_no_age(claims_of):
    units = [q.unit for c in claims_of("A crowd of 15 gathered outside.") for q in c.quantities]
    assert units == [None]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # the year dates what the claim is compared with, not the claim
        ("The club signed 12 players, beating the 9 it recruited in 2019.", None),
        ("The plant made more cars than the 40,000 it built in 2019.", None),
        ("Volunteers planted 8,000 trees, surpassing the 5,500 of the whole 2017 drive.",
         None),
        # the claim's own time stays
        ("Visitors spent £40m in 2023, up from £31m in 2022.", "2023"),
    ],
)
def test_the_claim_time_is_not_its_comparison_time(claims_of, text, time):
    claim = claims_of(text)[0]
    assert (claim.time.text if claim.time else None) == time


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        ("The bakery will cut 40 jobs, or about 9% of its staff.",
         ["The bakery", "its staff"]),
        ("Shares of Halden fell 1.2%, Brisco by 0.8%.", ["Shares of Halden", "Brisco"]),
        ("At noon: Bovex +1.1% Caldor +0.6%.", ["Bovex", "Caldor"]),
    ],
)
def test_one_claim_a_clause_and_each_amount_keeps_what_it_measures(claims_of, text,
                                                                    measured):
    claims = claims_of(text)
    spans = [(c.start, c.end) for c in claims]
    assert len(spans) == len(set(spans)) == 1
    assert [q.subject.text if q.subject else None for q in claims[0].quantities] == measured


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("Under the plan the brewer will shut 20% of its depots and lay off 10% of its drivers.",
         ["Under the plan the brewer will shut 20% of its depots", "lay off 10% of its drivers"]),
        ("The airline will retire 12 jets and hire 400 pilots next year.",
         ["The airline will retire 12 jets", "hire 400 pilots next year"]),
        ("The school aims to raise £5,000 and to recruit 30 tutors this term.",
         ["The school aims to raise £5,000", "to recruit 30 tutors this term"]),
    ],
)
def test_a_clause_never_takes_in_a_later_claim_of_its_own(claims_of, text, clauses):
    assert [c.text for c in claims_of(text)] == clauses
