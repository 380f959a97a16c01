"""Write ``patterns/quantities/units.jsonl``, the unit lexicon, from maintained sources.

Three layers, merged in this order (an earlier layer's form always wins):

1. ``tools/units_curated.jsonl``: hand-kept news forms and ambiguity decisions ("C" as
   Celsius, "PS" as horsepower, "pounds" as money), copied as they are.
2. pint's unit registry (BSD): the physical units of ``PHYSICAL`` with the SI prefixes each
   takes, their names, English plurals, symbols and dimensions.
3. babel's CLDR data (BSD-3): every ISO 4217 currency legal somewhere on a fixed day, with
   its English names, plurals and symbol (``tools/units_cldr.py``).

Composed from pint too: bit rates ("Tbps") and the short symbols that divide a unit after a
slash (``DIVISOR`` rules: the "s" of "m/s", the "L" of "mmol/L").

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
from pathlib import Path
from typing import Any

import pint

sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling, run or imported
from generated import write_or_check
from units_cldr import currency_rules

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "units_curated.jsonl"
OUTPUT = ROOT / "patterns" / "quantities" / "units.jsonl"

# pint unit name -> SI prefixes (pint prefix names) news writes with it; "" is the bare unit.
# Symbols of one character are left to the curated layer, which decides their ambiguity.
PHYSICAL: dict[str, tuple[str, ...]] = {
    "meter": ("", "kilo", "centi", "milli", "micro", "nano"),
    "gram": ("", "kilo", "milli", "micro", "nano"),
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
    "byte": ("kilo", "mega", "giga", "tera", "peta", "exa"),
    "bit": ("", "kilo", "mega", "giga", "tera"),
    "tesla": ("", "milli"),
    "coulomb": ("",),
    "mole": ("", "milli", "micro", "nano"),
    "lumen": ("",),
    "lux": ("",),
    "curie": ("",),
    "roentgen": ("",),
    "kelvin": ("",),
    "parsec": ("", "kilo", "mega"),
    "millimeter_Hg": ("",),
    "pixel": ("mega",),
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
# Names that are also everyday words, people's names or other senses are left out; with an SI
# prefix they are units only ("kilobits", "milligrays", "micromoles").
NO_NAME = frozenset({"oil barrel", "therm", "curie", "bar", "octet", "psi", "metric ton", "gray",
                     "bit", "bits", "mole", "moles", "dot", "pel"})
# Of those, plurals that after a number are the unit: "60 grays" of radiotherapy.
UNIT_PLURALS = frozenset({"grays"})
# Data rates are the prefixed bit's symbol and "ps" ("Mbps", "Tbps"), read as per second.
BIT_RATE_PREFIXES = ("kilo", "mega", "giga", "tera")
# Word endings with their own plural ("megahertz", "horsepower" stay as they are).
IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "hertz": "hertz", "lux": "lux",
                     "horsepower": "horsepower"}
# pint gives these one dimension with other units ("frequency" for a becquerel): news
# readers need the physical quantity, named after pint's base unit.
NAMED_DIMENSIONS = {"becquerel": "radioactivity", "curie": "radioactivity",
                    "gray": "radiation_dose", "sievert": "radiation_dose",
                    "roentgen": "radiation_exposure", "byte": "information",
                    "bit": "information"}
# Units whose symbols of one or two letters are unambiguous after a slash ("m/s", "mg/L",
# "kg/d"), where the symbol divides the unit before it; after a number they stay ambiguous.
DIVISORS = ("second", "minute", "hour", "day", "liter", "gram", "meter")
DIVISOR_EXAMPLE = "Officials said the reading reached 7 mg/{form} on Monday."
_SHORTEST_NAME = 3  # pint aliases shorter than this are symbols ("kt", "l")
MICRO_SIGNS = ("µ", "μ")  # the micro sign and the Greek letter mu, both in use
UNIT_EXAMPLE = "Officials said the reading reached 7 {form} on Monday."


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
    return [n for n in names if n.islower()]  # not "millimeter Hg"


def named(base: str, form: str, prefix: str, canonical: str) -> bool:
    """Whether ``form`` (``base`` with ``prefix``) is kept as a name: a name of NO_NAME only
    as the unit's own one-word name with a prefix ("kilobits", not "kilooctets"), or as one
    of UNIT_PLURALS."""
    if base not in NO_NAME and plural(base) not in NO_NAME:
        return True
    if prefix:
        return base == canonical and " " not in base
    return form in UNIT_PLURALS


def physical_forms(registry: pint.UnitRegistry, name: str, prefix: str
                   ) -> Iterator[tuple[str, bool]]:
    """(form, is_symbol) for one prefixed unit: names, plurals and symbols."""
    definition = registry._units[name]
    names = unit_names(definition)
    plurals = {plural(n) for n in names}
    for base in names:
        forms = [prefix + base] if base in plurals else [prefix + base, prefix + plural(base)]
        # (pint lists "feet" and "inches" as aliases, already plural)
        canonical = definition.name.replace("_", " ")
        yield from ((form, False) for form in forms if named(base, form, prefix, canonical))
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


def divisor_rules(registry: pint.UnitRegistry, curated: list[dict[str, Any]]
                  ) -> list[dict[str, Any]]:
    """The short symbols of ``DIVISORS`` (pint's and their capital "L"), read only after a
    slash; each carries the id the rest of the lexicon gives its unit."""
    dims = Dimensions(registry)
    ids = CuratedIds(registry, curated)
    rules = []
    for name in DIVISORS:
        key = str(registry.Unit(name))
        symbol = registry._units[name].symbol
        for form in dict.fromkeys((symbol, symbol.upper() if name == "liter" else symbol)):
            unit = ids.id_for(key)
            rules.append({"label": "DIVISOR", "pattern": form, "id": unit,
                          "dimension": dims.of(key, name), "source": "pint",
                          "example": DIVISOR_EXAMPLE.format(form=form), "expect_value": "7",
                          "expect_unit": f"mg per {unit}"})
    return rules


def bit_rate_rules(registry: pint.UnitRegistry, curated: list[dict[str, Any]],
                   taken: Taken) -> list[dict[str, Any]]:
    """ "Tbps", "terabits per second": a prefixed bit per second, composed (with the curated
    id where the curated layer has the rate: "mbps")."""
    ids = CuratedIds(registry, curated)
    rules = []
    for prefix in BIT_RATE_PREFIXES:
        key = str(registry.Unit(f"{prefix}bit / second"))
        unit = ids.ids.get(key, f"{prefix}bit_per_second")
        symbol = registry._prefixes[prefix].symbol + "bps"
        for form in (symbol, f"{prefix}bits per second", f"{prefix}bit per second"):
            if taken.free(form):
                taken.add(form)
                rules.append({"label": "UNIT", "pattern": form, "id": unit,
                              "dimension": "data_rate", "source": "pint",
                              "example": UNIT_EXAMPLE.format(form=form), "expect_value": "7"})
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
    rules = (curated + physical_rules(registry, curated, taken)
             + bit_rate_rules(registry, curated, taken) + currency_rules(taken)
             + divisor_rules(registry, curated))
    return "".join(json.dumps(rule, ensure_ascii=False) + "\n" for rule in rules)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = build()
    return write_or_check(OUTPUT, text, check=args.check, command="python tools/build_units.py",
                          note=f" ({text.count(chr(10))} rules)")


if __name__ == "__main__":
    sys.exit(main())
