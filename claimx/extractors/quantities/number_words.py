"""Numbers written in words, read by text2num (MIT), a maintained library, over spaCy's tokens so
offsets stay those of the text; the little it does not read ("a dozen", "two-thirds", "half a
million") is the grammar of ``number_words.tsv`` (its kinds are documented in
``patterns/quantities/README.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from text_to_num import find_numbers, text2num

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.rules.loader import PatternSet

_COLUMNS = 3
_LANGUAGE = "en"
# How many tokens one number in words may take: "one hundred and twenty-five thousand".
_REACH = 14
# A word the library would read on its own: "o" is zero to it, "one" an amount only in context.
_ANY_VALUE = 0.0
# The English cardinals written as one word, the closed class that number words are built from
# ("twenty-five" is two of them); text2num reads each but "trillion", a scale word too
# (tests/test_number_words.py checks it).
# spaCy has such a list too, but only as a private name of its English lexical attributes.
CARDINAL_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion",
)
_CARDINALS = frozenset(CARDINAL_WORDS)


@dataclass(frozen=True)
class _Word:
    """One token as text2num's ``Token`` protocol wants it."""

    word: str

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Word) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


class NumberWords:
    """The library's reading of number words and the grammar it lacks."""

    def __init__(self, patterns: PatternSet) -> None:
        self.grammar: dict[str, tuple[float, str]] = {}
        for row in patterns.table("number_words"):
            if len(row) >= _COLUMNS:
                value = float(row[1])
                if row[2].startswith("fraction"):
                    value = 1 / round(1 / value)  # the table's 0.333333333333 is a third
                self.grammar[row[0].lower()] = (value, row[2])

    def kind(self, word: str) -> str:
        """The grammar's kind of ``word`` ("one", "multiplier", "fraction"...), else ""."""
        return self.grammar.get(word.lower(), (0.0, ""))[1]

    def grammar_value(self, word: str) -> float:
        return self.grammar.get(word.lower(), (0.0, ""))[0]

    def cardinal_at(self, doc: Doc, i: int) -> tuple[float, int] | None:
        """The cardinal number in words that starts at token ``i`` and the index of its last
        token, as text2num reads it; None when none starts there (or it is an ordinal)."""
        window = [_Word(t.text) for t in doc[i : min(len(doc), i + _REACH)]]
        found = find_numbers(window, _LANGUAGE, _ANY_VALUE)
        if not found or found[0].start != 0 or found[0].is_ordinal:
            return None
        return float(found[0].value), i + found[0].end - 1


def number_word_forms(patterns: PatternSet) -> list[str]:
    """Words that may start or scale a number in words: the English cardinals and the
    grammar's multipliers and fractions ("a dozen", "half of")."""
    words = [row[0].lower() for row in patterns.table("number_words")
             if row[2] == "multiplier" or row[2].startswith("fraction")]
    return sorted({*CARDINAL_WORDS, *words})


def unit_value(word: str) -> float | None:
    """The value of one word that counts by itself ("seven", "forty"), else None."""
    if not word.isalpha() or word.lower() not in _CARDINALS:
        return None
    try:
        return float(text2num(word.lower(), _LANGUAGE))
    except ValueError:
        return None


def share_term(word: str) -> float | None:
    """One side of a share: digits or a number word that counts by itself."""
    if word.isdigit():
        return float(word)
    return unit_value(word)
