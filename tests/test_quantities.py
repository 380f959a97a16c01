"""Quantity extraction on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimx.extractors.quantities import QuantityFinder


@pytest.fixture(scope="module")
def finder(nlp, patterns) -> QuantityFinder:
    return QuantityFinder(nlp, patterns)


def quantities(finder, nlp, text):
    doc = nlp(text)
    found = [f.quantity for f in finder(doc).quantities]
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def only(finder, nlp, text):
    found = quantities(finder, nlp, text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def _cases(rows):
    """Rows written flat as (text, *what it gives) become (text, expected) cases."""
    return [(row[0], row[1:]) for row in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases([
        ("More than 80% of the town's adults now carry a bus pass.", 80.0, "percent", ">"),
        ("The agency reports 100 percent broadband coverage in the valley.", 100.0, "percent",
         "="),
        ("Turnout was 42.5 per cent, officials said.", 42.5, "percent", "="),
        ("Rates rose by 0.25 percentage points on Thursday.", 0.25, "percentage_point", "="),
        ("The council spent £600m on the scheme.", 600e6, "GBP", "="),
        ("Annual profits reached $2.47bn.", 2.47e9, "USD", "="),
        ("The deal was worth US$ 45 million.", 45e6, "USD", "="),
        ("Tickets cost €3,250 each.", 3250.0, "EUR", "="),
        ("The firm paid Rs 500 crore in fines.", 500e7, "INR", "="),
        ("The bank lent 2 billion euros to farmers.", 2e9, "EUR", "="),
        ("Shares closed at 45p on Friday.", 45.0, "penny", "="),
        ("The storm moved at nearly 70 mph across the bay.", 70.0, "mph", "~"),
        ("The ferry covers 12 km in under an hour.", 12.0, "km", "="),
        ("The lorry carried at least 40 tonnes of grain.", 40.0, "tonne", ">="),
        ("Temperatures reached 38°C in the capital.", 38.0, "celsius", "="),
        ("Valencia recorded 42.3C on Sunday.", 42.3, "celsius", "="),
        ("Overnight lows fell to 14F in the valley.", 14.0, "fahrenheit", "="),
        ("It was 101 degrees Fahrenheit at noon.", 101.0, "fahrenheit", "="),
        ("The new cable delivers up to 900 Mbps to each home.", 900.0, "mbps", "<="),
        ("The phone has 128GB of storage.", 128.0, "gb", "="),
        ("The talks lasted about six hours.", 6.0, "hour", "~"),
        ("The winner is five years old.", 5.0, "year_of_age", "="),
        ("A 67-year-old man was arrested.", 67.0, "year_of_age", "="),
        ("Those aged 70 were invited first.", 70.0, "year_of_age", "="),
        ("Fewer than 300 people voted.", 300.0, None, "<"),
        ("The mine employs 1,200 or more workers.", 1200.0, None, ">="),
        ("Temperatures fell to -5 degrees overnight.", -5.0, "degree", "="),
        ("The dividend is 12 cents per share.", 12.0, "cent per share", "="),
        ("Petrol costs $3.10 a gallon in the state.", 3.10, "USD per gallon", "="),
    ]),
)
def test_value_unit_bound(finder, nlp, text, expected):
    value, unit, bound = expected
    q = only(finder, nlp, text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.bound == bound


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("The service now has 382,000 subscribers.", 382000.0, "subscribers"),
        ("Twenty-five staff were moved to the new site.", 25.0, "staff"),
        ("The club signed a dozen players this summer.", 12.0, "players"),
        ("The island has two hundred and fifty residents.", 250.0, "residents"),
        ("Organisers expect 1.2 million visitors.", 1.2e6, "visitors"),
        ("The survey covered seven European countries.", 7.0, "European countries"),
        ("It takes 10 1/2 days to cross.", 10.5, None),
    ],
)
def test_counts_and_words(finder, nlp, text, value, noun):
    q = only(finder, nlp, text)
    assert q.value == pytest.approx(value)
    assert q.noun == noun


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases([
        ("Prices are expected to climb 18 to 25 percent.", 18.0, 25.0, "percent"),
        ("The plant will hire between 3 and 5 million people.", 3e6, 5e6, None),
        ("Growth of 3-5% is forecast.", 3.0, 5.0, "percent"),
        ("Tickets cost $62 and $68 in the pre-sale, between them.", None, None, None),
        ("Seats sell for between $40 and $65 each.", 40.0, 65.0, "USD"),
        ("The trip takes 25 – 40 minutes by bus.", 25.0, 40.0, "minute"),
    ]),
)
def test_ranges(finder, nlp, text, expected):
    lo, hi, unit = expected
    found = quantities(finder, nlp, text)
    if lo is None:
        assert all(q.range is None for q in found)
        return
    assert len(found) == 1, [q.text for q in found]
    assert found[0].range == (pytest.approx(lo), pytest.approx(hi))
    assert found[0].unit == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases([
        ("Nearly all schools in the district now have fast internet.", "Nearly all", True,
         None, None),
        ("The app is used by dozens of local councils.", "dozens of", True, None, (12, 120)),
        ("Hundreds of fans queued overnight.", "Hundreds of", True, None, (100, 1000)),
        ("Half of the members voted to strike.", "Half of", False, 0.5, None),
        ("A third of the budget goes on salaries.", "A third of", False, pytest.approx(1 / 3),
         None),
        ("One in five homes has no broadband.", "One in five", False, 0.2, None),
    ]),
)
def test_vague_and_fractions(finder, nlp, text, expected):
    phrase, vague, value, rng = expected
    q = only(finder, nlp, text)
    assert q.text == phrase
    assert q.vague is vague
    assert q.value == value
    assert q.range == rng


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases([
        ("Profits jumped 45% to $2.4bn last year.", "45%", "up", None, 2.4e9),
        ("Revenue rose 3% to $8.2bn from $7.96bn.", "3%", "up", 7.96e9, 8.2e9),
        ("Its shares fell 12 percent on Monday.", "12 percent", "down", None, None),
        ("The index was down 1.5% at the close.", "1.5%", "down", None, None),
        ("Output increased by 4 percent in May.", "4 percent", "up", None, None),
        ("Unemployment dropped to 3.9% in June.", "3.9%", "down", None, 3.9),
    ]),
)
def test_changes(finder, nlp, text, expected):
    amount, direction, from_value, to_value = expected
    found = quantities(finder, nlp, text)
    q = next(q for q in found if q.text == amount)
    assert q.change is not None
    assert q.change.direction == direction
    assert q.change.from_value == (pytest.approx(from_value) if from_value else None)
    assert q.change.to_value == (pytest.approx(to_value) if to_value else None)
    others = [o for o in found if o is not q]
    assert all(o.change is None for o in others)


@pytest.mark.parametrize(
    "text",
    [
        "Operators will switch off 3G next year and expand 5G.",
        "She bought an iPhone 11 in the sale.",
        "The airline grounded its Boeing 737 fleet.",
        "Schools closed during COVID-19.",
        "Updated at 14:35 GMT.",
        "Thursday, 04 March 2021",
        "The plant opens in 2027.",
        "Ref: WIRE20230101000123456789ID998877665",
        "Call the desk on 020 7946 0321 for details.",
        "1. Register online before the deadline",
        "He finished 2nd in the final.",
        "Read Section 4 of the report.",
        "Music of the 1980s is back in fashion.",
        "The train left at 10.45pm.",
        "Leeds drew 2-2 with Millwall.",
        "The bakery at 16-18 Mill Road has reopened.",
        "The mansion at 9 W 57th St was listed on Friday.",
        "No one was hurt and one another's homes were spared.",
        "",
        "!!!",
    ],
)
def test_not_quantities(finder, nlp, text):
    assert quantities(finder, nlp, text) == []


def test_dates_and_years_are_times(finder, nlp):
    text = "Sales reached 5,000 units in 2024, up from March 3 figures."
    scan = finder(nlp(text))
    assert [f.quantity.text for f in scan.quantities] == ["5,000"]
    spans = {text[a:b] for a, b in scan.times}
    assert "2024" in spans
    assert any("March" in s for s in spans)


@pytest.mark.parametrize(
    "text",
    ["$", "$$$ 5bn", "1" * 400, "10^999", "½", "-", "- - 5 - -", "between and to", "\u200b5%",
     "“5", "99999999999999999999999 dollars", "one one one one", "a a dozen dozen"],
)
def test_junk_does_not_crash(finder, nlp, text):
    quantities(finder, nlp, text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The fare was 3 dollars 50 cents.", 3.5, "USD"),
        ("The loan was 12,34,567 rupees.", 1234567.0, "INR"),
        ("They lost 42 usd million last year.", 42e6, "USD"),
        ("The plant cost c $ 16.4 million.", 16.4e6, "CAD"),
        ("The city has 4 hundred thousand residents.", 400000.0, None),
        ("The house sold for a quarter million dollars.", 250000.0, "USD"),
        ("Engineers aim for a sub-4 nanometre node next year.", 4.0, "nm"),
        ("Profit reached Y=120 billion.", 120e9, "JPY"),
        ("Parker, 58, was appointed on Monday.", 58.0, "year_of_age"),
        ("She will be 41 by the time the tunnel opens.", 41.0, "year_of_age"),
        ("Ms Adeyemi, who is 58, chairs the board.", 58.0, "year_of_age"),
        ("The final score was 22.", 22.0, None),
        ("The dish needs ½ teaspoon of salt.", 0.5, "teaspoon"),
        ("It reached minus 40 degrees Celsius.", -40.0, "celsius"),
    ],
)
def test_more_forms(finder, nlp, text, value, unit):
    q = only(finder, nlp, text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_bracketed_restatement_shares_bound(finder, nlp):
    found = quantities(finder, nlp, "The engine makes just under 400 hp (298 kW) at full tilt.")
    assert [(q.text, q.bound) for q in found] == [("just under 400 hp", "<"), ("298 kW", "<")]


def test_plus_sign_is_a_rise(finder, nlp):
    found = quantities(finder, nlp, "Markets at noon: Dax +0.4%, Cac -0.2%.")
    assert found[0].change is not None and found[0].change.direction == "up"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is one of the fastest trains in Europe.", 1),
        ("He is one of the founders of the firm.", 0),
        ("One bidder dropped out of the race.", 1),
    ],
)
def test_one_of_the(finder, nlp, text, expected):
    assert len([q for q in quantities(finder, nlp, text) if q.value == 1]) == expected


@pytest.mark.parametrize(
    ("text", "amount", "direction"),
    [
        ("The airline blamed fuel costs for a 22% fall in earnings.", "22%", "down"),
        ("Staff were offered a 4% pay rise.", "4%", "up"),
        ("The fee was raised from £3 to £5 last spring.", "£3", "up"),
        ("Costs rose by £40m or 12% in the year.", "12%", "up"),
    ],
)
def test_more_changes(finder, nlp, text, amount, direction):
    q = next(q for q in quantities(finder, nlp, text) if q.text == amount)
    assert q.change is not None and q.change.direction == direction


@pytest.mark.parametrize(
    "text",
    ["The choir raised £12,000 for the hospice.", "Results for 2003 and 2004 were restated."],
)
def test_no_change_or_amount(finder, nlp, text):
    assert all(q.change is None for q in quantities(finder, nlp, text))
    assert all(q.value not in (2003.0, 2004.0) for q in quantities(finder, nlp, text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nearly 1 in 4 adults skip breakfast.", 0.25),
        ("Only 3 out of 10 trains ran on time.", 0.3),
    ],
)
def test_shares_in_digits(finder, nlp, text, value):
    q = only(finder, nlp, text)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["The form was filed on 3/4/2020.", "The 2019/20 season ended early."]
)
def test_numeric_dates_are_not_amounts(finder, nlp, text):
    assert quantities(finder, nlp, text) == []


@pytest.mark.parametrize(
    "text",
    ["Orders slipped over the latter half of 2017.", "Growth stalled back in 2008-9."],
)
def test_periods_are_not_amounts(finder, nlp, text):
    assert quantities(finder, nlp, text) == []


def test_change_with_object_before_amount(finder, nlp):
    found = quantities(finder, nlp, "The bank raised interest rates 0.5% to 4.75% on Thursday.")
    assert [q.text for q in found] == ["0.5%", "4.75%"]
    assert found[0].change is not None and found[0].change.to_value == pytest.approx(4.75)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board is 8 ft 4 in long.", [(8.0, "foot"), (4.0, "inch")]),
        ('The screen is 27" wide.', [(27.0, "inch")]),
        ("The drive holds 500 MB, the link runs at 500 Mb per second.",
         [(500.0, "mb"), (500.0, "mbit per second")]),
        ("The refinery burns 3 million barrels of crude a day.", [(3e6, "barrel per day")]),
    ],
)
def test_feet_inches_and_case(finder, nlp, text, expected):
    assert [(q.value, q.unit) for q in quantities(finder, nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases([
        # "<number>m" glued is million in news: a currency word or counted noun follows ...
        ("The lender posted a profit of 512.37m yuan for the half.", 512.37e6, "CNY", None),
        ("The insurer took a 720m euro charge on the deal.", 720e6, "EUR", None),
        ("The agency recovered 96m naira from the accounts.", 96e6, "NGN", None),
        ("Stockpiles dropped 2m barrels over the week.", 2e6, "barrel", None),
        ("The broadcaster now reaches 45m households.", 45e6, None, "households"),
        ("Arrears climbed to 4bn rand by the end of May.", 4e9, "ZAR", None),
        ("Donations reached 25k euros in a day.", 25e3, "EUR", None),
        # ... or nothing that speaks of distance does.
        ("Orders rose to 41.7m in the spring.", 41.7e6, None, None),
        ("The club paid 38m for the striker.", 38e6, None, None),
        # Metres only with a distance around the number.
        ("She won the 100m at the trials.", 100.0, "m", None),
        ("He was third in a 400m hurdles heat.", 400.0, "m", None),
        ("The summit stands 6,190m high.", 6190.0, "m", None),
        ("Divers reached a depth of 2,750m near the ridge.", 2750.0, "m", None),
        ("The village sits 1,450m above sea level.", 1450.0, "m", None),
        ("The women's 200m final was delayed by rain.", 200.0, "m", None),
        ("The new bridge will be 320m long.", 320.0, "m", None),
        ("The crane has an outreach of 55m.", 55.0, "m", None),
        ("The path is 2m across and climbs for 3 km.", 2.0, "m", None),
        ("Crowds gathered around the 28m (92ft)-tall statue.", 28.0, "m", None),
    ]),
)
def test_glued_m_is_million_unless_distance(finder, nlp, text, expected):
    value, unit, noun = expected
    q = quantities(finder, nlp, text)[0]
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.noun == noun


@pytest.mark.parametrize(
    ("text", "expected"),
    _cases([
        # a few words between "from X" and "to Y" still pair them, and "Y" keeps X's unit
        ("The sedan's fuel economy rose from 41 mpg on the highway to 44 this spring.",
         "41 mpg", "up", 41.0, 44.0, "mpg"),
        ("The coin slid from $41,200 at midnight to $39,870 by dawn.", "$41,200", "down",
         41200.0, 39870.0, "USD"),
    ]),
)
def test_from_to_with_words_between(finder, nlp, text, expected):
    first, direction, from_value, to_value, unit = expected
    found = quantities(finder, nlp, text)
    q = next(q for q in found if q.text == first)
    assert q.change is not None and q.change.direction == direction
    assert q.change.from_value == pytest.approx(from_value)
    assert q.change.to_value == pytest.approx(to_value)
    assert [o.unit for o in found] == [unit, unit]


def test_from_to_without_change_is_a_range(finder, nlp):
    found = quantities(finder, nlp, "Fares went from 12 euros in 2019 to 19 last spring.")
    assert [(q.range, q.unit) for q in found] == [((12.0, 19.0), "EUR")]


@pytest.mark.parametrize(
    ("text", "amount", "direction"),
    [
        # the verb left out of a list: the change carries over to "by 2.2%"
        ("Shares of Acme were down 3.1%, Globex by 2.2% in early trade.", "2.2%", "down"),
        ("Tin rose 4%, and Nickel by 1.5% on the day.", "1.5%", "up"),
        # a verb, its object, "by", the amount
        ("The chain plans to grow revenue by 12 per cent next year.", "12 per cent", "up"),
        ("The forecast was revised upward by 0.3 percentage points.", "0.3 percentage points",
         "up"),
        ("Estimates were revised downwards by 40,000 jobs.", "40,000", "down"),
    ],
)
def test_changes_carried_and_by(finder, nlp, text, amount, direction):
    q = next(q for q in quantities(finder, nlp, text) if q.text == amount)
    assert q.change is not None and q.change.direction == direction


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("The guard averaged 18.2 points over the season.", "~"),
        ("Rents are averaging £1,150 a month in the city.", "~"),
        ("The town recorded an average of 41 days of rain.", "="),
    ],
)
def test_averaged_is_approximate(finder, nlp, text, bound):
    assert quantities(finder, nlp, text)[0].bound == bound


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        # a fraction "of" a unit measures in that unit; "of" a noun counts it
        ("A small glass holds 1/4 of a US pint.", "pint", None),
        ("The new lane covers a third of a mile.", "mile", None),
        ("Half of the residents left the valley.", None, "residents"),
        # a street name before a plural noun does not hide the count
        ("Police shut 40 Oxford Street shops on Sunday.", None, "Oxford Street shops"),
    ],
)
def test_fraction_of_a_unit(finder, nlp, text, unit, noun):
    q = only(finder, nlp, text)
    assert (q.unit, q.noun) == (unit, noun)


@pytest.mark.parametrize(
    ("text", "amount", "direction"),
    [
        # "a/an" + amount + the noun it describes: the verb adds a thing, not a change
        ("The visitors added a 30 yard strike before the break.", "30 yard", None),
        ("The retailer added a 12 metre extension to the store.", "12 metre", None),
        # "a/an" + amount + a time or preposition: still the size of a change
        ("Prices fell a further 2% in June.", "2%", "down"),
        ("Sales jumped a further 8% after the launch.", "8%", "up"),
    ],
)
def test_article_amount_noun_is_no_change(finder, nlp, text, amount, direction):
    q = next(q for q in quantities(finder, nlp, text) if q.text.endswith(amount))
    assert (q.change.direction if q.change else None) == direction


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a bare change after a change in percent, in the same sentence, is in percent
        ("The Dow rose by 2 percent but the FTSE fell by 1.", ["percent", "percent"]),
        ("Sales rose by 5% and staff numbers fell by 40 people.", ["percent", None]),
        ("Sales rose 5%. Costs fell by 3.", ["percent", None]),
        # the rate after a bracketed restatement
        ("Smokers spend 4 billion rand ($220 million) a year on cigarettes.",
         ["ZAR per year", "USD"]),
    ],
)
def test_units_carried_over(finder, nlp, text, units):
    assert [q.unit for q in quantities(finder, nlp, text)] == units


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # a compound noun after the amount is counted whole ...
        ("The 15 nation trade pact took effect in May.", "nation trade pact"),
        ("The 12 member defence alliance met on Monday.", "member defence alliance"),
        # ... unless a hyphen makes the amount and its noun one word
        ("The firm sells four-cylinder engine parts.", "cylinder"),
        ("Stir in 2 cup rice flour.", "cup"),
    ],
)
def test_compound_counted_noun(finder, nlp, text, noun):
    assert only(finder, nlp, text).noun == noun


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # the bare end of a from-to pair keeps the unit of the start
        ("Economy improved from about 30-34 mpg to 41 for the hybrid.", ["mpg", "mpg"]),
        ("Tickets went from $20 to 25 people.", ["USD", None]),
        # a bare number soon after an age phrase is an age in years
        ("Life expectancy for women in the region is nearly 84 according to the survey.",
         ["year_of_age"]),
        ("The state pension age will rise to 67 by 2028.", ["year_of_age"]),
        ("The lifespan survey covered 40 towns.", [None]),
    ],
)
def test_units_from_context(finder, nlp, text, units):
    assert [q.unit for q in quantities(finder, nlp, text)] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a bare number after the same preposition as an earlier measured amount shares its unit
        ("The Nikkei closed at 21,300 points, while the Hang Seng ended at 27,050.",
         ["point", "point"]),
        ("Sales fell by 4 percent and prices rose by 2 at the end.", ["percent", "percent"]),
        # not across sentences, nor before a noun
        ("He was sentenced to 5 years. They went to 3 shops.", ["year", None]),
        ("Rates rose to 5% and the limit went to 40 people.", ["percent", None]),
        # "and" + bare amount + another time: the same measure in another period
        ("Inflation was 4.1% in 2018 and 3.9 last year.", ["percent", "percent"]),
        ("Growth was 2% and 7 people left last year.", ["percent", None]),
    ],
)
def test_parallel_units(finder, nlp, text, units):
    assert [q.unit for q in quantities(finder, nlp, text)] == units


@pytest.mark.parametrize(
    ("text", "values", "noun"),
    [
        # amounts with a hanging hyphen share the noun of the last one in the list
        ("The firm sells two-, three- and four-door cars.", [2.0, 3.0, 4.0], "door"),
        ("The builder sells two- or three-bedroom homes.", [2.0, 3.0], "bedroom"),
    ],
)
def test_suspended_hyphen_lists(finder, nlp, text, values, noun):
    found = quantities(finder, nlp, text)
    assert [q.value for q in found] == values
    assert {q.noun for q in found} == {noun}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the list ends in an attributive duration, so the whole list describes, not counts
        ("Yields on 5- and 20-year notes rose 0.3% today.", [("0.3%", "percent")]),
        # the list ends in a measure: the first amount takes its unit
        ("The club runs 5- and 10-mile races.", [("5", "mile"), ("10-mile", "mile")]),
    ],
)
def test_suspended_hyphen_takes_the_list_end(finder, nlp, text, found):
    assert [(q.text, q.unit) for q in quantities(finder, nlp, text)] == found


def test_hyphenated_words_are_not_lists(finder, nlp):
    assert quantities(finder, nlp, "A well-known, long-term plan.") == []


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Overnight lows of 3 C are forecast for Tuesday.", ["celsius"]),
        ("The shop is at 118 F Block, near the station.", []),
        ("A 30 W USB-C brick is sold separately.", ["watt"]),
    ],
)
def test_a_lone_capital_before_a_name_is_no_unit(finder, nlp, text, units):
    assert [q.unit for q in quantities(finder, nlp, text)] == units


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a share written as "N in M" or "N out of M"
        ("One in 10 farmers now sells online.", [("One in 10", 0.1)]),
        ("Four out of 5 nurses backed the deal.", [("Four out of 5", 0.8)]),
        # a verb that counts: two amounts, not a share
        ("She scored 3 in 10 matches.", [("3", 3.0), ("10", 10.0)]),
        # "and a half" completes a number in words
        ("The talks took two and a half years.", [("two and a half years", 2.5)]),
        ("The strike lasted three-and-a-half weeks.", [("three-and-a-half weeks", 3.5)]),
        # "top" ranks, unless a plural noun says what is counted
        ("She finished in the top three.", []),
        ("The top five banks were fined on Monday.", [("five", 5.0)]),
        # a name that ends in a number word
        ("The show moved to BBC Three last year.", []),
        # a number word that opens a name after "the"
        ("Italy finished last in the Six Nations again.", []),
    ],
)
def test_ratios_halves_and_named_numbers(finder, nlp, text, found):
    assert [(q.text, q.value) for q in quantities(finder, nlp, text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a standard race distance after a racing verb or before a race noun is metres
        ("She made her name winning 1500m and 5000m titles.",
         [("1500m", 1500.0, "m"), ("5000m", 5000.0, "m")]),
        # without that context a glued m is millions
        ("Hackers stole 500m records.", [("500m", 500e6, None)]),
        # set scores are not ranges
        ("Lind beat the top seed 6-1 3-6 6-2 on Sunday.", []),
    ],
)
def test_races_and_set_scores(finder, nlp, text, found):
    assert [(q.text, q.value, q.unit) for q in quantities(finder, nlp, text)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The index slid to minus three percent by the close.", (-3.0, "percent")),
        ("Overnight it dropped to minus twelve degrees in the hills.", (-12.0, "degree")),
        ("Growth came in at minus two per cent last quarter.", (-2.0, "percent")),
        ("Forecasters expect minus four degrees Celsius by dawn.", (-4.0, "celsius")),
    ],
)
def test_minus_before_number_words(finder, nlp, text, expected):
    assert expected in [(q.value, q.unit) for q in quantities(finder, nlp, text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The probe counted 3.2e5 particles in an hour.", 3.2e5),
        ("Each electron carries about 1.6E-19 coulombs.", 1.6e-19),
        ("The sample held roughly 6.02e23 molecules.", 6.02e23),
        ("The fund was valued at 2.5e+9 dollars.", 2.5e9),
    ],
)
def test_e_notation(finder, nlp, text, value):
    assert value in [pytest.approx(q.value) for q in quantities(finder, nlp, text)]


@pytest.mark.parametrize(
    "text",
    ["Engineers flagged the E5 fault code twice.", "She drove the 3e model home.",
     "The form asked for box 2e to be filled."],
)
def test_letter_e_in_codes_is_no_exponent(finder, nlp, text):
    assert all(abs(q.value or 0) < 1e3 for q in quantities(finder, nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 30 percentage of the seats went to newcomers.", (30.0, "percent")),
        ("Thirty percentage of the crop was lost to frost.", (30.0, "percent")),
        ("Only 12 percentage of renters own a car.", (12.0, "percent")),
        ("The lender lifted its base rate by 0.75 percentage points this week.",
         (0.75, "percentage_point")),
    ],
)
def test_percentage_after_a_number(finder, nlp, text, expected):
    assert expected in [(q.value, q.unit) for q in quantities(finder, nlp, text)]
