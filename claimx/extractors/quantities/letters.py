"""Capital letters after a number that may be a degree sign or part of a name: "41F" and
"43 C heat" are temperatures, "a 13F filing", "5 F-Series trucks" and "3 C.P.I." are not."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.candidate import NOUN_TAGS
from claimx.extractors.quantities.lexicon import any_of

if TYPE_CHECKING:
    from claimx.extractors.quantities.candidate import Cand, Page
    from claimx.rules.loader import PatternSet

# A letter joined to more letters by a hyphen or a dot is a model or an initialism.
_JOINED = regex.compile(r"[-.‐‑]\p{L}")
_NEXT_WORD = regex.compile(r"\s*(?=\p{L})")
_WINDOW = 80  # characters around the number searched for a word of temperature
_LETTERS = {"C": "celsius", "F": "fahrenheit"}


class DegreeLetters:
    """Decides whether a bare "C" or "F" read as degrees after a number is one."""

    def __init__(self, patterns: PatternSet) -> None:
        self._weather = regex.compile(
            r"(?i)(?<![\p{L}])(?:" + any_of(patterns.word_list("quant_temperature_words"))
            + r")(?![\p{L}])")

    def is_name(self, page: Page, cand: Cand) -> bool:
        """True when the letter ending ``cand`` names something: joined to letters by a
        hyphen or a dot, or glued to the digits before a noun with no word of temperature
        around."""
        text, end = page.text, cand.end
        if cand.unit not in _LETTERS.values() or _LETTERS.get(text[end - 1]) != cand.unit:
            return False
        if _JOINED.match(text, end):
            return True
        gap = _NEXT_WORD.match(text, end)
        # Codes are written solid ("13F", "777F"); a spaced letter before a noun stays degrees
        if gap is None or not text[end - 2].isdigit() or not _is_noun(page, gap.end()):
            return False
        window = text[max(0, cand.start - _WINDOW) : end + _WINDOW]
        return self._weather.search(window) is None


def _is_noun(page: Page, char: int) -> bool:
    index = bisect_left(page.starts, char)
    if index >= len(page.starts) or page.starts[index] != char:
        return False
    return page.doc[index].tag_ in NOUN_TAGS
