"""What follows a number and belongs to its amount: a scale ("bn", "million"), a unit or
currency, a rate ("per share", "a year") and a bound ("or more")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.lexicon import any_of
from claimx.extractors.quantities.ranks import ordinal_words

if TYPE_CHECKING:
    from claimx.extractors.quantities.bounds import Bounds
    from claimx.extractors.quantities.candidate import Cand
    from claimx.extractors.quantities.scales import Scales
    from claimx.extractors.quantities.units import Units
    from claimx.rules.loader import PatternSet

_MEGA_CODE = regex.compile(r"\s?(?P<m>[Mk])(?P<code>[A-Z]{3})(?![\p{L}\p{N}])")
_BRACKETED = regex.compile(r"\s?\([^()]{1,40}\)")
_MEGA = {"M": 1e6, "k": 1e3}
_KILO = ("k", "K")
_WORD_NEXT = regex.compile(r"\s+\p{L}")
ORDINALS = ordinal_words()


class Suffixes:
    """Reads everything after a number's digits into the candidate, moving its end along."""

    def __init__(self, patterns: PatternSet, units: Units, scales: Scales,
                 bounds: Bounds) -> None:
        self.units, self.scales, self.bounds = units, scales, bounds
        self._per_nouns = patterns.word_list("unit_per_nouns")
        self._name_letters = patterns.word_list("quant_name_letters", lower=False)
        self._inch_marks = regex.compile(
            r"\s?(?P<m>[\"″'′])(?=\s+(?:" + any_of(patterns.word_list("quant_inch_dimension_words"))
            + r")\b)")
        self._inch_word = regex.compile(
            r"\s(?P<m>in)\.?(?=\s+(?:" + any_of(patterns.word_list("quant_inch_in_after"))
            + r")\b)")
        # ("150mm of rain fell in a day" is a total over a day: "in a day" makes no rate)
        self._late_rate = regex.compile(
            r"\s+of\s+(?:[\p{L}-]+\s+){1,4}?(?<!\b(?:in|within|over|for|during)\s)"
            r"(?:a|an|per)\s+(?P<t>"
            + any_of(patterns.word_list("quant_rate_periods")) + r")\b", regex.IGNORECASE)
        self._dating_next = regex.compile(
            r"\s+(?:" + any_of(patterns.word_list("quant_dating_words")) + r")\b")
        self._rate = regex.compile(
            r"\s?-?\s?(?:(?P<per>per|/)\s?|(?P<a>an?)(?:\s?-\s?|\s))(?P<n>[\p{L}][\p{L}-]*"
            r"(?:\s(?:" + any_of(patterns.word_list("quant_rate_lengths")) + r"))?)(?![\p{L}])",
            regex.IGNORECASE,
        )

    def read(self, text: str, cand: Cand) -> None:
        """Scale ("bn", "million"), unit or currency, rate ("per share"), bound ("or more")."""
        pos = self._scale_words(text, cand, cand.end)
        pos = self._mega_code(text, cand, pos)
        pos = self._unit(text, cand, pos)
        if cand.unit is not None:
            pos = self._rates(text, cand, pos)
        cand.end = pos
        after = self.bounds.after.match(text, pos)
        if after is not None:
            cand.bound = self.bounds.kinds.get(after.group("b").lower(), "=")
            cand.end = after.end()

    def _scale_words(self, text: str, cand: Cand, pos: int) -> int:
        for _ in range(2):  # a second scale word after the first: "3 hundred thousand"
            scale = self.scales.scale.match(text, pos)
            if scale is None or not self._scale_fits(text, cand, scale):
                return pos
            if scale.group("s") in _KILO and not cand.currency and not scale.group("sp"):
                reading = self.scales.kilo(text, cand, scale.end())
                if reading == "name":
                    return pos  # "a 4K screen": a format, dropped as digits glued to letters
                if reading == "km":
                    cand.unit = "km"  # "a 10k run"
                    return scale.end()
            cand.value = (cand.value or 0) * self.scales.scales[scale.group("s")][0]
            cand.scaled = True
            pos = scale.end()
        return pos

    def _scale_fits(self, text: str, cand: Cand, scale: regex.Match[str]) -> bool:
        where = self.scales.scales[scale.group("s")][1]
        glued = not scale.group("sp")
        if where == "glued" and scale.group("s") == "m" and not cand.currency:
            # "800m users", "350m yuan", "up from 27m" are millions; "the 100m",
            # "4,200m high", "a depth of 1,700m" are metres.
            return glued and not self.scales.metres(text, cand, scale.end())
        return (where == "any" or (where == "glued" and (glued or cand.currency))
                or (where == "money" and cand.currency))

    def _mega_code(self, text: str, cand: Cand, pos: int) -> int:
        """ "45 MUSD", "80 MEUR": millions (k: thousands) of a currency code."""
        mega = _MEGA_CODE.match(text, pos)
        if mega is None or cand.currency:
            return pos
        unit = self.units.unit_ids.get("suf:" + mega.group("code").lower())
        if unit not in self.units.currency_ids:
            return pos
        cand.value = (cand.value or 0) * _MEGA[mega.group("m")]
        cand.unit, cand.currency, cand.scaled = unit, True, True
        return mega.end()

    def _unit(self, text: str, cand: Cand, pos: int) -> int:
        if cand.currency:
            return pos
        suffix = self.units.suffix.match(text, pos)
        power = self.units.power_word(text, pos + len(text[pos:]) - len(text[pos:].lstrip(" ")))
        if power is not None and (suffix is None or suffix.end() < power[1]):
            cand.unit, cand.currency = power[0], False  # "3 cubic kilometres"
            return power[1]
        if suffix is None:
            return self._marks(text, cand, pos)
        if self._letter_in_a_name(text, pos, suffix):
            return pos  # "12 F Block", "7 C Street": a letter of an address or a name
        unit = self.units.unit_id(suffix.group("u"))
        if unit == "lb" and cand.scaled:
            unit = "GBP"  # "240 million pounds" is money, not weight
        if unit is None:
            return pos
        cand.currency = unit in self.units.currency_ids
        cand.unit_form = suffix.group("u")
        cand.unit, pos = self.units.powered(text, suffix.end(), unit)
        late = self.scales.scale.match(text, pos) if cand.currency else None
        if late is not None and not cand.scaled and self.scales.scales[late.group("s")][
                1] == "any":
            cand.value = (cand.value or 0) * self.scales.scales[late.group("s")][0]
            cand.scaled = True  # "40 USD million"
            pos = late.end()
        return pos

    def _marks(self, text: str, cand: Cand, pos: int) -> int:
        marks = self._inch_marks.match(text, pos)
        if marks is None:
            word = self._inch_word.match(text, pos)
            if word is not None:
                cand.unit = "inch"  # "6 in tall": the abbreviation only before a size word
                return word.end("m")
            return pos
        # '10" long', "6' tall": quotation-like marks as inches and feet before a size
        cand.unit = "inch" if marks.group("m") in '"″' else "foot"
        return marks.end("m")

    def _letter_in_a_name(self, text: str, pos: int, suffix: regex.Match[str]) -> bool:
        """One of those letters set apart from the number and followed by a capitalised word is
        part of a name, not a unit symbol ("a 30 W USB-C brick" keeps its watts)."""
        letter = suffix.group("u")
        if letter not in self._name_letters or suffix.start("u") == pos:
            return False  # glued ("41C") or a letter that is only a unit
        return text[suffix.end("u") :].lstrip(" ")[:1].isupper()

    def _rates(self, text: str, cand: Cand, pos: int) -> int:
        pos = self.rate_of(text, cand, pos)
        unit = cand.unit or ""
        aside = _BRACKETED.match(text, pos) if " per " not in unit else None
        if aside is not None:
            # "12 billion rupees ($145 million) a year": the rate after a restatement
            # (the span stays before the brackets, which hold their own amount)
            self.rate_of(text, cand, aside.end())
        later = self._late_rate.match(text, pos)
        if later is not None and " per " not in (cand.unit or ""):
            # "5 million litres of water a day": the rate after what is measured
            per = later.group("t").lower()
            cand.unit = f"{cand.unit} per {'year' if per == 'annum' else per}"
        return pos

    @staticmethod
    def _ordinal_use(text: str, noun: str, end: int) -> bool:
        """ "5% a second time": an ordinal before a word, not "8 MB a second"."""
        return noun.lower() in ORDINALS and _WORD_NEXT.match(text, end) is not None

    def rate_of(self, text: str, cand: Cand, pos: int) -> int:
        """ "$3 per share", "£12 an hour", "$45 per sq m", "80,000 barrel-a-day"."""
        rate = self._rate.match(text, pos)
        if rate is None:
            return pos
        noun = rate.group("n")
        unit_match = self.units.suffix.match(text, rate.start("n"))
        per_unit = None
        end = rate.end()
        if unit_match is not None and unit_match.start("u") == rate.start("n"):
            per_unit = self.units.unit_id(unit_match.group("u"))
            end = unit_match.end()
        elif rate.group("per") == "/":
            per_unit = self.units.divisors.get(noun)  # "m/s", "mmol/L"
        # "a" makes a rate before a period or a measure ("£5 a share", "rupees an acre")
        if rate.group("a") and noun.lower() not in self._per_nouns and (
                self.units.measure_word(noun) is None or self._ordinal_use(text, noun, end)):
            return pos
        if noun.lower() in ("cent", "cents") and rate.group("per"):
            return pos  # "per cent" after a currency is not a rate
        if self._dating_next.match(text, end) or per_unit in self.units.currency_ids:
            return pos  # "a year earlier" dates the amount, it is no rate
        cand.unit = f"{cand.unit} per {per_unit or noun.lower()}"
        return end
