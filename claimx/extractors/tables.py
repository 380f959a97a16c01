"""Tables in running text: standings, results, scorer lists and aligned columns.

A table states numbers, but not as claims: "Rovers 12 9 2 1 29" is a row, not a sentence, so
its numbers must not become quantities nor its lines quotes. Tables are told from prose by the
shape of their lines alone, never by their words, so the test holds for any sport, language of
team names or layout: a row is mostly numbers and has (almost) no lowercase words, which every
prose sentence needs; or its cells are aligned by tabs or runs of spaces. Rows next to each
other (blank lines between them allowed) make a table; one row alone makes a table only when it
holds many numbers ("Okoro 12, Lindqvist 37 pen, Okoro 58, Baptiste 81") and the text has
other lines: a text of one line is read as a sentence, whatever its shape. A line of short
column heads ("Team P W D L Pts") just before a table belongs to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A cell that is a number, a score or a time ("48", "3-1", "(6/8)", "+12", "45'", "1.5m"): it
# holds a digit and at most two letters.
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# A prose word: lowercase letters only (trailing punctuation aside), two or more of them.
_PROSE_WORD = re.compile(r"^[(\"'\u2018\u201c]*[a-z][a-z'\u2019-]+[.,;:!?)\"'\u2019\u201d]*$")
# Cells aligned by a tab or by two or more spaces.
_ALIGNED_GAP = re.compile(r"\S(?:\t|  +)(?=\S)")

MIN_NUMBERS = 2  # a row has at least this many numbers...
MIN_NUMBER_SHARE = 0.4  # ...making at least this share of its cells
MAX_PROSE_SHARE = 0.15  # a row has at most this share of lowercase words
MIN_ALIGNED_GAPS = 2  # an aligned row has at least this many tab or multi-space gaps
MAX_ALIGNED_PROSE_SHARE = 0.3
LONE_ROW_NUMBERS = 4  # a row on its own is a table when it holds this many numbers
MIN_HEAD_CELLS = 3
MAX_HEAD_CELL = 4  # column heads are short: "P", "W", "GD", "Pts"


@dataclass(frozen=True)
class Line:
    """One non-blank line of the text: its offsets and the counts that give its shape."""

    start: int
    end: int
    cells: int
    numbers: int
    prose: int
    aligned: int
    short: int

    @property
    def is_row(self) -> bool:
        if not self.cells or self.numbers < 1:
            return False
        prose_share = self.prose / self.cells
        if self.aligned >= MIN_ALIGNED_GAPS and prose_share <= MAX_ALIGNED_PROSE_SHARE:
            return True
        return (self.numbers >= MIN_NUMBERS and self.numbers / self.cells >= MIN_NUMBER_SHARE
                and prose_share <= MAX_PROSE_SHARE)

    @property
    def is_head(self) -> bool:
        """Column heads: no numbers, no prose, cells short or aligned."""
        return (self.cells >= MIN_HEAD_CELLS and not self.numbers and not self.prose
                and (2 * self.short >= self.cells or self.aligned >= MIN_ALIGNED_GAPS))


def _is_number(cell: str) -> bool:
    return _DIGIT.search(cell) is not None and len(_LETTER.findall(cell)) <= MIN_NUMBERS


def _line(text: str, start: int, end: int) -> Line:
    body = text[start:end]
    cells = body.split()
    return Line(start, end, len(cells),
                numbers=sum(1 for c in cells if _is_number(c)),
                prose=sum(1 for c in cells if _PROSE_WORD.match(c)),
                aligned=len(_ALIGNED_GAP.findall(body.strip())),
                short=sum(1 for c in cells if len(c) <= MAX_HEAD_CELL))


def _lines(text: str) -> Iterator[Line]:
    """The non-blank lines of the text, in order (CR and CRLF line ends too)."""
    start = 0
    for piece in text.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        if body.strip():
            yield _line(text, start, start + len(body))
        start += len(piece)


def find_tables(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each table block in the text, in order."""
    if not _DIGIT.search(text):
        return []
    lines = list(_lines(text))
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not lines[i].is_row:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].is_row:
            j += 1
        # a text of one line is a sentence whoever wrote it: a lone row must stand among others
        if j > i or (lines[i].numbers >= LONE_ROW_NUMBERS and len(lines) > 1):
            first = i - 1 if i and lines[i - 1].is_head else i
            blocks.append((lines[first].start, lines[j].end))
        i = j + 1
    return blocks
