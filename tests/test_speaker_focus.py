"""Speakers from the person in focus: a description of a person ("the defender", "the
Italian") and "he"/"she" go to the person the text was just about, the last main-clause
subject, not to a name mentioned in passing or in a clause the sentence reports."""

from __future__ import annotations

import pytest


def _last_speaker(extractor, text):
    quotes = extractor(text).quotes
    assert quotes and quotes[-1].speaker is not None
    return quotes[-1].speaker


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # a noun whose usual sense is a person (WordNet's noun.person)
        ('Priya Nair runs the night shift at the hospital. "We are short of beds," the '
         "nurse said.", "the nurse", "Priya Nair"),
        # a player's position (no office: speaker_descriptions.tsv), with a word more
        ('Chris Dalton joined the club in May. "It made no sense," the veteran defender '
         "said of the sale.", "the veteran defender", "Chris Dalton"),
        # a nationality's noun
        ("Marco Bellini praised his staff after the win. The Italian said the squad had "
         "earned a rest.", "The Italian", "Marco Bellini"),
        # several people named: the last one who was a main-clause subject
        ("Tom Brandt met Ana Kovac at the summit in Riga on Monday. Brandt later spoke to "
         'the press. "The talks went well," the diplomat said.', "the diplomat", "Tom Brandt"),
    ],
)
def test_a_description_goes_to_the_person_in_focus(extractor, text, mention, speaker):
    found = _last_speaker(extractor, text)
    assert found.mention.text == mention
    assert found.name == speaker
    assert found.entity is not None


@pytest.mark.parametrize(
    "text",
    [
        ('Dana Holt opened the inquiry on Monday. A witness said the door had been locked. '
         '"I heard a shout," the witness added.'),
        ('Greg Olsen chaired the hearing in March. A farmer said the river had flooded twice. '
         '"Nobody came to help," the farmer said.'),
        ('Ruth Lang visited the depot at dawn. A driver said the trucks had not moved. '
         '"We waited all night," the driver told her.'),
    ],
)
def test_a_person_brought_in_without_a_name_stays_unnamed(extractor, text):
    found = _last_speaker(extractor, text)
    assert found.entity is None
    assert found.name.lower().startswith("the ")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of a reported clause is not in focus: the one who reported it is
        ('Peter Quinn said that Alan Reeve had misled the board. "He should resign," he '
         "added.", "Peter Quinn"),
        ('Mark Ellison believes Tony Hart struck Paul Avery on purpose. "It was a terrible '
         'tackle," he said.', "Mark Ellison"),
        ('Helen Brook told the court that Susan Pike had signed the papers. "I saw her do '
         'it," she said.', "Helen Brook"),
        # a description in focus, resolved in turn
        ('Chris Dalton joined the club in May. The defender criticised the plan to sell Gary '
         'Finch. "It made no sense," he said.', "Chris Dalton"),
    ],
)
def test_he_or_she_goes_to_the_main_subject_before(extractor, text, speaker):
    found = _last_speaker(extractor, text)
    assert found.mention.text.lower() in ("he", "she")
    assert found.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        'Sol Baker joined Leeds in 2019. "We lost badly," the 30-year-old added, speaking of '
        "the final.",
        'Sol Baker joined Leeds in 2019. "We were tired," the 30-year-old said after the game.',
        "Sol Baker joined Leeds in 2019. The 30-year-old said the squad needed a rest.",
    ],
)
def test_an_age_stands_for_the_person_in_focus(extractor, text):
    found = _last_speaker(extractor, text)
    assert found.mention.text.lower() == "the 30-year-old"
    assert found.name == "Sol Baker"


def test_an_age_with_an_indefinite_article_is_someone_new(extractor):
    text = "Sol Baker joined Leeds in 2019. A 30-year-old said the squad needed a rest."
    found = _last_speaker(extractor, text)
    assert found.entity is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Tom Grant praised his wife, Mary Grant, at the rally in Dayton. Grant said the "
         "campaign would win Ohio.", "Tom Grant"),
        ("Ellen Shaw thanked her brother, Mark Shaw, after the vote. Shaw said the result was "
         "a relief.", "Ellen Shaw"),
        ("Victor Hale introduced his son, Adam Hale, to the board. Hale said the firm would "
         "stay in the family.", "Victor Hale"),
        # the relative was the subject last: they are in focus
        ("Victor Hale met the board. His son, Adam Hale, spoke next. Hale said the firm would "
         "stay in the family.", "Adam Hale"),
    ],
)
def test_a_shared_surname_goes_to_the_person_last_seen_as_a_subject(extractor, text, speaker):
    found = _last_speaker(extractor, text)
    assert found.mention.text in ("Grant", "Shaw", "Hale")
    assert found.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # someone possessed by the person in focus is someone else
        ("Tom Clarke built the firm in 1990. His former partner said the books were clean.",
         "His former partner"),
        ("Ellen Shaw won the seat in May. Her lawyer said the recount was over.", "Her lawyer"),
        # who was told is not the speaker, so the speaker stays the person in focus
        ('Norman Hale spoke to the radio host. "Now I can speak freely," he told the host.',
         "Norman Hale"),
        ('Ruth Oduya met the nurse on Monday. "We need more beds," she told the nurse.',
         "Ruth Oduya"),
    ],
)
def test_a_possessed_or_told_person_is_not_the_person_in_focus(extractor, text, speaker):
    assert _last_speaker(extractor, text).name == speaker
