"""The article's date and claim times resolved against it (claimx.dates)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.dates import TimeResolver, article_date, parse_date
from claimx.models import Furniture

BASE = dt.date(2025, 3, 14)  # a Friday


@pytest.fixture(scope="module")
def resolver(patterns) -> TimeResolver:
    return TimeResolver(patterns)


@pytest.mark.parametrize(("span", "expected"), [
    # days, against the article's date
    ("yesterday", "2025-03-13"),
    ("on Tuesday", "2025-03-11"),
    ("last Monday", "2025-03-10"),
    ("February 2", "2025-02-02"),
    ("9 January 2024", "2024-01-09"),
    # weeks, months, years
    ("earlier this week", "2025-W11"),
    ("last week", "2025-W10"),
    ("last month", "2025-02"),
    ("in January", "2025-01"),
    ("October 2023", "2023-10"),
    ("last year", "2024"),
    ("late last year", "2024"),
    ("this year", "2025"),
    ("in 2019", "2019"),
    ("mid-2022", "2022"),
    ("fiscal 2021", "2021"),
    # quarters
    ("the second quarter of 2023", "2023-Q2"),
    ("the first quarter", "2025-Q1"),
    ("the third quarter", "2024-Q3"),
    ("last quarter", "2024-Q4"),
    ("Q4 2022", "2022-Q4"),
    # intervals
    ("between 2015 and 2018", "2015/2018"),
    ("from 2001 to 2009", "2001/2009"),
    ("2021-22", "2021/2022"),
    ("since 2017", "2017/.."),
    ("the 1980s", "1980/1989"),
])
def test_time_spans_resolve_against_the_article_date(resolver, span, expected):
    assert resolver.resolve(span, BASE) == expected


@pytest.mark.parametrize("span", ["three months", "two years", "a decade", "six weeks",
                                  "the past four years", "recently"])
def test_durations_and_vague_spans_are_not_times(resolver, span):
    assert resolver.resolve(span, BASE) is None


@pytest.mark.parametrize(("span", "expected"), [
    ("last month", None),
    ("on Tuesday", None),
    ("the first quarter", None),
    ("in 2019", "2019"),
    ("October 2023", "2023-10"),
    ("the third quarter of 2020", "2020-Q3"),
    ("between 2015 and 2018", "2015/2018"),
])
def test_without_an_article_date_only_absolute_times_resolve(resolver, span, expected):
    assert resolver.resolve(span, None) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-07-01", dt.date(2024, 7, 1)),
    ("2024-07-01T09:30:00Z", dt.date(2024, 7, 1)),
    ("3 June 2022", dt.date(2022, 6, 3)),
    ("not a date", None),
    ("May 4", None),        # no year: the reading day would supply one
    ("yesterday", None),
    (None, None),
    (20240701, None),
])
def test_field_values_parse_as_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(("meta", "dateline", "expected"), [
    ({"date": "2024-02-05"}, "Monday, 1 January 2024", ("2024-02-05", "field:date")),
    ({}, "Monday, 1 January 2024", ("2024-01-01", "dateline")),
    ({}, "Last updated: 3 March 2024, 08:15 GMT", ("2024-03-03", "dateline")),
    ({"date": "soon"}, "March 8, 2024", ("2024-03-08", "dateline")),
    ({}, "OSLO, Norway, May 4 (Reuters) -", None),
    ({}, None, None),
])
def test_the_article_date_comes_from_the_field_then_the_dateline(meta, dateline, expected):
    furniture = [Furniture(0, len(dateline), dateline, "dateline")] if dateline else []
    found = article_date(meta, furniture)
    assert ((found.value, found.source) if found else None) == expected


@pytest.mark.parametrize(("text", "date", "time", "value"), [
    ("Ticket sales fell 8% last month, the promoter said.", "2024-05-20", "last month",
     "2024-04"),
    ("The bakery sold 3,000 loaves on Saturday.", "2024-05-20", "Saturday", "2024-05-18"),
    ("Rents climbed 6% in 2022.", None, "2022", "2022"),
])
def test_the_extractor_resolves_claim_times(extractor, text, date, time, value):
    (doc,) = extractor.pipe([text], date=date)
    (claim,) = doc.claims
    assert claim.time is not None and claim.time.text == time
    assert claim.time.value == value
    assert (doc.date.value if doc.date else None) == date


def test_a_dateline_dates_the_article(extractor):
    text = "Wednesday, 6 March 2024\n\nThe council spent £2m on repairs last week.\n"
    (doc,) = extractor.pipe([text])
    record = doc.to_dict()
    assert record["date"] == {"value": "2024-03-06", "source": "dateline"}
    assert record["claims"][0]["time"]["value"] == "2024-W09"


@pytest.mark.parametrize(("args", "expected"), [
    ([], {"value": "2023-11-02", "source": "field:date"}),
    (["--date-field", "published"], {"value": "2023-10-30", "source": "field:published"}),
    (["--date", "2022-01-31"], {"value": "2022-01-31", "source": "option"}),
])
def test_the_cli_reads_the_date_from_a_field_or_option(tmp_path, extractor, args, expected):
    line = {"id": "d1", "text": "Exports rose 4% last month.", "date": "2023-11-02",
            "published": "2023-10-30"}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["-q", str(path), *args])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["date"] == expected
    month = expected["value"][:7]
    year, number = int(month[:4]), int(month[5:]) - 1
    if number == 0:
        year, number = year - 1, 12
    assert record["claims"][0]["time"]["value"] == f"{year}-{number:02d}"


def test_a_bad_date_option_is_a_usage_error(extractor):
    result = CliRunner().invoke(app, ["-q", "--date", "2023-02-30"], input="Sales rose 2%.\n")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_extract_and_the_extractor_take_the_date(extractor):
    import claimx

    text = "Parking fines rose 11% last month."
    assert claimx.extract(text, date="2024-06-03").claims[0].time.value == "2024-05"
    assert extractor(text, date="2023-01-20").claims[0].time.value == "2022-12"
    assert extractor(text).claims[0].time.value is None
