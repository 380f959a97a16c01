"""Units and currencies (``patterns/quantities/units.jsonl``): which surface forms may lead or
follow a number, and the canonical unit each form names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.buckets import PrefixForms, SuffixForms
from claimx.extractors.quantities.lexicon import squeeze

if TYPE_CHECKING:
    from claimx.rules.loader import PatternSet, Rule

# The labels that make a unit money (branch i10-claims reads the same labels).
CURRENCY_LABELS = ("CURRENCY", "CURRENCY_PREFIX")
DIVISOR_LABEL = "DIVISOR"
_SPACES_HYPHENS = regex.compile(r"[\s-]+")
# Longer currency forms ignore case ("usd", "c $"); "PS" or "p" do not.
_LOOSE_LENGTH = 3
# Forms of one or two characters are symbols, never a spelled-out measure word.
_SYMBOL_LENGTH = 2
# A length raised to a power is an area or a volume: "km³", "m^2", "square nanometres".
_POWER_AFTER = regex.compile(r"(?:(?P<p2>²|\^2)|(?P<p3>³|\^3))(?![\p{N}])")
_POWER_BEFORE = regex.compile(r"(?i:(?P<p2>square|sq\.?)|(?P<p3>cubic|cu\.?))\s+")
_POWER_IDS = {"p2": ("sq_", "area"), "p3": ("cubic_", "volume")}


class Units:
    """Looks units up by surface form and holds the regexes that find them next to a number."""

    def __init__(self, patterns: PatternSet) -> None:
        self.unit_ids: dict[str, str] = {}
        self.currency_ids: set[str] = set()
        self.dimensions: dict[str, str] = {}  # unit id -> "length", "energy", "currency", ...
        self._generated: set[str] = set()  # forms tools/build_units.py wrote from pint or CLDR
        self.divisors: dict[str, str] = {}  # "s" -> "second": symbols read only after a slash
        prefix: list[str] = []
        suffix: list[str] = []
        for rule in patterns.rules_for("units"):
            if isinstance(rule.pattern, str):
                self._add(rule, rule.pattern, prefix, suffix)
        loose = self._loose_forms(prefix + suffix)
        self.prefix = PrefixForms(prefix, loose)
        self.suffix = SuffixForms(suffix, loose)

    def _add(self, rule: Rule, form: str, prefix: list[str], suffix: list[str]) -> None:
        self.dimensions.setdefault(rule.id, rule.get("dimension") or "")
        if rule.label == DIVISOR_LABEL:
            self.divisors[form] = rule.id
            return
        if rule.get("source"):
            self._generated.add(form)
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
        # A unit wins over a currency of the same form after a number ("300 PS"); a generated
        # form never takes a curated one's place ("mW" is no "MW").
        if rule.get("source"):
            self.unit_ids.setdefault("suf:" + form.lower(), rule.id)
        else:
            self.unit_ids["suf:" + form.lower()] = rule.id
        # Case-sensitive forms keep their case: "MB" is a megabyte, "Mb" a megabit.
        self.unit_ids["exact:" + form] = rule.id

    def _loose_forms(self, forms: list[str]) -> frozenset[str]:
        """Currency codes and dollar forms ignore case ("usd", "c $"); "PS" or "p" do not.
        ("a $5 fee" is no Australian dollar: the article stays case-sensitive.) Generated ISO
        codes keep their capitals: "ALL" or "TOP" are words in lower case; generated names of
        more than one word ignore case, as news capitalises them ("Australian dollar 29bn")."""
        return frozenset(
            f for f in forms
            if (f not in self._generated or " " in f) and (len(f) >= _LOOSE_LENGTH or "$" in f)
            and not f.lower().startswith("a ")
            and self.unit_ids.get("suf:" + f.lower(), self.unit_ids.get("pre:" + squeeze(f)))
            in self.currency_ids
        )

    def dimension(self, unit: str | None) -> str | None:
        """What a unit measures ("length", "energy", "currency"); a rate's first part counts."""
        if unit is None:
            return None
        return self.dimensions.get(unit.split(" per ", 1)[0]) or None

    def powered(self, text: str, pos: int, unit: str) -> tuple[str, int]:
        """A length unit with a power after it ("km³", "m^2") as an area or a volume unit,
        composed rather than listed: "sq_" or "cubic_" and the length's id."""
        power = _POWER_AFTER.match(text, pos)
        if power is None or self.dimensions.get(unit) != "length":
            return unit, pos
        return self._compose(unit, power.lastgroup or ""), power.end()

    def power_word(self, text: str, pos: int) -> tuple[str, int] | None:
        """ "square" or "cubic" and the length unit after it ("3 cubic kilometres"), as the
        composed unit and where it ends; None when no length follows."""
        power = _POWER_BEFORE.match(text, pos)
        if power is None:
            return None
        after = self.suffix.match(text, power.end())
        unit = self.unit_id(after.group("u")) if after is not None else None
        if after is None or unit is None or self.dimensions.get(unit) != "length":
            return None
        return self._compose(unit, power.lastgroup or ""), after.end()

    def _compose(self, unit: str, group: str) -> str:
        prefix, dimension = _POWER_IDS[group]
        self.dimensions.setdefault(prefix + unit, dimension)
        return prefix + unit

    def unit_id(self, surface: str) -> str | None:
        """The unit a form names after a number."""
        low = surface.lower()
        return (self.unit_ids.get("exact:" + surface) or self.unit_ids.get("suf:" + low)
                or self.unit_ids.get("suf:" + _SPACES_HYPHENS.sub(" ", low)))

    def prefix_id(self, surface: str) -> str | None:
        """The currency a form names before a number."""
        return self.unit_ids.get("pre:" + squeeze(surface))

    def divisor(self, surface: str) -> str | None:
        """The unit a form names after a slash: any unit, or a short symbol ("m/s")."""
        return self.divisors.get(surface) or self.unit_id(surface)

    def measure_word(self, word: str) -> str | None:
        """A lower-case word of three letters or more that names a unit, not a currency
        ("yards" in "212 passing yards", "litre" in "a third of a litre")."""
        if len(word) <= _SYMBOL_LENGTH or not word.islower():
            return None
        unit = self.unit_id(word)
        return None if unit is None or unit in self.currency_ids else unit
