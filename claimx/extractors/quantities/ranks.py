"""Ranks: ordinals, "number one" and records, as quantities whose value is the rank and whose
unit is ``rank`` ("her 23rd cap" is rank 23 of her caps; "the first time since 1917", "world
number one" and "a record high" are rank 1).

The ordinals are the model's ORDINAL entities, read through the parse: an ordinal counts when
it modifies a noun ("23rd cap") or a superlative ("second-largest", "fifth biggest lender").
Not ranks: an ordinal of a date or a century (the model makes those DATE, not ORDINAL), one
that is an adverb of time or order ("at first", "first met"), and one that opens a name
("Fifth Avenue": a capital ordinal inside a sentence before a capital word). An ordinal
birthday is an age ("her 69th birthday": 69 years of age), as
``patterns/quantities/quant_rank_ages.txt`` lists the nouns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.extractors.quantities.candidate import NOUN_TAGS, Cand, inside
from claimx.extractors.quantities.number_words import CARDINAL_WORDS, unit_value

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from claimx.extractors.quantities.candidate import Page
    from claimx.rules.loader import PatternSet

RANK = "rank"  # the unit of a rank
AGE = "year of age"
# English ordinal morphology: the irregular stems, then "-ieth" for the tens ("twentieth").
_IRREGULAR = {"first": "one", "second": "two", "third": "three", "fifth": "five",
              "eighth": "eight", "ninth": "nine", "twelfth": "twelve"}
_DIGIT_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.IGNORECASE)
# "world number one", "the No. 2 seed", "No 1": the number that follows is a rank.
# ("No one was hurt" is no rank: after "No" only digits count.)
_NUMBER_RANK = re.compile(r"\b(?:[Nn]umber\s+(?P<n>\d{1,3}|[a-z]+)|No\.?\s?(?P<d>\d{1,3}))\b")
# "a record high", "a record 32 goals": "record" before an adjective or an amount.
_RECORD = re.compile(r"\brecord\b(?!-)", re.IGNORECASE)
_RECORD_BEFORE = frozenset({"JJ", "JJR", "JJS", "CD", "RB", "RBR"})
_SUPERLATIVES = frozenset({"JJS", "RBS"})
# the model calls some ordinals CARDINAL ("twenty-first"); ordinal_value tells them apart
_ORDINAL_LABELS = frozenset({"ORDINAL", "CARDINAL"})
_GLUED = 2  # "second-largest": the ordinal, a hyphen and the superlative make one word
_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "EVENT", "LAW", "WORK_OF_ART",
                          "PRODUCT", "NORP"})


def ordinal_words() -> frozenset[str]:
    """Every ordinal written as one word, from the English cardinals ("first", "twelfth",
    "ninetieth", "hundredth"); a hyphened one ("twenty-first") ends in one of them."""
    cardinals = {cardinal: ordinal for ordinal, cardinal in _IRREGULAR.items()}
    words = set()
    for word in CARDINAL_WORDS:
        if word in cardinals:
            words.add(cardinals[word])
        else:
            words.add(word[:-1] + "ieth" if word.endswith("y") else word + "th")
    return frozenset(words)


class Ranks:
    """Finds the ranks of a document."""

    def __init__(self, patterns: PatternSet) -> None:
        self._ages = patterns.word_list("quant_rank_ages")

    def find(self, page: Page) -> list[Cand]:
        doc = page.doc
        cands = [c for c in (self._ordinal(page, ent) for ent in doc.ents
                             if ent.label_ in _ORDINAL_LABELS) if c is not None]
        cands.extend(self._numbered(page))
        cands.extend(self._records(page))
        return [c for c in cands if not inside(page.times, c.start, c.end)]

    def ordinal_value(self, word: str) -> float | None:
        """23 for "23rd", 1 for "first", 20 for "twentieth", 21 for "twenty-first"."""
        digits = _DIGIT_ORDINAL.match(word)
        if digits:
            return float(digits.group(1))
        *tens, last = word.lower().split("-")
        if last not in _IRREGULAR and not last.endswith("th"):
            return None  # a cardinal: "twenty-one"
        stem = _IRREGULAR.get(last) or (last[:-4] + "y" if last.endswith("ieth") else
                                        last[:-2] if last.endswith("th") else last)
        unit = unit_value(stem)
        if unit is None or len(tens) > 1:
            return None
        ten = unit_value(tens[0]) if tens else 0.0
        return None if ten is None else ten + unit

    def _ordinal(self, page: Page, ent: Span) -> Cand | None:
        """An ORDINAL entity ("23rd", "first", "twenty - first") that ranks a noun or
        a superlative."""
        token = ent[-1]
        value = self.ordinal_value("".join(t.text for t in ent))
        if value is None or _opens_name(token):
            return None
        head = token.head
        if token.dep_ == "amod" and head.tag_ in NOUN_TAGS and head.i > token.i:
            if head.lower_ in self._ages:
                return _cand(ent[0], token, value, AGE, None)
            # "her 2nd biggest investor": the superlative goes with the rank, not the noun
            last = token.nbor() if token.nbor().tag_ in _SUPERLATIVES else token
            return _cand(ent[0], last, value, RANK, _noun_phrase(page, last, head))
        if head.tag_ in _SUPERLATIVES and head.i > token.i:
            # "the second-largest", "the fifth biggest lender"
            ranked = head.head if head.head.tag_ in NOUN_TAGS and head.head.i > head.i else None
            noun = _noun_phrase(page, head, ranked) if ranked is not None else head.text
            return _cand(ent[0], head if head.i - token.i <= _GLUED else token, value, RANK,
                         noun)
        return None

    def _numbered(self, page: Page) -> list[Cand]:
        """ "world number one", "the No. 3 seed"."""
        found: list[Cand] = []
        for match in _NUMBER_RANK.finditer(page.text):
            group = "n" if match.group("n") else "d"
            n = match.group(group)
            value = float(n) if n.isdigit() else unit_value(n)
            span = page.doc.char_span(match.start(), match.end())
            if value is None or span is None or any(t.ent_type_ in _NAME_LABELS for t in span):
                continue  # "Number 10 said": a name
            last = span[-1]
            noun = last.head.text if last.head.tag_ in NOUN_TAGS and last.head.i > last.i else None
            found.append(Cand(match.start(), match.end(), value, match.start(group),
                              match.end(group),
                              unit=RANK, noun=noun, words=not n.isdigit()))
        return found

    def _records(self, page: Page) -> list[Cand]:
        """ "a record high", "a record 32 goals": a record is rank 1."""
        found: list[Cand] = []
        doc = page.doc
        for match in _RECORD.finditer(page.text):
            span = doc.char_span(match.start(), match.end())
            if span is None or span.end >= len(doc) or not (
                    (span[0].tag_ == "JJ" and span[0].dep_ == "amod")
                    or doc[span.end].tag_ in _RECORD_BEFORE):
                continue  # "a record label", "broke the record"
            nxt = doc[span.end]
            if nxt.tag_ == "CD":  # "a record 32 goals": the record is of what the amount counts
                counted = span[0].head if nxt.head.i == span[0].i else nxt.head
                found.append(Cand(match.start(), match.end(), 1.0, match.start(), match.end(),
                                  unit=RANK, noun=counted.text
                                  if counted.tag_ in NOUN_TAGS else None))
            elif nxt.head.tag_ in NOUN_TAGS and 0 < nxt.head.i - nxt.i <= _GLUED:
                # "a record annual profit": the record is the profit
                found.append(_cand(span[0], span[0], 1.0, RANK,
                                   _noun_phrase(page, span[0], nxt.head)))
            else:  # "a record high": the record is the high
                found.append(_cand(span[0], nxt, 1.0, RANK, nxt.text))
        return found


def _opens_name(token: Token) -> bool:
    """ "Fifth Avenue", "First Minister": a capital ordinal inside a sentence before a capital
    word."""
    doc = token.doc
    return (token.text[:1].isupper() and not token.is_sent_start and token.i + 1 < len(doc)
            and doc[token.i + 1].text[:1].isupper())


def _noun_phrase(page: Page, first: Token, head: Token) -> str:
    """The words after ``first`` up to the noun it ranks: "23rd Test cap" -> "Test cap"."""
    start = first.i + 1
    while start < head.i and page.doc[start].is_punct:
        start += 1
    return page.text[page.doc[start].idx : head.idx + len(head)]


def _cand(first: Token, last: Token, value: float, unit: str, noun: str | None) -> Cand:
    start, end = first.idx, last.idx + len(last)
    return Cand(start, end, value, first.idx, first.idx + len(first), unit=unit, noun=noun,
                words=not first.text[:1].isdigit())
