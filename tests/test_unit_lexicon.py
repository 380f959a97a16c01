"""The unit lexicon generated from pint and CLDR (tools/build_units.py): the committed file is
what the generator writes, every unit has a dimension, and units the curated list never had
are read in sentences written for these tests."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from quantity_reading import found_quantities

from claimx.extractors.quantities.units import Units

ROOT = Path(__file__).resolve().parent.parent
UNITS_FILE = ROOT / "patterns" / "quantities" / "units.jsonl"


def read(finder, nlp, text):
    return [(q.value, q.unit) for q in found_quantities(finder, nlp, text)]


def test_committed_lexicon_is_what_the_generator_writes():
    pytest.importorskip("pint")
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("build_units", ROOT / "tools" / "build_units.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_units"] = module
    spec.loader.exec_module(module)
    assert module.build() == UNITS_FILE.read_text(encoding="utf-8")


def test_every_unit_has_one_dimension():
    dimensions: dict[str, set[str]] = {}
    for line in UNITS_FILE.read_text(encoding="utf-8").splitlines():
        rule = json.loads(line)
        dimensions.setdefault(rule["id"], set()).add(rule.get("dimension", ""))
    assert {unit: dims for unit, dims in dimensions.items() if len(dims) != 1 or "" in dims} == {}


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [("km", "length"), ("kg", "mass"), ("USD", "currency"), ("kwh", "energy"),
     ("USD per share", "currency"), ("mph", "velocity"), ("millisievert", "radiation_dose")],
)
def test_units_know_what_they_measure(patterns, unit, dimension):
    assert Units(patterns).dimension(unit) == dimension


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # energies in electronvolts and joules, with SI prefixes, symbols and names
        ("The upgraded collider will run at 14 TeV from next spring.", (14.0, "teraelectron_volt")),
        ("Each photon carried about 511 keV, the team wrote.", (511.0, "kiloelectron_volt")),
        ("The blast released 63 terajoules of energy.", (63.0, "terajoule")),
        ("A sprinter burns roughly 90 kJ in one race.", (90.0, "kilojoule")),
        # radiation doses and activity
        ("Workers there absorbed up to 250 mSv during the clean-up.", (250.0, "millisievert")),
        ("Tumours were treated with 60 Gy over six weeks.", (60.0, "gray")),
        ("Tests found 420 becquerels of caesium in the fish.", (420.0, "becquerel")),
        # pressure, force, current, resistance
        ("The storm's central pressure dropped to 938 hPa overnight.", (938.0, "hectopascal")),
        ("The tyre is inflated to 220 kPa before the race.", (220.0, "kilopascal")),
        ("The cable carries 400 amps at peak load.", (400.0, "ampere")),
        ("Engineers fitted a 10 kΩ resistor to the board.", (10.0, "kiloohm")),
        # astronomy and old measures
        ("The nearest star lies 4.2 light years away.", (4.2, "light_year")),
        ("The ship anchored 12 nautical miles off the coast.", (12.0, "nautical_mile")),
        ("The ring holds a 3 carat diamond.", (3.0, "carat")),
    ],
)
def test_physical_units_from_pint(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farmers were paid 4,500 Ghanaian cedis per tonne.", (4500.0, "GHS per tonne")),
        ("The loan comes to 80 million Ethiopian birr.", (80e6, "ETB")),
        ("A kilo of rice now costs 2,400 kwanzas.", (2400.0, "AOA")),
        ("The fine was set at 9,000 MNT for each day.", (9000.0, "MNT")),
        ("The stadium cost NT$5 billion to build.", (5e9, "TWD")),
        ("Fares rose to 35 Thai baht for each ride.", (35.0, "THB")),
    ],
)
def test_currencies_from_cldr(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The reservoir holds 4 km³ of water.", (4.0, "cubic_km")),
        ("The flat measures 70 m^2 in all.", (70.0, "sq_m")),
        ("Each cell is 5 mm² across.", (5.0, "sq_mm")),
        ("The ice sheet lost 3 cubic kilometres last summer.", (3.0, "cubic_km")),
        ("The chip packs its circuits into 40 square nanometres.", (40.0, "sq_nm")),
        ("The garden is 300 sq. yards.", (300.0, "sq_yard")),
        ("The field reached 3 kV/cm inside the chamber.", (3.0, "kilovolt per cm")),
        ("Rents climbed 4 per cent per year over the decade.", (4.0, "percent per year")),
        ("Output was $52,000 per capita last year.", (52000.0, "USD per capita")),
    ],
)
def test_compound_units_are_composed(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare C or F is degrees when the sentence is about heat or cold, or nothing follows
        ("Highs of 34C are expected on the coast.", [(34.0, "celsius")]),
        ("Athens baked in 41 C heat for a week.", [(41.0, "celsius")]),
        ("It was 19F outside when the bus broke down.", [(19.0, "fahrenheit")]),
        ("The cold snap brought 5F nights to the plains.", [(5.0, "fahrenheit")]),
        ("Water boils at 100 C at sea level.", [(100.0, "celsius")]),
        ("The lab kept the samples at 4 C storage for a month.", [(4.0, "celsius")]),
        # glued before a noun, with no word of temperature around, the letter is in a code
        ("The fund disclosed the stake in a 13F filing last month.", []),
        ("The regulator asked for the 10C form by Friday.", []),
        ("The airline took delivery of its first 777F freighter.", []),
        # joined to other letters, it is a model or an initialism
        ("The dealer sold 7 F-Series pickups in a day.", []),
        ("Buyers ordered 12 C-Class saloons.", []),
    ],
)
def test_degree_letters_and_names(finder, nlp, text, expected):
    got = [(v, u) for v, u in read(finder, nlp, text) if u in ("celsius", "fahrenheit")]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kt: knots beside a ship, a plane or the wind
        ("The ferry kept up 18 kt despite the swell.", (18.0, "knot")),
        ("Gusts of 45 kt hit the harbour overnight.", (45.0, "knot")),
        ("The jet was flying at 250 kt when it turned.", (250.0, "knot")),
        # kt: kilotonnes beside a bomb or a blast
        ("Experts put the warhead's yield at 100 kt.", (100.0, "kilotonne")),
        ("The 1945 bomb released about 21 kt of energy.", (21.0, "kilotonne")),
        ("Seismologists said the blast equalled 5 kt of TNT.", (5.0, "kilotonne")),
        # K: kelvin beside a word of temperature, else no unit
        ("The magnet must be cooled to 4 K to work.", (4.0, "kelvin")),
        ("The surface temperature is about 5,800 K on the star.", (5800.0, "kelvin")),
        ("Helium turns liquid at a cold 4.2 K, the lab said.", (4.2, "kelvin")),
    ],
)
def test_short_forms_read_by_context(finder, nlp, text, expected):
    assert expected in read(finder, nlp, text)


@pytest.mark.parametrize(
    "text",
    ["Passengers in Row 12 K asked for water.",
     "The app sold 40 K units at launch, a spokesman said.",
     "The council fined the club 9 kt for the breach.",
     "She now ranks 3 K on the ladder."],
)
def test_short_forms_without_their_context_are_no_unit(finder, nlp, text):
    assert [u for _, u in read(finder, nlp, text) if u in ("kelvin", "knot", "kilotonne")] == []
