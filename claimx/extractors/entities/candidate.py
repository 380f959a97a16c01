"""A mention being built, and the keys that group mentions by their written form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Cand:
    """A mention being built: token span, label and where it came from."""

    start: int
    end: int
    label: str
    gaz: bool = False  # the gazetteer (or a personal title) backs this span and its label
    headline: bool = False
    weak: bool = False  # backed by a list that yields to context (a city can be a club)
    split: bool = False  # a piece of a model span cut at a line break or dash
    sure: bool = False  # its context (a results row) settles it: no common-word doubts
    club: bool = False  # a place name used for its sports club: a separate entity
    ref: str | None = None  # the key of the person a shared surname was resolved to


def taken_tokens(cands: list[Cand]) -> set[int]:
    """The token indexes some mention covers."""
    return {i for c in cands for i in range(c.start, c.end)}


def overlapping(cands: list[Cand], start: int, end: int) -> list[Cand]:
    return [c for c in cands if c.start < end and start < c.end]


def disjoint(cands: list[Cand]) -> list[Cand]:
    """Drop duplicate and overlapping mentions, keeping the longer one."""
    cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Cand] = []
    last_end = -1
    for cand in cands:
        if cand.start >= last_end:
            out.append(cand)
            last_end = cand.end
    return out


def key(text: str) -> str:
    """The grouping key of a surface form: case, dots, possessive marks and spacing ignored."""
    text = text.replace("’", "'").replace(".", "")
    return " ".join(text.lower().split())


def key_words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Token-wise keys; punctuation tokens keep a placeholder so "OSTRAVA ." != "Ostrava"."""
    return tuple(key(doc[i].text) or doc[i].text for i in range(start, end))


def initials(name_key: str, joiners: frozenset[str]) -> str:
    """The initials of a key, joiners skipped: "union of baltic ports" gives "ubp"."""
    return "".join(w[0] for w in name_key.split() if w not in joiners and w[0].isalpha())
