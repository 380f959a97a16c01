"""News furniture: each kind recognised on text written for the tests, offsets exact."""

from __future__ import annotations

import itertools

import pytest

pytestmark = pytest.mark.model


def furniture(extractor, text: str):
    return list(extractor(text).furniture)


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        ("Wednesday, 14 February 2024 08:05 GMT\n\nPrices fell.", "dateline",
         "Wednesday, 14 February 2024 08:05 GMT"),
        ("Monday, June 3, 2024 4:15 PM EDT\nMarkets rallied.", "dateline",
         "Monday, June 3, 2024 4:15 PM EDT"),
        ("QUITO, Ecuador, March 2 (Reuters) - Voters went to the polls on Sunday.", "dateline",
         "QUITO, Ecuador, March 2 (Reuters) -"),
        ("MANILA 2024-05-17\nThe typhoon weakened overnight.", "dateline", "MANILA 2024-05-17"),
        ("(MENAFN- GulfTimes) The council approved the budget.", "wire_tag",
         "(MENAFN- GulfTimes)"),
        ("ATHENS (AP) Firefighters fought three blazes.", "wire_tag", "(AP)"),
        ("Storm Hits Coast\nBy Hannah Meyer and Luis Ortega\nWinds reached 120 km/h.", "byline",
         "By Hannah Meyer and Luis Ortega"),
        ("(MENAFN- BalticPost) Rasa Jankauskaite Read more\n\nVilnius opened a port.", "byline",
         "Rasa Jankauskaite"),
        ("The bank cut rates. Read more: what it means for mortgages", "read_more",
         "Read more:"),
        ("Body text.\n\nLegal Disclaimer:\nThe publisher gives no warranty.\nNone at all.\n\n"
         "Search", "disclaimer",
         "Legal Disclaimer:\nThe publisher gives no warranty.\nNone at all."),
        ("Story ends here.\n\nWIRE20240514000123456ID99887766554\n", "id",
         "WIRE20240514000123456ID99887766554"),
        ("Story ends here.\n\nCopyright 2024 Northwind Media. All rights reserved.", "footer",
         "Copyright 2024 Northwind Media. All rights reserved."),
        ("Story ends here.\n\nSearch\n", "footer", "Search"),
        ("The vote is due on Friday. (Reporting by Ana Silva; Editing by Tom Hale)", "byline",
         "(Reporting by Ana Silva; Editing by Tom Hale)"),
        ("Image caption: Crowds gathered outside the court\nThe judge ruled on Monday.",
         "footer", "Image caption: Crowds gathered outside the court"),
        ("Last updated: 12 May 2024, 10:40 BST\nRail fares will rise.", "dateline",
         "Last updated: 12 May 2024, 10:40 BST"),
    ],
)
def test_kinds(extractor, text, kind, span):
    found = furniture(extractor, text)
    assert (kind, span) in [(f.kind, f.text) for f in found]
    for item in found:
        assert text[item.start:item.end] == item.text


@pytest.mark.parametrize(
    "text",
    [
        "The minister said prices would fall by 5% in March 2024.",
        "By the end of the year, the plant will employ 400 people.",
        "He read more than 200 reports before the vote.",
        "The search for survivors went on through the night.",
        "Order number 12345 was shipped on Monday.",
        "Picture the scene: rain, wind and a queue of buses.",
        "Published figures for 2023 showed a fall in crime.",
    ],
)
def test_plain_sentences_are_not_furniture(extractor, text):
    assert furniture(extractor, text) == []


def test_spans_are_sorted_and_disjoint(extractor):
    text = (
        "Friday, 09 August 2024 17:40 GMT\n\nPort Talks Resume\n\n"
        "(MENAFN- TrendWire) Samir Aliyev Read more\n\nThe talks resumed in Aktau.\n\n"
        "MENAFN09082024000187011033ID1108801234\n\nLegal Disclaimer:\nNo warranty.\n"
    )
    found = furniture(extractor, text)
    assert [f.kind for f in found] == [
        "dateline", "wire_tag", "byline", "read_more", "id", "disclaimer"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@pytest.mark.parametrize(
    "text",
    [
        "Swansea beat Cardiff 3-1 (Neath-Swansea) in the derby.",
        "Arsenal led through Walcott (Smith-Rowe 45) before the break.",
    ],
)
def test_hyphenated_names_in_brackets_are_not_wire_tags(extractor, text):
    assert furniture(extractor, text) == []


SLOW_RULES = ('{"label": "footer", "regex": "(?:a|aa)+$", "id": "runaway"}\n'
              '{"label": "byline", "regex": "^By [A-Z]\\\\w+", "id": "by-name"}\n')


def _slow_finder(nlp, tmp_path):
    from claimx.extractors.furniture import FurnitureFinder
    from claimx.rules.loader import load_patterns

    path = tmp_path / "furniture.jsonl"
    path.write_text(SLOW_RULES, encoding="utf-8")
    return FurnitureFinder(nlp, load_patterns([path], builtin=False))


def test_a_rule_that_times_out_is_reported_and_the_others_still_run(nlp, tmp_path):
    text = "By Ottoline\n" + "a" * 5000 + "!"
    scan = _slow_finder(nlp, tmp_path).scan(text)
    assert [(f.kind, f.text) for f in scan.furniture] == [("byline", "By Ottoline")]
    (problem,) = scan.problems
    assert (problem.code, problem.fatal) == ("rule-timeout", False)
    assert "'runaway'" in problem.message and "furniture.jsonl:1" in problem.message


def test_a_timed_out_rule_becomes_a_warning_on_the_document(extractor, nlp, tmp_path):
    import copy

    from claimx.components import claimx_components
    from claimx.models import InputDoc

    slow = copy.copy(extractor)
    slow._components = claimx_components(_slow_finder(nlp, tmp_path), None, None, None)
    text = "By Ottoline\n" + "a" * 5000 + "!"
    document = slow.from_doc(nlp(text), InputDoc(id="slow", text=text, meta={}))
    assert [p.code for p in document.errors] == ["rule-timeout"]
    assert not document.failed
    assert [f.text for f in document.furniture] == ["By Ottoline"]


def test_the_components_match_the_extractor(nlp, extractor):
    from claimx.components import records
    from claimx.dates import resolve_claims

    text = "LIMA (AP) Ferry fares rose 12% in May, the port authority said."
    document = extractor(text)
    doc = nlp(text)
    for component in extractor._components:
        component(doc)
    assert tuple(records(doc, "furniture")) == document.furniture
    # The Extractor resolves claim times, attributes claims through the mention layer and
    # flags claims after the components ran (claimx.dates, claimx.extractors.mentions,
    # claimx.flags).
    resolved = resolve_claims(tuple(records(doc, "claims")), extractor._times, document.date)
    quotes = extractor._flags.quotes(doc, tuple(records(doc, "quotes")))
    attributed = extractor._attributed(doc, resolved, quotes)
    # the wire tag's "AP" is no one the article's "the port authority" refers to
    assert attributed[0].source is not None and attributed[0].source.entity is None
    assert extractor._flags.claims(doc, attributed, quotes) == document.claims
    assert [s.text for s in doc.spans["claimx_furniture"]] == ["(AP)"]
