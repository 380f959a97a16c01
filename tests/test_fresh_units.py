"""A sweep of units and amounts on news sentences written for it (none taken from a benchmark):
SI-prefixed units and symbols, areas and volumes, rates, currencies written every way, counted
nouns, approximate amounts, ranges, signed amounts, numbers in words, and capital letters after
a number that are no unit. Each case is read by the quantity pass alone (the ``finder``
fixture) and its unit named as the NewsQuant adapter names it (``benchmarks/newsquant.py``), so
the expected unit is a readable name ("kilowatt hour"), not one of claimx's ids.

``python tests/test_fresh_units.py`` prints the sweep's value and value+unit recall."""

from __future__ import annotations

import math
import sys
from typing import Any

import pytest
from quantity_reading import found_quantities, newsquant_adapter

pytestmark = pytest.mark.model

newsquant = newsquant_adapter()
ALIASES = newsquant.load_aliases()

# (sentence, value or (low, high), unit as the adapter names it; "-" for a bare number)
SCIENCE = [
    ("The collider smashed protons together at 13.6 TeV for the first time.",
     13.6, "teraelectron volt"),
    ("The new detector can spot particles carrying as little as 2 MeV.",
     2, "megaelectron volt"),
    ("Physicists measured the particle's mass at 125 GeV.", 125, "gigaelectron volt"),
    ("The X-ray photons carried about 8 keV each.", 8, "kiloelectron volt"),
    ("A band gap of 1.1 eV makes silicon ideal for solar cells.", 1.1, "electron volt"),
    ("Workers at the plant received doses of up to 20 mSv last year.", 20, "millisievert"),
    ("Tumours were treated with 60 Gy spread over six weeks.", 60, "gray"),
    ("Each session delivered 2 grays to the tumour.", 2, "gray"),
    ("The background radiation there is 3 millisieverts a year.", 3, "millisievert per year"),
    ("The chip is built on a 3 nm process.", 3, "nanometre"),
    ("The plastic fragments were smaller than 5 µm across.", 5, "micrometre"),
    ("Microplastics under 100 micrometres were found in every sample.", 100, "micrometre"),
    ("Lead levels reached 15 ppb in some homes.", 15, "parts-per-billion"),
    ("Carbon dioxide passed 420 ppm at the observatory in May.", 420, "parts-per-million"),
    ("The engine noise was measured at 85 dB.", 85, "decibel"),
    ("The whale calls at frequencies near 20 Hz.", 20, "hertz"),
    ("The processor runs at 5.2 GHz under load.", 5.2, "gigahertz"),
    ("The sample glowed at a wavelength of 532 nanometres.", 532, "nanometre"),
    ("The magnet produced a field of 45 tesla, a world record.", 45, "tesla"),
    ("The grid's voltage briefly dipped to 207 volts.", 207, "volt"),
    ("The pipeline runs at a pressure of 80 bar.", 80, "bar"),
    ("Pressure at the storm's centre fell to 950 hPa.", 950, "hectopascal"),
    ("The new alloy withstands 2 GPa before cracking.", 2, "gigapascal"),
    ("The probe is now 24 billion kilometres from Earth.", 24e9, "kilometre"),
    ("The star lies 40 light years away.", 40, "light year"),
    ("The asteroid will pass within 0.05 astronomical units of Earth.",
     0.05, "astronomical unit"),
    ("The lab stored the samples at 4 kelvin.", 4, "kelvin"),
    ("The cells were spun at 3,000 rpm for ten minutes.", 3000, "revolutions per minute"),
    ("The sensor weighs just 12 milligrams.", 12, "milligram"),
    ("Each tablet contains 500 mg of the drug.", 500, "milligram"),
    ("The hoard included 3 kg of gold coins.", 3, "kilogram"),
]
TECHNOLOGY = [
    ("The phone ships with 256 GB of storage.", 256, "gigabyte"),
    ("The archive already holds 40 TB of footage.", 40, "terabyte"),
    ("Broadband speeds average 73 Mbps in the capital.", 73, "megabit per second"),
    ("The new cable carries 10 Gbps to each home.", 10, "gigabit per second"),
    ("The laptop has 16 gigabytes of memory.", 16, "gigabyte"),
    ("The camera records at 8 megabytes a second.", 8, "megabyte per second"),
    ("The battery holds 5,000 mAh, enough for two days.", 5000, "milliampere-hour"),
    ("The data centre will draw 300 MW from the grid.", 300, "megawatt"),
    ("The charger delivers 65 W to the laptop.", 65, "watt"),
    ("Each rack consumes about 40 kilowatts.", 40, "kilowatt"),
    ("The chip draws 15 milliwatts when idle.", 15, "milliwatt"),
    ("The satellite link runs at 12 gigahertz.", 12, "gigahertz"),
    ("The radio station broadcasts on 98.5 MHz.", 98.5, "megahertz"),
    ("The new drive stores 2 petabytes in one cabinet.", 2, "petabyte"),
]
HEALTH = [
    # news calories are kilocalories: "kcal" and "calories" are one unit
    ("Adults should eat no more than 2,000 kcal a day.", 2000, "calorie per day"),
    ("A can of the drink holds 140 calories.", 140, "calorie"),
    ("Nitrate levels in the river hit 50 mg/L last summer.", 50, "milligram per litre"),
    ("Doctors gave the boy 10 millilitres of the syrup.", 10, "millilitre"),
    ("The patient lost 12 kilograms in three months.", 12, "kilogram"),
    ("The average newborn weighs 3.5 kilograms.", 3.5, "kilogram"),
    ("A daily dose of 400 micrograms of folic acid is advised.", 400, "microgram"),
    ("Vitamin D of 10 µg a day is recommended in winter.", 10, "microgram per day"),
    ("Blood sugar above 7 mmol/L counts as high.", 7, "millimole per litre"),
    ("The infection rate reached 45 per 100,000 people.", 45, "per 100,000 people"),
    ("The clinic sees 120 patients a day.", 120, "patient per day"),
    ("The hospital has 600 beds.", 600, "bed"),
    ("Spending on health reached $4,500 per capita.", 4500, "dollar per capita"),
]
ENERGY = [
    ("The wind farm will produce 1.2 TWh a year.", 1.2, "terawatt hour per year"),
    ("The average home uses 2,700 kWh of electricity a year.", 2700, "kilowatt hour per year"),
    ("The battery stores 100 MWh for the local grid.", 100, "megawatt hour"),
    ("The country added 12 GW of solar capacity.", 12, "gigawatt"),
    ("The reactor will generate 1,600 megawatts.", 1600, "megawatt"),
    ("Output from the dam fell to 3 gigawatt hours on Sunday.", 3, "gigawatt hour"),
    ("The car's pack holds 77 kilowatt-hours.", 77, "kilowatt hour"),
    ("A kettle uses about 0.1 kilowatt hours per boil.", 0.1, "kilowatt hour per boil"),
    ("The field holds 9 trillion cubic feet of gas.", 9e12, "cubic foot"),
    ("The refinery processes 200,000 barrels a day.", 200000, "barrel per day"),
    ("The boiler is rated at 30 kW.", 30, "kilowatt"),
    ("Gas prices hit 3.2 dollars per MMBtu.", 3.2, "dollar per mega british thermal unit"),
    ("The panel converts sunlight at 1,000 watts per square metre.",
     1000, "watt per square metre"),
    ("The plant burned 2 million tonnes of coal.", 2e6, "metric ton"),
    ("Each blade weighs 35 tonnes.", 35, "metric ton"),
    ("The heat pump delivers 12 kilojoules a second.", 12, "kilojoule per second"),
    ("The bomb released energy of 15 kilotonnes of TNT.", 15, "kilotonne"),
]
WEATHER = [
    ("Gusts of 90 mph battered the coast overnight.", 90, "mile per hour"),
    ("Winds of 120 km/h toppled trees across the region.", 120, "kilometre per hour"),
    ("The hurricane's winds reached 140 knots.", 140, "knot"),
    ("Gusts of 25 m/s were recorded at the airport.", 25, "metre per second"),
    ("Up to 150 millimetres of rain fell in a day.", 150, "millimetre"),
    ("The town recorded 40 cm of snow.", 40, "centimetre"),
    ("The glacier loses 2 cubic kilometres of ice each year.", 2, "cubic kilometre"),
    ("The sea has risen by 20 cm since 1900.", 20, "centimetre"),
    ("Hailstones of 5 centimetres smashed car windows.", 5, "centimetre"),
    ("Temperatures plunged to minus 30 degrees Celsius.", -30, "celsius"),
    ("The mercury rose to 104 degrees Fahrenheit.", 104, "fahrenheit"),
    ("Overnight lows of -8C are forecast.", -8, "celsius"),
    ("Drought has shrunk the reservoir to 30% of capacity.", 30, "percentage"),
    ("The wildfire has burned 20,000 hectares of forest.", 20000, "hectare"),
    ("Flood water covered 600 square miles of farmland.", 600, "square mile"),
    ("The ice shelf that broke off measured 1,500 km².", 1500, "square kilometre"),
    ("The lake holds about 23,000 km³ of fresh water.", 23000, "cubic kilometre"),
    ("Ash spread over 300 sq km around the volcano.", 300, "square kilometre"),
    ("Rainfall was 50 per cent above normal.", 50, "percentage"),
]
TRANSPORT = [
    ("The train reaches 320 km/h on the new line.", 320, "kilometre per hour"),
    ("The limit on the bridge drops to 20 mph.", 20, "mile per hour"),
    ("The ferry crosses at 30 knots.", 30, "knot"),
    ("The new jet can fly 8,000 nautical miles without refuelling.", 8000, "nautical mile"),
    ("The tunnel runs for 57 kilometres under the Alps.", 57, "kilometre"),
    ("The car does 60 mpg on the motorway.", 60, "mile per gallon"),
    ("Its engine makes 500 horsepower.", 500, "horsepower"),
    ("The port handled 40 million tonnes of cargo.", 4e7, "metric ton"),
    ("The airline carried 12 million passengers last year.", 12e6, "passenger"),
    ("The airport will build a 4 km runway.", 4, "kilometre"),
    ("Fuel costs rose to 1.60 euros a litre.", 1.6, "euro per litre"),
    ("The ship displaces 100,000 tonnes.", 100000, "metric ton"),
    ("The bike path adds 35 miles of lanes.", 35, "mile"),
    ("The new terminal covers 70,000 square metres.", 70000, "square metre"),
    ("Each carriage holds 1,200 cubic metres of air.", 1200, "cubic metre"),
]
SPORT = [
    ("She won the 400m in 49.8 seconds.", 49.8, "second"),
    ("He threw the javelin 89 metres.", 89, "metre"),
    ("The marathon leader ran each kilometre in under 3 minutes.", 3, "minute"),
    ("The stadium will seat 60,000 fans.", 60000, "fan"),
    ("The club paid a fee of £85m for the striker.", 85e6, "pound sterling"),
    ("The winner's purse is $2.5 million.", 2.5e6, "dollar"),
    ("Her serve was clocked at 200 km/h.", 200, "kilometre per hour"),
    ("The cyclist climbed 4,000 metres in the stage.", 4000, "metre"),
    ("The team scored 31 points in the second half.", 31, "point"),
]
FINANCE = [
    ("The company raised US$300 million in its listing.", 3e8, "dollar"),
    ("The miner reported a profit of A$1.2 billion.", 1.2e9, "australian dollar"),
    ("The developer sold the tower for HK$4.5 billion.", 4.5e9, "hong kong dollar"),
    ("Brussels fined the group €2.4 billion.", 2.4e9, "euro"),
    ("The bank set aside £600m for claims.", 6e8, "pound sterling"),
    ("The robot costs ¥1.5 million in Tokyo.", 1.5e6, "japanese yen"),
    ("Farmers were offered 6,000 rupees an acre.", 6000, "rupee per acre"),
    ("The state invested 30 billion yuan in the railway.", 3e10, "chinese yuan"),
    ("The minimum wage rises to 70,000 naira a month.", 70000, "nigerian naira per month"),
    ("The retailer's shares closed at 245 pence.", 245, "penny"),
    ("The board approved a dividend of 45 cents a share.", 45, "cent per share"),
    ("Inflation has run at 3 per cent a year.", 3, "percentage per year"),
    ("Growth averaged 2.1% a year over the decade.", 2.1, "percentage per year"),
    ("The central bank raised rates by 50 basis points.", 50, "basis point"),
    ("Mortgage costs climbed 0.75 percentage points.", 0.75, "percentage point"),
    ("The fund manages $40bn of assets.", 4e10, "dollar"),
    ("The deal values the firm at 8 billion Swiss francs.", 8e9, "swiss franc"),
    ("The bond pays 4.25% interest.", 4.25, "percentage"),
    ("Exports to the region grew by 12 per cent.", 12, "percentage"),
    ("Tax receipts reached 1.3 trillion rupees.", 1.3e12, "rupee"),
    ("The car sells for 200,000 Mexican pesos.", 200000, "mexican peso"),
    ("GDP per capita is about $65,000.", 65000, "dollar"),
    ("Household debt stands at 90% of GDP.", 90, "percentage"),
    ("The tariff of 25% applies from June.", 25, "percentage"),
    ("Investors sold off 5.3 million shares in the morning.", 5.3e6, "share"),
]
COUNTS = [
    ("The factory will hire 450 engineers next year.", 450, "engineer"),
    ("Police arrested 23 protesters outside parliament.", 23, "protester"),
    ("The recall covers 120,000 cars built since 2019.", 120000, "car"),
    ("Volunteers planted 8,000 oak trees.", 8000, "oak tree"),
    ("The survey questioned 2,000 adults.", 2000, "adult"),
    ("The school lost 14 teachers in a year.", 14, "teacher"),
    ("Rescuers pulled 36 survivors from the rubble.", 36, "survivor"),
    ("The council will build 900 new homes.", 900, "new home"),
]
APPROXIMATE = [
    ("About 3,000 people marched through the city.", 3000, "people"),
    ("Nearly 40% of voters backed the plan.", 40, "percentage"),
    ("Roughly 2 million tonnes of grain left the port.", 2e6, "metric ton"),
    ("Some 500 firefighters tackled the blaze.", 500, "firefighter"),
    ("The outage lasted around 6 hours.", 6, "hour"),
    ("Almost 70 km of track will be replaced.", 70, "kilometre"),
    ("An estimated 1.5 GW of capacity sits idle.", 1.5, "gigawatt"),
    ("Approximately 15 mSv was absorbed by each worker.", 15, "millisievert"),
]
RANGES = [
    ("Patients receive between 40 and 60 Gy over the course.", (40, 60), "gray"),
    ("The chips run at 3-4 GHz.", (3, 4), "gigahertz"),
    ("The quake shook buildings 10 to 20 km away.", (10, 20), "kilometre"),
    ("Batteries of 50-100 kWh power most new cars.", (50, 100), "kilowatt hour"),
    ("The mine is 2m-3m deep in places.", (2, 3), "metre"),
    ("The trench is 4m-6m wide.", (4, 6), "metre"),
    ("Waves of 5m to 7m hit the harbour wall.", (5, 7), "metre"),
    ("Forecasters predict growth of 1.8% to 2.2% next year.", (1.8, 2.2), "percentage"),
    ("The bank expects inflation of 3% to 3.5% in the spring.", (3, 3.5), "percentage"),
    ("Analysts see margins of 10% to 12% for the unit.", (10, 12), "percentage"),
    ("Fares will cost between €20 and €35.", (20, 35), "euro"),
    ("Temperatures of 35-38C are expected.", (35, 38), "celsius"),
]
SIGNED = [
    ("Sales fell to minus five percent in the quarter.", -5, "percentage"),
    ("The economy shrank by -0.3% in the first quarter.", -0.3, "percentage"),
    ("The index posted a -2.5% return.", -2.5, "percentage"),
    ("Real wages grew by minus 1.2 per cent.", -1.2, "percentage"),
    ("The gauge read −15C at dawn.", -15, "celsius"),
    ("The fund returned +8% last year.", 8, "percentage"),
]
WORDS = [
    ("Thirty percent of the staff work from home.", 30, "percentage"),
    ("Turnout was sixty per cent.", 60, "percentage"),
    ("Prices are up twelve percent.", 12, "percentage"),
    ("Only forty per cent of the vaccine was used.", 40, "percentage"),
    ("Two hundred workers walked out.", 200, "worker"),
    ("The fire destroyed three thousand acres.", 3000, "acre"),
    ("Twenty-five kilometres of road were closed.", 25, "kilometre"),
    ("The firm shed a dozen jobs.", 12, "job"),
    ("Fifteen per cent of 210 members voted against.", 15, "percentage"),
    ("About 8 per cent of 300 schools shut.", 8, "percentage"),
    ("The plan cut emissions by two-thirds.", 2 / 3, "-"),
    ("Half a million people signed the petition.", 5e5, "people"),
]
OF_PHRASES = [
    ("The firm recalled 35m of its heaters.", 35e6, "heater"),
    ("The agency sold 2,000 of its buses.", 2000, "bus"),
    ("Regulators have grounded 40 of the airline's planes.", 40, "plane"),
    ("The club has sold 500 of its season tickets.", 500, "season ticket"),
]
VERBS_NOT_NOUNS = [
    ("Of those asked, 300 disagreed.", 300, "-"),
    ("In the poll 450 agreed and 120 objected.", 450, "-"),
    ("Of the members, 58 abstained.", 58, "-"),
]
FROM_TO = [
    ("Sales rose from 9 to 12 units.", (9, 12), "unit"),
    ("The fleet grew from 30 to 45 vessels.", (30, 45), "vessel"),
    ("The herd fell from 800 to 650 cattle.", (800, 650), "cattle"),
]
# Units the lexicon lacked before they were composed from pint (prefixed names of words that
# are also other words, bit rates, mercury, parsecs, pixels).
COMPOSED = [
    ("The backbone link now carries 4 Tbps at peak.", 4, "terabit per second"),
    ("The galaxy lies 3 megaparsecs from ours.", 3, "megaparsec"),
    ("The cluster is about 800 parsecs across.", 800, "parsec"),
    ("His blood pressure rose by 10 mmHg on the drug.", 10, "millimetre Hg"),
    ("Tests found 40 nanograms of the toxin per gram.", 40, "nanogram"),
    ("The standard course is 60 grays in 30 sessions.", 60, "gray"),
    ("Staff were exposed to 5 milligrays during the fault.", 5, "milligray"),
    ("The old modem sent 56 kilobits a second.", 56, "kilobit per second"),
    ("The sensor captures 50 megapixels per frame.", 50, "megapixel per frame"),
    ("The samples held 3 millimoles of salt.", 3, "millimole"),
]
# Glued units on both ends of a hyphen are a range, not a code.
GLUED_RANGES = [
    ("The crack is 2km-3km long.", (2, 3), "kilometre"),
    ("The hailstones were 3cm-4cm wide.", (3, 4), "centimetre"),
    ("The fossil beds lie 10m-12m underground.", (10, 12), "metre"),
]
# Waves and swells are measured in metres: a glued "m" after them is no million, at both
# ends of a range (a plural noun after it still makes millions: "a wave of 5m redundancies").
WAVES = [
    ("Waves of 6m battered the seafront overnight.", 6, "metre"),
    ("Swells of 2m to 4m are expected off the cape.", (2, 4), "metre"),
    ("A wave of 5m redundancies hit the sector.", 5e6, "redundancy"),
]
# "in a day", "within a week": a total over a span, not a rate.
SPAN_TOTALS = [
    ("About 90 millimetres of rain fell in a day.", 90, "millimetre"),
    ("Some 30 centimetres of snow settled within a week.", 30, "centimetre"),
    ("Crews cleared 4 tonnes of litter over a weekend.", 4, "metric ton"),
]
SWEEP = [*COMPOSED, *GLUED_RANGES, *WAVES, *SPAN_TOTALS, *SCIENCE, *TECHNOLOGY, *HEALTH, *ENERGY,
         *WEATHER, *TRANSPORT, *SPORT, *FINANCE, *COUNTS, *APPROXIMATE, *RANGES, *SIGNED,
         *WORDS, *OF_PHRASES, *VERBS_NOT_NOUNS, *FROM_TO]


def same(got: Any, want: Any) -> bool:
    if isinstance(want, tuple):
        return isinstance(got, list) and all(map(math.isclose, got, want))
    return not isinstance(got, list) and math.isclose(got, want, rel_tol=1e-6)


def readings(finder: Any, nlp: Any, text: str) -> list[tuple[Any, str | None]]:
    """(value, unit as the adapter names it) for each quantity the pass finds."""
    record = {"claims": [{"quantities": [q.to_dict() for q in
                                         found_quantities(finder, nlp, text)]}]}
    return [(q["value"], q["unit"]) for q in newsquant.prediction(0, record, ALIASES)[
        "quantities"]]


def hit(found: list[tuple[Any, str | None]], value: Any, unit: str | None = "") -> bool:
    """The value is found, with the unit too unless ``unit`` is ""."""
    want = None if unit == "-" else unit
    return any(same(v, value) and (unit == "" or u == want) for v, u in found)


# Read wrong today, kept in the sweep (strict: a fix must move them out of this list).
KNOWN_MISSES = {
    "The infection rate reached 45 per 100,000 people.": "a rate per a count of people",
}
SWEEP_CASES = [
    pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case[0]]))
    if case[0] in KNOWN_MISSES else case
    for case in SWEEP
]


@pytest.mark.parametrize(("text", "value", "unit"), SWEEP_CASES)
def test_value_and_unit(finder, nlp, text, value, unit):
    found = readings(finder, nlp, text)
    assert hit(found, value, unit), found


def main() -> None:
    """Print the sweep's recall (value, value+unit) and its misses, to stderr."""
    from claimx.batch import ExtractorOptions, shared_extractor
    from claimx.extractors.quantities import QuantityFinder

    extractor = shared_extractor(ExtractorOptions())
    finder = QuantityFinder(extractor.nlp, extractor.patterns)
    values = units = 0
    for text, value, unit in SWEEP:
        found = readings(finder, extractor.nlp, text)
        values += hit(found, value)
        units += hit(found, value, unit)
        if not hit(found, value, unit):
            print(f"MISS {text!r} want {value} {unit!r} got {found}", file=sys.stderr)
    total = len(SWEEP)
    print(f"sentences {total}  value {100 * values / total:.1f}  "
          f"value+unit {100 * units / total:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
