"""Units and currencies (``patterns/quantities/units.jsonl``): which surface forms may lead or
follow a number, and the canonical unit each form names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.lexicon import alternation, squeeze

if TYPE_CHECKING:
    from claimx.rules.loader import PatternSet, Rule

# The labels that make a unit money (branch i10-claims reads the same labels).
CURRENCY_LABELS = ("CURRENCY", "CURRENCY_PREFIX")
_SPACES_HYPHENS = regex.compile(r"[\s-]+")
# Longer currency forms ignore case ("usd", "c $"); "PS" or "p" do not.
_LOOSE_LENGTH = 3
# Forms of one or two characters are symbols, never a spelled-out measure word.
_SYMBOL_LENGTH = 2


class Units:
    """Looks units up by surface form and holds the regexes that find them next to a number."""

    def __init__(self, patterns: PatternSet) -> None:
        self.unit_ids: dict[str, str] = {}
        self.currency_ids: set[str] = set()
        prefix: list[str] = []
        suffix: list[str] = []
        for rule in patterns.rules_for("units"):
            if isinstance(rule.pattern, str):
                self._add(rule, rule.pattern, prefix, suffix)
        loose = self._loose_forms(prefix + suffix)
        self.prefix = regex.compile(
            r"(?:(?<![\p{L}])(?P<c>" + alternation(prefix, boundary=False, loose=loose)
            + r"))\s?$"
        )
        self.suffix = regex.compile(
            r"(?:\s?-\s?|\s{0,2})(?P<u>" + alternation(suffix, loose=loose) + r")"
            # a unit in brackets, as tables write it: "20 (kg)", "20 [kg]"
            r"|\s?[(\[{<](?P<u>" + alternation(suffix, loose=loose) + r")[)\]}>]"
        )

    def _add(self, rule: Rule, form: str, prefix: list[str], suffix: list[str]) -> None:
        if rule.label in CURRENCY_LABELS:
            self.currency_ids.add(rule.id)
            # Symbols and codes may lead ("$5", "USD 5"); words only follow ("5 euros").
            if not (form.isalpha() and form.islower()):
                prefix.append(form)
                self.unit_ids.setdefault("pre:" + squeeze(form), rule.id)
            if rule.label == "CURRENCY":
                suffix.append(form)
                self.unit_ids.setdefault("suf:" + form.lower(), rule.id)
                self.unit_ids.setdefault("exact:" + form, rule.id)
            return
        suffix.append(form)
        # A unit wins over a currency of the same form after a number ("300 PS").
        self.unit_ids["suf:" + form.lower()] = rule.id
        # Case-sensitive forms keep their case: "MB" is a megabyte, "Mb" a megabit.
        self.unit_ids["exact:" + form] = rule.id

    def _loose_forms(self, forms: list[str]) -> frozenset[str]:
        """Currency codes and dollar forms ignore case ("usd", "c $"); "PS" or "p" do not.
        ("a $5 fee" is no Australian dollar: the article stays case-sensitive.)"""
        return frozenset(
            f for f in forms
            if (len(f) >= _LOOSE_LENGTH or "$" in f) and not f.lower().startswith("a ")
            and self.unit_ids.get("suf:" + f.lower(), self.unit_ids.get("pre:" + squeeze(f)))
            in self.currency_ids
        )

    def unit_id(self, surface: str) -> str | None:
        """The unit a form names after a number."""
        low = surface.lower()
        return (self.unit_ids.get("exact:" + surface) or self.unit_ids.get("suf:" + low)
                or self.unit_ids.get("suf:" + _SPACES_HYPHENS.sub(" ", low)))

    def prefix_id(self, surface: str) -> str | None:
        """The currency a form names before a number."""
        return self.unit_ids.get("pre:" + squeeze(surface))

    def measure_word(self, word: str) -> str | None:
        """A lower-case word of three letters or more that names a unit, not a currency
        ("yards" in "212 passing yards", "litre" in "a third of a litre")."""
        if len(word) <= _SYMBOL_LENGTH or not word.islower():
            return None
        unit = self.unit_id(word)
        return None if unit is None or unit in self.currency_ids else unit
