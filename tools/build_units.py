"""Write ``patterns/quantities/units.jsonl``, the unit lexicon, from maintained sources.

Three layers, merged in this order (an earlier layer's form always wins):

1. ``tools/units_curated.jsonl``: hand-kept news forms and ambiguity decisions ("C" as
   Celsius, "PS" as horsepower, "pounds" as money), copied as they are.
2. pint's unit registry (BSD): the physical units of ``PHYSICAL`` with the SI prefixes each
   takes, their names, English plurals, symbols and dimensions.
3. babel's CLDR data (BSD-3): every ISO 4217 currency legal somewhere on ``TENDER_ON``, with
   its English names, plurals and symbol.

pint and babel are build-time tools (the ``build`` extra), never runtime dependencies: the
generated file is committed, and the output depends only on their versions (no clock, no
network), so ``tests/test_unit_lexicon.py`` can check that the committed file is current.

Run: ``python tools/build_units.py`` (``--check`` exits 1 when the file is out of date).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import babel.numbers
import pint
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "units_curated.jsonl"
OUTPUT = ROOT / "patterns" / "quantities" / "units.jsonl"

# pint unit name -> SI prefixes (pint prefix names) news writes with it; "" is the bare unit.
# Symbols of one character are left to the curated layer, which decides their ambiguity.
PHYSICAL: dict[str, tuple[str, ...]] = {
    "meter": ("", "kilo", "centi", "milli", "micro", "nano"),
    "gram": ("", "kilo", "milli", "micro"),
    "metric_ton": ("", "kilo", "mega"),
    "second": ("milli", "micro", "nano"),
    "liter": ("", "milli", "centi", "deci", "hecto"),
    "watt": ("", "milli", "kilo", "mega", "giga", "tera"),
    "watt_hour": ("", "kilo", "mega", "giga", "tera"),
    "joule": ("", "kilo", "mega", "giga", "tera"),
    "electron_volt": ("", "kilo", "mega", "giga", "tera"),
    "calorie": ("", "kilo"),
    "volt": ("", "milli", "kilo", "mega"),
    "ampere": ("", "milli", "kilo"),
    "ampere_hour": ("", "milli"),
    "ohm": ("", "kilo", "mega"),
    "hertz": ("", "kilo", "mega", "giga", "tera"),
    "pascal": ("", "hecto", "kilo", "mega", "giga"),
    "bar": ("", "milli"),
    "newton": ("", "kilo"),
    "gray": ("", "milli"),
    "sievert": ("", "milli", "micro"),
    "becquerel": ("", "kilo", "mega", "giga", "tera"),
    "byte": ("kilo", "mega", "giga", "tera", "peta"),
    "bit": ("", "kilo", "mega", "giga", "tera"),
    "tesla": ("", "milli"),
    "coulomb": ("",),
    "mole": ("",),
    "lumen": ("",),
    "lux": ("",),
    "curie": ("",),
    "roentgen": ("",),
    "kelvin": ("",),
    "mile": ("",),
    "nautical_mile": ("",),
    "light_year": ("",),
    "astronomical_unit": ("",),
    "angstrom": ("",),
    "acre": ("",),
    "hectare": ("",),
    "knot": ("",),
    "gallon": ("",),
    "imperial_gallon": ("",),
    "fluid_ounce": ("",),
    "psi": ("",),
    "atmosphere": ("",),
    "horsepower": ("",),
    "british_thermal_unit": ("",),
    "therm": ("",),
    "carat": ("",),
    "troy_ounce": ("",),
    "ounce": ("",),
    "short_ton": ("",),
    "long_ton": ("",),
    "foot": ("",),
    "yard": ("",),
    "inch": ("",),
}
# Symbols that are ordinary words or other abbreviations after a number in news text.
NO_SYMBOL = frozenset({"bar", "bit", "pc", "au", "ct", "ton", "psi", "acre", "stone", "in", "thm",
                       "kt", "Mt", "cal"})
# Names that are also everyday words, people's names or other senses are left out.
NO_NAME = frozenset({"oil barrel", "therm", "curie", "bar", "octet", "psi", "metric ton", "gray",
                     "bit", "bits", "mole", "moles"})
# Word endings with their own plural ("megahertz", "horsepower" stay as they are).
IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "hertz": "hertz", "lux": "lux",
                     "horsepower": "horsepower"}
# pint gives these one dimension with other units ("frequency" for a becquerel): news
# readers need the physical quantity, named after pint's base unit.
NAMED_DIMENSIONS = {"becquerel": "radioactivity", "curie": "radioactivity",
                    "gray": "radiation_dose", "sievert": "radiation_dose",
                    "roentgen": "radiation_exposure", "byte": "information",
                    "bit": "information"}
_SHORTEST_NAME = 3  # pint aliases shorter than this are symbols ("kt", "l")
MICRO_SIGNS = ("µ", "μ")  # the micro sign and the Greek letter mu, both in use
TENDER_ON = date(2025, 1, 1)  # a fixed day, so the currency list does not follow the clock
# Last words of currency names that are also English words or other units.
NOT_A_CURRENCY_WORD = frozenset({"real", "gold", "mark", "sol", "kip", "dram", "won", "som",
                                 "leone", "pound", "dollar", "franc", "peso", "rupee",
                                 "dinar", "rial", "riyal", "shilling", "krone", "krona",
                                 "kwacha", "manat", "leu", "lev", "ruble", "rand", "tala",
                                 "soles"})
# ISO codes that are also words or well-known abbreviations in capitals ("TOP 10", "AMD").
NOT_A_CURRENCY_CODE = frozenset({"ALL", "TOP", "MAD", "PEN", "SOS", "BOB", "AMD", "RON", "BAM",
                                 "CUP", "MOP", "DOP", "ERN", "NAD", "MUR", "BIF", "GEL"})
UNIT_EXAMPLE = "Officials said the reading reached 7 {form} on Monday."
CODE_EXAMPLE = "The contract was worth 7,000 {form}, the ministry said."
SYMBOL_EXAMPLE = "The contract was worth {form}7,000, the ministry said."


def read_curated(path: Path = CURATED) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


class Taken:
    """Forms already in the lexicon: case-sensitive ones exactly, the rest by lower case."""

    def __init__(self, rules: Iterable[dict[str, Any]]) -> None:
        self.exact: set[str] = set()
        self.lower: set[str] = set()
        for rule in rules:
            self.add(rule["pattern"])

    def add(self, form: str) -> None:
        self.exact.add(form)
        self.lower.add(form.lower())

    def free(self, form: str) -> bool:
        return form not in self.exact and form.lower() not in self.lower


class Dimensions:
    """pint's names for dimensions ("length", "energy", "pressure"), first definition wins
    (so a newton metre is "energy" before "torque": the curated layer says torque)."""

    def __init__(self, registry: pint.UnitRegistry) -> None:
        self.registry = registry
        self.names: dict[str, str] = {}
        for name in registry._dimensions:
            if any(word in name for word in ("gaussian", "esu", "printing")) or name == "[]":
                continue
            key = registry.get_dimensionality(name)
            self.names.setdefault(str(_ordered(key)), name.strip("[]"))

    def of(self, unit: str, base: str = "") -> str:
        if base in NAMED_DIMENSIONS:
            return NAMED_DIMENSIONS[base]
        key = self.registry.get_dimensionality(unit)
        if not key:
            return "dimensionless"
        return self.names.get(str(_ordered(key)), str(key))


def _ordered(dimensionality: Any) -> tuple[tuple[str, float], ...]:
    """A dimensionality as a key that does not depend on the order pint wrote it in."""
    return tuple(sorted(dict(dimensionality).items()))


def plural(name: str) -> str:
    words = name.split(" ")
    head = 0 if words[0] == "degree" else len(words) - 1
    word = words[head]
    irregular = next((w for w in IRREGULAR_PLURALS if word.endswith(w)), None)
    if irregular is not None:
        words[head] = word[: -len(irregular)] + IRREGULAR_PLURALS[irregular]
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        words[head] = word + "es"
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        words[head] = word[:-1] + "ies"
    else:
        words[head] = word + "s"
    return " ".join(words)


def unit_names(definition: Any) -> list[str]:
    """The unit's English names: pint's name and its aliases that are words (pint writes
    "international_foot" or "cal_th" for variants, which news never writes)."""
    aliases = [a for a in definition.aliases
               if a.isalpha() and a.islower() and len(a) >= _SHORTEST_NAME]
    names = [n.replace("_", " ") for n in (definition.name, *aliases)]
    return [n for n in names if n not in NO_NAME]


def physical_forms(registry: pint.UnitRegistry, name: str, prefix: str
                   ) -> Iterator[tuple[str, bool]]:
    """(form, is_symbol) for one prefixed unit: names, plurals and symbols."""
    definition = registry._units[name]
    names = unit_names(definition)
    plurals = {plural(n) for n in names}
    for base in names:
        forms = [prefix + base] if base in plurals else [prefix + base, prefix + plural(base)]
        # (pint lists "feet" and "inches" as aliases, already plural)
        yield from ((form, False) for form in forms if form not in NO_NAME)
    symbol = definition.symbol
    if not symbol or "_" in symbol or symbol in NO_SYMBOL:
        return
    signs = MICRO_SIGNS if prefix == "micro" else (
        (registry._prefixes[prefix].symbol,) if prefix else ("",))
    for sign in signs:
        if len(sign + symbol) > 1 and sign + symbol not in NO_SYMBOL:
            yield sign + symbol, True


class CuratedIds:
    """The curated layer's id for a pint unit, so "kilowatt-hours" gets the id "kwh" that the
    curated "kWh" already has; units the curated layer lacks keep pint's name."""

    def __init__(self, registry: pint.UnitRegistry, curated: list[dict[str, Any]]) -> None:
        self.ids: dict[str, str] = {}
        for rule in curated:
            form = rule["pattern"]
            if rule["label"] != "UNIT" or len(form) < 3:  # noqa: PLR2004 (symbols are ambiguous)
                continue
            try:
                key = str(registry.parse_units(form))
            except (pint.errors.PintError, ValueError, AttributeError, TypeError):
                continue
            self.ids.setdefault(key, rule["id"])

    def id_for(self, key: str) -> str:
        return self.ids.get(key, key)


def physical_rules(registry: pint.UnitRegistry, curated: list[dict[str, Any]],
                   taken: Taken) -> list[dict[str, Any]]:
    dims = Dimensions(registry)
    ids = CuratedIds(registry, curated)
    rules = []
    for name, prefixes in PHYSICAL.items():
        for prefix in prefixes:
            key = str(registry.Unit(prefix + name))
            for form, _symbol in physical_forms(registry, name, prefix):
                if not taken.free(form):
                    continue
                taken.add(form)
                rules.append({"label": "UNIT", "pattern": form, "id": ids.id_for(key),
                              "dimension": dims.of(key, name), "source": "pint",
                              "example": UNIT_EXAMPLE.format(form=form), "expect_value": "7"})
    return rules


def current_currencies() -> list[str]:
    locale = Locale("en")
    return sorted({code for territory in locale.territories
                   for code in babel.numbers.get_territory_currencies(
                       territory, start_date=TENDER_ON, tender=True)})


def currency_names(code: str) -> list[str]:
    """English names of a currency, lower case (news writes "Nigerian naira")."""
    names = [Locale("en").currencies.get(code, ""),
             babel.numbers.get_currency_name(code, count=1, locale="en"),
             babel.numbers.get_currency_name(code, count=2, locale="en")]
    return list(dict.fromkeys(n.lower() for n in names if n and n != code))


def currency_words(codes: list[str]) -> dict[str, str]:
    """Last words of currency names that name one currency only ("naira", "kwanzas")."""
    owners: dict[str, set[str]] = {}
    for code in codes:
        for name in currency_names(code):
            owners.setdefault(name.rsplit(" ", 1)[-1], set()).add(code)
    return {word: next(iter(code)) for word, code in owners.items()
            if len(code) == 1 and word not in NOT_A_CURRENCY_WORD
            and word.rstrip("s") not in NOT_A_CURRENCY_WORD}


def currency_rules(taken: Taken) -> list[dict[str, Any]]:
    codes = current_currencies()
    words = currency_words(codes)
    rules = []

    def add(form: str, code: str, example: str) -> None:
        if taken.free(form):
            taken.add(form)
            rules.append({"label": "CURRENCY", "pattern": form, "id": code,
                          "dimension": "currency", "source": "cldr",
                          "example": example.format(form=form), "expect_value": "7000"})

    for code in codes:
        if code not in NOT_A_CURRENCY_CODE:
            add(code, code, CODE_EXAMPLE)
        symbol = babel.numbers.get_currency_symbol(code, locale="en")
        if symbol != code and not symbol.isalpha():
            add(symbol, code, SYMBOL_EXAMPLE)
        for name in currency_names(code):
            add(name, code, CODE_EXAMPLE)
    for word, code in sorted(words.items()):
        add(word, code, CODE_EXAMPLE)
    return rules


def curated_dimensions(registry: pint.UnitRegistry, curated: list[dict[str, Any]]) -> None:
    """Give each curated rule its dimension: money, or pint's reading of its id or forms."""
    dims = Dimensions(registry)
    by_id: dict[str, str] = {}
    for rule in curated:
        if "dimension" in rule:
            by_id.setdefault(rule["id"], rule["dimension"])
    for rule in curated:
        if rule["label"] != "UNIT":
            by_id.setdefault(rule["id"], "currency")
            continue
        for form in (rule["id"], rule["pattern"]):
            if rule["id"] in by_id or len(form) < 3:  # noqa: PLR2004
                continue
            try:
                unit = str(registry.parse_units(form))
                by_id[rule["id"]] = dims.of(unit, unit.removeprefix(
                    next((p for p in ("kilo", "mega", "giga", "tera") if unit.startswith(p)),
                         "")))
            except (pint.errors.PintError, ValueError, AttributeError, TypeError):
                continue
    missing = sorted({r["id"] for r in curated if r["id"] not in by_id})
    if missing:
        raise SystemExit(f"curated units without a dimension: {', '.join(missing)}")
    for rule in curated:
        rule.setdefault("dimension", by_id[rule["id"]])


def build() -> str:
    registry = pint.UnitRegistry()
    curated = read_curated()
    curated_dimensions(registry, curated)
    taken = Taken(curated)
    rules = curated + physical_rules(registry, curated, taken) + currency_rules(taken)
    return "".join(json.dumps(rule, ensure_ascii=False) + "\n" for rule in rules)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run python tools/build_units.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({text.count(chr(10))} rules)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
