"""The counted noun of an amount ("380,000 subscribers", "dozens of systems") and the token the
amount hangs on; a noun that names a unit ("212 passing yards") becomes the unit instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import token_at
from claimx.extractors.quantities.candidate import NOUN_TAGS
from claimx.extractors.quantities.lexicon import any_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.extractors.quantities.candidate import Cand, Page
    from claimx.extractors.quantities.units import Units
    from claimx.rules.loader import PatternSet

_MODIFIER_DEPS = ("amod", "compound", "nmod")
_NUMBER_DEPS = ("nummod", "amod", "quantmod", "compound", "nmod")
# An amount that is the subject of the word after it counts no noun: that word is its verb,
# whatever tag the tagger gave it ("300 disagreed").
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_OF_REACH = 6  # how far after "of" its noun may stand, in tokens
_HEAD_REACH = 5  # how far after the amount its syntactic head may stand
_LEADING_TAGS = ("HYPH", "DT", "VBN", "VBG")
_PRE_MODIFIER_TAGS = ("JJ", "JJS", "NN", "VBN", "VBG")
_NAME_TAGS = ("NNP", "NNPS")
_COMMON_TAGS = ("NN", "NNS")
Anchors = tuple[int, int | None]  # the amount's token, and its noun's token if any


class Nouns:
    """Finds what an amount counts."""

    def __init__(self, patterns: PatternSet, units: Units) -> None:
        self.units = units
        self._time_words = patterns.word_list("quant_time_words")
        self._measure_nouns = patterns.word_list("quant_measure_nouns")
        self._blockers = patterns.word_list("quant_noun_blockers")
        # a count per period is a rate of the noun: "80 patients a day", "6,000 homes a year"
        self._per_period = regex.compile(
            r"\s+(?:an?|per|each|every)\s+(?:"
            + any_of(patterns.word_list("quant_rate_periods")) + r")(?![\p{L}])",
            regex.IGNORECASE)

    def anchors(self, page: Page, cand: Cand) -> Anchors:
        """The amount's token and its noun's; sets ``cand.noun`` (or ``cand.unit``)."""
        doc = page.doc
        anchor = token_at(doc, max(cand.num_end - 1, cand.num_start))
        if anchor is None:
            return 0, None
        if cand.unit is not None:
            return anchor.i, None
        end_tok = token_at(doc, max(cand.end - 1, cand.start))
        j = (end_tok.i if end_tok is not None else anchor.i) + 1
        if j >= len(doc):
            return anchor.i, None
        if end_tok is not None and end_tok.lower_ == "of":
            j = end_tok.i  # "dozens of systems": read the noun after the "of"
        if doc[j].lower_ == "of" and (cand.vague or cand.words or cand.range is not None
                                      or cand.value is not None):
            after_of = self._after_of(page, cand, j)
            if after_of is not None:
                return anchor.i, after_of[0]
        return anchor.i, self._following(page, cand, anchor, self._past_amount(doc, j))

    def _past_amount(self, doc: Doc, j: int) -> int:
        """Past another amount the tokenizer split from its unit ("4,000 2 kg bricks"): the
        bricks are counted, the 2 kg is a quantity of its own."""
        k = j
        if _has_digit(doc[k]) and k + 1 < len(doc):
            k += 1
            if self.units.unit_id(doc[k].text) is not None:
                k += 1
        return k if k < len(doc) and doc[k].tag_ in _COMMON_TAGS and k > j + 1 else j

    def _after_of(self, page: Page, cand: Cand, j: int) -> tuple[int | None] | None:
        """ "a third of a mile", "dozens of systems": the noun after "of" (its token, or None
        once the amount took it as a unit instead); None when there is none to read."""
        pobj = [c for c in page.doc[j].children if c.dep_ == "pobj"]
        if not (pobj and pobj[0].tag_ in NOUN_TAGS and pobj[0].i - j <= _OF_REACH):
            return None
        head = pobj[0]
        unit = self.units.measure_word(head.text)
        if unit is not None and not cand.vague:
            cand.unit = unit  # "1/8 of a litre", "a third of a mile": a measure
            return (None,)
        first = head
        for left in reversed(list(head.lefts)):
            if left.dep_ in _MODIFIER_DEPS and left.i == first.i - 1:
                first = left
        cand.noun = page.text[first.idx : head.idx + len(head)]
        return (head.i,)

    def _following(self, page: Page, cand: Cand, anchor: Token, j: int) -> int | None:
        """The noun after the amount, or its syntactic head: "12 member trade bloc"."""
        doc = page.doc
        head = self._head(page, cand, anchor, j)
        if head is None or head.lower_ in self._time_words or any(
                t.lower_ in self._blockers for t in doc[j : head.i]):
            return None  # "2.1 last year" counts no years
        unit = self.units.measure_word(head.text)
        if unit is not None:
            cand.unit = unit  # "212 passing yards", "50 previous years": a unit after all
            return None
        first = doc[j]
        # another amount before the noun is a quantity of its own: "8m 250ml bottles"
        while first.i < head.i and (first.is_punct or first.tag_ in _LEADING_TAGS
                                    or _has_digit(first)):
            first = doc[first.i + 1]
        noun_end = head.idx + len(head)
        per = self._per_period.match(page.text, noun_end)
        noun = page.text[first.idx : per.end() if per is not None else noun_end]
        if not any(ch.isalpha() for ch in noun):
            return None
        before = _modifiers_before(page, head, anchor, cand.start)
        cand.noun = f"{before} {noun}" if before else noun
        return head.i

    def _head(self, page: Page, cand: Cand, anchor: Token, j: int) -> Token | None:
        doc = page.doc
        nxt = doc[j]
        head: Token | None = None
        # "2 million electric cars": the "2" hangs on the "million", which counts the cars
        while (anchor.head.tag_ == "CD" and anchor.head.i > anchor.i
               and anchor.head.idx < cand.end):
            anchor = anchor.head
        # (the head must lie past the amount: in "30m households" the "m" heads the "30")
        if anchor.head.i >= j and anchor.head.tag_ in NOUN_TAGS and (
                anchor.head.i - anchor.i <= _HEAD_REACH) and anchor.dep_ in _NUMBER_DEPS:
            head = anchor.head
        elif nxt.tag_ in ("NNS", "NNPS") or (nxt.tag_ == "NN" and nxt.lower_ not in
                                              self._time_words and not cand.vague):
            head = nxt
        if head is not None and head.i == anchor.head.i and anchor.dep_ in _SUBJECT_DEPS:
            return None  # "Of those asked, 300 disagreed": the amount is the subject of a verb
        if head is not None:
            head = _common_noun(head)
        # a compound goes on to its last noun: "12 member trade bloc" (not a hyphened
        # "six-cylinder engine", where the amount and its noun make one word)
        glued = head is not None and ("-" in page.text[cand.end : head.idx]
                                      or head.lower_ in self._measure_nouns)
        while (head is not None and not glued and head.i + 1 < len(doc) and head.tag_ == "NN"
               and doc[head.i + 1].tag_ in ("NN", "NNS")):
            head = doc[head.i + 1]
        return head


def _has_digit(token: Token) -> bool:
    return any(ch.isdigit() for ch in token.text)


def _modifiers_before(page: Page, head: Token, anchor: Token, start: int) -> str:
    """The counted noun's own modifiers written before the amount: "the top three seeds" ->
    "top", "an extra 300 engineers" -> "extra" (a determiner or possessive is no modifier)."""
    words: list[Token] = []
    for left in head.lefts:
        if left.idx + len(left) > start:
            break
        if left.dep_ in _MODIFIER_DEPS and left.tag_ in _PRE_MODIFIER_TAGS and (
                left.i < anchor.i):
            words.append(left)
        else:
            words = []  # only the run that ends at the amount
    if not words or page.text[words[-1].idx + len(words[-1]) : start].strip():
        return ""
    return page.text[words[0].idx : words[-1].idx + len(words[-1])]


def _common_noun(head: Token) -> Token:
    """A name the amount seems to count is often a maker of what it counts: "20 Airbus or
    Boeing jets", "40 Toyota and Honda dealers"; the common noun the names modify is what is
    counted."""
    if head.tag_ not in _NAME_TAGS:
        return head
    up = head.head
    if head.dep_ in _MODIFIER_DEPS and up.tag_ in _COMMON_TAGS and 0 < up.i - head.i <= _HEAD_REACH:
        return up
    for conj in head.rights:
        if conj.dep_ == "conj" and conj.tag_ in _COMMON_TAGS and conj.i - head.i <= _HEAD_REACH:
            return conj
    return head
