"""Claims: clause, subject, source, time, hedge and kind, on sentences written for the tests."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from spacy.tokens import Doc

from claimx.doc.sentences import Sentences
from claimx.extractors.claims import ClaimExtractor
from claimx.extractors.claims.context import DocContext
from claimx.extractors.claims.phrase import np_span
from claimx.extractors.claims.subject.walks import qualified_noun
from claimx.extractors.claims.vocabulary import claim_words, kind_clues_of
from claimx.models import Furniture
from claimx.rules.loader import load_patterns
from claimx.rules.model import compile_rule_regex

KIND_RULES = load_patterns().rules_for("claim_kinds")


@pytest.fixture(scope="module")
def claims_of(nlp, patterns):
    extractor = ClaimExtractor(nlp, patterns)

    def run(text, furniture=()):
        claims = extractor(nlp(text), furniture=furniture)
        for claim in claims:
            assert text[claim.start : claim.end] == claim.text
            assert text[claim.sentence.start : claim.sentence.end] == claim.sentence.text
            for span in (claim.subject, claim.owner, claim.time, claim.hedge, claim.source):
                if span is not None:
                    assert text[span.start : span.end] == span.text
        return claims

    return run


@pytest.mark.parametrize(
    ("text", "kind", "subject"),
    [
        ("More than 70% of the region's farms now use a shared water meter.", "percentage",
         "the region's farms"),
        ("Nearly all pupils now have access to a laptop at school.", "vague", "pupils"),
        ("The new portal is linked to dozens of council databases.", "vague",
         "council databases"),
        ("Quarterly profits at Hartwell Foods jumped 31% to $420m.", "change",
         "Quarterly profits at Hartwell Foods"),
        ("The charity raised £2.5m for the hospital.", "money", "The charity"),
        ("The county has 3,400 registered nurses.", "count", "The county"),
        ("The bridge is 1.2 km long.", "measure", "The bridge"),
        ("The regulator reports 98 percent rural network coverage.", "percentage",
         "rural network coverage"),
    ],
)
def test_kind_and_subject(claims_of, text, kind, subject):
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0].kind == kind
    assert claims[0].subject is not None and claims[0].subject.text == subject


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("According to the Ministry of Health, 85% of adults have had the vaccine.",
         "the Ministry of Health", "according to"),
        ("Census data shows 12% of homes are empty.", "Census", "data shows"),
        ("Sales rose 8% in the quarter, the company said.", "the company", "said"),
        ("The mayor said 400 homes would be built.", "The mayor", "said"),
        ("Turnout was 61%.", None, None),
        ("Analysts put the cost of the bridge at $5bn.", "Analysts", "put"),
        ("Prices will rise 5%, the firm added.", "the firm", "added"),
        # verbs that only look like cues: an amount added, a unit put up for sale
        ("Group sales added 3% to 88bn euros.", None, None),
        ("The state put the unit up for sale after a $27bn tax bill.", None, None),
        # the people counted are not the claim's source
        ("Almost 40% of diners said they tip by card.", None, None),
    ],
)
def test_sources(claims_of, text, source, cue):
    claims = claims_of(text)
    assert len(claims) == 1
    if source is None:
        assert claims[0].source is None
    else:
        assert claims[0].source is not None
        assert claims[0].source.text == source
        assert claims[0].source.cue == cue


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("The centre will open in 2026 with 40 staff.", "2026"),
        ("On 14 February 2023 the firm cut 300 jobs.", "14 February 2023"),
        ("Exports grew 6% last year.", "last year"),
        ("Exports grew 6%.", None),
    ],
)
def test_time(claims_of, text, time):
    claims = claims_of(text)
    assert len(claims) == 1
    assert all(time is None or time not in q.text for q in claims[0].quantities)
    assert (claims[0].time.text if claims[0].time else None) == time


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The project is expected to cost $4bn.", "expected to"),
        ("An estimated 2,000 people attended.", "estimated"),
        ("Prices could rise 10% next year.", "could"),
        ("Prices rose 10% last year.", None),
    ],
)
def test_hedge(claims_of, text, hedge):
    claims = claims_of(text)
    assert len(claims) == 1
    assert (claims[0].hedge.text if claims[0].hedge else None) == hedge


def test_one_claim_per_clause(claims_of):
    text = "Revenue rose 4% to $3.2bn, while operating costs fell 2% and the firm hired 150 staff."
    claims = claims_of(text)
    assert len(claims) >= 2
    assert claims[0].text.startswith("Revenue rose 4%")
    assert "costs fell" not in claims[0].text
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]


def test_wire_article_behaviours(claims_of):
    text = (
        "Wednesday, 06 March 2024 09:30 GMT\n\n"
        "(WIRE- Daily News) Staff Writer\n\n"
        "According to the Ministry of Transport, nearly all villages now have a daily bus, "
        "and the state has paved 98 percent of its rural roads. Transit figures show "
        "90 percent of lines run hourly, with 4G on every train.\n\n"
        "More than 55% of commuters now use a smart card, according to the Deputy Minister.\n\n"
        "WIRE06032024000123456789ID2233445566\n"
    )
    claims = claims_of(text)
    quantities = [q for c in claims for q in c.quantities]
    texts = [q.text for q in quantities]
    assert "More than 55%" in texts
    assert not any("4G" in t or "09:30" in t or "2024" in t or "WIRE" in t for t in texts)
    smart = next(c for c in claims if "55%" in c.text)
    assert smart.quantities[0].bound == ">"
    assert smart.source is not None and smart.source.cue == "according to"
    assert any(c.kind == "vague" for c in claims)
    for claim in claims:
        assert "\n\n" not in claim.text


def test_furniture_drops_claims(claims_of):
    text = "Copyright 2024. Reprinted with 100 percent permission.\n\nSales rose 5%."
    end = text.index("\n\n")
    claims = claims_of(text, furniture=[Furniture(0, end, text[:end], "disclaimer")])
    assert [c.text for c in claims] == ["Sales rose 5%."]


@pytest.mark.parametrize("text", ["", "   ", "”“", "5", "(((5%)))", "a\n\n\n\n5bn"])
def test_no_crash(claims_of, text):
    claims_of(text)


def test_ranking_claim(claims_of):
    claims = claims_of("The port is one of the busiest in the region.")
    assert [c.kind for c in claims] == ["ranking"]


def test_two_things_measured_in_one_clause(claims_of):
    (claim,) = claims_of("The bank will cut 1,200 jobs, or about 8% of its workforce.")
    assert claim.subject is not None and claim.subject.text == "The bank"
    assert _measured(claim) == ["The bank", "its workforce"]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [("Most traders expect a cut on 4 May, at 3%.", None), ("May sales could reach $2m.", "could")],
)
def test_month_may_is_no_hedge(claims_of, text, hedge):
    claims = claims_of(text)
    assert claims and all((c.hedge.text if c.hedge else None) == hedge for c in claims)


def test_subject_has_no_dangling_words(claims_of):
    claims = claims_of("Officials from the three agencies met on Monday.")
    assert claims[0].subject is not None and claims[0].subject.text == "Officials"


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("At the close: FTSE +0.4% Dax +0.7%.", ["FTSE", "Dax"]),
        ("Top fallers were Marlow Homes, down 14p at 310p.", ["Marlow Homes"]),
        ("Shares of Acme and Bolt were down 2.3%, Corvex by 2.6%.",
         ["Shares of Acme and Bolt", "Corvex"]),
        ("Leading scorers: Tom Brandt (14 goals) and Ivo Kersh (11 goals).",
         ["Tom Brandt", "Ivo Kersh"]),
        ("Miners such as Rio Tinto up 3.1% and Glencore up 2.2% led gains.",
         ["Rio Tinto", "Glencore"]),
    ],
)
def test_market_report_names(claims_of, text, subjects):
    (claim,) = claims_of(text)
    assert list(dict.fromkeys(_measured(claim))) == subjects


def _measured(claim):
    """What each quantity of the claim measures."""
    return [q.subject.text if q.subject else None for q in claim.quantities]


@pytest.mark.parametrize(
    ("text", "subject", "owner"),
    [
        # the thing measured belongs to the clause's subject
        ("Norvik Telecom will cut about 4% of its workforce.", "its workforce",
         "Norvik Telecom"),
        ("The fund offers a dividend yield of 3.8 per cent.", "a dividend yield",
         "The fund"),
        # a verb's object sized by "to", "by" or "for"
        ("Calder Bank lowered its profit forecast to $1.4 billion.", "its profit forecast",
         "Calder Bank"),
        ("The chain grew sales by 12 per cent last year.", "sales", "The chain"),
        ("Mia Holt bought a used van for $9,500.", "a used van", "Mia Holt"),
        # and a sum paid "for" something is about that thing
        ("The fans paid a total of $4,200 for tickets that never arrived.", "tickets",
         "The fans"),
        # a unit "of" what it measures
        ("The new wind farm will add 2.1 gigawatts of capacity.", "capacity",
         "The new wind farm"),
        ("The city will build 6 miles (9.7 km) of new track.", "new track", "The city"),
        ("The start-up has raised $40m in funding.", "funding", "The start-up"),
        ("Orla Air has cut its capacity forecast from 6 to 8 per cent to 2 to 4 per cent.",
         "its capacity forecast", "Orla Air"),
        # a named possessor outside the subject span
        ("Under the deal, Marlow’s £40m stake in the port passes to the city.",
         "stake in the port", "Marlow"),
        # "they" stands for the plural noun before it
        ("The takeover sent the shares soaring and they closed up 8% on Friday.", "the shares",
         None),
        # a count inside an "of" phrase, and a count with an "of" phrase of its own
        ("Floods damaged the homes of 300 families.", "the homes", "Floods"),
        ("Some 3,000 members of the union walked out.", "the union", None),
        # a participle after the owner is not part of its name
        ("The cuts, amounting to 6% of the chain's staff, start in May.", "the chain's staff",
         "The cuts"),
        # a name the parser split into two subjects stays whole
        ("The base Model 3 needs about 8 hours to charge.", "The base Model 3", None),
        ("Until now Al-Hassan has planted 500 trees in the valley.", "Al-Hassan", None),
        # a participle clause has a subject of its own
        ("The company unveiled a drone weighing just 2 kg.", "a drone", None),
        # unless the clause names one: "the news that the club had been fined"
        ("Worse was the news that the club had been fined £2m for breaking league rules.",
         "the club", None),
        # the subject of the copula before the number, however the parser hung the number
        ("The report found the average class size in rural schools is about 31 raising alarm "
         "among teachers.", "the average class size in rural schools", None),
        # the noun an amount qualifies, however the unit was parsed
        ("The hotel charges guests a 4 per cent fee.", "fee", "The hotel"),
        # a "for" right after the figure names what it applies to, unless it is a period
        ("Key changes include an extra 40 miles for the Zeta's electric range.",
         "the Zeta's electric range", "Key changes"),
        ("Sales rose 3% for the quarter.", "Sales", None),
        # a count hanging on a noun by "on" is about that noun
        ("In the past year the chain has introduced price reductions on 40 basic products.",
         "price reductions", "the chain"),
        # a figure in the setting of the clause belongs to no one, unless it is a change
        ("The ferry reached Oslo after a 400-mile crossing from Kiel.", "crossing from Kiel",
         None),
        # a figure's own unit word is not what it measures
        ("The Hawks defense gave up 412 rushing yards on Saturday.", "The Hawks defense",
         None),
        # a name keeps its bracketed short form
        ("Brent Crude Oil (BCO) rose 2% on Monday.", "Brent Crude Oil (BCO)", None),
        # "for" a duration sizes no object
        ("The mine could produce copper for more than 30 years.", "The mine", None),
        # the subject is itself the thing measured: no owner
        ("Average rents rose 6% in the city.", "Average rents", None),
    ],
)
def test_subject_and_owner(claims_of, text, subject, owner):
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0].subject is not None and claims[0].subject.text == subject
    assert (claims[0].owner.text if claims[0].owner else None) == owner


def test_a_gerund_can_be_what_is_measured(claims_of):
    claims = claims_of("Testing across 40 schools came back at 3 ppb, below the legal limit.")
    assert claims[-1].quantities[0].text == "3 ppb"
    assert claims[-1].subject is not None and claims[-1].subject.text == "Testing"


def test_a_count_with_no_subject_keeps_none_in_its_clause(claims_of):
    (claim,) = claims_of("They have a $2,100 a month lease and three dogs at home.")
    assert [(q.text, q.subject.text if q.subject else None) for q in claim.quantities] == [
        ("$2,100 a month", "lease"), ("three", None)]
    assert claim.subject is not None and claim.subject.text == "lease"


def test_a_side_reference_has_no_owner(claims_of):
    claims = claims_of("Norvik sold 41,000 vans in the quarter, falling short of analyst "
                       "estimates of 45,000.")
    assert claims[-1].subject is not None and claims[-1].subject.text == "analyst estimates"
    assert claims[-1].owner is None


def test_a_phrase_never_takes_back_a_part_it_dropped(nlp, patterns):
    # A parse that hangs a later word on the head noun, beyond a dropped "including" phrase:
    # keeping that word would bring the whole list back into the subject.
    doc = Doc(nlp.vocab, words=["Homes", "including", "Elm", "Row", "and", "Mill", "Lane"],
              heads=[0, 0, 3, 1, 3, 6, 0],
              deps=["ROOT", "prep", "compound", "pobj", "cc", "compound", "npadvmod"],
              tags=["NNS", "VBG", "NNP", "NNP", "CC", "NNP", "NNP"])
    assert np_span(doc[0], claim_words(patterns)).text == "Homes"


def test_conjoined_counts_are_their_own_subjects(claims_of):
    claims = claims_of("About 92 outgoing flights and 86 inbound flights were delayed on Friday.")
    assert [c.subject for c in claims] == [None]
    assert [q.noun for q in claims[0].quantities] == ["outgoing flights", "inbound flights"]


def test_a_unit_noun_leads_past_its_bracketed_conversion(nlp, patterns):
    # "a 9-mile (14.5 km) trek" parsed with "mile" hanging on "km": the trek is what is measured
    words = ["a", "9", "-", "mile", "(", "14.5", "km", ")", "trek"]
    doc = Doc(nlp.vocab, words=words, spaces=[True, False, False, True, False, True, False,
                                               True, False],
              heads=[8, 3, 3, 6, 6, 6, 8, 6, 8],
              deps=["det", "nummod", "punct", "nmod", "punct", "nummod", "nmod", "punct",
                    "ROOT"],
              tags=["DT", "CD", "HYPH", "NN", "-LRB-", "CD", "NNS", "-RRB-", "NN"])
    assert doc.text == "a 9-mile (14.5 km) trek"
    ctx = DocContext(doc, doc.text, [t.idx for t in doc], Sentences(doc), dates=[],
                     quantity_spans=[(2, 8), (10, 17)], times=[], words=claim_words(patterns))
    noun = qualified_noun(ctx, doc[3])
    assert noun is not None and noun.text == "trek"


def test_an_earlier_change_keeps_its_owner(claims_of):
    (claim,) = claims_of("Prices rose 2% in 2024, after a 6% fall in 2023.")
    assert [(q.subject.text if q.subject else None, q.owner.text if q.owner else None)
            for q in claim.quantities] == [("Prices", None), ("fall", "Prices")]


def test_a_participle_clause_has_its_own_subject(claims_of):
    claims = claims_of("Car sales rose 4% last year, with exports climbing 9% and imports "
                       "falling by 2%.")
    assert [(q.subject.text if q.subject else None, q.owner) for c in claims
            for q in c.quantities] == [("Car sales", None), ("exports", None), ("imports", None)]


def test_conversion_in_brackets_shares_the_subject(claims_of):
    claims = claims_of("The mayor approved a budget of $2.4 billion (£1.9 billion).")
    assert len(claims) == 1
    assert len(claims[0].quantities) == 2
    assert claims[0].subject is not None and claims[0].subject.text == "a budget"


def test_a_period_leaves_the_subject(claims_of):
    claims = claims_of("Ticket revenue in the quarter climbed to $42 million.")
    assert claims[0].subject is not None and claims[0].subject.text == "Ticket revenue"


def test_a_period_is_never_the_subject(claims_of):
    claims = claims_of("The median rent was $1,900, down 4.2% year over year.")
    assert [c.subject.text if c.subject else None for c in claims] == ["The median rent"]


@pytest.mark.parametrize(
    ("text", "subject", "time"),
    [
        ("Ticket sales in March rose to 41,000.", "Ticket sales", "March"),
        # a date opening the subject's phrase
        ("Monday's auction raised $4 million.", "auction", "Monday"),
        ("Between 2010 and 2020 average rents in the city climbed by 40%.",
         "average rents in the city", "Between 2010 and 2020"),
    ],
)
def test_subject_leaves_the_date_to_time(claims_of, text, subject, time):
    claims = claims_of(text)
    assert claims[0].subject is not None and claims[0].subject.text == subject
    assert claims[0].time is not None and claims[0].time.text == time


def test_a_headline_without_a_full_stop_is_its_own_sentence(extractor):
    text = "Flood Defences Cost Ravenholm £12m\n\nThe town spent £4m on pumps last year."
    claims = extractor(text).claims
    assert [c.sentence.text for c in claims] == [
        "Flood Defences Cost Ravenholm £12m", "The town spent £4m on pumps last year."]


@pytest.fixture(scope="module")
def claim_extractor(nlp, patterns):
    return ClaimExtractor(nlp, patterns)


@pytest.mark.parametrize("rule", KIND_RULES, ids=lambda rule: rule.id)
def test_each_kind_rule_decides_its_example(nlp, claim_extractor, rule):
    doc = nlp(rule.example)
    kinds = [c.kind for c in claim_extractor(doc) if compile_rule_regex(rule).search(c.text)]
    assert kinds == [rule.get("expect_kind")]
    # the rule itself decides it: without it the same claim is of another kind
    words = claim_extractor.words
    rules = [r for r in KIND_RULES if r is not rule]
    without = copy.copy(claim_extractor)
    without.words = replace(words, kind_clues=kind_clues_of(rules))
    assert [c.kind for c in without(doc)] != kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a unit labelled CURRENCY is money whatever its id looks like
        ("Each ferry ticket now costs 30 groats.", "money"),
        ("The guild paid 4,000 groats for the hall.", "money"),
        # a unit labelled UNIT is a measure even with a three-capital id
        ("The depot now stores 40 zorbs of grain.", "measure"),
        ("Each crate holds 12 zorbs.", "measure"),
        ("The tank was filled with 300 zorbs last week.", "measure"),
    ],
)
def test_money_is_decided_by_the_unit_label(nlp, tmp_path, text, kind):
    path = tmp_path / "units.jsonl"
    path.write_text(
        '{"label": "CURRENCY", "pattern": "groats", "id": "groat"}\n'
        '{"label": "UNIT", "pattern": "zorbs", "id": "ZRB"}\n', encoding="utf-8")
    extractor = ClaimExtractor(nlp, load_patterns([path]))
    assert [c.kind for c in extractor(nlp(text))] == [kind]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The club posted profits of £3m.", "The club"),
        ("The carrier posted losses of $40m.", "The carrier"),
        ("The chain posted sales of 2.1 billion euros.", "The chain"),
    ],
)
def test_a_users_report_verb_attributes_claims(nlp, claim_extractor, tmp_path, text, source):
    assert [c.source for c in claim_extractor(nlp(text))] == [None]
    path = tmp_path / "claim_report_verbs.txt"
    path.write_text("posted\n", encoding="utf-8")
    claims = ClaimExtractor(nlp, load_patterns([path]))(nlp(text))
    assert [c.source.text if c.source else None for c in claims] == [source]
