"""Ranges, approximate amounts and counted nouns on news sentences written for these tests
(none taken from a benchmark), read as NewsQuant annotates them: a range is its two ends, an
approximator or bound is the bound ("about" ~, "more than" >, "up to" <), and a count's unit
is its counted noun with its modifiers, singular. Each case goes through claimx and the
NewsQuant adapter (``benchmarks/newsquant.py``), as the benchmark does."""

from __future__ import annotations

import math
from typing import Any

import pytest
from quantity_reading import newsquant_adapter

pytestmark = pytest.mark.model

newsquant = newsquant_adapter()
ALIASES = newsquant.load_aliases()
BOUNDS = {">=": ">", "<=": "<"}  # the scorer folds "at least" into ">", "up to" into "<"

# (sentence, value or (low, high), unit as the gold names it ("-": none), bound)
RANGES = [
    ("Forecasters expect between 5 and 10 centimetres of snow on the hills overnight.",
     (5, 10), "centimetre", "="),
    ("Analysts see the bank's margin widening by 5-10% next quarter.", (5, 10), "percentage", "="),
    ("The council plans to plant from 3 to 4 million trees over the decade.",
     (3e6, 4e6), "tree", "="),
    ("The settlement is expected to cost the insurer $2bn-$3bn.", (2e9, 3e9), "dollar", "="),
    ("Patients typically wait 10 to 12 weeks for a knee operation.", (10, 12), "week", "="),
    ("Ticket prices range from £45 to £120 for the final.", (45, 120), "pound sterling", "="),
    ("Daytime highs will reach 28 to 31 degrees Celsius in the capital.", (28, 31), "celsius", "="),
    ("The drug cut symptoms by between 20% and 30% in the trial.", (20, 30), "percentage", "="),
    ("The striker is valued at €40m to €50m by rival clubs.", (4e7, 5e7), "euro", "="),
    ("Each panel generates 300-400 watts in full sun.", (300, 400), "watt", "="),
    ("The storm could dump 8 to 12 inches of rain on the coast.", (8, 12), "inch", "="),
    ("Officials estimate that 200 to 300 homes were flooded.", (200, 300), "home", "="),
    ("Fares will rise by 2.5 to 3 per cent in January.", (2.5, 3), "percentage", "="),
    ("The probe will orbit between 400 and 500 kilometres above the surface.",
     (400, 500), "kilometre", "="),
    ("The bill would raise between $1.5 trillion and $2 trillion over ten years.",
     (15e11, 2e12), "dollar", "="),
    ("Crowds of 30,000 to 40,000 fans are expected at the stadium.", (30000, 40000), "fan", "="),
    ("Volunteers need to commit four to six hours a week.", (4, 6), "hour per week", "="),
    ("The new turbines are 150-200 metres tall.", (150, 200), "metre", "="),
    ("Mortgage rates of 6% to 7% have priced many buyers out.", (6, 7), "percentage", "="),
    ("The vaccine is given in two to three doses.", (2, 3), "dose", "="),
    ("Wind gusts of 60-70 mph are forecast for Tuesday.", (60, 70), "mile per hour", "="),
    ("Prosecutors are seeking a sentence of 15 to 20 years.", (15, 20), "year", "="),
    ("The charity hopes to raise £5m-£7m this year.", (5e6, 7e6), "pound sterling", "="),
    ("Shares could fall 15-20 per cent if the deal collapses.", (15, 20), "percentage", "="),
    ("The hospital treats between 80 and 100 patients a day.", (80, 100), "patient per day", "="),
    ("Scientists found that the lake warmed by 1.5-2C since 1980.", (1.5, 2), "celsius", "="),
    ("The company will cut 1,000 to 1,500 jobs in Europe.", (1000, 1500), "job", "="),
    ("A typical adult needs 7 to 9 hours of sleep.", (7, 9), "hour", "="),
    ("The rebels control 30-40% of the province.", (30, 40), "percentage", "="),
    ("Tenants pay between $900 and $1,200 a month in rent.", (900, 1200), "dollar per month", "="),
    ("The ice sheet is thinning by 3 to 5 metres a year.", (3, 5), "metre per year", "="),
    ("The rally drew between 5,000 and 8,000 protesters.", (5000, 8000), "protester", "="),
    ("Prices for the chips have climbed 20%-25% since spring.", (20, 25), "percentage", "="),
    ("The fine could amount to between 2 and 4 per cent of global turnover.",
     (2, 4), "percentage", "="),
    ("The quake struck at a depth of 10 to 15 km.", (10, 15), "kilometre", "="),
    ("Each bottle holds 500 to 750 millilitres.", (500, 750), "millilitre", "="),
    ("The project will take three to five years to finish.", (3, 5), "year", "="),
    ("Tickets for the tour cost $60-$250.", (60, 250), "dollar", "="),
    ("Polls give the party 28-32 per cent of the vote.", (28, 32), "percentage", "="),
    ("The heatwave pushed temperatures to 38-40C across the south.", (38, 40), "celsius", "="),
    ("The pension age will rise to between 67 and 68 years.", (67, 68), "year", "="),
    ("Losses were put at between $5 and $10 million.", (5e6, 1e7), "dollar", "="),
    ("Unemployment is expected to settle at 4.5% to 5% next year.", (4.5, 5), "percentage", "="),
    ("The plant will employ up to 20 engineers.", 20, "engineer", "<"),
    ("The bridge is expected to cost from £3 to £4 billion.", (3e9, 4e9), "pound sterling", "="),
    ("The firm forecast revenue of $2bn to $2.5bn for the year.", (2e9, 25e8), "dollar", "="),
    ("Between 10,000 and 15,000 migrants crossed in August.", (10000, 15000), "migrant", "="),
    ("The animals weigh 3-5 kg at birth.", (3, 5), "kilogram", "="),
    ("The fires have burned through 40,000 to 50,000 acres.", (40000, 50000), "acre", "="),
    ("Commuters face delays of 30-45 minutes.", (30, 45), "minute", "="),
    ("Most of the new flats will sell for £250,000-£300,000.",
     (250000, 300000), "pound sterling", "="),
    ("The virus kills 2 to 3 per cent of those infected.", (2, 3), "percentage", "="),
    ("Tens of thousands of people marched through the capital.", (10000, 100000), "people", "="),
    ("Thousands of workers went on strike.", (1000, 10000), "worker", "="),
    ("Hundreds of flights were grounded by the fog.", (100, 1000), "flight", "="),
    ("The company will hire 50 to 60 staff in the new office.", (50, 60), "staff", "="),
    ("Property taxes would go up 3 to 4 percent.", (3, 4), "percentage", "="),
    ("The contract runs for two or three seasons.", (2, 3), "season", "="),
    ("Rates of 0.5%-0.75% are now on the table.", (0.5, 0.75), "percentage", "="),
]

APPROXIMATE = [
    ("About 40 firefighters tackled the blaze overnight.", 40, "firefighter", "~"),
    ("The airline carried around 2 million passengers in March.", 2e6, "passenger", "~"),
    ("Roughly 60% of voters backed the measure.", 60, "percentage", "~"),
    ("Some 300 people were evacuated from the valley.", 300, "people", "~"),
    ("Nearly 1,200 jobs will go at the plant.", 1200, "job", "~"),
    ("Almost half the staff have signed the letter, with almost 90 names added on Friday.",
     90, "name", "~"),
    ("More than 500 schools closed because of the snow.", 500, "school", ">"),
    ("The vaccine was given to over 3 million children.", 3e6, "child", ">"),
    ("Under 20% of the budget goes on research.", 20, "percentage", "<"),
    ("At least 12 people died in the floods.", 12, "people", ">"),
    ("As many as 400 flights were cancelled on Sunday.", 400, "flight", "<"),
    ("The company employs upwards of 8,000 workers worldwide.", 8000, "worker", ">"),
    ("Close to 70 per cent of the crop was lost.", 70, "percentage", "~"),
    ("An estimated 15,000 fans travelled to the match.", 15000, "fan", "~"),
    ("The fire destroyed about 120 hectares of forest.", 120, "hectare", "~"),
    ("The minister said around £4bn had been set aside.", 4e9, "pound sterling", "~"),
    ("Roughly 5,000 homes are still without power.", 5000, "home", "~"),
    ("Nearly 40% of adults are overweight, the survey found.", 40, "percentage", "~"),
    ("The team has won more than 30 titles.", 30, "title", ">"),
    ("The new stadium will seat over 60,000 spectators.", 60000, "spectator", ">"),
    ("Less than 5 per cent of the land is protected.", 5, "percentage", "<"),
    ("The deal is worth at least $1.2bn.", 12e8, "dollar", ">"),
    ("Up to 50mm of rain could fall in an hour.", 50, "millimetre", "<"),
    ("Fewer than 100 tigers remain in the reserve.", 100, "tiger", "<"),
    ("The road will be closed for about six weeks.", 6, "week", "~"),
    ("Some 40 countries signed the pledge.", 40, "country", "~"),
    ("The suspect was driving at almost 100 mph.", 100, "mile per hour", "~"),
    ("Inflation rose to just over 4% last month.", 4, "percentage", ">"),
    ("The rocket reached an altitude of roughly 80 km.", 80, "kilometre", "~"),
    ("The festival attracted well over 100,000 visitors.", 100000, "visitor", ">"),
    ("The council spent nearly $3m on consultants.", 3e6, "dollar", "~"),
    ("Temperatures fell to around minus 10C overnight.", -10, "celsius", "~"),
    ("More than 2,000 nurses walked out on Tuesday.", 2000, "nurse", ">"),
    ("The outbreak has infected about 250 people.", 250, "people", "~"),
    ("The bridge took close to ten years to build.", 10, "year", "~"),
    ("Approximately 30 percent of the region's water is lost to leaks.", 30, "percentage", "~"),
    ("The hurricane left an estimated $20bn in damage.", 2e10, "dollar", "~"),
    ("The club has almost 50,000 members.", 50000, "member", "~"),
    ("The museum holds more than 1.5 million objects.", 15e5, "object", ">"),
    ("He served just under four years in prison.", 4, "year", "<"),
    ("No more than 10 guests may attend each wedding.", 10, "guest", "<"),
    ("Around 70 officers were deployed to the protest.", 70, "officer", "~"),
    ("The clinic sees about 30 patients a day.", 30, "patient per day", "~"),
    ("The 40-odd members of the committee met on Thursday.", 40, "member", "~"),
    ("The bill came to a little over $2m.", 2e6, "dollar", ">"),
    ("Turnout was just shy of 60 per cent.", 60, "percentage", "<"),
    ("The firm employs some 1,800 people in Wales.", 1800, "people", "~"),
    ("Over a third of the homes lack heating, and over 200 families live in tents.",
     200, "family", ">"),
    ("The fund manages close to £90bn of assets.", 9e10, "pound sterling", "~"),
    ("The glacier has shrunk by more than 40 metres since 2010.", 40, "metre", ">"),
    ("The match drew a crowd of almost 70,000.", 70000, "-", "~"),
    ("Nearly a dozen lawmakers signed the letter.", 12, "lawmaker", "~"),
    ("Almost 3m households have fallen behind on energy bills.", 3e6, "household", "~"),
    ("The suspect is believed to have stolen upwards of $500,000.", 500000, "dollar", ">"),
    ("The drought has affected an estimated 4.5 million people.", 45e5, "people", "~"),
    ("The vessel was carrying about 2,000 containers.", 2000, "container", "~"),
    ("The typhoon packed winds of more than 200 km/h.", 200, "kilometre per hour", ">"),
    ("He was jailed for a little under five years.", 5, "year", "<"),
    ("The strike cost the economy around €1bn a day.", 1e9, "euro per day", "~"),
    ("Over 90% of the samples tested positive.", 90, "percentage", ">"),
    ("At least 30 houses were destroyed.", 30, "house", ">"),
    ("The bank made a profit of roughly $4.2 billion.", 42e8, "dollar", "~"),
]

COUNTS = [
    ("The hospital has hired 370 nurses since January.", 370, "nurse", "="),
    ("The carmaker will lay off 3,000 of its workers in Ohio.", 3000, "worker", "="),
    ("Health officials reported twelve new cases on Monday.", 12, "new case", "="),
    ("The country received 1.2 million doses on Friday.", 12e5, "dose", "="),
    ("Fourteen clubs voted in favour of the proposal.", 14, "club", "="),
    ("Police arrested 23 people after the match.", 23, "people", "="),
    ("The storm toppled 40 trees in the park.", 40, "tree", "="),
    ("The company opened 15 new stores last year.", 15, "new store", "="),
    ("Researchers tracked 2,400 volunteers for a decade.", 2400, "volunteer", "="),
    ("The senator introduced three bills this session.", 3, "bill", "="),
    ("Firefighters rescued seven children from the building.", 7, "child", "="),
    ("The airline ordered 50 jets from Boeing.", 50, "jet", "="),
    ("The city installed 600 electric buses.", 600, "electric bus", "="),
    ("The study involved 1,500 adults in five countries.", 1500, "adult", "="),
    ("She scored two goals in the second half.", 2, "goal", "="),
    ("The raid netted 45 kilograms of cocaine and 12 firearms.", 12, "firearm", "="),
    ("The bank closed 80 branches across the region.", 80, "branch", "="),
    ("The earthquake damaged 900 homes.", 900, "home", "="),
    ("Scientists discovered 18 new species in the forest.", 18, "new species", "="),
    ("The party won 250 seats in the election.", 250, "seat", "="),
    ("Six men were charged with fraud.", 6, "man", "="),
    ("The zoo welcomed four lion cubs this spring.", 4, "lion cub", "="),
    ("The committee interviewed 32 witnesses.", 32, "witness", "="),
    ("The retailer sold 5 million phones in the quarter.", 5e6, "phone", "="),
    ("The league fined nine players for misconduct.", 9, "player", "="),
    ("Eleven countries have joined the alliance.", 11, "country", "="),
    ("The charity delivered 20,000 food parcels over the winter.", 20000, "food parcel", "="),
    ("The trial enrolled 400 patients with diabetes.", 400, "patient", "="),
    ("A farmer lost 150 sheep in the blizzard.", 150, "sheep", "="),
    ("The festival will feature 120 bands on five stages.", 120, "band", "="),
    ("The government will build 300,000 homes a year.", 300000, "home per year", "="),
    ("Doctors performed 85 transplants at the clinic last year.", 85, "transplant", "="),
    ("The tornado destroyed three barns and a school.", 3, "barn", "="),
    ("The army deployed 2,000 troops to the border.", 2000, "troop", "="),
    ("The recall covers 460,000 vehicles.", 460000, "vehicle", "="),
    ("The library lent out 8,000 books in May.", 8000, "book", "="),
    ("The union represents 45,000 teachers.", 45000, "teacher", "="),
    ("Investigators interviewed 17 suspects.", 17, "suspect", "="),
    ("The team signed five new players in the summer.", 5, "new player", "="),
    ("The satellite carries 12 scientific instruments.", 12, "scientific instrument", "="),
    ("Inspectors found 27 violations at the factory.", 27, "violation", "="),
    ("The app has 40 million users.", 4e7, "user", "="),
    ("Protesters blocked eight roads in the city centre.", 8, "road", "="),
    ("The survey questioned 2,000 voters.", 2000, "voter", "="),
    ("Fourteen of the 20 clubs voted for the cap.", 14, "club", "="),
    ("Three of them were taken to hospital.", 3, "-", "="),
    ("The striker has now scored in five straight matches.", 5, "straight match", "="),
    ("The company recalled 35m of its smart speakers.", 35e6, "smart speaker", "="),
    ("The plant bottles eight million 250ml cans a week.", 8e6, "can per week", "="),
    ("Twenty-three passengers were injured in the crash.", 23, "passenger", "="),
    ("The airline cancelled a dozen flights.", 12, "flight", "="),
    ("Half a million people signed the petition.", 5e5, "people", "="),
    ("The hospital has 1,100 beds.", 1100, "bed", "="),
    ("Rescuers pulled 16 survivors from the rubble.", 16, "survivor", "="),
    ("The ministry has opened 9 investigations into the firm.", 9, "investigation", "="),
    ("One hundred and twenty schools will get new roofs.", 120, "school", "="),
    ("The firm will close 48 of its 200 stores.", 48, "store", "="),
    ("Two of the three judges disagreed.", 2, "judge", "="),
]


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, tuple):
        return isinstance(got, list) and all(
            math.isclose(g, w) for g, w in zip(got, want, strict=True))
    return not isinstance(got, list) and math.isclose(got, want)


def _readings(extractor, text: str) -> list[tuple[Any, str | None, str]]:
    record = newsquant.prediction(0, extractor(text).to_dict(), ALIASES)
    return [(q["value"], q["unit"], BOUNDS.get(q["bound"], q["bound"]))
            for q in record["quantities"]]


def _check(extractor, text: str, value: Any, unit: str, bound: str) -> None:
    readings = _readings(extractor, text)
    wanted = (None if unit == "-" else unit, bound)
    assert any(_same(v, value) and (u, b) == wanted for v, u, b in readings), readings


@pytest.mark.parametrize(("text", "value", "unit", "bound"), RANGES)
def test_ranges(extractor, text, value, unit, bound):
    _check(extractor, text, value, unit, bound)


@pytest.mark.parametrize(("text", "value", "unit", "bound"), APPROXIMATE)
def test_approximate_amounts(extractor, text, value, unit, bound):
    _check(extractor, text, value, unit, bound)


@pytest.mark.parametrize(("text", "value", "unit", "bound"), COUNTS)
def test_counted_nouns(extractor, text, value, unit, bound):
    _check(extractor, text, value, unit, bound)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # a count per period keeps its period: the noun is a rate of what is counted
        ("The food bank feeds 400 families a week.", "families a week"),
        ("The new line will run 90 trains per day.", "trains per day"),
        ("The port expects 2,000 cruise ships a year.", "cruise ships a year"),
        ("The shelter takes in 35 dogs each month.", "dogs each month"),
    ],
)
def test_a_count_per_period_keeps_its_period(extractor, text, noun):
    assert [q.noun for c in extractor(text).claims for q in c.quantities] == [noun]


@pytest.mark.parametrize(
    ("text", "amount", "bound"),
    [
        # "-odd" after a number makes it approximate; "(just) shy of" puts it below
        ("The 30-odd tenants of the block sued the landlord.", "30-odd", "~"),
        ("A 50-odd page report was published on Monday.", "50-odd", "~"),
        ("The hike took 20-odd hours.", "20-odd", "~"),
        ("The squad has 30-plus players.", "30-plus", ">="),
        ("The shares closed just shy of $40.", "just shy of $40", "<"),
        ("The sprinter finished shy of 10 seconds.", "shy of 10 seconds", "<"),
        ("Attendance came in just shy of 20,000.", "just shy of 20,000", "<"),
    ],
)
def test_bounds_written_after_or_before(extractor, text, amount, bound):
    found = [(q.text, q.bound) for c in extractor(text).claims for q in c.quantities]
    assert (amount, bound) in found


@pytest.mark.parametrize(
    ("noun", "unit"),
    [
        ("men", "man"),
        ("women", "woman"),
        ("electric buses", "electric bus"),
        ("campuses", "campus"),
        ("viruses", "virus"),
        ("houses", "house"),
        ("fuses", "fuse"),
        ("patients a day", "patient per day"),
        ("new homes per year", "new home per year"),
        ("buses every week", "bus per week"),
    ],
)
def test_the_adapter_names_a_count_as_the_gold_does(noun, unit):
    assert newsquant.noun_unit(noun) == unit


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "north of" an amount is above it
        ("The stake is worth north of $5bn.", ("north of $5bn", 5e9, "USD", ">")),
        ("Bidding went north of 300,000 euros.", ("north of 300,000 euros", 3e5, "EUR", ">")),
        ("Inflation ran north of 9% in the spring.", ("north of 9%", 9, "percent", ">")),
        # "upward of" as "upwards of"
        ("The firm plans to hire upward of 2,000 people.", ("upward of 2,000", 2000, None, ">")),
        ("The ship can carry upward of 40 tonnes.", ("upward of 40 tonnes", 40, "tonne", ">")),
        ("Fees rose upward of 12% this year.", ("upward of 12%", 12, "percent", ">")),
        # "half a dozen" is six
        ("Half a dozen ministers resigned.", ("Half a dozen", 6, None, "=")),
        ("The bakery sells half a dozen rolls for £2.", ("half a dozen", 6, None, "=")),
        ("Police questioned half a dozen witnesses.", ("half a dozen", 6, None, "=")),
    ],
)
def test_north_of_upward_of_and_half_a_dozen(extractor, text, want):
    amount, value, unit, bound = want
    found = [(q.text, q.value, q.unit, q.bound) for c in extractor(text).claims
             for q in c.quantities]
    assert (amount, pytest.approx(value), unit, bound) in found


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "one" is the low end of a range before "to"/"or" and a number
        ("Repairs will take one to two days.", ("one to two days", 1, 2, "day")),
        ("One or two players were hurt in training.", ("One or two", 1, 2, None)),
        ("The court will sit for one to three weeks.", ("one to three weeks", 1, 3, "week")),
        # money written once, before the low end, is the range's
        ("The deal values the unit at $2-3bn.", ("$2-3bn", 2e9, 3e9, "USD")),
        ("The fine could be £5 to 10m.", ("£5 to 10m", 5e6, 1e7, "GBP")),
        ("Bonuses of €1-2m were paid.", ("€1-2m", 1e6, 2e6, "EUR")),
        # after "at", "X to Y" is the range of a level, even beside a change word
        ("Growth is forecast at 1.8% to 2.2% for the year.", ("1.8% to 2.2%", 1.8, 2.2, "percent")),
        ("The central bank held its rate at 4% to 4.25%.", ("4% to 4.25%", 4, 4.25, "percent")),
        ("Sales rose, settling at $3bn to $3.5bn.", ("$3bn to $3.5bn", 3e9, 3.5e9, "USD")),
        # one letter after both ends means the same at both: metres, or millions
        ("The wall stands 3m to 4m high.", ("3m to 4m", 3, 4, "m")),
        ("Waves of 5m to 6m high hit the coast.", ("5m to 6m", 5, 6, "m")),
        ("A fence 1.5m to 2m tall was built.", ("1.5m to 2m", 1.5, 2, "m")),
        ("Sales of 20m to 30m units are expected.", ("20m to 30m", 2e7, 3e7, None)),
        # a low end in words shares the high end's scale
        ("The plan could create from three to four million jobs.",
         ("three to four million", 3e6, 4e6, None)),
        ("Two to three hundred thousand fans lined the streets.",
         ("Two to three hundred thousand", 2e5, 3e5, None)),
        ("Between fifty and a hundred thousand fish died.",
         ("Between fifty and a hundred thousand", 5e4, 1e5, None)),
        ("Flocks of two hundred to three thousand birds were seen.",
         ("two hundred to three thousand", 200, 3000, None)),
    ],
)
def test_range_ends_share_what_is_written_once(extractor, text, want):
    amount, low, high, unit = want
    found = [(q.text, q.range, q.unit) for c in extractor(text).claims for q in c.quantities]
    assert (amount, (pytest.approx(low), pytest.approx(high)), unit) in found


@pytest.mark.parametrize(
    ("text", "start", "unit"),
    [
        # a unit written once, after the end of "from X to Y", is the start's too
        ("The car's output climbed from 150 to 180 horsepower.", "150", "hp"),
        ("Rainfall rose from 40 to 65 millimetres.", "40", "mm"),
        ("Turnout fell from 70 to 62 per cent.", "70", "percent"),
    ],
)
def test_a_change_start_takes_the_unit_written_after_its_end(extractor, text, start, unit):
    found = {q.text: q.unit for c in extractor(text).claims for q in c.quantities}
    assert found[start] == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # the adapter's "from X to Y" range takes the noun written only at its end
        ("Staff numbers rose from 40 to 60 people.", (40, 60), "people"),
        ("The fleet grew from 12 to 18 ferries.", (12, 18), "ferry"),
        ("Membership fell from 900 to 750 families.", (900, 750), "family"),
    ],
)
def test_a_from_to_range_takes_the_noun_written_at_its_end(extractor, text, value, unit):
    _check(extractor, text, value, unit, "=")
