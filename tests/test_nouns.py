"""The counted noun comes from the parse: the noun phrase the amount counts, with its
modifiers on either side of the amount, past the names that modify it and never including
another amount."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def nouns(extractor, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.noun) for c in extractor(text).claims for q in c.quantities]


@pytest.mark.parametrize(
    ("text", "amount", "noun"),
    [
        # names joined by "and"/"or" are makers of what is counted
        ("Inspectors grounded 35 Airbus and Embraer planes last week.", "35",
         "Airbus and Embraer planes"),
        ("The dealer took back 18 Ford or Nissan vans.", "18", "Ford or Nissan vans"),
        ("About 90 Sony and Canon cameras were stolen.", "About 90", "Sony and Canon cameras"),
        # another amount before the noun is a quantity of its own
        ("The brewery filled six million 330ml cans this year.", "six million", "cans"),
        ("The dairy packed 900,000 500ml cartons in May.", "900,000", "cartons"),
        ("Volunteers handed out 2,500 750ml flasks.", "2,500", "flasks"),
        ("Builders laid 4,000 2kg bricks on Tuesday.", "4,000", "bricks"),
        ("Farmers sold 300 5kg sacks of flour.", "300", "sacks"),
        # a number hangs on its scale word, which counts the noun
        ("The maker shipped 2 million electric scooters.", "2 million", "electric scooters"),
        ("Growers picked 1.5 billion ripe olives.", "1.5 billion", "ripe olives"),
        ("The port handled 3 million refrigerated containers.", "3 million",
         "refrigerated containers"),
        # modifiers written before the amount belong to the noun
        ("The top four clubs met in Lisbon.", "four", "top clubs"),
        ("The hospital hired an extra 120 nurses.", "120", "extra nurses"),
        ("The remaining 15 flats will be sold at auction.", "15", "remaining flats"),
    ],
)
def test_the_counted_noun_from_the_parse(extractor, text, amount, noun):
    assert (amount, noun) in nouns(extractor, text)


@pytest.mark.parametrize(
    ("text", "amount", "noun"),
    [
        ("Her 12 grandchildren came to the party.", "12", "grandchildren"),  # a possessive
        ("Another 30 drivers were fined.", "30", "drivers"),  # a determiner
        ("The council sold 20% of its 140 homes.", "140", "homes"),
    ],
)
def test_determiners_and_possessives_before_the_amount_stay_out(extractor, text, amount, noun):
    assert (amount, noun) in nouns(extractor, text)
