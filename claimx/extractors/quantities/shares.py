"""Shares written as "1 in 4", "one in 10 adults", "4 out of five"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import token_at
from claimx.extractors.quantities.candidate import Cand
from claimx.extractors.quantities.lexicon import any_of
from claimx.extractors.quantities.number_words import share_term

if TYPE_CHECKING:
    from claimx.extractors.quantities.candidate import Page
    from claimx.rules.loader import PatternSet

_WORD_NEXT = regex.compile(r"\s+\p{L}")


class Shares:
    """Finds the "in N" / "out of N" that closes a share, after digits or a number word."""

    def __init__(self, patterns: PatternSet) -> None:
        small = any_of(patterns.word_list("quant_share_words"))
        # "1 in 4", "3 out of 10", not followed by a unit word that would make it a measure
        self.one_in = regex.compile(
            rf"\s+(?:in|out\s+of)\s+(\d{{1,4}}(?![\d.,])|(?i:{small})(?![\p{{L}}\p{{N}}]))"
            r"(?!\s*(?:" + any_of(patterns.word_list("quant_share_not_after")) + r"))"
        )
        # A number word that may open a share ("one in 10"); the rest is one_in, as after digits.
        self._opener = regex.compile(rf"(?<![\p{{L}}\p{{N}}.,])(?:{small})(?![\p{{L}}\p{{N}}])",
                                     regex.IGNORECASE)

    def term(self, word: str) -> float | None:
        return share_term(word)

    def opened_by_words(self, page: Page) -> list[Cand]:
        """ "one in 10 adults", "four out of 5 doctors": a share opened by a number word (one
        opened by digits is read with the digits), unless a verb counts it ("won three in
        ten games")."""
        found = []
        text, doc = page.text, page.doc
        for match in self._opener.finditer(text):
            tail = self.one_in.match(text, match.end())
            if tail is None or not _WORD_NEXT.match(text, tail.end()):
                continue
            a, b = self.term(match.group()), self.term(tail.group(1))
            if a is None or b is None or not 0 < a < b:
                continue
            tok = token_at(doc, match.start())
            if tok is not None and tok.i > 0 and doc[tok.i - 1].tag_.startswith("VB"):
                continue
            s, e = match.start(), tail.end()
            found.append(Cand(s, e, a / b, s, e, words=True))
        return found
