"""Bounds and approximators around a number (``bounds.tsv``): "more than 5", "5 or more"."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.lexicon import alternation

if TYPE_CHECKING:
    from claimx.rules.loader import PatternSet

_BOUND_COLUMNS = 3


class Bounds:
    """The bound each phrase sets, and the regexes that find a phrase before or after a number
    (the third column of ``bounds.tsv`` says which side the phrase stands on)."""

    def __init__(self, patterns: PatternSet) -> None:
        before: list[str] = []
        after: list[str] = []
        self.kinds: dict[str, str] = {}
        for row in patterns.table("bounds"):
            if len(row) >= _BOUND_COLUMNS:
                self.kinds[row[0].lower()] = row[1]
                (before if row[2] == "before" else after).append(row[0].lower())
        self.before = regex.compile(
            r"(?:(?<![\p{L}])(?P<b>" + alternation(before, boundary=False) + r"))\s*$"
        )
        # a phrase after may be hyphened to the number: "40-odd", "5-plus"
        self.after = regex.compile(r"(?:\s*|-)(?P<b>" + alternation(after) + r")")
