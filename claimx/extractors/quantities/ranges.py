"""Two amounts that make one: a range ("5-10", "between 3 and 5 million", "from 30 to 34"),
dollars and cents ("3 dollars 50 cents"), feet and inches ("12 ft 2 in")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import token_at
from claimx.extractors.quantities.candidate import Cand, Page, noun_follows, scale_of
from claimx.extractors.quantities.changes import FROM_TO_GAP
from claimx.models import Change

if TYPE_CHECKING:
    from claimx.extractors.quantities.changes import Changes
    from claimx.extractors.quantities.units import Units

_INCHES_AFTER = regex.compile(r"\s?in(?:\.|ches)?(?![\p{L}])")
_TO_AGAIN = regex.compile(r"\s+to\s+\S*\d")
_CLAUSE_END_NEXT = regex.compile(r"\s*(?:[.,;!?)]|$)")
_JOINERS = ("-", "–", "—", "to", "and", "or", "-to-")
_CENTS = ("cent", "penny")
_CENTS_PER_UNIT = 100
_LEAD_WINDOW = 10
_CHANGE_WINDOW = 45
_LOOSE_WINDOW = 40
# a low end in words under this, before a high end from it up, shares the high end's scale
_WORDS_SHARED_BELOW = 1000


class Ranges:
    """Merges neighbouring candidates into ranges and compound amounts."""

    def __init__(self, units: Units, changes: Changes) -> None:
        self.units, self.changes = units, changes

    def merge(self, page: Page, cands: list[Cand]) -> list[Cand]:
        out: list[Cand] = []
        i = 0
        while i < len(cands):
            a = cands[i]
            b = cands[i + 1] if i + 1 < len(cands) else None
            taken = self._pair(page, a, b) if b is not None and a.value is not None and (
                b.value is not None) else None
            if taken is None:
                out.append(a)
                i += 1
                continue
            out.extend(taken)
            i += 2
        return out

    def _pair(self, page: Page, a: Cand, b: Cand) -> list[Cand] | None:
        """What ``a`` and ``b`` make together: one candidate, none for a score, or None when
        they stay two amounts."""
        text = page.text
        gap = text[a.end : b.start].strip().lower()
        lead = text[max(0, a.start - _LEAD_WINDOW) : a.start].lower()
        if self._dollars_and_cents(text, a, b, gap):
            return [a]
        _read_alike(text, a, b)
        inches = _INCHES_AFTER.match(text, b.end)
        if a.unit == "foot" and b.unit is None and gap in ("", "and") and inches:
            b.unit, b.end = "inch", inches.end()  # "12 ft 2 in": the inches too
        if lead.rstrip().endswith("from") and FROM_TO_GAP.fullmatch(gap):
            # "from 28 mpg in the city to 31", "from $950 at noon to $910":
            # a few words between the two ends of a "from ... to" pair
            gap = "to"
            if b.unit is None and not b.scaled and a.unit is not None:
                b.unit, b.currency = a.unit, a.currency  # "to 31": still mpg
        joins = self._joins(page, a, b, gap, lead)
        # "$2-3bn", "£5 to 10m": money written once, before the low end
        bare_end = (a.currency and b.unit is None and gap in ("-", "–", "to")
                    and not noun_follows(page.doc, b.end))
        compatible = a.unit is None or a.unit == b.unit or bare_end or (
            a.currency and b.currency and b.unit and b.unit.startswith(a.unit))
        if not (joins and compatible and a.change is None):
            return None
        if bare_end:
            b.unit, b.currency = a.unit, a.currency
        return _range(text, a, b, gap)

    def _joins(self, page: Page, a: Cand, b: Cand, gap: str, lead: str) -> bool:
        text = page.text
        joins = gap in _JOINERS
        if gap == "and":
            joins = lead.rstrip().endswith("between")
        if gap == "or":
            joins = a.unit is None and (b.unit is not None or (a.words and b.words))
        if gap != "to" or (a.unit is None and not lead.rstrip().endswith("from")):
            return joins
        before = text[max(0, a.start - _CHANGE_WINDOW) : a.start].lower()
        if lead.rstrip().endswith((" at", " of")):
            # "forecast at 1.8% to 2.2%", "growth of 1.8% to 2.2%": a level's range, no change
            return joins
        if a.unit is not None and self.changes.change_in(before):
            joins = False  # "grew by $12.5bn to $310.8bn": a change and a level
        loose = self.changes.loose.search(text, max(0, a.start - _LOOSE_WINDOW), a.start)
        if a.unit is not None and a.unit == b.unit and loose:
            # "cut its base rate 0.5% to 3.75%": the rise and the new level
            joins = False
            a.change = Change(self.changes.direction(loose.group("w")))
        if not lead.rstrip().endswith("from"):
            return joins
        if self.changes.change_in(before.rstrip()[:-4]):
            return False  # "rose from 5% to 7%": a change, not a range
        if _TO_AGAIN.match(text, b.end) or noun_follows(page.doc, b.end):
            # a pair before another "to" is a change's old range ("from 6-8% to 2-4%"); one
            # before a noun is the noun's pair ("from 9 to 12 units")
            return joins
        moved = self._moved_from(page, a)
        if moved is not None:
            # "tripled in two years, from 40 to 120": "from" hangs on the change word
            joins = False
            a.change = Change(moved, a.value, None)
        return joins

    def _moved_from(self, page: Page, a: Cand) -> str | None:
        """The direction of the change word the parse hangs the "from" before ``a`` on."""
        at = page.text.rfind("from", max(0, a.start - _LEAD_WINDOW), a.start)
        word = token_at(page.doc, at) if at >= 0 else None
        if word is None or word.lower_ != "from":
            return None
        head = word.head.lower_
        return self.changes.directions.get(head) if head != "from" else None

    def _dollars_and_cents(self, text: str, a: Cand, b: Cand, gap: str) -> bool:
        """ "3 dollars 50 cents", "15 dollars and 50": one amount. Updates ``a`` in place."""
        if gap not in ("", "and") or not a.currency or a.scaled or a.range is not None:
            return False
        if b.start < a.end or a.unit not in self.units.currency_ids:
            return False  # overlapping, or a rate ("80 cents a kilo")
        if a.unit in _CENTS or b.value is None or b.range is not None:
            return False
        cents = b.unit in _CENTS or (
            b.unit is None and float(b.value).is_integer()
            and 0 < b.value < _CENTS_PER_UNIT and _CLAUSE_END_NEXT.match(text, b.end) is not None)
        if not cents or a.value is None:
            return False
        a.value = a.value + b.value / _CENTS_PER_UNIT
        a.end = b.end
        return True


def _read_alike(text: str, a: Cand, b: Cand) -> None:
    """ "3m to 4m high": the one letter written after both ends means the same at both; when
    the high end's context made it a unit, the low end is not a scale either."""
    form = b.unit_form
    if not (a.scaled and not a.currency and a.unit is None and b.unit is not None and form
            and text[a.num_end : a.end].strip() == form):
        return
    assert a.value is not None
    a.value = a.value / scale_of(a, a.value, text)
    a.unit, a.unit_form, a.scaled = b.unit, form, False


def _words_scale(lo: float, hi: float) -> float:
    """The scale the low end of a range in words leaves to the high end: the largest power of
    ten from a thousand up that keeps the low end below the high one."""
    scale = 1.0
    for power in range(3, 13):
        if lo * 10**power <= hi:
            scale = 10.0**power
    return scale


def _range(text: str, a: Cand, b: Cand, gap: str) -> list[Cand]:
    """The range from ``a`` to ``b``, or nothing for a score such as "2-0"."""
    assert a.value is not None and b.value is not None
    lo, hi = a.value, b.value
    if a.words and b.words and lo < _WORDS_SHARED_BELOW <= hi:
        lo = lo * _words_scale(lo, hi)  # "three to four million", "two to three hundred thousand"
    elif not a.scaled and b.scaled:
        mult = scale_of(b, hi, text)
        if lo <= hi / mult:  # "3 to 5 million", not "$200 to $4 million"
            lo = lo * mult
    if (a.unit is None and b.unit is None and gap in ("-", "–") and hi <= lo
            and float(lo).is_integer() and float(hi).is_integer()):
        return []  # a score such as "2-0": neither a range nor two amounts
    return [Cand(a.start, b.end, None, a.num_start, b.num_end, unit=b.unit,
                 currency=b.currency, scaled=b.scaled, range=(float(lo), float(hi)),
                 bound=b.bound, words=a.words and b.words)]
