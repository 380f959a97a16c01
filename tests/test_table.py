"""The table view (claimx.io.table): the fields that matter, within 80 columns, words whole."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from claimx.io.table import TableWriter

ARTICLE = (
    "Monday, 3 June 2024\n\n"
    "Passenger numbers at Eastfield Airport climbed 14% to 2.3 million last month, the "
    "airport's operator said. \u201cWe could not have predicted such extraordinarily rapid "
    "growth,\u201d Priya Natarajan, its managing director, told reporters. She believes "
    "fares will stay low. Ticket prices did not fall.\n"
)


def _render(extractor, text: str, width: int) -> str:
    out = io.StringIO()
    writer = TableWriter(Console(file=out, width=width, color_system=None, highlight=False))
    writer.write(extractor(text))
    writer.close()
    return out.getvalue()


@pytest.mark.parametrize("width", [60, 80, 200])
def test_no_line_is_wider_than_80_columns(extractor, width):
    for line in _render(extractor, ARTICLE, width).splitlines():
        assert len(line) <= min(width, 80), line


def _cells(rendered: str) -> str:
    """The table's text without borders, joined across lines."""
    return " ".join(re.sub(r"[│┃┌┐└┘├┤┬┴┼─━┏┓┗┛┡┩╇┳┻]", " ", rendered).split())


@pytest.mark.parametrize("text", [
    "Passenger numbers at Eastfield Airport climbed 14% to 2.3 million last month",
    "extraordinarily rapid growth",
    "Priya Natarajan",
])
def test_text_wraps_between_words_and_is_never_cut(extractor, text):
    assert text in _cells(_render(extractor, ARTICLE, 80))


@pytest.mark.parametrize("shown", [
    "14 percent (change)",        # value with unit, and its role
    "2,300,000 (level)",
    "14%: up to 2,300,000",       # the change
    "Passenger numbers",          # the subject
    "last month = 2024-05",       # the time, resolved against the dateline
    "the airport's operator (said)",  # the source and its cue
    "sourced",                    # voice
    "negated",                    # "did not fall"
    "direct, speech",             # quote type and act
    "indirect, thought",
    "to reporters",               # who the words were said to
    "PERSON",                     # entity label
])
def test_the_fields_that_matter_are_shown(extractor, shown):
    assert shown in _cells(_render(extractor, ARTICLE, 80))
