"""Ordinals, "number one" and records are ranking claims whose quantity holds the rank; ordinals
of dates, centuries, names and adverbs are not ranks."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def ranks(extractor, text: str) -> list[tuple[str, float | None, str | None, str]]:
    return [(q.text, q.value, q.noun, c.kind) for c in extractor(text).claims
            for q in c.quantities if q.unit == "rank"]


@pytest.mark.parametrize(
    ("text", "rank", "value", "noun"),
    [
        ("The goalkeeper earned his 41st cap in the friendly.", "41st", 41.0, "cap"),
        ("It is the third time this decade that the dam has overflowed.", "third", 3.0, "time"),
        ("The bakery opened its ninth shop on the high street.", "ninth", 9.0, "shop"),
        ("The tenor gave his twenty-first recital in the hall.", "twenty-first", 21.0, "recital"),
        ("Kovac, a former world number two, retired on Friday.", "number two", 2.0, None),
        ("The club signed the No. 3 seed from the junior ranks.", "No. 3", 3.0, "seed"),
        ("The port is now the fourth-busiest in the country.", "fourth-busiest", 4.0,
         "busiest"),
        ("Oslo has become the second biggest buyer of the bonds.", "second biggest", 2.0,
         "buyer"),
        ("Wheat prices hit a record high in the spring.", "record high", 1.0, "high"),
        ("The striker scored a record 29 goals for the club.", "record", 1.0, "goals"),
        ("The miner reported a record quarterly profit on Monday.", "record", 1.0,
         "quarterly profit"),
    ],
)
def test_a_rank_is_a_ranking_claim_with_its_value(extractor, text, rank, value, noun):
    assert (rank, value, noun, "ranking") in ranks(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The festival begins on the 4th of June in the old town.",  # a date
        "The chapel was built in the 14th century.",  # a century
        "The shop on Fifth Avenue shut its doors.",  # a name
        "At first, nobody noticed the leak.",  # an adverb
        "He first visited the island as a student.",
        "The band signed with a record label and broke the attendance record.",
        "A number of ferries were cancelled.",
    ],
)
def test_ordinals_that_are_not_ranks(extractor, text):
    assert ranks(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The actor marked his 80th birthday with a party.", 80.0),
        ("Crowds cheered the queen on her 90th birthday.", 90.0),
        ("On its 5th birthday the robot got a new arm.", 5.0),
    ],
)
def test_an_ordinal_birthday_is_an_age(extractor, text, age):
    quantities = [q for c in extractor(text).claims for q in c.quantities]
    assert [(q.value, q.unit) for q in quantities] == [(age, "year of age")]
