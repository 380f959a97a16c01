"""What is never an amount: stretches the ``quant_not`` rules reject (clock times, phone numbers,
ids), and numbers that are years, dates, labels, ages, models or parts of a name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import token_at
from claimx.extractors.quantities.candidate import noun_follows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from claimx.extractors.quantities.bounds import Bounds
    from claimx.extractors.quantities.candidate import Cand, Page
    from claimx.extractors.quantities.units import Units
    from claimx.rules.loader import PatternSet

# The label of quant_not rules whose stretches are times (the claim builder reads them).
TIME_LABEL = "TIME"
# an amount with a hanging hyphen inside a list: "two-, three- and four-door"
SUSPENDED = regex.compile(
    r"(?<![\p{L}\p{N}.,-])(\p{L}+|\d{1,4})-(?=\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+)"
    r"(?:\p{L}+|\d{1,4})-)")
_FOUR_DIGITS = regex.compile(r"\d{4}")
_SPACED_HYPHEN = regex.compile(r"\s*-")
_ATTRIBUTIVE_TAGS = frozenset({"NN", "NNS", "JJ", "$", "CD", "NNP"})
# Years: a bare 1800-2100, or 1000-2200 after a preposition ("in 1066").
_YEARS = (1800, 2100)
_YEARS_AFTER_PREP = (1000, 2200)
_AGES = (1, 120)
_DAYS = (1, 31)
_DAY_JOINERS = frozenset({"to", "-", "–", "and", "until", "till"})
# A model number has three digits or more ("787 Dreamliner"); a shorter one needs no count after.
_MODEL_DIGITS = 3
_BOUND_WINDOW = 25
# "Ms Quinn, 52,": the name stands two tokens before the number.
_NAME_BEFORE_COMMA = 2
# "one of the best": the two words after "of" that rank a member.
_RANK_WORDS = 2


@dataclass(frozen=True)
class _Around:
    """The tokens around a number in digits and what the number looks like."""

    first: Token
    prev: Token | None
    nxt: Token | None
    bare: bool  # no unit and no scale
    value: float
    digits: str


class SetAside:
    """Decides which numbers are not amounts; built once per PatternSet."""

    def __init__(self, nlp: Language, patterns: PatternSet, units: Units,
                 bounds: Bounds) -> None:
        from claimx.rules import RuleMatcher

        self.units, self.bounds = units, bounds
        # Regex rules keep their exact character offsets (a clock time is no token boundary);
        # token and phrase rules, if a user adds any, are matched on the Doc.
        not_rules = patterns.rules_for("quant_not")
        self._not_text = RuleMatcher(nlp, [r for r in not_rules if r.regex is not None])
        token_rules = [r for r in not_rules if r.regex is None]
        self._not_tokens = RuleMatcher(nlp, token_rules) if token_rules else None
        self.labels = patterns.word_list("quant_label_words")
        self.time_words = patterns.word_list("quant_time_words")
        self._year_preps = patterns.word_list("quant_year_preps")
        self._age_verbs = patterns.word_list("quant_age_verbs")
        self._durations = patterns.word_list("quant_duration_units")
        self._not_one_after = patterns.word_list("quant_one_not_after")
        self._not_one_before = patterns.word_list("quant_one_not_before")

    def rejected(self, doc: Doc, text: str) -> tuple[list[tuple[int, int]],
                                                     list[tuple[int, int]]]:
        """The stretches no amount may touch, and those of them that are times."""
        found = [(m.start, m.end, m.rule.label) for m in self._not_text.text_matches(text)]
        if self._not_tokens is not None:
            found += [(s.start_char, s.end_char, s.label_) for s in self._not_tokens(doc)]
        blocked = [(a, b) for a, b, _ in found]
        times = [(a, b) for a, b, label in found if label == TIME_LABEL]
        return blocked, times

    def digits(self, page: Page, cand: Cand) -> bool:
        """True for years, dates, clock times, labels and names: not amounts. Marks an age."""
        doc = page.doc
        first = token_at(doc, cand.num_start)
        if first is None:
            return True
        last = token_at(doc, max(cand.num_end - 1, cand.num_start))
        around = _Around(first, self._prev(doc, first),
                         doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None,
                         cand.unit is None and not cand.scaled, cand.value or 0.0,
                         page.text[cand.num_start : cand.num_end])
        if (self._a_time(page, cand, around) or self._a_year(page, cand, around)
                or self._a_model_or_address(doc, around)
                or self.attributive_duration(page, cand)):
            return True
        if around.bare and SUSPENDED.match(page.text, cand.num_start):
            return True  # "5- and 20-year": the suspended list gives it the list's unit, if any
        self._mark_age(doc, cand, around)
        return self._a_label(around) or self._a_name(page.text, cand, around)

    def _prev(self, doc: Doc, first: Token) -> Token | None:
        prev = doc[first.i - 1] if first.i > 0 else None
        if prev is not None and prev.text == "." and prev.i > 0 and (
                doc[prev.i - 1].lower_ in self.time_words):
            prev = doc[prev.i - 1]  # "oct . 13" split by the tokenizer
        return prev

    def _a_time(self, page: Page, cand: Cand, a: _Around) -> bool:
        if a.bare and a.nxt is not None and a.nxt.lower_ in self.time_words:
            page.times.append((cand.num_start, a.nxt.idx + len(a.nxt)))
            return True  # a month after a day ("02 January") or a clock word ("5 pm")
        if a.bare and a.prev is not None and a.prev.lower_ in self.time_words:
            page.times.append((a.prev.idx, cand.num_end))
            return True  # "January 2", "Oct. 31"
        return a.bare and self._first_day(page, cand, a)

    def _first_day(self, page: Page, cand: Cand, a: _Around) -> bool:
        """The first day of a span of days: "from 14 to 17 May", "8-10 June", "between 3 and
        5 July": the day, the joiner, the last day and the month."""
        doc, nxt = page.doc, a.nxt
        if not (a.digits.isdigit() and _DAYS[0] <= a.value <= _DAYS[1]) or nxt is None:
            return False
        if nxt.lower_ not in _DAY_JOINERS or nxt.i + 2 >= len(doc):
            return False
        last, month = doc[nxt.i + 1], doc[nxt.i + 2]
        if not (last.text.isdigit() and _DAYS[0] <= int(last.text) <= _DAYS[1]
                and month.lower_ in self.time_words):
            return False
        page.times.append((cand.num_start, month.idx + len(month)))
        return True

    def _a_year(self, page: Page, cand: Cand, a: _Around) -> bool:
        if not (a.bare and _FOUR_DIGITS.fullmatch(a.digits)):
            return False
        after_prep = a.prev is not None and a.prev.lower_ in self._year_preps
        # news writes counts of this size with a comma ("2,000 people"); a bare 1800-2100
        # is a year ("2003 results") unless a bound makes it an amount ("over 2000 fans")
        bounded = self._bounded(page.text, cand)
        counted = bounded and a.nxt is not None and a.nxt.tag_ == "NNS"
        if (_YEARS[0] <= a.value <= _YEARS[1] or (
                after_prep and _YEARS_AFTER_PREP[0] <= a.value <= _YEARS_AFTER_PREP[1])
                ) and not counted:
            page.times.append((cand.num_start, cand.num_end))
            return True
        return False

    def _bounded(self, text: str, cand: Cand) -> bool:
        return self.bounds.before.search(
            text[max(0, cand.start - _BOUND_WINDOW) : cand.start]) is not None

    def _a_model_or_address(self, doc: Doc, a: _Around) -> bool:
        """ "787 Dreamliner", "17 Birch Road"."""
        nxt = a.nxt
        if not (a.bare and a.digits.isdigit() and nxt is not None and nxt.tag_ == "NNP"
                and nxt.text[:1].isupper() and nxt.lower_ not in self.time_words):
            return False
        k = nxt.i
        listed = False  # names joined by "and" or "or" ("460 Kia and Hyundai vehicles") are
        # makers of what the number counts, never one model's name
        while k < len(doc) and (doc[k].tag_ == "NNP" or (
                doc[k].tag_ == "CC" and k + 1 < len(doc) and doc[k + 1].tag_ == "NNP")):
            listed = listed or doc[k].tag_ == "CC"
            k += 1
        counted = k < len(doc) and doc[k].tag_ in ("NN", "NNS")
        if counted and listed:
            return False
        return len(a.digits) >= _MODEL_DIGITS or not counted

    def _mark_age(self, doc: Doc, cand: Cand, a: _Around) -> None:
        if not (a.bare and a.digits.isdigit() and _AGES[0] <= a.value <= _AGES[1]):
            return
        first, prev, nxt = a.first, a.prev, a.nxt
        if (prev is not None and prev.text == "," and first.i >= _NAME_BEFORE_COMMA
                and doc[first.i - _NAME_BEFORE_COMMA].tag_ == "NNP"
                and (nxt is None or nxt.text in (",", ".", ";"))):
            cand.unit = "year_of_age"  # "Ms Quinn, 52, said": an age in apposition
        elif self._a_persons_age(first, nxt):
            cand.unit = "year_of_age"  # "Dara Quinn was 23 when she left", "she turned 40"

    def _a_persons_age(self, number: Token, nxt: Token | None) -> bool:
        """A bare number that completes "be" or "turn" after a person: "Okafor was 31"."""
        if number.dep_ not in ("attr", "dobj", "acomp") or (
                number.head.lower_ not in self._age_verbs):
            return False
        if nxt is not None and nxt.tag_ in ("NN", "NNS", "NNP", "NNPS", "CD", "NFP", "SYM"):
            return False  # "was 22 points", "was 22-14"
        subj = next((c for c in number.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ == "who" and number.head.dep_ == "relcl":
            subj = number.head.head  # "Mr Lund, who is 64"
        return subj is not None and (subj.lower_ in ("he", "she") or subj.ent_type_ == "PERSON"
                                     or (subj.tag_ == "NNP" and not subj.ent_type_))

    def _a_label(self, a: _Around) -> bool:
        """ "Section 3", "No. 10"."""
        prev = a.prev
        return bool(a.bare and prev is not None and (
            prev.lower_ in self.labels or prev.text in ("#", "No", "no."))
            and not ranks_a_count(prev, a.nxt))

    def _a_name(self, text: str, cand: Cand, a: _Around) -> bool:
        """A name with a number: "iPhone 11", "Boeing 737", "Big 12"."""
        prev = a.prev
        return bool(
            a.bare and prev is not None and prev.tag_ in ("NNP", "NNPS")
            and any(ch.isupper() for ch in prev.text)
            and not cand.currency and not (a.nxt is not None and a.nxt.tag_ == "NNS")
            and self.units.prefix.search(prev.text) is None
            and not self._bounded(text, cand)
        )

    def attributive_duration(self, page: Page, cand: Cand) -> bool:
        """ "a five-year contract", "a 24-hour strike": a description, not an amount."""
        if cand.unit not in self._durations or not _SPACED_HYPHEN.match(
                page.text[cand.num_end : cand.end]):
            return False
        return noun_follows(page.doc, cand.end, _ATTRIBUTIVE_TAGS)

    def one_counts(self, doc: Doc, tok: Token) -> bool:
        """"one" is an amount only before a noun, not in "no one", "one another", "this one"."""
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if prev in self._not_one_after or tok.i + 1 >= len(doc):
            return False
        nxt = doc[tok.i + 1]
        if nxt.lower_ in ("to", "or", "-") and tok.i + 2 < len(doc) and doc[tok.i + 2].like_num:
            return True  # the low end of a range: "one to two days", "one or two"
        if nxt.lower_ in self._not_one_before or (nxt.lower_ == "point" and prev == "at"):
            return False  # "at one point": some time, not an amount
        if nxt.lower_ == "of":
            # "one of the drivers" names a member; "one of the best speakers" ranks it
            after = doc[tok.i + 2 : tok.i + 5]
            return len(after) >= _RANK_WORDS and after[0].lower_ == "the" and (
                after[1].tag_ in ("JJS", "RBS"))
        return nxt.tag_ in ("NN", "NNS", "JJ") and tok.dep_ == "nummod"


def ranks_a_count(label: Token, nxt: Token | None) -> bool:
    """ "the top three seeds" counts seeds; "finished in the top three" only ranks."""
    return label.lower_ in ("top", "bottom") and nxt is not None and nxt.tag_ == "NNS"
