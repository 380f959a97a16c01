"""Negative amounts and powers of ten, in digits and in words. Sentences written for these
tests."""

from __future__ import annotations

import pytest
from quantity_reading import found_quantities


def read(finder, nlp, text):
    return [(q.text, q.value, q.unit) for q in found_quantities(finder, nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output shrank by minus three per cent in the spring.",
         ("minus three per cent", -3.0, "percent")),
        ("The reading slid to minus seven degrees before dawn.",
         ("minus seven degrees", -7.0, "degree")),
        ("Real wages moved -3.2% over the year.", ("-3.2%", -3.2, "percent")),
        ("The index ended the month at -0.4%.", ("-0.4%", -0.4, "percent")),
        ("The pass saw a drop to minus 2C on Friday night.", ("minus 2C", -2.0, "celsius")),
        ("Lakes froze as it fell to −15C.", ("−15C", -15.0, "celsius")),
    ],
)
def test_negative_amounts(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Radio waves move at about 3 x 10^8 metres per second.", 3e8),
        ("The chip packs 2 × 10^9 transistors.", 2e9),
        ("A mole holds about 6.02e23 atoms.", 6.02e23),
        ("The charge was close to 1.6E-19 coulombs.", 1.6e-19),
    ],
)
def test_powers_of_ten(finder, nlp, text, expected):
    assert expected in [pytest.approx(v) for _, v, _ in read(finder, nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The COVID-19 ward reopened on Monday.",
        "Her pick-up truck was an F-150.",
        "Fans of the 2019-20 season cheered.",
    ],
)
def test_a_hyphen_inside_a_name_or_a_season_is_no_minus(finder, nlp, text):
    assert all((v or 0) >= 0 for _, v, _ in read(finder, nlp, text))
