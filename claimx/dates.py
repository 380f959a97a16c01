"""Dates: the article's own date, and each claim's time resolved against it.

A claim's ``time`` is a span of the text ("last month", "Wednesday", "the third quarter of
2024"). This module gives it a normalised ``value`` (see ``claimx.models.Time``) after
extraction. The shapes news writes most (years, decades, quarters, ranges) are read here;
every other span goes to dateparser, applied to the time span alone and relative to the
article's date. Without an article date only absolute times resolve: a value that would change
with the date it is read against is left None. A length of time ("three months") is not a
time, so it resolves to None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from claimx.models import ArticleDate, Claim, Furniture, InputDoc, Time

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

    from claimx.rules.loader import PatternSet

MODIFIERS = "date_modifiers"
DURATIONS = "date_durations"
# Two far-apart reading dates: a time that resolves the same against both is absolute.
_PROBES = (dt.date(2001, 1, 15), dt.date(2013, 8, 20))
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NAMED_YEAR = regex.compile(r"\b(?:1[89]|20)\d\d\b")
_YEAR = regex.compile(r"(?:fiscal |fy ?)?((?:1[5-9]|20)\d\d)")
_DECADE = regex.compile(r"(?:the )?((?:1[5-9]|20)\d0)'?s")
_YEAR_SPAN = regex.compile(r"((?:1[5-9]|20)\d\d)\s*[-–/]\s*(\d{2}|\d{4})")
_RANGE = regex.compile(r"(?:between|from) (.+?) (?:and|to|until|through) (.+)")
_SINCE = regex.compile(r"since (.+)")
_ORDINALS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3,
             "3rd": 3, "q3": 3, "fourth": 4, "4th": 4, "q4": 4, "final": 4, "last": 4}
_QUARTER = regex.compile(
    r"(?:the )?(?P<n>first|second|third|fourth|final|1st|2nd|3rd|4th|q[1-4])"
    r"(?: (?:fiscal )?quarter)?(?:(?: of|,)? (?:fiscal )?(?P<year>(?:19|20)\d\d))?")
_RELATIVE_QUARTER = regex.compile(r"(?P<rel>last|this|the previous|the current|next) quarter")
_NUMBER = regex.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|few|many|couple)\b")
# What turns a length of time into a point in time: "three months ago", "the past year".
_ANCHORS = regex.compile(r"\b(?:ago|last|past|previous|next|this|coming|earlier|later)\b")


def parse_date(value: Any) -> dt.date | None:
    """A date from a field value: an ISO date or timestamp, else any date dateparser reads
    that names its year."""
    if isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, str) or not _NAMED_YEAR.search(value):
        return None  # "May 4", "yesterday": a publication date that names no year is no date
    match = _ISO_DATE.match(value.strip())
    if match:
        return _iso_date(*match.groups())
    found = _parser(None).get_date_data(value.strip())
    return found.date_obj.date() if found.date_obj is not None else None


def _iso_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def article_date(meta: Mapping[str, Any], furniture: tuple[Furniture, ...] | list[Furniture],
                 date_field: str = "date") -> ArticleDate | None:
    """The article's date from its ``date_field`` when it holds one, else from its first
    dateline that names a full date."""
    value = parse_date(meta.get(date_field)) if date_field else None
    if value is not None:
        return ArticleDate(value.isoformat(), f"field:{date_field}")
    for item in furniture:
        if item.kind != "dateline":
            continue
        value = parse_date(_dateline_date(item.text))
        if value is not None:
            return ArticleDate(value.isoformat(), "dateline")
    return None


def _dateline_date(text: str) -> str:
    # "Last updated: 12 May 2024, 10:40 BST": the date after the label, before the clock.
    text = regex.sub(r"(?i)^\s*(?:published|last updated|updated|posted)\s*(?:on|:)?\s*", "",
                     text)
    return regex.sub(r",?\s+\d{1,2}:\d{2}.*$", "", text).strip()


class TimeResolver:
    """Resolves time spans to normalised values; the vocabulary is in ``patterns/dates/``."""

    def __init__(self, patterns: PatternSet) -> None:
        words = sorted(patterns.word_list(MODIFIERS), key=len, reverse=True)
        self._modifiers = regex.compile(
            r"^(?:(?:" + "|".join(regex.escape(w) for w in words) + r")\b[\s-]*)+"
            if words else r"^(?!)")
        self._durations = patterns.word_list(DURATIONS)
        # Per resolver: a corpus repeats the same few time phrases on the same dates.
        self._resolve = lru_cache(maxsize=4096)(self._compute)

    def resolve(self, text: str, base: dt.date | None) -> str | None:
        """The normalised value of a time span, or None."""
        phrase = self._clean(text)
        if not phrase:
            return None
        if base is None:
            # Absolute only: the same value whatever day the text is read.
            first, second = (self._resolve(phrase, probe) for probe in _PROBES)
            return first if first == second else None
        return self._resolve(phrase, base)

    def _clean(self, text: str) -> str:
        phrase = regex.sub(r"\s+", " ", text.lower()).strip(" ,.;:")
        return self._modifiers.sub("", phrase).strip()

    def _compute(self, phrase: str, base: dt.date) -> str | None:
        interval = _interval(self, phrase, base)
        if interval is not None:
            return interval[0]
        fixed = _fixed_shape(phrase, base)
        if fixed is not None:
            return fixed
        if self._is_duration(phrase):
            return None
        return _dateparser_value(phrase, base)

    def _is_duration(self, phrase: str) -> bool:
        words = set(phrase.split())
        return bool(words & self._durations) and bool(_NUMBER.search(phrase)) and not bool(
            _ANCHORS.search(phrase))


def _interval(resolver: TimeResolver, phrase: str,
              base: dt.date) -> tuple[str | None] | None:
    """"between 2010 and 2020" as ("2010/2020",), "since 2019" as ("2019/..",); (None,) for
    an interval that does not resolve, None when the phrase is not an interval."""
    match = _YEAR_SPAN.fullmatch(phrase)
    if match:
        first, last = match.groups()
        last = first[: len(first) - len(last)] + last  # "2023-24"
        return (f"{first}/{last}" if int(last) > int(first) else None,)
    match = _RANGE.fullmatch(phrase)
    if match:
        start, end = (resolver._resolve(resolver._clean(p), base) for p in match.groups())
        return (f"{start}/{end}" if start and end else None,)
    match = _SINCE.fullmatch(phrase)
    if match:
        start = resolver._resolve(resolver._clean(match.group(1)), base)
        return (f"{start}/.." if start else None,)
    return None


def _fixed_shape(phrase: str, base: dt.date) -> str | None:
    """Years, decades and quarters, which dateparser does not read as periods."""
    match = _YEAR.fullmatch(phrase)
    if match:
        return match.group(1)
    match = _DECADE.fullmatch(phrase)
    if match:
        start = int(match.group(1))
        return f"{start}/{start + 9}"
    match = _RELATIVE_QUARTER.fullmatch(phrase)
    if match:
        quarter = base.year * 4 + (base.month - 1) // 3
        quarter += {"last": -1, "the previous": -1, "next": 1}.get(match.group("rel"), 0)
        return f"{quarter // 4}-Q{quarter % 4 + 1}"
    match = _QUARTER.fullmatch(phrase)
    if match and ("quarter" in phrase or match.group("n").startswith("q")):
        number = _ORDINALS[match.group("n")]
        year = match.group("year")
        if year is None:  # "the third quarter": the latest one up to the article's date
            year = base.year if number <= (base.month - 1) // 3 + 1 else base.year - 1
        return f"{year}-Q{number}"
    return None


def _dateparser_value(phrase: str, base: dt.date) -> str | None:
    found = _parser(base).get_date_data(phrase)
    if found.date_obj is None:
        return None
    day = found.date_obj.date()
    if found.period == "year":
        return str(day.year)
    if found.period == "month":
        return f"{day.year}-{day.month:02d}"
    if found.period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    # Imported here: dateparser takes a moment to load and only dated claims need it.
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def resolve_claims(claims: tuple[Claim, ...], resolver: TimeResolver,
                   date: ArticleDate | None) -> tuple[Claim, ...]:
    """The claims with each time span given its resolved value."""
    base = dt.date.fromisoformat(date.value) if date is not None else None
    resolved = []
    for claim in claims:
        if claim.time is not None:
            span = claim.time
            time = Time(span.start, span.end, span.text, resolver.resolve(span.text, base))
            claim = replace(claim, time=time)
        resolved.append(claim)
    return tuple(resolved)


def dated_inputs(inputs: Iterable[InputDoc], date: str | None = None,
                 date_field: str = "date") -> Iterator[InputDoc]:
    """The inputs with the article date the caller gave: ``date`` (YYYY-MM-DD) for every
    document, else each one's ``date_field``. Documents with neither keep none, and the
    extractor falls back to their dateline."""
    given = ArticleDate(dt.date.fromisoformat(date).isoformat(), "option") if date else None
    for item in inputs:
        if given is not None:
            yield replace(item, date=given)
            continue
        value = parse_date(item.meta.get(date_field)) if date_field else None
        if value is not None:
            item = replace(item, date=ArticleDate(value.isoformat(), f"field:{date_field}"))
        yield item
