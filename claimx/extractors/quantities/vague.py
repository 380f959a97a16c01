"""Vague quantifiers ("dozens", "nearly all", "the majority of"; ``quant_vague.tsv``), "most" as
a determiner, and shares opened by a number word ("one in ten"). Fractions ("a third of",
"half the") are numbers in words (``words.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import token_at
from claimx.extractors.quantities.candidate import Cand
from claimx.extractors.quantities.lexicon import alternation, any_of

if TYPE_CHECKING:
    from claimx.extractors.quantities.bounds import Bounds
    from claimx.extractors.quantities.candidate import Page
    from claimx.extractors.quantities.shares import Shares
    from claimx.rules.loader import PatternSet

_MOST = regex.compile(r"(?i)(?<![\p{L}])most(?![\p{L}])")
_SPACES_HYPHENS = regex.compile(r"[\s-]+")
_VAGUE_COLUMNS = 5
_PERIOD_WINDOW = 12
_BOUND_WINDOW = 30
Reading = tuple[float | None, float | None, bool, str]  # low, high, vague, bound


class Vague:
    """Finds vague quantifiers and gives each its value or range, vagueness and bound."""

    def __init__(self, patterns: PatternSet, shares: Shares, bounds: Bounds) -> None:
        self.shares, self.bounds = shares, bounds
        self._readings: dict[str, Reading] = {}
        for row in patterns.table("quant_vague"):
            cells = [*row, "", "", "", ""][:_VAGUE_COLUMNS]
            lo = float(cells[1]) if cells[1] else None
            hi = float(cells[2]) if cells[2] else None
            self._readings[cells[0].lower()] = (lo, hi, cells[3] == "1", cells[4] or "=")
        self._phrases = regex.compile(
            r"(?<![\p{L}])(?P<v>" + alternation(list(self._readings)) + r")", regex.IGNORECASE
        )
        self._period_before = regex.compile(
            r"(?i)\b(?:" + any_of(patterns.word_list("quant_period_words")) + r")\s+$")

    def find(self, page: Page) -> list[Cand]:
        found = self._quantifiers(page.text)
        found.extend(self.shares.opened_by_words(page))
        found.extend(self._most(page))
        for cand in found:
            bound = self.bounds.before.search(
                page.text[max(0, cand.start - _BOUND_WINDOW) : cand.start].lower())
            if bound is not None and cand.bound == "=":
                cand.bound = self.bounds.kinds.get(bound.group("b"), "=")
                cand.start -= len(bound.group())  # "almost half of"
        return found

    def _quantifiers(self, text: str) -> list[Cand]:
        found = []
        for match in self._phrases.finditer(text):
            phrase = _SPACES_HYPHENS.sub(" ", match.group("v").lower())
            entry = self._readings.get(phrase) or self._readings.get(match.group("v").lower())
            if entry is None:
                continue
            lo, hi, vague, bound = entry
            s, e = match.span("v")
            if self._period_before.search(text, max(0, s - _PERIOD_WINDOW), s):
                continue  # "the first half of 2016" is a period, not a share
            value = lo if hi is None else None
            rng = (lo, hi) if (lo is not None and hi is not None) else None
            found.append(Cand(s, e, value, s, e, range=rng, bound=bound, vague=vague,
                              words=True))
        return found

    def _most(self, page: Page) -> list[Cand]:
        """ "most households": "most" as a determiner, not "the most"."""
        doc, found = page.doc, []
        for match in _MOST.finditer(page.text):
            tok = token_at(doc, match.start())
            if (tok is not None and tok.lower_ == "most" and tok.tag_ == "JJS"
                    and tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "NNS"
                    and (tok.i == 0 or doc[tok.i - 1].tag_ not in ("DT", "PRP$"))):
                found.append(Cand(tok.idx, tok.idx + len(tok), None, tok.idx,
                                  tok.idx + len(tok), bound=">", vague=True, words=True))
        return found
