"""Short forms with two readings, decided by the words around the number: each behaviour shown
both ways. Sentences written for these tests."""

from __future__ import annotations

import pytest
from quantity_reading import found_quantities


def read(finder, nlp, text):
    return [(q.value, q.unit) for q in found_quantities(finder, nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She earns $40K a year at the studio.", (40000.0, "USD per year")),
        ("The podcast now has 300k listeners.", (300000.0, None)),
        ("He took home 85k after tax last year.", (85000.0, None)),
        ("The petition passed the 100k mark overnight.", (100000.0, None)),
        ("She turned down a 60k salary in the city.", (60000.0, None)),
        ("She won a 10k run along the canal.", (10.0, "km")),
        ("He entered the 5k race for the second time.", (5.0, "km")),
    ],
)
def test_k_is_thousand_for_money_and_counts_and_km_before_a_race(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "They watched the match on a 4K television.",
        "The studio shot the film with an 8K camera.",
        "The 4K version of the game costs more.",
    ],
)
def test_k_between_a_determiner_and_a_noun_is_a_format(finder, nlp, text):
    assert read(finder, nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okafor landed 17.30m in the triple jump final.", (17.3, "m")),
        ("Her best javelin effort measured 61.20m.", (61.2, "m")),
        ("He went clear at 5.65m in the pole vault.", (5.65, "m")),
        ("Sales jumped to 5.5m last year.", (5.5e6, None)),
        ("Ticket sales for the tour reached 12.4m by Friday.", (12.4e6, None)),
        ("The council found 3.2m for new roofs.", (3.2e6, None)),
    ],
)
def test_glued_m_is_metres_beside_a_field_event_else_million(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gusts reached 25 m/s on the ridge.", (25.0, "m per second")),
        ("The train touched 320 km/h on the new line.", (320.0, "kph")),
        ("The lab applied 5 kV/cm across the sample.", (5.0, "kilovolt per cm")),
    ],
)
def test_rates_are_composed(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The seedling was 6 in tall by June.", [(6.0, "inch")]),
        ("Cut the board 14 in wide and sand it.", [(14.0, "inch")]),
        ("The pipe is 2 in across at the joint.", [(2.0, "inch")]),
        ("Her son turned 6 in July.", [(6.0, None)]),
        ("The team won 3 in a row before the break.", [(3.0, None)]),
    ],
)
def test_in_is_inches_only_before_a_size_word(finder, nlp, text, expected):
    assert read(finder, nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The utility asked for R500 million to fix its plants.", (5e8, "ZAR")),
        ("Repairs to the harbour cost R2bn.", (2e9, "ZAR")),
        ("A taxi fare in South Africa rose to R40 this week.", (40.0, "ZAR")),
        ("The rand weakened and a loaf now costs R19.", (19.0, "ZAR")),
    ],
)
def test_r_before_digits_is_rand_with_a_scale_or_a_cue(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Traffic backed up on the R21 after the crash.",
        "The old R4 coach was retired in May.",
        "Engineers fitted the R8 valve twice.",
    ],
)
def test_r_before_digits_with_no_cue_is_a_code(finder, nlp, text):
    assert all(unit != "ZAR" for _, unit in read(finder, nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The miner booked a record Australian dollar 29.4bn in sales.", (29.4e9, "AUD")),
        ("The airline lost Hong Kong dollar 5.2bn in the year.", (5.2e9, "HKD")),
        ("Exports reached New Zealand dollar 800 million.", (8e8, "NZD")),
    ],
)
def test_a_currency_named_before_the_number(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The insurer lodged a 13F form with regulators.", None),
        ("Dealers sold more F-150 pickups than ever.", None),
        ("Its 3 C.P.I. measures moved together.", None),
        ("The thermometer read 41F at dawn.", "fahrenheit"),
        ("It was a sticky 33C in the shade.", "celsius"),
        ("Forecasters expect 28 C by midday.", "celsius"),
    ],
)
def test_capital_letters_after_numbers_are_degrees_or_names(finder, nlp, text, expected):
    degrees = {u for _, u in read(finder, nlp, text) if u in ("celsius", "fahrenheit")}
    assert degrees == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Backing for the plan dropped thirty percentage points.", (30.0, "percentage_point")),
        ("Forty per cent of 210 pupils passed.", (40.0, "percent")),
        ("About 15 per cent of 900 firms said no.", (15.0, "percent")),
    ],
)
def test_percentage_points_and_per_cent_of(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)
