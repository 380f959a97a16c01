"""Entities in wire copy: named events, competitors with their country in brackets, teams in
results and standings lines, names listed with people, and a line's field labels.

Every text here was written for these tests; the names are invented.
"""

from __future__ import annotations

import pytest

from claimx.models import Entity

pytestmark = pytest.mark.model


def mentions(extractor, text: str) -> dict[str, str]:
    """Each mention's text and its entity's label; offsets checked on the way."""
    doc = extractor(text)
    found: dict[str, str] = {}
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text
            found[mention.text] = entity.label
    return found


def entity(extractor, text: str, name: str) -> Entity:
    found = [e for e in extractor(text).entities if e.name == name]
    assert found, f"no entity named {name!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dorota Wilk won the Baltic Harbour Open on Sunday after a long final .",
         "Baltic Harbour Open"),
        ("The Tamsin Games open next week with 40 nations taking part .", "Tamsin Games"),
        ("She rode in the Tour of the Karst for the first time last spring .",
         "Tour of the Karst"),
        ("Judges gave the Ferncliff Prize for poetry to a first-time writer .", "Ferncliff Prize"),
        ("Fans queued overnight for tickets to the Moravian Cup final .", "Moravian Cup"),
    ],
)
def test_name_ending_in_an_event_head_is_an_event(extractor, text, name):
    assert mentions(extractor, text).get(name) == "EVENT"


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Quarter-finals\n\nOrla Brandt ( Ireland ) beat Kasia Nowicka ( Poland ) 6-2 6-3\n",
         ["Orla Brandt", "Kasia Nowicka"]),
        ("Leading scores :\n\n69 Teodor Lund ( Norway ) , Ravi Chandran ( India )\n",
         ["Teodor Lund", "Ravi Chandran"]),
        ("Results :\n\n1. Amara Diallo ( Senegal ) 10.02\n2. Wendel Roos ( Belgium ) 10.11\n",
         ["Amara Diallo", "Wendel Roos"]),
    ],
)
def test_name_with_its_country_in_brackets_is_a_person(extractor, text, people):
    found = mentions(extractor, text)
    for person in people:
        assert found.get(person) == "PERSON", found


@pytest.mark.parametrize(
    ("text", "clubs"),
    [
        ("Group stage :\n\nTorvik Ballklubb ( Norway ) 2 Duna Sport ( Hungary ) 0\n",
         ["Torvik Ballklubb", "Duna Sport"]),
        ("Result on Tuesday :\n\nRapid Kolvar ( Slovakia ) 1 Vesta Lumo ( Finland ) 3\n",
         ["Rapid Kolvar", "Vesta Lumo"]),
        ("Second leg :\n\nOrso Bianco ( Italy ) 0 Meridia Lisboa ( Portugal ) 0\n",
         ["Orso Bianco", "Meridia Lisboa"]),
    ],
)
def test_name_with_its_country_before_a_score_is_a_club(extractor, text, clubs):
    found = mentions(extractor, text)
    for club in clubs:
        assert found.get(club) == "ORG", found


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("Results of third division matches on Sunday :\n\nAtletico Morena 1 Uniao Serrada 0\n",
         ["Atletico Morena", "Uniao Serrada"]),
        ("Results :\n\nVitoria Sal 3 ( Lemos 12 , Bento 40 ) Jose Gil 1 ( Rato 80 )\n",
         ["Vitoria Sal", "Jose Gil"]),
        ("Standings after Sunday 's games :\n\nAdriano Lemos 22 14 5 3 40 19 47\n"
         "Uniao Serrada 22 12 6 4 35 22 42\n", ["Adriano Lemos", "Uniao Serrada"]),
    ],
)
def test_names_of_a_results_or_standings_line_are_teams(extractor, text, teams):
    found = mentions(extractor, text)
    for team in teams:
        assert found.get(team) == "ORG", found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Leaders :\n\n70 Harriet Coyle ( Wales ) , Sizwe Dube , Pieter Kruger\n", "Sizwe Dube"),
        ("Leading scores :\n\n67 Sipho Mabaso , Kagiso Rampa , Jan Steyn\n", "Kagiso Rampa"),
        ("Named in the squad : Bongani Khumalo , Themba Ndlovu , Jaco Venter .",
         "Themba Ndlovu"),
        ("Also named : Mateus Pires , Lwazi Mokoena , Ana Beltran .", "Lwazi Mokoena"),
        ("Second round :\n\n70 Henrik Dahl ( Sweden ) , Sibusiso Zungu\n", "Sibusiso Zungu"),
    ],
)
def test_name_listed_with_people_is_a_person(extractor, text, person):
    assert mentions(extractor, text).get(person) == "PERSON"


@pytest.mark.parametrize(
    ("text", "label_word"),
    [
        ("Ostmark 2 Lidvia 1\n\nAttendance : 21,300 .\n", "Attendance"),
        ("Brask 1 ( Holm 30 ) Lidvik 1 ( Rask 77 ) . Halftime 1-0 .\n", "Halftime"),
        ("Orvik won by two wickets .\n\nUmpires : A. Holt and B. Crane\n", "Umpires"),
        ("Orvik 2 Lamsa 1\n\nCrowd : 9,100 .", "Crowd"),
        ("Brask 2 ( Holm 8 ) Lidvik 0 . Halftime 1-0 . Attendance 6,350 .\n", "Attendance"),
    ],
)
def test_field_label_of_a_line_is_no_name(extractor, text, label_word):
    assert label_word not in mentions(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Norwegian insurer Fjellvik Gruppen said claims rose in the storm season .",
         "Fjellvik Gruppen"),
        ("Carmaker Ostrander cut its forecast for the year on Friday .", "Ostrander"),
        ("The Belgian side Meulebeke signed two defenders before the deadline .", "Meulebeke"),
        ("Private bank Halsgrove reported a loss for the first half .", "Halsgrove"),
        ("Officials met the chief of Tarvona , the state power company , on Monday .",
         "Tarvona"),
    ],
)
def test_name_described_as_a_business_or_club_is_an_organisation(extractor, text, name):
    assert mentions(extractor, text).get(name) == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bondholders of Lumiero Energia SpA met in the capital on Tuesday .",
         "Lumiero Energia SpA"),
        ("Lenders to Brakstad ASA agreed a new plan on Friday .", "Brakstad ASA"),
        ("Talks with Oberwald Kaffee GmbH broke down on Sunday .", "Oberwald Kaffee GmbH"),
        ("Shares in Vintermark AB rose after the bid was confirmed .", "Vintermark AB"),
        ("In Vienna , steel group Kornauer AG lost 3 percent .", "Kornauer AG"),
    ],
)
def test_name_ending_in_a_legal_form_is_a_company(extractor, text, name):
    assert mentions(extractor, text).get(name) == "ORG"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("In Hobart : Northvale 287 ( A. Kinsella 92 , R. Ostlund 66 ) v Southmere 31-0\n",
         "R. Ostlund"),
        ("J. Ferrier c Amos b Doyle 71\nK. Baptiste not out 40\n", "K. Baptiste"),
        ("In Cairns : Ridgeway 240 ( D. Whitcombe 81 , E. Okafor 44 ) v Harbourside 12-1\n",
         "E. Okafor"),
        ("Innings : S. Oduya c Holm b Rask 45\n", "S. Oduya"),
    ],
)
def test_initial_and_surname_are_a_person(extractor, text, person):
    assert mentions(extractor, text).get(person) == "PERSON"


@pytest.mark.parametrize(
    ("text", "team", "scorers"),
    [
        ("Scorers :\nLidvik Ballklubb - Strand 12 , Aukrust 70 pen\n", "Lidvik Ballklubb",
         ["Strand", "Aukrust"]),
        ("Goals :\nOrso Bianco - Farinelli 4 , 66\n", "Orso Bianco", ["Farinelli"]),
        ("Scorers :\nMeridia Lisboa - Caldeira 31 , Tavares 89 og\n", "Meridia Lisboa",
         ["Caldeira", "Tavares"]),
    ],
)
def test_scorers_after_their_team_are_people(extractor, text, team, scorers):
    found = mentions(extractor, text)
    assert found.get(team) == "ORG", found
    for scorer in scorers:
        assert found.get(scorer) == "PERSON", found


@pytest.mark.parametrize(
    ("text", "player"),
    [
        ("Leading scores after the third round :\n\nPieter Marais 65 66 67 198\n"
         "Jonah Reeve 66 68 65 199\n", "Jonah Reeve"),
        ("Second round :\n\nOskar Bergvall 70 68 138\nTiago Farrell 71 69 140\n", "Tiago Farrell"),
        ("Final scores :\n\nKwame Asante 68 70 69 71 278\nRuben Castel 70 70 70 69 279\n",
         "Kwame Asante"),
    ],
)
def test_a_row_of_round_scores_names_a_player(extractor, text, player):
    assert mentions(extractor, text).get(player) == "PERSON"


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("VANTRO TO BUY RIVAL FOR $ 1.2 BLN .\n\nOSLO 2032-07-15\n\nVantro said it would pay "
         "in cash .", 1.2e9, "OSLO"),
        ("KELDA POSTS 40 MILLION EURO PROFIT .\n\nBERGEN 2032-02-01\n\nKelda said demand held "
         "up .", 4e7, "BERGEN"),
        ("ORSK RAISES 300 MLN DOLLARS IN BOND SALE .\n\nRIGA 2032-05-11\n\nOrsk sold the bonds "
         "on Monday .", 3e8, "RIGA"),
    ],
)
def test_scale_word_in_a_capitals_headline_costs_nothing(extractor, text, value, name):
    """A scale word matched in any case ("BLN") is read, and the document keeps its records."""
    doc = extractor(text)
    assert not doc.errors
    values = [q.value for claim in doc.claims for q in claim.quantities]
    assert value in values
    assert name in mentions(extractor, text)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Close of play :\n\nAt Dunmore : Westerleigh 283 and 174-6 v Northcombe 296 .\n",
         ["Westerleigh", "Northcombe"]),
        ("Scores on the first day :\n\nAt Carrow : Eastmere 201 ( J. Pym 5-40 ) v Harlby 45-2\n",
         ["Eastmere", "Harlby"]),
        ("Second day :\n\nAt Lanton : Southwold Vale 150 v Marsh Fenton 12-0\n",
         ["Southwold Vale", "Marsh Fenton"]),
    ],
)
def test_the_sides_of_a_cricket_score_line_are_teams(extractor, text, sides):
    found = mentions(extractor, text)
    for side in sides:
        assert found.get(side) == "ORG", found
