"""When a claim holds: a dated entity or a year or date the quantity pass set aside, inside the
clause first, else elsewhere in its sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from claimx.extractors.claims.context import DocContext

_RANGE_OPEN = regex.compile(r"(?i)(?:between|from)\b")
_RANGE_LINK = regex.compile(r"(?i)\s+(?:and|to)\s+|\s*[-–]\s*")


def claim_time(ctx: DocContext, sent: SpacySpan, start: int, end: int) -> Span | None:
    """The date or period the claim ``[start, end)`` in ``sent`` refers to, or None."""
    candidates: list[tuple[int, int]] = []
    for s, e in ctx.dates:
        if not (sent.start_char <= s < sent.end_char):
            continue
        if any(a < e and s < b for a, b in ctx.quantity_spans):
            continue  # "three months", "30": an amount, not a date
        candidates.append((s, e))
    for s, e in ctx.times:
        if sent.start_char <= s < sent.end_char and not any(
                a <= s and e <= b for a, b in candidates):
            candidates.append((s, e))
    candidates = [c for c in candidates if not _aside(ctx.asides, c, start, end)]
    if not candidates:
        return None
    candidates = _join_date_ranges(ctx.text, sorted(candidates))
    inside = [c for c in candidates if start <= c[0] and c[1] <= end]
    pool = inside or candidates
    s, e = min(pool, key=lambda c: (c[0] < start or c[1] > end, c[0]))
    return Span.of(ctx.text, s, e)


def _aside(asides: list[tuple[int, int]], date: tuple[int, int], start: int, end: int) -> bool:
    """Whether the date dates a baseline or a comparison ("than the 300 sold in 2019") and
    not the claim ``[start, end)`` itself, which lies outside that phrase."""
    return any(a <= date[0] and date[1] <= b and not (a <= start and end <= b)
               for a, b in asides)


def _join_date_ranges(text: str, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One period where the tagger cut "between 2010 and 2020" after its first date."""
    joined: list[tuple[int, int]] = []
    for s, e in dates:
        if joined and _RANGE_OPEN.match(text, joined[-1][0]) and _RANGE_LINK.fullmatch(
                text, joined[-1][1], s):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined
