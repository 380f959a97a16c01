"""Numbers written in words: text2num reads the cardinals, the grammar of number_words.tsv
what it lacks (multipliers, fractions, an article before a scale). Sentences written for
these tests."""

from __future__ import annotations

import pytest
from quantity_reading import found_quantities
from text_to_num import text2num

from claimx.extractors.quantities.number_words import CARDINAL_WORDS, unit_value


def read(finder, nlp, text):
    return [(q.text, q.value) for q in found_quantities(finder, nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volunteers planted one hundred and six oak saplings.", ("one hundred and six", 106.0)),
        ("The archive holds twenty-five thousand letters.", ("twenty-five thousand", 25000.0)),
        ("Seventy-two hikers reached the hut.", ("Seventy-two", 72.0)),
        ("The ferry carried nine hundred and forty passengers.",
         ("nine hundred and forty", 940.0)),
        ("Engineers lowered it by forty two point five centimetres.",
         ("forty two point five centimetres", 42.5)),
    ],
)
def test_cardinals_come_from_the_library(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


# text2num 3.1 stops at billions; "trillion" is read as a scale (number_scales.tsv)
@pytest.mark.parametrize("word", [w for w in CARDINAL_WORDS if w != "trillion"])
def test_every_cardinal_word_is_one_the_library_reads(word):
    assert unit_value(word) == text2num(word, "en")
    assert unit_value(word.capitalize()) == unit_value(word)


@pytest.mark.parametrize("word", ["o", "gazillion", "dozen", "lots"])
def test_words_the_list_leaves_out_count_nothing_alone(word):
    assert unit_value(word) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The stall sold a dozen jars of honey.", ("a dozen", 12.0)),
        ("Two dozen lanterns hung over the square.", ("Two dozen", 24.0)),
        ("She ordered three dozen bread rolls for the wedding.", ("three dozen", 36.0)),
    ],
)
def test_dozens_multiply(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The sauce takes three halves of a cup of stock.", 1.5),
        ("Nearly two-thirds of the orchard was lost to frost.", 2 / 3),
        ("Three quarters of the seats on the board went to women.", 0.75),
        ("The tank was four-fifths full by noon.", 0.8),
    ],
)
def test_fractions(finder, nlp, text, value):
    assert value in [pytest.approx(v) for _, v in read(finder, nlp, text)]


@pytest.mark.parametrize(
    ("text", "amount", "value"),
    [
        ("A fifth of the lanterns never lit.", "A fifth of", 0.2),
        ("The storm flattened half the barley.", "half the", 0.5),
        ("Half of the cyclists finished in the rain.", "Half of", 0.5),
        ("One quarter of the ferries were cancelled.", "One quarter of", 0.25),
        ("Roughly a tenth of the bees survived.", "a tenth of", 0.1),
    ],
)
def test_a_fraction_before_of_or_a_determiner_is_a_share(finder, nlp, text, amount, value):
    found = [(t, v) for t, v in read(finder, nlp, text) if amount in t]
    assert [v for _, v in found] == [pytest.approx(value)], read(finder, nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Exports slowed in the second half of the decade.",
        "The merger closed in the final quarter of its fiscal year.",
        "Rain fell through the latter half of the festival.",
    ],
)
def test_a_fraction_after_a_period_word_is_a_period(finder, nlp, text):
    assert [v for _, v in read(finder, nlp, text) if v is not None and v < 1] == []


@pytest.mark.parametrize(
    "text",
    [
        "The shop closed for three quarters running.",
        "She finished first in the regional final.",
        "No one answered the door that evening.",
    ],
)
def test_periods_ranks_and_pronouns_are_no_fraction_or_amount(finder, nlp, text):
    assert all(abs(v - 0.75) > 1e-9 and v != 1.0 for _, v in read(finder, nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A quarter million visitors came to the fair.", ("A quarter million", 250000.0)),
        ("The charity raised half a million pounds.", ("half a million pounds", 500000.0)),
        ("The budget passed four trillion yen for the first time.",
         ("four trillion yen", 4e12)),
        ("Officials expect a trillion dollars of new debt.", ("a trillion dollars", 1e12)),
        ("The climb took one and a half days.", ("one and a half days", 1.5)),
        ("Imports reached three quarters billion euros.",
         ("three quarters billion euros", 7.5e8)),
        ("Nearly one and a half million tickets were sold.",
         ("Nearly one and a half million", 1.5e6)),
        ("The old bridge is two-and-a-half miles long.", ("two-and-a-half miles", 2.5)),
    ],
)
def test_scales_and_halves_after_words(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts pencil in a three per cent to 9 per cent rise.", (3.0, 9.0)),
        ("The board wants a two to four per cent cut in costs.", (2.0, 4.0)),
        ("Fares face a six to eight percent increase next spring.", (6.0, 8.0)),
    ],
)
def test_an_article_before_a_small_number_opens_no_number(finder, nlp, text, expected):
    found = [f.quantity for f in finder(nlp(text)).quantities]
    assert [q.range for q in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Several hundred protesters gathered outside.",
        "Thousands of fans queued for hours.",
        "Millions watched the final on television.",
    ],
)
def test_a_scale_word_alone_is_no_amount(finder, nlp, text):
    # at most a vague quantity ("thousands of"), never a value of its own
    assert [v for _, v in read(finder, nlp, text) if v is not None] == []
