"""Pronoun speakers resolve to the nearest compatible person: a title or a given name that
tells the other gender rules a person out."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a title before a mention tells the gender
        ("Mrs Okafor met Mr Bello on Monday. He said talks were nearly done.", "Bello"),
        ("Mr Bello met Mrs Okafor on Monday. She said talks were nearly done.", "Okafor"),
        # a given name that usually carries one gender
        ('Tom Ash met Jane Roe in Leeds. She said: "It is over."', "Jane Roe"),
        ('Jane Roe met Tom Ash in Leeds. He said: "It is over."', "Tom Ash"),
        # a name that tells nothing is not ruled out
        ('Sam Reed met Tom Ash in Leeds. She said: "It is over."', "Sam Reed"),
    ],
)
def test_pronoun_goes_to_a_compatible_person(extractor, text, speaker):
    quotes = extractor(text).quotes
    assert quotes and quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == speaker
    assert quotes[-1].speaker.mention.text in ("He", "She")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "they" after a named group that is the sentence's subject
        ("Greenpeace said the dam would flood the valley. They added that the plan was "
         "rushed.", "Greenpeace"),
        ("Canadians want lower fees, and Australians want tariffs (they say tariffs save "
         "jobs).", "Australians"),
        # a plain noun that spoke: "they" is those officials, as written
        ("Officials said the dam was safe. They added that the plan was sound.", "Officials"),
        # after one person, "they" stays as written
        ("Tom Ash said the dam was safe. They added that the plan was sound.", "They"),
    ],
)
def test_they_goes_to_a_named_group(extractor, text, speaker):
    quotes = [q for q in extractor(text).quotes if q.speaker is not None
              and q.speaker.mention.text.lower() == "they"]
    assert quotes and quotes[-1].speaker.name == speaker
