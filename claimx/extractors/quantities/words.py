"""Numbers written in words: "twenty-five", "a hundred", "two and a half", "three quarters of",
"half a million", set aside where they are names ("Formula One", "the Big Four")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import index_at, index_from
from claimx.extractors.quantities.candidate import NOUN_TAGS, Cand, inside
from claimx.extractors.quantities.numbers import MINUS_BEFORE, MINUS_WINDOW
from claimx.extractors.quantities.setaside import ranks_a_count

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.quantities.candidate import Page
    from claimx.extractors.quantities.number_words import NumberWords
    from claimx.extractors.quantities.setaside import SetAside
    from claimx.extractors.quantities.suffixes import Suffixes

_AND_A_HALF = regex.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b", regex.IGNORECASE)
_MULTIPLIERS = ("hundred", "scale", "dozen")
_TENS, _HUNDRED, _DOZEN = 10, 100, 12
_FRACTION_LIMIT = 20  # "two-thirds" is a fraction; "twenty-fifth" is an ordinal
_HALF = 0.5


@dataclass
class _Tally:
    """The running sum of a number read word by word."""

    total: float = 0.0
    group: float = 0.0
    used_any: bool = False

    def add(self, doc: Doc, j: int, value: float, kind: str) -> bool:
        """Adds the word at ``j``; False when it does not continue the number."""
        group = self.group
        if kind == "unit":
            # "twenty five" and "hundred and one" add up; "one two" are two numbers
            tens = group % _TENS == 0 and group % _HUNDRED != 0 and value < _TENS
            hundreds = group % _HUNDRED == 0 and value < _HUNDRED
            if self.used_any and group and not (tens or hundreds):
                return False
            self.group = group + value
        elif kind == "hundred":
            self.group = (group or 1.0) * _HUNDRED
        elif kind == "scale":
            self.total += (group or 1.0) * value
            self.group = 0.0
        elif kind == "dozen":
            self.group = (group or 1.0) * _DOZEN
        elif kind == "fraction":
            if not self._fraction_fits(doc, j):
                return False
            self.group = group * value
        self.used_any = True
        return True

    def _fraction_fits(self, doc: Doc, j: int) -> bool:
        """ "two-thirds", "three quarters of": a fraction; "three quarters" alone counts
        periods."""
        hyphenated = doc[j - 1].text == "-"
        before_of = j + 1 < len(doc) and doc[j + 1].lower_ == "of"
        return bool(self.used_any and self.group != 0 and self.group < _FRACTION_LIMIT
                    and (hyphenated or before_of))


class WordNumbers:
    """Finds numbers written in words and reads what follows them."""

    def __init__(self, words: NumberWords, suffixes: Suffixes, set_aside: SetAside) -> None:
        self.words, self.suffixes, self.set_aside = words, suffixes, set_aside
        starters = [w for w, (_, kind) in words.items() if kind in ("unit", "fraction")]
        scales = [w for w, (_, kind) in words.items() if kind in _MULTIPLIERS]
        self._start = regex.compile(
            r"(?<![\p{L}])(?:" + "|".join(map(regex.escape, starters)) + r"|an?\s+(?:"
            + "|".join(map(regex.escape, scales)) + r"))(?![\p{L}])",
            regex.IGNORECASE,
        ) if starters else None

    def find(self, page: Page) -> list[Cand]:
        found: list[Cand] = []
        if self._start is None:
            return found
        # Only tokens that can start a number word are visited, found by one regex pass.
        todo = sorted({index_at(page.starts, m.start())
                       for m in self._start.finditer(page.text)})
        i = 0
        for k in todo:
            if k < i:
                continue
            read = self._read(page, k)
            if read is None:
                continue
            cand, i = read
            if cand is not None:
                found.append(cand)
        return found

    def _kind(self, doc: Doc, i: int) -> str:
        return self.words.get(doc[i].lower_, (0, ""))[1] if i < len(doc) else ""

    def _opening(self, doc: Doc, i: int) -> tuple[int, _Tally] | None:
        """Where the number's words start to add up, and the tally before them."""
        low = doc[i].lower_
        if low in ("half", "quarter") and self._kind(doc, i + 1) == "scale":
            # "half a million" aside, "a quarter million": fraction times scale
            return i + 1, _Tally(group=self.words[low][0], used_any=True)
        if low in ("a", "an") and self._kind(doc, i + 1) in _MULTIPLIERS:
            return i + 1, _Tally(group=1.0)
        if low in self.words and self.words[low][1] == "unit":
            return i, _Tally()
        return None  # "hundred" alone ("several hundred") or "dozen" alone is no amount

    def _read(self, page: Page, i: int) -> tuple[Cand | None, int] | None:
        """The number starting at token ``i`` (None when none does there) and the token to
        go on from; the candidate is None when the number is set aside."""
        doc = page.doc
        opening = self._opening(doc, i)
        if opening is None:
            return None
        j, tally = opening
        last = self._add_up(doc, j, tally, i)
        if not tally.used_any:
            return None
        value = tally.total + tally.group
        s, e = doc[i].idx, doc[last].idx + len(doc[last])
        resume = last + 1
        half = _AND_A_HALF.match(page.text, e)
        if half is not None:
            value += _HALF  # "two and a half years", "two-and-a-half"
            e = half.end()
            resume = index_from(page.starts, e)
        if inside(page.blocked, s, e) or self._in_a_name(doc, i, last):
            return None, resume
        cand = Cand(s, e, value, s, e, words=True)
        minus = MINUS_BEFORE.search(page.text[max(0, s - MINUS_WINDOW) : s])
        if minus is not None:
            cand.value, cand.start = -value, s - len(minus.group())  # "minus five degrees"
        self.suffixes.read(page.text, cand)
        return (None if self._not_an_amount(page, cand, i, last) else cand), resume

    def _add_up(self, doc: Doc, j: int, tally: _Tally, last: int) -> int:
        """Adds the number words from ``j`` on; the index of the last one used."""
        n = len(doc)
        while j < n:
            w = doc[j].lower_
            entry = self.words.get(w)
            if entry is None:
                if w in ("-", "and") and j + 1 < n and doc[j + 1].lower_ in self.words and (
                        tally.used_any):
                    j += 1
                    continue
                break
            if not tally.add(doc, j, *entry):
                break
            last = j
            j += 1
        return last

    def _in_a_name(self, doc: Doc, i: int, last: int) -> bool:
        first, n = doc[i], len(doc)
        after = doc[last + 1] if last + 1 < n else None
        before = doc[i - 1] if i > 0 else None
        if before is not None and before.lower_ in self.set_aside.labels and not (
                ranks_a_count(before, after)):
            return True  # "Formula One", "Section Two"
        capital = first.text[:1].isupper() and not first.is_sent_start
        if capital and after is not None and after.text[:1].isupper() and (
                after.tag_ in ("NNP", "NNPS") or (
                    after.tag_ == "NNS" and before is not None and before.lower_ == "the")):
            return True  # part of a name: "the Six Nations", "the Big Four"
        # a name that ends in a number word: "BBC Three", "the Fantastic Four"
        return bool(capital and before is not None and before.text[:1].isupper()
                    and before.tag_ in ("NNP", "NNPS", "JJ") and last == i
                    and not (after is not None and after.tag_ in NOUN_TAGS))

    def _not_an_amount(self, page: Page, cand: Cand, i: int, last: int) -> bool:
        doc, text, s = page.doc, page.text, cand.start
        first = doc[i]
        if (first.lower_ == "one" and last == i and cand.unit is None
                and not self.set_aside.one_counts(doc, first)):
            return True
        if (first.lower_ == "one" and i > 0 and doc[i - 1].lower_ == "at"
                and cand.unit == "point"):
            return True  # "at one point": some time, not an amount
        if self.set_aside.attributive_duration(page, cand):
            return True
        return s > 1 and text[s - 1] in "-" and text[s - 2].isalpha()
