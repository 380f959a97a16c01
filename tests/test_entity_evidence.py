"""Entity labels and links from evidence in the article: organisation heads and club words,
names the model missed, deals, team short forms, towns beside bodies named after them, and
wire datelines whatever the source.

Every text here was written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest

from claimx.models import Entity

pytestmark = pytest.mark.model


def entities(extractor, text: str) -> list[Entity]:
    return list(extractor(text).entities)


def named(ents: list[Entity], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert found, f"no entity named {name!r} in {[(e.name, e.label) for e in ents]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kestrel United drew with Harrowgate Athletic on a wet night in the north.",
         "Kestrel United"),
        ("Ashbury FC lost to Millbrook Rovers after extra time.", "Ashbury FC"),
        ("The Saltmere Chamber of Commerce backed the councillor's call for new lights.",
         "Saltmere Chamber of Commerce"),
        ("Brede Wanderers have signed a new goalkeeper from the academy.", "Brede Wanderers"),
    ],
)
def test_head_word_makes_an_organisation(extractor, text, name):
    assert named(entities(extractor, text), name).label == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quillfeather Holdings said on Tuesday it had sold its last ferry.",
         "Quillfeather Holdings"),
        ("Residents asked why Saltmere Town Council had closed the library.",
         "Saltmere Town Council"),
        ("A report by Orrin Valley Water Authority found leaks in every district.",
         "Orrin Valley Water Authority"),
    ],
)
def test_name_ending_in_an_organisation_head(extractor, text, name):
    assert named(entities(extractor, text), name).label == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Reserve Bank of Veldmark kept its main rate on hold on Monday.",
         "Reserve Bank of Veldmark"),
        ("The Central Bank of Ostmark raised rates for a third month.",
         "Central Bank of Ostmark"),
        ("A letter from the Ministry of Fisheries reached the harbour board late.",
         "Ministry of Fisheries"),
    ],
)
def test_body_named_after_its_place(extractor, text, name):
    assert named(entities(extractor, text), name).label == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("The Ferrowell Comets beat the Dunmere Ravens 88-79 on Saturday. Okonjo said the "
         "Ravens had run out of legs.", "Dunmere Ravens", "Ravens"),
        ("The Lakeport Herons lost again on Sunday. Fans of the Herons booed the coach.",
         "Lakeport Herons", "Herons"),
        ("The Carrow Valley Foxes signed two forwards. The Foxes open their season in May.",
         "Carrow Valley Foxes", "Foxes"),
    ],
)
def test_last_word_with_the_names_the_body(extractor, text, name, alias):
    entity = named(entities(extractor, text), name)
    assert alias in entity.aliases
    assert entity.label == "ORG"


@pytest.mark.parametrize(
    ("text", "body", "town"),
    [
        ("The Brackwater Hotels Association said bookings had fallen. Visitors to Brackwater "
         "spent less, and hotels in Brackwater cut prices.", "Brackwater Hotels Association",
         "Brackwater"),
        ("The Dunholm Harbour Trust said the quay in Dunholm would close for repairs.",
         "Dunholm Harbour Trust", "Dunholm"),
        ("Fishermen in Tollan cheered when the Tollan Ferry Company cut its fares.",
         "Tollan Ferry Company", "Tollan"),
    ],
)
def test_town_is_not_the_alias_of_a_body_named_after_it(extractor, text, body, town):
    ents = entities(extractor, text)
    assert town not in named(ents, body).aliases
    assert named(ents, town).label in ("GPE", "LOC")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Veldmark Telecom merged with Corvane last year, ending a long rivalry.", "Corvane"),
        ("The brewer bought Tessaly in a deal worth 40 million crowns.", "Tessaly"),
        ("Harlan Foods acquired Brisbo after a bidding war with two rivals.", "Brisbo"),
    ],
)
def test_what_a_deal_takes_is_a_company(extractor, text, name):
    assert named(entities(extractor, text), name).label == "ORG"


@pytest.mark.parametrize(
    ("text", "place", "source"),
    [
        ("KESTRIN, June 9 (Northwire) - Police in Kestrin said the capital was calm.",
         "Kestrin", "Northwire"),
        ("FELSBURG, March 3 (Wirepress) - The port reopened on Tuesday after the storm.",
         "FELSBURG", "Wirepress"),
        ("ARDMORE, Oct 14 (Coastline News) - Ferries to the islands were cancelled.",
         "ARDMORE", "Coastline News"),
    ],
)
def test_wire_dateline_with_any_source(extractor, text, place, source):
    ents = entities(extractor, text)
    assert named(ents, place).label == "GPE"
    assert named(ents, source).label == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Coach Imre Vadasz said the Ferrowell Comets would appeal the ban.", "Imre Vadasz"),
        ("Governor Ilse Marrowby said the board was watching wages closely.", "Ilse Marrowby"),
        ("Councillor Bryony Teague asked for new street lights on the coast road.",
         "Bryony Teague"),
    ],
)
def test_name_after_a_title_is_a_person(extractor, text, name):
    assert named(entities(extractor, text), name).label == "PERSON"


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Meanwhile Lisk Harriers beat Dunmore Albion 3-1 at home.", "Lisk Harriers"),
        ("The Orton Pilots beat Vell Rangers 2-0 in the rain.", "Orton Pilots"),
        ("Yesterday Norrick Kites lost to Vell Rangers 0-2.", "Norrick Kites"),
    ],
)
def test_opening_word_is_not_part_of_a_team(extractor, text, team):
    assert named(entities(extractor, text), team).label == "ORG"


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Norrick Kites lost to Vell Rangers 0-2 on Saturday.", "Norrick Kites"),
        ("Orsa Falcons beat Tamber Athletic 3-1 in the cup.", "Orsa Falcons"),
        ("Dale Mariners drew with Hopwood Albion 2-2 at home.", "Dale Mariners"),
    ],
)
def test_plural_name_in_a_match_result_is_a_team(extractor, text, team):
    assert named(entities(extractor, text), team).label == "ORG"


@pytest.mark.parametrize(
    ("text", "person", "outlet"),
    [
        ("The chairman rejected the claim. \"We got a fair price,\" Lanning told the "
         "Riverton Gazette.", "Lanning", "Riverton Gazette"),
        ("\"The pitch was poor,\" Dermot Okafor told the Evening Lantern after the game.",
         "Dermot Okafor", "Evening Lantern"),
        ("\"No comment,\" Brandvold told the Coastal Courier on Friday.", "Brandvold",
         "Coastal Courier"),
    ],
)
def test_speaker_and_outlet_are_two_names(extractor, text, person, outlet):
    ents = entities(extractor, text)
    assert named(ents, outlet).label == "ORG"
    assert person in {e.name for e in ents} | {a for e in ents for a in e.aliases}


@pytest.mark.parametrize(
    ("text", "writer", "role"),
    [
        ("By Selma Quist, Political Correspondent\n\nThe port was sold on Monday.",
         "Selma Quist", "Political Correspondent"),
        ("By Tomas Reyne, Business Editor\n\nShares fell sharply on Tuesday.",
         "Tomas Reyne", "Business Editor"),
        ("By Anouk Velde, Senior Reporter\n\nThe council met late into the night.",
         "Anouk Velde", "Senior Reporter"),
    ],
)
def test_byline_role_is_not_a_writer(extractor, text, writer, role):
    ents = entities(extractor, text)
    assert named(ents, writer).label == "PERSON"
    assert role not in {e.name for e in ents}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in Pellar rose on Monday. Pellar, based in the north, said it would hire "
         "200 engineers.", "Pellar"),
        ("Investors in Tovanna were relieved. Tovanna told analysts that sales had "
         "recovered.", "Tovanna"),
        ("Bonds in Krestel fell. Krestel said in a statement that its debt was safe.",
         "Krestel"),
    ],
)
def test_a_name_that_speaks_anywhere_is_not_a_place(extractor, text, name):
    assert named(entities(extractor, text), name).label in ("ORG", "PERSON")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Councillor Fenella Rook, who leads the council, said the town could not wait.",
         "Fenella Rook"),
        ("The motion was tabled by Senator Oswin Tarrant late on Thursday.", "Oswin Tarrant"),
        ("Witnesses said Inspector Halvard Ness arrived at the scene within minutes.",
         "Halvard Ness"),
    ],
)
def test_person_after_a_title_is_found(extractor, text, name):
    assert named(entities(extractor, text), name).label == "PERSON"
