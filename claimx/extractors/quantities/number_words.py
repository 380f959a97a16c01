"""Number words and their values (``number_words.tsv``; the kind column is documented in
``patterns/quantities/README.md``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimx.rules.loader import PatternSet

NumberWords = dict[str, tuple[float, str]]
_COLUMNS = 3


def load_number_words(patterns: PatternSet) -> NumberWords:
    """Each number word (lower case) with its value and kind."""
    words: NumberWords = {}
    for row in patterns.table("number_words"):
        if len(row) >= _COLUMNS:
            words[row[0].lower()] = (float(row[1]), row[2])
    return words


def unit_value(words: NumberWords, word: str) -> float | None:
    """The value of a word that counts by itself ("seven", "forty"), else None."""
    entry = words.get(word.lower())
    return entry[0] if entry is not None and entry[1] == "unit" else None


def share_term(words: NumberWords, word: str) -> float | None:
    """One side of a share: digits or a number word that counts by itself."""
    if word.isdigit():
        return float(word)
    return unit_value(words, word)
