"""Token-shape tests the entity passes share: numbers, acronyms, sentence starts, dashes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

NUMBERISH = re.compile(r"^(?=.*\d)[\d.,:/%\-+]+$")
HAS_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
ACRONYM = re.compile(r"^[A-Z][A-Z&.\d]{1,9}$")
BRACKETS = frozenset("()[]{}")
DASHES = frozenset({"-", "–", "—", "--"})
# Marks that end the text before a sentence or a line starts.
OPENING_MARKS = ".!?:;•"


def starts_sentence(doc: Doc, i: int, articles: frozenset[str]) -> bool:
    """First word of a sentence or line, allowing one article before it ("The Meridian")."""
    if i and doc[i - 1].lower_ in articles:
        i -= 1
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.is_space or prev.is_punct or prev.text[-1:] in OPENING_MARKS


def spaced_dash(doc: Doc, i: int) -> bool:
    """A dash with spaces around it separates ("Norway - Erling Dahl"); "Al-Ain" does not."""
    return (
        doc[i].text in DASHES
        and bool(doc[i].whitespace_)
        and i > 0
        and bool(doc[i - 1].whitespace_)
    )


def numberish_next(doc: Doc, end: int) -> bool:
    return end < len(doc) and bool(NUMBERISH.match(doc[end].text))


def run_before(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised words that end right before token ``i``."""
    start = i
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    return (start, i) if start < i else None


def run_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised words that start at token ``i``."""
    end = i
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
        end += 1
    return (i, end) if end > i else None


def lower_words(doc: Doc) -> set[int]:
    """Ids of the words the text writes in lower case (token ids: no Token objects built)."""
    rows = doc.to_array(["ORTH", "IS_LOWER"])
    return set(rows[rows[:, 1] != 0, 0].tolist())


def in_lines(offset: int, lines: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in lines)
