"""Scale words after a number ("million", "bn", "k") and the one hard case among them: whether a
glued "m" is million or metres (``number_scales.tsv``, ``quant_metre_*.txt``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.lexicon import alternation, any_of

if TYPE_CHECKING:
    from claimx.extractors.quantities.candidate import Cand
    from claimx.extractors.quantities.units import Units
    from claimx.rules.loader import PatternSet

_PLURAL_NEXT = regex.compile(r"\s+(?:people|[a-z]{3,}s)\b")
_WORD_NEXT = regex.compile(r"[\s-]+\p{L}")
# A determiner before "<number>K" and a noun after it make the number a format ("a 4K
# screen"), not a count of thousands ("300k users", "earned 40k", "the 100k mark").
_DETERMINER_BEFORE = regex.compile(
    r"(?i)(?<![\p{L}])(?:a|an|the|his|her|their|its|our|my|your|this|that)\s+$")
# "2m-3m deep", "5m to 7m": the first end of a range of glued "m" reads as the second does.
_GLUED_M_RANGE = regex.compile(r"\s?(?:[-–]|to)\s?\d[\d.,]*m(?![\p{L}\p{N}])")
_GLUED_M_LOW_END = regex.compile(r"\d[\d.,]*m\s?(?:[-–]|to)\s?$")
# A capitalised word before "<number>K", itself not opening the sentence, makes it a name or a
# form ("Form 10K", "the Galaxy 8K"), not a count of thousands.
_NAME_BEFORE = regex.compile(r"[\p{L}\p{N},;:]\s+\p{Lu}[\p{L}-]*\s+$")
_SCALE_COLUMNS = 3
# How far around the number the metre context is looked for, in characters.
_BEFORE_WINDOW = 60
_NEAR_WINDOW = 40


class _ScaleTable(dict[str, tuple[float, str]]):
    """Scale entries by surface form. A lower-case entry matches in any case ("BLN" in a
    capitals headline, "Million"), so the text a match took finds its entry lower-cased."""

    def __missing__(self, key: str) -> tuple[float, str]:
        return dict.__getitem__(self, key.lower())


class Scales:
    """The multiplier and placement rule of each scale word; metres told from millions."""

    def __init__(self, patterns: PatternSet, units: Units) -> None:
        self.units = units
        self.scales: dict[str, tuple[float, str]] = _ScaleTable()
        for row in patterns.table("number_scales"):
            if len(row) >= _SCALE_COLUMNS:
                self.scales[row[0]] = (float(row[1]), row[2])
        self.scale = regex.compile(r"(?P<sp>\s?)(?P<s>" + alternation(list(self.scales)) + r")")

        def words(name: str) -> list[str]:
            return [w.lower() for w in patterns.word_list(name)]

        self._after = regex.compile(
            r"[\s-]+(?:" + alternation(words("quant_metre_after")) + r")", regex.IGNORECASE)
        self._before = regex.compile(
            r"(?<![\p{L}])(?:" + alternation(words("quant_metre_before"))
            + r")(?:\s+[\p{L}'’]+){0,3}\s+$", regex.IGNORECASE)
        self._near = regex.compile(
            r"\d\s?(?:" + alternation(words("quant_metre_near")) + r")", regex.IGNORECASE)
        self._races = frozenset(float(w) for w in words("quant_metre_races"))
        self._race_noun_next = regex.compile(
            r"\s+(?:" + alternation(words("quant_metre_race_nouns")) + r")\b", regex.IGNORECASE)
        self._race_lead = regex.compile(
            r"(?i)(?:(?<![\p{L}])(?:" + any_of(words("quant_metre_race_leads"))
            + r")|['’]s)\s+$")
        self._sport = regex.compile(
            r"(?<![\p{L}])(?:" + any_of(words("quant_metre_sport_words")) + r")(?![\p{L}])",
            regex.IGNORECASE)
        self._imperial_gloss = regex.compile(
            r"\s*[(\[]\s*[\d,.]+\s*(?:" + any_of(words("quant_metre_gloss_units")) + r")\b")

    def scale_word(self, text: str, pos: int) -> bool:
        """Whether a spaced scale word of any placement follows ``pos`` ("a million")."""
        scale = self.scale.match(text, pos)
        return scale is not None and bool(scale.group("sp")) and (
            self.scales[scale.group("s")][1] == "any")

    def metres(self, text: str, cand: Cand, end: int) -> bool:
        """Whether a glued "m" after ``cand``'s digits is metres: a distance word follows
        ("high", "hurdles"), or precedes within a few words ("a depth of"), or a standard
        race distance follows a determiner or a racing verb ("won the 100m", "winning 1500m")."""
        other_end = _GLUED_M_RANGE.match(text, end)
        if other_end is not None:
            end = other_end.end()  # "2m-3m deep": what follows the range decides both ends
        if self._after.match(text, end) or self._imperial_gloss.match(text, end):
            return True
        if cand.value in self._races and self._race_noun_next.match(text, end):
            return True  # "the 5000m title", "1500m heats"
        if self.units.suffix.match(text, end) or _PLURAL_NEXT.match(text, end):
            return False  # "350m yuan", "800m users": a currency or counted noun
        low_end = _GLUED_M_LOW_END.search(text, max(0, cand.start - _NEAR_WINDOW), cand.start)
        start = low_end.start() if low_end is not None else cand.start  # "of 5m to 7m"
        before = text[max(0, start - _BEFORE_WINDOW):start]
        if self._before.search(before) or self._near.search(
                text, max(0, cand.start - _NEAR_WINDOW), min(len(text), end + _NEAR_WINDOW)):
            return True  # "a depth of 1,700m", "1m is 100 cm"
        if self._sport.search(text, max(0, cand.start - _BEFORE_WINDOW),
                              min(len(text), end + _BEFORE_WINDOW)):
            return True  # "landed 17.30m in the triple jump", "threw 64.5m"
        return cand.value in self._races and bool(self._race_lead.search(before))

    def kilo(self, text: str, cand: Cand, end: int) -> str:
        """What a glued "k" after ``cand``'s digits (no currency) is: "km" before a race
        ("a 10k run"), "name" for a capital K after a name ("Form 10K") or between a
        determiner and a noun ("a 4K screen", "an 8K camera"), else "thousand" ("300k users",
        "earned 40k", "the 100k mark")."""
        if self._race_noun_next.match(text, end):
            return "km"
        before = text[max(0, cand.start - _NEAR_WINDOW) : cand.start]
        if text[end - 1] == "K" and _NAME_BEFORE.search(before):
            return "name"
        if text[end - 1] == "K" and _DETERMINER_BEFORE.search(before) and (
                _WORD_NEXT.match(text, end) and not _PLURAL_NEXT.match(text, end)):
            return "name"
        return "thousand"
