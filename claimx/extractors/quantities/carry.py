"""An amount that leaves out what a neighbour says: its unit ("ended at 6,120 points, and the
smaller index at 1,845"), its age reading ("life expectancy is 79"), or, restated in brackets,
its bound and change ("about 200 hp (149 kW)")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import token_at
from claimx.extractors.quantities.candidate import noun_follows
from claimx.extractors.quantities.lexicon import SENTENCE_BREAK
from claimx.models import Change

if TYPE_CHECKING:
    from claimx.extractors.quantities.candidate import Cand, Page
    from claimx.rules.loader import PatternSet

# The prepositions whose repetition carries a unit; "and" needs a time after the amount.
_LEAD_PREP = regex.compile(r"(?i)(?<![\p{L}])(at|to|by|and)\s+$")
_TIME_AFTER = regex.compile(
    r"(?i)\s+(?:(?:last|this|next|the\s+previous|the\s+prior)\s+(?:year|month|week|quarter|season)"
    r"|in\s+(?:19|20)\d\d|a\s+year\s+(?:earlier|ago|before))\b")
_AGE = "year_of_age"
_LIST_GAP = regex.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_OLDEST = 130
_LEAD_WINDOW = 6
_AGE_WINDOW = 70


class Carry:
    """Gives bare amounts the unit, age reading, bound or change their context implies."""

    def __init__(self, patterns: PatternSet) -> None:
        age_nouns = sorted(patterns.word_list("quant_age_nouns"), key=len, reverse=True)
        # the age phrase, then a few words of the same clause before the bare number
        self._age_before = regex.compile(
            r"(?i)(?<![\p{L}])(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                                      for w in age_nouns)
            + r")(?![\p{L}])[^,;.()\d]{0,40}$") if age_nouns else None
        self._persons = patterns.word_list("quant_person_nouns")

    def parallel_units(self, page: Page, cands: list[Cand]) -> None:
        """ "ended at 6,120.5 points, while the smaller index ... ended at 1,845.2": a bare
        number in the same sentence and after the same preposition as an earlier measured
        amount is in that amount's unit (the unit is left out the second time)."""
        text = page.text
        last_by_lead: dict[str, Cand | None] = {}
        last_measured: Cand | None = None
        for cand in cands:
            lead = _LEAD_PREP.search(text, max(0, cand.start - _LEAD_WINDOW), cand.start)
            if lead is None:
                if cand.unit is not None:
                    last_measured = cand
                continue
            word = lead.group(1).lower()
            if word == "and":
                # "4.1% in 2018 and 3.9 last year": "and" + amount + another time takes the
                # unit of the last measured amount
                if not _TIME_AFTER.match(text, cand.end):
                    last_measured = cand if cand.unit is not None else last_measured
                    continue
                word = "_and_time"
                last_by_lead[word] = last_measured
            prev = last_by_lead.get(word)
            if prev is not None and _takes_unit(page, prev, cand):
                cand.unit, cand.currency = prev.unit, prev.currency
            if cand.unit is not None:
                last_by_lead[word] = last_measured = cand

    def ages(self, page: Page, cands: list[Cand]) -> None:
        """ "average life expectancy there is about 79": a bare number soon after an age phrase
        (patterns/quant_age_nouns.txt) is an age in years, unless a noun follows it."""
        text = page.text
        prev: Cand | None = None
        for cand in cands:
            if (cand.unit is not None or cand.scaled or cand.value is None
                    or not 0 < cand.value < _OLDEST or noun_follows(page.doc, cand.end)):
                prev = cand
                continue  # "the average age of 40 members"
            listed = prev is not None and prev.unit == _AGE and _LIST_GAP.fullmatch(
                text, prev.end, cand.start) is not None  # "boys of 15, 16 and 17"
            if listed or (self._age_before is not None and self._age_before.search(
                    text, max(0, cand.start - _AGE_WINDOW), cand.start)) or (
                    self._of_persons(page, cand)):
                cand.unit = _AGE
            prev = cand

    def _of_persons(self, page: Page, cand: Cand) -> bool:
        """ "boys of 15, 16 and 17", "a woman of 80": a bare number that "of" hangs on a
        noun for people is their age (a list's later members hang on the first)."""
        token = token_at(page.doc, cand.num_start)
        if token is None or cand.currency:
            return False
        while token.dep_ == "conj" and token.head.i != token.i and token.head.like_num:
            token = token.head
        prep = token.head
        return (token.dep_ == "pobj" and prep.lower_ == "of"
                and prep.head.lower_ in self._persons)


def _takes_unit(page: Page, prev: Cand, cand: Cand) -> bool:
    return (cand.unit is None and not cand.scaled and cand.noun is None
            and cand.value is not None and cand.range is None and not cand.words
            and prev.unit is not None and prev.unit != _AGE
            and not SENTENCE_BREAK.search(page.text, prev.end, cand.start)
            and not noun_follows(page.doc, cand.end))


def inherit_in_brackets(text: str, cands: list[Cand]) -> None:
    """An amount restated in brackets shares the bound and change of the one before it:
    "about 200 hp (149 kW)", "rose 10 degrees (18 F)"; "+0.3%" is a rise."""
    for prev, cand in zip([None, *cands], cands, strict=False):
        if (cand.change is None and cand.start > 0 and text[cand.start - 1] == "+"
                and cand.unit is not None):
            cand.change = Change("up")
        if prev is None:
            continue
        gap = text[prev.end : cand.start].strip()
        restated = gap == "or" and prev.unit != cand.unit and prev.unit and cand.unit
        if gap in ("(", "[", "/") or restated:
            if cand.bound == "=":
                cand.bound = prev.bound
            if cand.change is None and prev.change is not None:
                level = prev.change.to_value is not None and prev.change.to_value == prev.value
                cand.change = Change(prev.change.direction, None,
                                     cand.value if level else None)
