"""Person or body for a name that speaks, from the article's own words for it: a later "he"
or "she", a person noun ("the striker", "the 30-year-old"), a title or a given name make a
person; "it said", "its", "the club", "the company" make a body.

Every text here was written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest
from test_entity_evidence import entities, named

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Varnek said the squad had trained well all week. He added that the pitch was heavy.",
         "Varnek"),
        ("Delacourt said the offer was too low, and his agent agreed.", "Delacourt"),
        ("Ilsund said the deal was close, and his lawyer confirmed it.", "Ilsund"),
        ("Pavlek said the injury was minor. She expects to play on Sunday.", "Pavlek"),
    ],
)
def test_name_a_later_he_or_she_stands_for_is_a_person(extractor, text, name):
    assert named(entities(extractor, text), name).label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Varnek said the squad had trained well all week. The striker expects to start on "
         "Saturday.", "Varnek"),
        ("Delacourt said the offer was too low. The defender wants a longer contract.",
         "Delacourt"),
        ("Ostrova said the offer was too low. The winger wants a longer contract.", "Ostrova"),
        ("Quillane said the new rules were unfair. The 28-year-old wants a meeting with the "
         "league.", "Quillane"),
        ("Delacourt said the offer was too low. The 29-year-old wants a longer contract.",
         "Delacourt"),
    ],
)
def test_name_a_person_noun_describes_is_a_person(extractor, text, name):
    assert named(entities(extractor, text), name).label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Coach Tessaro said the players had earned a day off.", "Tessaro"),
        ("Coach Ostrova said the players had earned a day off.", "Ostrova"),
        ("Captain Varnek said the squad had trained well all week.", "Varnek"),
        ("Manager Quillane said the new rules were unfair.", "Quillane"),
    ],
)
def test_speaking_name_after_a_title_is_a_person(extractor, text, name):
    assert named(entities(extractor, text), name).label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Daniel Varnek said the fee had been agreed. The club confirmed the signing on "
         "Monday.", "Daniel Varnek"),
        ("Sophie Brackwell said sales would rise. The company will pay a larger dividend.",
         "Sophie Brackwell"),
        ("Martin Halloran said the plant would close. It said no jobs would go.",
         "Martin Halloran"),
    ],
)
def test_speaking_name_opening_with_a_given_name_stays_a_person(extractor, text, name):
    assert named(entities(extractor, text), name).label == "PERSON"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grayholt said sales would rise next year. The company will pay a larger dividend.",
         "Grayholt"),
        ("Lanfield said the fee had been agreed. The club confirmed the signing on Monday.",
         "Lanfield"),
        ("Grayholt said sales would rise next year. It said ten new stores would open.",
         "Grayholt"),
        ("Ossington told staff that the office would move. It said no jobs would go.",
         "Ossington"),
    ],
)
def test_name_spoken_for_as_it_or_the_club_is_a_body(extractor, text, name):
    assert named(entities(extractor, text), name).label == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # The "he" after another name is that name's.
        ("Tamsley said it had agreed a fee for Kovac Brenner. He will sign on Monday.",
         "Tamsley", "ORG"),
        # The speaker's own words describe others: "the manager" is not Mendrick.
        ("Mendrick said the manager would stay. The club wants to keep him for three years.",
         "Mendrick", "ORG"),
        # Words after a name that is not the subject are about the subject.
        ("Kestova warned that the heat would last. Ivo Stel, a spokesman for Kestova, said it "
         "was unusual. He urged everyone to drink water.", "Kestova", "ORG"),
        # A lone given name is a club's or a town's as often as a person's.
        ("Harlowe said that sales would rise. It expects ten new stores to open.", "Harlowe",
         "ORG"),
    ],
)
def test_words_that_are_not_the_speakers_decide_nothing(extractor, text, name, label):
    assert named(entities(extractor, text), name).label == label
