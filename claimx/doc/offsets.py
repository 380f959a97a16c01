"""Characters and tokens of a parsed Doc: find the token at a character, the character end of a
token range, and trim a span's edges without ever leaving the input's offsets.

Every lookup bisects the tokens' start offsets, built once per Doc (``token_starts``); the
``index_*`` functions work on any sorted list of offsets.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Quotation marks a direct quote's edges shed (``trim(..., chars=QUOTE_MARKS)``).
QUOTE_MARKS = "“”\"«»„‟"


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset, in order; cached per Doc (keyed by its length, so a
    retokenized Doc rebuilds it). Read it, never change it."""
    key = f"claimx.starts:{len(doc)}"
    cached = doc.user_data.get(key)
    if not isinstance(cached, list):
        cached = doc.to_array("IDX").tolist() if len(doc) else []
        doc.user_data[key] = cached
    return cached


def index_at(starts: Sequence[int], char: int) -> int:
    """The last index whose offset is at or before ``char`` (-1 when none is): for token
    starts, the token that holds ``char`` (or, on a space between tokens, the one before)."""
    return bisect.bisect_right(starts, char) - 1


def index_from(starts: Sequence[int], char: int) -> int:
    """The first index whose offset is at or after ``char`` (``len(starts)`` when none is)."""
    return bisect.bisect_left(starts, char)


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that holds ``char``, or the last one before it (the first token for a
    character before it; None in an empty Doc)."""
    if not len(doc):
        return None
    return doc[max(index_at(token_starts(doc), char), 0)]


def token_from(doc: Doc, char: int) -> Token | None:
    """The first token starting at or after ``char``, or None."""
    i = index_from(token_starts(doc), char)
    return doc[i] if i < len(doc) else None


def token_ending(doc: Doc, char: int) -> Token | None:
    """The token whose text ends exactly at ``char`` (the unit of "100 percent"), or None."""
    i = index_from(token_starts(doc), char) - 1
    if 0 <= i < len(doc) and doc[i].idx + len(doc[i]) == char:
        return doc[i]
    return None


def end_char(doc: Doc, hi: int) -> int:
    """Character end of the token range ending (exclusive) at token ``hi``."""
    last = doc[hi - 1]
    return last.idx + len(last.text)


@dataclass(frozen=True)
class Edges:
    """What ``trim`` strips from a span's edges.

    ``space``: any whitespace is an edge character; ``chars``: these are too. Then each of
    ``lead_words`` (checked once, in order, ignoring case, each written with its trailing
    space) is cut from the front when the span starts with it.
    """

    space: bool = True
    chars: str = ""
    lead_words: tuple[str, ...] = ()


# The callers' settings: furniture and a mixed quote (which keeps its marks) strip whitespace;
# a direct quote also its marks; claims build their own from ``CLAUSE_EDGE_CHARS`` and their
# clause-opening words: ``Edges(space=False, chars=CLAUSE_EDGE_CHARS, lead_words=...)``.
WHITESPACE = Edges()
QUOTED = Edges(chars=QUOTE_MARKS)
CLAUSE_EDGE_CHARS = " \t\r\n,;:-–—"


def trim(text: str, start: int, end: int, edges: Edges = WHITESPACE) -> tuple[int, int]:
    """Shrink ``[start, end)`` past the ``edges``; the offsets stay on ``text``."""
    while start < end and _is_edge(text[start], edges):
        start += 1
    while end > start and _is_edge(text[end - 1], edges):
        end -= 1
    for word in edges.lead_words:
        if text[start:end].lower().startswith(word):
            start += len(word)
    return start, end


def _is_edge(char: str, edges: Edges) -> bool:
    return (edges.space and char.isspace()) or char in edges.chars


def trim_tokens(start: int, end: int, *, drop_first: Callable[[int, int], bool],
                drop_last: Callable[[int, int], bool]) -> tuple[int, int]:
    """Shrink the token range ``[start, end)`` while ``drop_first(start, end)`` says its first
    token goes, then while ``drop_last(start, end)`` says its last one does (the entity
    extractor's name edges: articles, titles, punctuation)."""
    while start < end and drop_first(start, end):
        start += 1
    while end > start and drop_last(start, end):
        end -= 1
    return start, end
