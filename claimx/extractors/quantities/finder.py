"""Quantities: numbers in digits and words, with units, currencies, scales, bounds, ranges,
changes and vague quantifiers, as ``claimx.models.Quantity`` records.

The scan works on the characters of the text (so glued forms like "$2.6bn", "50mph" and "3G"
are read the same whatever spaCy's tokenizer did) and uses the parse only for context: the
counted noun, dates and names. Each step is a module of this package; all vocabularies live in
``patterns/quantities/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.doc.offsets import token_starts
from claimx.doc.text import doc_text
from claimx.extractors.quantities.bounds import Bounds
from claimx.extractors.quantities.candidate import (
    Cand,
    Found,
    Page,
    non_overlapping,
    to_quantity,
)
from claimx.extractors.quantities.carry import Carry, inherit_in_brackets
from claimx.extractors.quantities.changes import Changes
from claimx.extractors.quantities.letters import UnitContext
from claimx.extractors.quantities.nouns import Nouns
from claimx.extractors.quantities.number_words import NumberWords
from claimx.extractors.quantities.numbers import DIGITS, DigitReader
from claimx.extractors.quantities.ranges import Ranges
from claimx.extractors.quantities.ranks import Ranks
from claimx.extractors.quantities.scales import Scales
from claimx.extractors.quantities.setaside import SetAside
from claimx.extractors.quantities.shares import Shares
from claimx.extractors.quantities.suffixes import Suffixes
from claimx.extractors.quantities.suspended import suspended
from claimx.extractors.quantities.units import Units
from claimx.extractors.quantities.vague import Vague
from claimx.extractors.quantities.words import WordNumbers

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.rules.loader import PatternSet

_SCANNED = 100000  # characters checked for any letter or digit before scanning


@dataclass(frozen=True)
class Scan:
    """Everything the quantity pass found in one Doc."""

    quantities: list[Found]
    times: list[tuple[int, int]]  # char spans of years, dates and clock times it set aside
    starts: list[int]  # each token's character offset, for bisecting


class QuantityFinder:
    """Finds quantities in a parsed Doc. Build once per PatternSet, call per Doc."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.units = Units(patterns)
        bounds = Bounds(patterns)
        scales = Scales(patterns, self.units)
        suffixes = Suffixes(patterns, self.units, scales, bounds)
        shares = Shares(patterns)
        self._set_aside = SetAside(nlp, patterns, self.units, bounds)
        self._digits = DigitReader(self.units, suffixes, shares, self._set_aside,
                                   UnitContext(patterns, scales))
        self._words = WordNumbers(patterns, NumberWords(patterns), suffixes, self._set_aside)
        self._changes = Changes(patterns, bounds)
        self._ranges = Ranges(self.units, self._changes)
        self._carry = Carry(patterns)
        self._vague = Vague(patterns, shares, bounds)
        self._nouns = Nouns(patterns, self.units)
        self._ranks = Ranks(patterns)

    def __call__(self, doc: Doc) -> Scan:
        text = doc_text(doc)
        if not text or not any(ch.isdigit() or ch.isalpha() for ch in text[:_SCANNED]):
            return Scan([], [], [])
        starts = token_starts(doc)
        blocked, times = self._set_aside.rejected(doc, text)
        page = Page(doc, text, starts, blocked, times)
        cands = self._amounts(page)
        cands.extend(self._vague.find(page))
        cands.extend(self._ranks.find(page))
        found = []
        for cand in non_overlapping(cands):
            token, noun_token = self._nouns.anchors(page, cand)
            found.append(Found(to_quantity(text, cand), token, noun_token))
        if "-" in text:
            found = suspended(page, found)
        return Scan(found, times, starts)

    def _amounts(self, page: Page) -> list[Cand]:
        """Numbers in digits and words, merged into ranges, with their bounds and changes."""
        text = page.text
        cands: list[Cand] = []
        floor = 0  # a currency sign already read as the previous amount's suffix stays there
        for match in DIGITS.finditer(text):
            cand = self._digits.read(page, match, floor)
            if cand is not None:
                cands.append(cand)
                floor = cand.end
        cands.extend(self._words.find(page))
        cands.sort(key=lambda c: c.start)
        cands = self._ranges.merge(page, cands)
        for cand in cands:
            self._changes.bound_and_change(text, cand)
        self._changes.link(text, cands)
        self._carry.ages(page, cands)
        self._carry.parallel_units(page, cands)
        inherit_in_brackets(text, cands)
        return cands


__all__ = ["Found", "QuantityFinder", "Scan"]
