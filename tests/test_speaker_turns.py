"""Who says which quotation when several speakers take turns: an attribution that ends in a
colon before a quotation introduces that quotation, never the one before it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ('Harbour manager Lisa Grant said: "We will reopen in May." Council leader Omar Diaz '
         'said: "The money is there."', ["Lisa Grant", "Omar Diaz"]),
        ('Rovers coach Dan Webb said: "Something was thrown. He needed no stitches." United '
         'boss Ian Hale said: "It is a shame. I saw nothing."', ["Dan Webb", "Ian Hale"]),
        ('The union leader Ruth Oduya told reporters: "The strike goes on." The transport '
         'secretary Neil Brand replied: "Talks can start tomorrow."', ["Ruth Oduya", "Neil Brand"]),
    ],
)
def test_each_quotation_keeps_the_speaker_whose_colon_opens_it(extractor, text, speakers):
    quotes = [q for q in extractor(text).quotes if q.type == "direct"]
    assert [q.speaker.name if q.speaker else None for q in quotes] == speakers
    assert all(q.cue is not None for q in quotes)
