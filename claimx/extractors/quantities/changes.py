"""Changes ("rose 5%", "a 40% drop", "fell from 7 to 5") and the bound before an amount
("more than 5"), read from the words around each candidate (``change_verbs.tsv``)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import regex

from claimx.extractors.quantities.lexicon import SENTENCE_BREAK, alternation, any_of
from claimx.models import Change

if TYPE_CHECKING:
    from claimx.extractors.quantities.bounds import Bounds
    from claimx.extractors.quantities.candidate import Cand
    from claimx.rules.loader import PatternSet

# the words between "from X" and "to Y" when something sits between them ("in 2008 to")
FROM_TO_GAP = regex.compile(r"(?:[^\s,;:()\[\]]+\s+){1,4}to")
_GAPPED_BY = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:\p{Lu}[\p{L}'’&.-]*\s+){1,4}by\s+")
_AGED_BEFORE = regex.compile(r"(?i)(?<![\p{L}])(?:aged|age)\s$")
_SPACES_HYPHENS = regex.compile(r"[\s-]+")
_PERCENTS = ("percent", "percentage_point")
_WINDOW = 60  # characters before an amount searched for its bound and change
_CHANGE_WINDOW = 45
_FOLLOWERS = 2  # how many amounts after a change may give its "to" and "from"
_WORD_AND_DIRECTION = 2  # change_verbs.tsv: word, direction, then an optional kind


class Changes:
    """Finds the change word or noun that makes an amount a change, and its from/to values."""

    def __init__(self, patterns: PatternSet, bounds: Bounds) -> None:
        self.bounds = bounds
        self.directions: dict[str, str] = {}
        self._needs_prep: set[str] = set()
        nouns: list[str] = []
        for row in patterns.table("change_verbs"):
            if len(row) >= _WORD_AND_DIRECTION:
                self.directions[row[0].lower()] = row[1]
                kind = row[2] if len(row) > _WORD_AND_DIRECTION else ""
                if kind == "prep":
                    self._needs_prep.add(row[0].lower())
                if kind == "noun":
                    nouns.append(row[0].lower())
        adverbs = patterns.word_list("quant_change_adverbs")
        # "a 40% drop in sales": a change noun right after the amount
        self._after = regex.compile(
            r"\s+(?:(?:" + any_of(patterns.word_list("quant_change_adjectives")) + r")\s+)?"
            r"(?P<w>" + alternation(nouns) + r")", regex.IGNORECASE)
        # a change verb, its object and then the amount: "trimmed its forecast 0.4%"
        self.loose = regex.compile(
            r"(?<![\p{L}])(?P<w>" + alternation([w for w in self.directions if w not in adverbs])
            + r")(?:\s+[\p{L}'’-]+){1,3}\s+$", regex.IGNORECASE)
        fillers = any_of(patterns.word_list("quant_change_fillers"))
        self._before = regex.compile(
            r"(?<![\p{L}])(?P<w>" + alternation(list(self.directions)) + r")"
            + r"(?:\s+(?:" + fillers + r"|\w+ly)){0,3}\s*$")
        self._linking_end = regex.compile(
            r"\b(?:" + any_of(patterns.word_list("quant_linking_verbs")) + r"|\w+ed)\s+$")
        self.noun_next = regex.compile(
            r"\s+(?!(?:" + any_of(patterns.word_list("quant_noun_next_not")) + r")\b)[a-z]{3,}\b")

    def direction(self, word: str) -> str:
        return self.directions.get(word.lower(), "up")

    def change_in(self, window: str) -> regex.Match[str] | None:
        """A change word ending the window, after any bound: "rose more than", not "up to"."""
        bound = self.bounds.before.search(window)
        if bound is not None:
            window = window[: bound.start()]
        return self._before.search(window[-_CHANGE_WINDOW:])

    def bound_and_change(self, text: str, cand: Cand) -> None:
        """The bound and the change that the words before (or a noun after) give ``cand``."""
        window = text[max(0, cand.start - _WINDOW) : cand.start].lower()
        if window.endswith("between "):
            cand.start -= len("between ")
            window = window[: -len("between ")]
        bound = self.bounds.before.search(window)
        if bound is not None:
            cand.bound = self.bounds.kinds.get(bound.group("b"), cand.bound)
            cand.start -= len(bound.group())
            window = window[: len(window) - len(bound.group())]
        if cand.unit is None and _AGED_BEFORE.search(
                text[max(0, cand.start - 6) : cand.start]):
            cand.unit = "year_of_age"  # "aged 40", "a woman of age 71"
        change = self._before.search(window[-_CHANGE_WINDOW:])
        if change is None and window.endswith(" by "):
            loose = self.loose.search(window[-_CHANGE_WINDOW:])
            if loose is not None:
                # "to raise output by 8 per cent": the verb, its object, "by", the amount
                cand.change = Change(self.direction(loose.group("w")))
                return
        if change is None:
            after = self._after.match(text, cand.end)
            if after is not None and cand.unit is not None:
                cand.change = Change(self.direction(after.group("w")))
            return
        self._change_before(text, cand, window, change)

    def _change_before(self, text: str, cand: Cand, window: str,
                       change: regex.Match[str]) -> None:
        word = change.group("w").lower()
        direction = self.directions.get(word) or self.directions.get(
            _SPACES_HYPHENS.sub(" ", word), "up")
        before = window[: len(window) - len(change.group())]
        if word in ("up", "down") and self._linking_end.search(before) is None and (
                cand.unit is None):
            return
        fillers = change.group()[len(change.group("w")) :].split()
        if fillers and fillers[-1] in ("a", "an") and self.noun_next.match(text, cand.end):
            return  # "added a 5 km loop": the amount describes a thing added
        if word in self._needs_prep and not {"by", "to", "from"} & set(fillers):
            return  # "raised £2m for charity" changes nothing
        if "to" in fillers:
            cand.change = Change(direction, None, cand.value)  # "fell to 4.1%": a level
        elif "from" in fillers:
            cand.change = Change(direction, cand.value, None)
        else:
            cand.change = Change(direction)

    def link(self, text: str, cands: list[Cand]) -> None:
        """Give a change its "to" and "from" values: "grew 4% to $6.3bn from $6.05bn", and
        carry a change, a unit or a percent to the amounts that leave it out."""
        for i, cand in enumerate(cands):
            if cand.change is not None:
                self._to_and_from(text, cand, cands[i + 1 : i + 1 + _FOLLOWERS])
        for prev, cand in itertools.pairwise(cands):
            # "Acme was down 1.1%, Zenco by 3.4%": the verb left out, the change carried over
            if (cand.change is None and prev.change is not None
                    and _GAPPED_BY.fullmatch(text, prev.end, cand.start)):
                cand.change = Change(prev.change.direction)
        for prev, cand in itertools.pairwise(cands):
            if self._bare_to_end(text, prev, cand):
                cand.unit, cand.currency = prev.unit, prev.currency
            elif self._bare_from_start(text, prev, cand):
                prev.unit, prev.currency = cand.unit, cand.currency
        for prev, cand in itertools.pairwise(cands):
            if self._bare_change_in_percent(text, prev, cand):
                cand.unit = prev.unit

    def _to_and_from(self, text: str, cand: Cand, followers: list[Cand]) -> None:
        assert cand.change is not None
        to_value, from_value = cand.change.to_value, cand.change.from_value
        pos = cand.end
        for other in followers:
            gap = text[pos : other.start].strip(" ,").lower()
            if from_value is not None and to_value is None and FROM_TO_GAP.fullmatch(gap):
                gap = "to"  # "dropped from $75 at noon to $45"
            value = other.value if other.range is None else None
            if gap in ("to", "at") and to_value is None:
                to_value = value
            elif gap == "from" and from_value is None:
                from_value = value
            else:
                break
            pos = other.end
        cand.change = Change(cand.change.direction, from_value, to_value)

    def _bare_to_end(self, text: str, prev: Cand, cand: Cand) -> bool:
        """ "from about 20-25 kg to 30": the bare end of a from-to pair keeps the unit."""
        return (cand.unit is None and prev.unit is not None and not cand.scaled
                and cand.value is not None and text[max(0, prev.start - 5) : prev.start]
                .lower() == "from " and text[prev.end : cand.start].strip() == "to"
                and not self.noun_next.match(text, cand.end))

    def _bare_from_start(self, text: str, prev: Cand, cand: Cand) -> bool:
        """ "climbed from 150 to 180 horsepower": the unit written once, after the end, is
        the start's too."""
        return (prev.unit is None and cand.unit is not None and not prev.scaled
                and prev.value is not None and prev.range is None
                and text[max(0, prev.start - 5) : prev.start].lower() == "from "
                and text[prev.end : cand.start].strip() == "to"
                and not self.noun_next.match(text, prev.end))

    def _bare_change_in_percent(self, text: str, prev: Cand, cand: Cand) -> bool:
        """ "the first index rose by 2 percent but the second fell by 1": a bare change after a
        change in percent, in the same sentence, is in percent too."""
        return (cand.change is not None and prev.change is not None and cand.unit is None
                and not cand.scaled and cand.range is None and cand.value is not None
                and prev.unit in _PERCENTS
                and text[cand.start - 3 : cand.start] == "by "
                and not self.noun_next.match(text, cand.end)
                and not SENTENCE_BREAK.search(text, prev.end, cand.start))
