"""Letters after a number that are a unit only beside their kind of word ("2 L of milk", "40 C"
heat) and never in names, forms and sizes ("a 13F filing", "Form 10K", "size 12 L"), and an
ordinal after "a" that makes no rate ("a second time"). Sentences written for these tests,
read as tests/test_fresh_units.py reads its sweep."""

from __future__ import annotations

import pytest
from test_fresh_units import hit, readings, same

pytestmark = pytest.mark.model

# Capital letters after a number that name a form, a model, an index or a size: no unit of a
# letter (degrees, litres, kelvin) and no "K" read as thousands.
NOT_UNITS = [
    "The fund disclosed the stake in a 13F filing on Friday.",
    "The carmaker sold 900 F-Series pickups in a week.",
    "The company filed its Form 10K late.",
    "Prices rose 3 points on the C.P.I. last month.",
    "Core inflation, at 3 C.P.I., eased again.",
    "Investors watched the 4C index closely.",
    "The dealer only had the Model 3 L trim in stock.",
    "The shop ran out of size 12 L shirts.",
    "The architect drew 5 L-shaped rooms.",
    "The B2B market grew 12% in a year.",
]
LETTER_UNITS = ("celsius", "fahrenheit", "litre", "kelvin")
# ... while the same letters beside their kind of word are units
LETTER_UNITS_IN_CONTEXT = [
    ("The recipe needs 2 L of milk.", 2, "litre"),
    ("The hatchback has a 1.6 L petrol engine.", 1.6, "litre"),
    ("Each household gets 20 L of water a day.", 20, "litre per day"),
    ("The reactor core stays near 40 C during the test.", 40, "celsius"),
]


# An ordinal after "a" is no rate; a capital "K" after a name is no thousand.
ORDINALS_AND_NAMES = [
    ("Turnout fell 5% a second time.", 5, "percentage"),
    ("The price rose $3 a second time in May.", 3, "dollar"),
    ("Output dropped 2 tonnes a third week running.", 2, "metric ton"),
    ("The company filed its Form 10K late.", 10, "-"),
    ("Reviewers praised the Galaxy 8K screen.", 8, "-"),
    ("The Sony 4K range sold out.", 4, "-"),
]


@pytest.mark.parametrize(("text", "value", "unit"), ORDINALS_AND_NAMES)
def test_ordinals_after_a_and_names_before_k(finder, nlp, text, value, unit):
    found = readings(finder, nlp, text)
    assert all(same(v, value) and u == (None if unit == "-" else unit)
               for v, u in found if not isinstance(v, list) and v >= value), found


@pytest.mark.parametrize("text", NOT_UNITS)
def test_capital_letters_after_a_number_are_no_unit(finder, nlp, text):
    found = readings(finder, nlp, text)
    assert all(u not in LETTER_UNITS and (isinstance(v, list) or v < 1000)
               for v, u in found), found


@pytest.mark.parametrize(("text", "value", "unit"), LETTER_UNITS_IN_CONTEXT)
def test_the_same_letters_beside_their_kind_of_word_are_units(finder, nlp, text, value, unit):
    found = readings(finder, nlp, text)
    assert hit(found, value, unit), found
