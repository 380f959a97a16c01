"""Units decided by the words around the number: capital letters that may be a degree sign or
part of a name ("41F" and "43 C heat" are temperatures, "a 13F filing", "5 F-Series trucks" and
"3 C.P.I." are not), short forms with two readings ("12 kt": knots or kilotonnes), and letters
glued before digits that are money only in context ("R500 million")."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.candidate import NOUN_TAGS
from claimx.extractors.quantities.lexicon import any_of

if TYPE_CHECKING:
    from claimx.extractors.quantities.candidate import Cand, Page
    from claimx.extractors.quantities.scales import Scales
    from claimx.rules.loader import PatternSet

# A letter joined to more letters by a hyphen or a dot is a model or an initialism.
_JOINED = regex.compile(r"[-.‐‑]\p{L}")
_NEXT_WORD = regex.compile(r"\s*(?=\p{L})")
_WINDOW = 80  # characters around the number searched for a word of temperature
_LETTERS = {"C": "celsius", "F": "fahrenheit"}
_FORM_REACH = 4  # the longest currency letters glued before digits


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


class ContextReadings:
    """Short forms with more than one reading (``quant_ambiguous_units.tsv``): "77 K" is kelvin
    beside a word of temperature, "12 kt" knots beside a ship or the wind and kilotonnes beside
    a bomb; with no such word the form is no unit."""

    def __init__(self, patterns: PatternSet) -> None:
        self._readings: dict[str, list[tuple[str, regex.Pattern[str]]]] = {}
        for row in patterns.rows("quant_ambiguous_units"):
            form, unit, cues = str(row["form"]), str(row["unit"]), str(row["cues"])
            words = patterns.word_list(cues)
            cue = regex.compile(r"(?i)(?<![\p{L}])(?:" + any_of(words) + r")(?![\p{L}])")
            self._readings.setdefault(form, []).append((unit, cue))

    def unit(self, page: Page, cand: Cand) -> str | None:
        """The reading of the form ``cand`` was read with, or ``cand.unit`` when the form
        has one reading; None when no reading's words are near."""
        readings = self._readings.get(cand.unit_form or "")
        if readings is None or cand.unit is None:
            return cand.unit
        window = page.text[max(0, cand.start - _WINDOW) : cand.end + _WINDOW]
        for unit, cue in readings:
            if cue.search(window):
                return unit + cand.unit[len(cand.unit.split(" per ", 1)[0]) :]
        return None


class ContextPrefixes:
    """Letters glued before digits that are a currency by context
    (``quant_ambiguous_prefixes.tsv``): "R500 million" and "R250 ... in South Africa" are
    rand, "the R21 road" a code."""

    def __init__(self, patterns: PatternSet, scales: Scales) -> None:
        self.scales = scales
        self._forms: dict[str, tuple[str, regex.Pattern[str]]] = {}
        for row in patterns.rows("quant_ambiguous_prefixes"):
            words = patterns.word_list(str(row["cues"]))
            cue = regex.compile(r"(?i)(?<![\p{L}])(?:" + any_of(words) + r")(?![\p{L}])")
            self._forms[str(row["form"])] = (str(row["currency"]), cue)
        self._glued = regex.compile(
            r"(?<![\p{L}\p{N}])(?P<f>" + any_of(self._forms) + r")$") if self._forms else None

    def currency(self, text: str, s: int, e: int) -> tuple[str, int] | None:
        """The currency of the letters glued before the digits at ``s`` (ending at ``e``) and
        where they start; None when they are no currency here."""
        glued = self._glued.search(text, max(0, s - _FORM_REACH), s) if self._glued else None
        if glued is None:
            return None
        currency, cue = self._forms[glued.group("f")]
        scale = self.scales.scale.match(text, e)
        if scale is not None and self.scales.scales[scale.group("s")][1] != "money":
            return currency, glued.start()
        window = text[max(0, s - _WINDOW) : e + _WINDOW]
        return (currency, glued.start()) if cue.search(window) else None


class UnitContext:
    """What the words around a number say about the unit read after it, and the currency
    letters glued before it."""

    def __init__(self, patterns: PatternSet, scales: Scales) -> None:
        self.letters = DegreeLetters(patterns)
        self.readings = ContextReadings(patterns)
        self.prefixes = ContextPrefixes(patterns, scales)

    def settle(self, page: Page, cand: Cand) -> None:
        """Keeps, changes or drops ``cand``'s unit by its context: "a 13F filing" and "Row
        12 K" lose the letter (and a number glued to it is a code, dropped later)."""
        reading = self.readings.unit(page, cand)
        if (reading is None and cand.unit is not None) or self.letters.is_name(page, cand):
            cand.unit, cand.end = None, cand.num_end
        else:
            cand.unit = reading
