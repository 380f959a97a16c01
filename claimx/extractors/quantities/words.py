"""Numbers written in words: "twenty-five", "a hundred", "two and a half", "three quarters of",
"half a million", set aside where they are names ("Formula One", "the Big Four")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import index_at, index_from
from claimx.extractors.quantities.candidate import NOUN_TAGS, Cand, inside
from claimx.extractors.quantities.lexicon import any_of
from claimx.extractors.quantities.number_words import number_word_forms, unit_value
from claimx.extractors.quantities.numbers import MINUS_BEFORE, MINUS_WINDOW
from claimx.extractors.quantities.setaside import ranks_a_count

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.quantities.candidate import Page
    from claimx.extractors.quantities.number_words import NumberWords
    from claimx.extractors.quantities.setaside import SetAside
    from claimx.extractors.quantities.suffixes import Suffixes
    from claimx.rules.loader import PatternSet

_AND_A_HALF = regex.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b", regex.IGNORECASE)
_FRACTION_LIMIT = 20  # "two-thirds" is a fraction; "twenty-fifth" is an ordinal
_HALF = 0.5
_HUNDRED = 100  # "a hundred", "a thousand": the article counts one before a scale


class WordNumbers:
    """Finds numbers written in words and reads what follows them."""

    def __init__(self, patterns: PatternSet, words: NumberWords, suffixes: Suffixes,
                 set_aside: SetAside) -> None:
        self.words, self.suffixes, self.set_aside = words, suffixes, set_aside
        starters = number_word_forms(patterns)
        # "a" and "an" open a number only before a scale, a multiplier or a fraction; the word
        # after them is also a start of its own ("a five-year plan").
        openers = [w for w in words.grammar if words.kind(w) == "one"]
        self._period_words = frozenset(w.lower() for w in patterns.word_list("quant_period_words"))
        self._start = regex.compile(
            r"(?<![\p{L}])(?:" + any_of(starters) + r"|(?:" + any_of(openers)
            + r")(?=\s+(?:" + any_of(starters) + r")(?![\p{L}])))(?![\p{L}])",
            regex.IGNORECASE,
        )

    def find(self, page: Page) -> list[Cand]:
        found: list[Cand] = []
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

    def _number_at(self, page: Page, i: int) -> tuple[float, int] | None:
        """The value of the number in words opening at token ``i`` and its last token."""
        doc, words = page.doc, self.words
        kind = words.kind(doc[i].lower_)
        if kind == "one" and i + 1 < len(doc):
            return self._after_article(page, i)
        if kind.startswith("fraction"):
            # "half a million", "quarter million": a fraction of the scale after it
            last = i + 1 if i + 1 < len(doc) and words.kind(doc[i + 1].lower_) == "one" else i
            if self._scale_after(page, last):
                return words.grammar_value(doc[i].lower_), last
            # "half of", "half the": the share keeps the word it opens, as the vague phrases do
            return (words.grammar_value(doc[i].lower_), i + 1) if self._share_of(doc, i) else None
        if (unit_value(doc[i].lower_) or 0.0) >= _HUNDRED:
            return None  # a scale alone ("several hundred", "billion"): no amount of its own
        cardinal = words.cardinal_at(doc, i)
        if cardinal is None:
            return None
        return self._times(page, *cardinal)

    def _after_article(self, page: Page, i: int) -> tuple[float, int] | None:
        """ "a dozen", "a hundred and ten", "a quarter million", "a trillion"."""
        doc, words = page.doc, self.words
        nxt = doc[i + 1].lower_
        if words.kind(nxt) == "multiplier":
            return self._times(page, words.grammar_value(nxt), i + 1)
        if words.kind(nxt).startswith("fraction") and self._scale_after(page, i + 1):
            return words.grammar_value(nxt), i + 1  # "a quarter million"
        if words.kind(nxt).startswith("fraction") and self._share_of(doc, i + 1):
            return words.grammar_value(nxt), i + 2  # "a third of", with its "of"
        cardinal = words.cardinal_at(doc, i + 1)
        if cardinal is not None and (unit_value(nxt) or 0.0) >= _HUNDRED:
            return cardinal  # the article is the one of "a hundred and ten"
        return (1.0, i) if self._scale_after(page, i) else None

    def _share_of(self, doc: Doc, i: int) -> bool:
        """Whether the fraction at token ``i`` is a share of what follows: before "of" or a
        determiner ("a third of voters", "half the orchard"), and no period ("the first
        half of 2016", "the third quarter of the year")."""
        if i + 1 >= len(doc) or not (doc[i + 1].lower_ == "of" or doc[i].tag_ == "PDT"):
            return False
        before = doc[i - 1] if i > 0 else None
        if before is not None and before.lower_ in ("a", "an", "one") and i > 1:
            before = doc[i - 2]
        return before is None or before.lower_ not in self._period_words

    def _scale_after(self, page: Page, last: int) -> bool:
        """Whether a scale word ("million", "bn") follows token ``last``."""
        token = page.doc[last]
        return self.suffixes.scales.scale_word(page.text, token.idx + len(token))

    def _times(self, page: Page, value: float, last: int) -> tuple[float, int]:
        """The number read so far times a multiplier or a fraction after it ("two dozen",
        "two-thirds", "three halves", "three quarters of", "three quarters billion")."""
        doc = page.doc
        j = last + 1
        hyphened = j < len(doc) and doc[j].text == "-"
        if hyphened:
            j += 1
        if j >= len(doc):
            return value, last
        word = doc[j].lower_
        kind = self.words.kind(word)
        if kind == "multiplier":
            return value * self.words.grammar_value(word), j
        before_of = j + 1 < len(doc) and doc[j + 1].lower_ == "of"
        if kind.startswith("fraction") and 0 < value < _FRACTION_LIMIT and value.is_integer() and (
                hyphened or before_of or kind == "fraction_bare" or self._scale_after(page, j)):
            return value * self.words.grammar_value(word), j + 1 if before_of else j
        return value, last

    def _read(self, page: Page, i: int) -> tuple[Cand | None, int] | None:
        """The number starting at token ``i`` (None when none does there) and the token to
        go on from; the candidate is None when the number is set aside."""
        doc = page.doc
        number = self._number_at(page, i)
        if number is None:
            return None
        value, last = number
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
        if (first.lower_ == "one" and last == i and cand.unit is None and cand.value == 1
                and not self.set_aside.one_counts(doc, first)):
            return True  # "no one", "one another"; not "one and a half million"
        if (first.lower_ == "one" and i > 0 and doc[i - 1].lower_ == "at"
                and cand.unit == "point"):
            return True  # "at one point": some time, not an amount
        if self.set_aside.attributive_duration(page, cand):
            return True
        return s > 1 and text[s - 1] in "-" and text[s - 2].isalpha()
