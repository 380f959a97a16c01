"""Quantities: numbers in digits and words, with units, currencies, scales, bounds, ranges,
changes and vague quantifiers, as ``claimx.models.Quantity`` records.

The scan works on the characters of the text (so glued forms like "$1.13bn", "50mph" and "3G"
are read the same whatever spaCy's tokenizer did) and uses the parse only for context: the
counted noun, dates and names. All vocabularies live in ``patterns/``: ``units.jsonl``,
``number_words.tsv``, ``number_scales.tsv``, ``bounds.tsv``, ``change_verbs.tsv``,
``quant_vague.tsv``, ``quant_not.jsonl``, ``quant_label_words.txt``, ``quant_time_words.txt``,
``unit_per_nouns.txt``.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from claimx.doc.text import doc_text
from claimx.models import Change, Quantity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from claimx.rules.loader import PatternSet

# Digits with optional thousands separators and decimals; the sign is checked in code so that
# "5-10" reads as a range and "COVID-19" as a name.
_DIGITS = regex.compile(
    r"(?<![\d.,/⁄])(?:(?:\d{1,2}(?:,\d\d)+,\d{3}(?![\d])|\d{1,3}(?:,\d{3})+(?![\d])|\d+)"
    r"(?:\.\d+)?|(?<=\s)\.\d+|(?<![\d])[½¼¾⅓⅔](?![\d]))(?![\d])"
)
_FRACTION = regex.compile(r"(?:\s+|-)(\d{1,2})[/⁄](\d{1,3})(?![\d/])")
_GLUED_SLASH = regex.compile(r"[/⁄](\d{1,4})(?![\d/⁄])")
_EXPONENT = regex.compile(r"\s?[×x]\s?10\^?([-−]?\d{1,3})(?![\d])")
_SLASH_DIGIT = regex.compile(r"[/⁄]\d")
# Small numbers written as words that open or close a share: "one in 10", "4 out of five".
_SMALL = r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred"
# "1 in 4", "3 out of 10", not followed by a unit word that would make it a measure
_ONE_IN = regex.compile(
    rf"\s+(?:in|out\s+of)\s+(\d{{1,4}}(?![\d.,])|(?i:{_SMALL})(?![\p{{L}}\p{{N}}]))"
    r"(?!\s*(?:%|per|minutes?|hours?|days?|years?|"
    r"seconds?|months?|weeks?|km|miles?|metres?|meters?|games?|matches|attempts|tries))"
)
_PERIOD_BEFORE = regex.compile(r"(?i)\b(?:first|second|third|fourth|final|last|latter|other|"
                            r"back|front|early|late)\s+$")
_YEAR_DASH = regex.compile(r"\b(?:1[89]|20)\d\d[-–/]$")
_LATE_RATE = regex.compile(
    r"\s+of\s+(?:[\p{L}-]+\s+){1,4}?(?:a|an|per)\s+(?P<t>year|day|week|month|annum)\b",
    regex.IGNORECASE,
)
_INCH_MARKS = regex.compile(
    r"\s?(?P<m>[\"″'′])(?=\s+(?:long|wide|tall|high|deep|thick|across|screen|display|in "
    r"diameter)\b)"
)
_INCHES_AFTER = regex.compile(r"\s?in(?:\.|ches)?(?![\p{L}])")
_MOST = regex.compile(r"(?i)(?<![\p{L}])most(?![\p{L}])")
_SPACED_MINUS = regex.compile(r"(?<=\p{L} )- $")
_MEGA_CODE = regex.compile(r"\s?(?P<m>[Mk])(?P<code>[A-Z]{3})(?![\p{L}\p{N}])")
_PLURAL_NEXT = regex.compile(r"\s+(?:people|[a-z]{3,}s)\b")
# "37m (121ft)": a length in feet or yards glossing the amount makes it metres
_IMPERIAL_GLOSS = regex.compile(r"\s*[(\[]\s*[\d,.]+\s*(?:ft|feet|foot|yards?|yds?|miles?)\b")
# the words between "from X" and "to Y" when something sits between them ("in 2008 to")
_FROM_TO_GAP = regex.compile(r"(?:[^\s,;:()\[\]]+\s+){1,4}to")
_GAPPED_BY = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:\p{Lu}[\p{L}'’&.-]*\s+){1,4}by\s+")
# a lower-case word after an amount that is no preposition or time word: a noun it describes
_NOUN_NEXT = regex.compile(
    r"\s+(?!(?:of|to|from|in|on|at|for|over|by|last|this|next|a|an|the|and|or|than|since|"
    r"after|before|during|year|month|week|day|quarter)\b)[a-z]{3,}\b")
_SENTENCE_BREAK = regex.compile(r"[.;!?]\s")
_BRACKETED = regex.compile(r"\s?\([^()]{1,40}\)")
_LEAD_PREP = regex.compile(r"(?i)(?<![\p{L}])(at|to|by|and)\s+$")
_TIME_AFTER = regex.compile(
    r"(?i)\s+(?:(?:last|this|next|the\s+previous|the\s+prior)\s+(?:year|month|week|quarter|season)"
    r"|in\s+(?:19|20)\d\d|a\s+year\s+(?:earlier|ago|before))\b")
# Small patterns used per candidate, compiled once.
_SUB_PREFIX = regex.compile(r"(?i)(?<![\p{L}])sub-$")
_WORD_HYPHEN_END = regex.compile(r"\p{L}[\w-]*-$")
_MINUS_HYPHEN_END = regex.compile(r"(?i)minus-$")
_MINUS_BEFORE = regex.compile(r"(?i)(?<![\p{L}])minus[\s-]$")
_HYPHEN_DIGIT = regex.compile(r"-\p{N}")
_SPACED_HYPHEN = regex.compile(r"\s*-")
_SPACES_HYPHENS = regex.compile(r"[\s-]+")
_SPACES = regex.compile(r"\s+")
_FOUR_DIGITS = regex.compile(r"\d{4}")
_AGED_BEFORE = regex.compile(r"(?i)(?<![\p{L}])(?:aged|age)\s$")
_LINKING_VERB_END = regex.compile(r"\b(?:was|were|is|are|closed|ended|finished|\w+ed)\s+$")
# A number word that may open a share ("one in 10"); the rest is _ONE_IN, as after digits.
_RATIO_WORD = regex.compile(rf"(?<![\p{{L}}\p{{N}}.,])(?:{_SMALL})(?![\p{{L}}\p{{N}}])",
                            regex.IGNORECASE)
_WORD_NEXT = regex.compile(r"\s+\p{L}")
_AND_A_HALF = regex.compile(r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b", regex.IGNORECASE)
# an amount with a hanging hyphen inside a list: "two-, three- and four-door"
_SUSPENDED = regex.compile(
    r"(?<![\p{L}\p{N}.,-])(\p{L}+|\d{1,4})-(?=\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+)"
    r"(?:\p{L}+|\d{1,4})-)")
# Between a suspended "5-" and the amount that ends its list: "- and ", "-, 10- or ".
_LIST_GAP = regex.compile(r"-(?:[\s,]*(?:(?:and|or|to)\s+)?(?:\p{L}+|\d{1,4})-)*[\s,]*"
                          r"(?:(?:and|or|to)\s+)?")
_RACE_DET = regex.compile(r"(?i)(?:(?<![\p{L}])(?:the|a|an|his|her|their|its|won|wins|win|"
                          r"winning|ran|runs|running|clocked)|['’]s)\s+$")
_DATING_NEXT = regex.compile(r"\s+(?:earlier|ago|before|later|after)\b")
_CLAUSE_END_NEXT = regex.compile(r"\s*(?:[.,;!?)]|$)")
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade",
                         "century"})
_YEAR_PREPS = frozenset({"in", "since", "between", "from", "until", "by", "before", "after",
                         "of", "and", "to", "through", "during", "circa", "c.", "till"})
_GLUED_FRACTION = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_MINUS = "-−–"
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_CHANGE_FILLERS = (
    r"(?:by|of|to|from|a|an|it|this|that|them|further|additional|extra|just|only|some|nearly|"
    r"almost|about|around|"
    r"roughly|over|more|than|less|another|\w+ly)"
)


@dataclass
class _Cand:
    """A quantity under construction (char offsets into the text)."""

    start: int
    end: int
    value: float | None
    num_start: int
    num_end: int
    unit: str | None = None
    currency: bool = False
    scaled: bool = False
    range: tuple[float, float] | None = None
    bound: str = "="
    vague: bool = False
    noun: str | None = None
    change: Change | None = None
    words: bool = False  # written in words


@dataclass(frozen=True)
class Found:
    """A quantity with the token it hangs on, for the claim builder."""

    quantity: Quantity
    token: int  # index of the number's token (its syntactic anchor)
    noun_token: int | None = None


@dataclass(frozen=True)
class Scan:
    """Everything the quantity pass found in one Doc."""

    quantities: list[Found]
    times: list[tuple[int, int]]  # char spans of years, dates and clock times it set aside
    starts: list[int]  # each token's character offset, for bisecting


def _alternation(items: list[str], *, boundary: bool = True,
                 loose: frozenset[str] = frozenset()) -> str:
    """One regex alternative per surface form, longest first; case rules as units.jsonl says
    (``loose`` forms always ignore case)."""
    parts = []
    for item in sorted(set(items), key=len, reverse=True):
        body = regex.escape(item).replace(r"\ ", r"\s*" if "$" in item else r"[\s-]+")
        sensitive = (len(item) <= 2 or item != item.lower()) and item not in loose
        piece = body if sensitive else f"(?i:{body})"
        if boundary and item[-1].isalnum():
            piece += r"(?![\p{L}\p{N}])"
        parts.append(piece)
    return "|".join(parts) if parts else r"(?!x)x"


class QuantityFinder:
    """Finds quantities in a parsed Doc. Build once per PatternSet, call per Doc."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        from claimx.rules.loader import RuleMatcher

        # Regex rules run straight over the text (no token snapping needed); token rules, if a
        # user adds any, go through the RuleMatcher.
        not_rules = patterns.rules_for("quant_not")
        self._not_regexes = [
            (regex.compile(r.regex, regex.IGNORECASE if "i" in r.flags else 0), r.id)
            for r in not_rules if r.regex is not None
        ]
        token_rules = [r for r in not_rules if r.regex is None]
        self._not_matcher = RuleMatcher(nlp, token_rules) if token_rules else None
        self.unit_ids: dict[str, str] = {}
        prefix: list[str] = []
        suffix: list[str] = []
        self.currency_ids: set[str] = set()
        for rule in patterns.rules_for("units"):
            if not isinstance(rule.pattern, str):
                continue
            form = rule.pattern
            if rule.label in ("CURRENCY", "CURRENCY_PREFIX"):
                self.currency_ids.add(rule.id)
                # Symbols and codes may lead ("$5", "USD 5"); words only follow ("5 euros").
                if not (form.isalpha() and form.islower()):
                    prefix.append(form)
                    self.unit_ids.setdefault("pre:" + _squeeze(form), rule.id)
                if rule.label == "CURRENCY":
                    suffix.append(form)
                    self.unit_ids.setdefault("suf:" + form.lower(), rule.id)
                    self.unit_ids.setdefault("exact:" + form, rule.id)
            else:
                suffix.append(form)
                # A unit wins over a currency of the same form after a number ("300 PS").
                self.unit_ids["suf:" + form.lower()] = rule.id
                # Case-sensitive forms keep their case: "MB" is a megabyte, "Mb" a megabit.
                self.unit_ids["exact:" + form] = rule.id
        # Currency codes and dollar forms ignore case ("usd", "c $"); "PS" or "p" do not.
        # ("a $5 fee" is no Australian dollar: the article stays case-sensitive.)
        loose = frozenset(f for f in prefix + suffix
                          if (len(f) >= 3 or "$" in f) and not f.lower().startswith("a ")
                          and self.unit_ids.get(
                              "suf:" + f.lower(), self.unit_ids.get("pre:" + _squeeze(f)))
                          in self.currency_ids)
        self._prefix = regex.compile(
            r"(?:(?<![\p{L}])(?P<c>" + _alternation(prefix, boundary=False, loose=loose)
            + r"))\s?$"
        )
        self._suffix = regex.compile(
            r"(?:\s?-\s?|\s{0,2})(?P<u>" + _alternation(suffix, loose=loose) + r")"
            # a unit in brackets, as tables write it: "20 (kg)", "20 [kg]"
            r"|\s?[(\[{<](?P<u>" + _alternation(suffix, loose=loose) + r")[)\]}>]"
        )
        self._scales: dict[str, tuple[float, str]] = {}
        for row in patterns.table("number_scales"):
            if len(row) >= 3:
                self._scales[row[0]] = (float(row[1]), row[2])
        self._scale = regex.compile(
            r"(?P<sp>\s?)(?P<s>" + _alternation(list(self._scales)) + r")"
        )
        # "<number>m" glued is million in news unless a distance surrounds it.
        metre: dict[str, list[str]] = {"after": [], "before": [], "race": [], "near": [],
                                       "race_noun": []}
        for row in patterns.table("quant_metre_context"):
            if len(row) >= 2 and row[0] in metre:
                metre[row[0]].append(row[1].lower())
        self._metre_after = regex.compile(
            r"[\s-]+(?:" + _alternation(metre["after"]) + r")", regex.IGNORECASE)
        self._metre_before = regex.compile(
            r"(?<![\p{L}])(?:" + _alternation(metre["before"]) + r")(?:\s+[\p{L}'’]+){0,3}\s+$",
            regex.IGNORECASE)
        self._metre_near = regex.compile(
            r"\d\s?(?:" + _alternation(metre["near"]) + r")", regex.IGNORECASE)
        self._race_distances = frozenset(float(w) for w in metre["race"])
        self._race_noun_next = regex.compile(
            r"\s+(?:" + _alternation(metre["race_noun"]) + r")\b", regex.IGNORECASE)
        self._number_words: dict[str, tuple[float, str]] = {}
        for row in patterns.table("number_words"):
            if len(row) >= 3:
                self._number_words[row[0].lower()] = (float(row[1]), row[2])
        starters = [w for w, (_, kind) in self._number_words.items()
                    if kind in ("unit", "fraction")]
        scales = [w for w, (_, kind) in self._number_words.items()
                  if kind in ("hundred", "scale", "dozen")]
        self._word_start = regex.compile(
            r"(?<![\p{L}])(?:" + "|".join(map(regex.escape, starters)) + r"|an?\s+(?:"
            + "|".join(map(regex.escape, scales)) + r"))(?![\p{L}])",
            regex.IGNORECASE,
        ) if starters else None
        before: list[str] = []
        after: list[str] = []
        self._bounds: dict[str, str] = {}
        for row in patterns.table("bounds"):
            if len(row) >= 3:
                self._bounds[row[0].lower()] = row[1]
                (before if row[2] == "before" else after).append(row[0].lower())
        self._bound_before = regex.compile(
            r"(?:(?<![\p{L}])(?P<b>" + _alternation(before, boundary=False) + r"))\s*$"
        )
        self._bound_after = regex.compile(r"\s*(?P<b>" + _alternation(after) + r")")
        self._changes: dict[str, str] = {}
        self._change_needs_prep: set[str] = set()
        change_nouns: list[str] = []
        for row in patterns.table("change_verbs"):
            if len(row) >= 2:
                self._changes[row[0].lower()] = row[1]
                kind = row[2] if len(row) > 2 else ""
                if kind == "prep":
                    self._change_needs_prep.add(row[0].lower())
                if kind == "noun":
                    change_nouns.append(row[0].lower())
        # "a 40% drop in profits": a change noun right after the amount
        self._change_after = regex.compile(
            r"\s+(?:(?:sharp|steep|further|slight|modest|small|big|huge|annual|pay|price)\s+)?"
            r"(?P<w>" + _alternation(change_nouns) + r")",
            regex.IGNORECASE,
        )
        # a change verb, its object and then the amount: "lifted interest rates 0.25%"
        self._change_loose = regex.compile(
            r"(?<![\p{L}])(?P<w>" + _alternation(
                [w for w in self._changes if w not in ("up", "down", "higher", "lower")])
            + r")(?:\s+[\p{L}'’-]+){1,3}\s+$",
            regex.IGNORECASE,
        )
        self._change_before = regex.compile(
            r"(?<![\p{L}])(?P<w>" + _alternation(list(self._changes)) + r")"
            + r"(?:\s+" + _CHANGE_FILLERS + r"){0,3}\s*$"
        )
        self._vague: dict[str, tuple[float | None, float | None, bool, str]] = {}
        for row in patterns.table("quant_vague"):
            cells = [*row, "", "", "", ""][:5]
            lo = float(cells[1]) if cells[1] else None
            hi = float(cells[2]) if cells[2] else None
            self._vague[cells[0].lower()] = (lo, hi, cells[3] == "1", cells[4] or "=")
        self._vague_re = regex.compile(
            r"(?<![\p{L}])(?P<v>" + _alternation(list(self._vague)) + r")", regex.IGNORECASE
        )
        self._labels = patterns.word_list("quant_label_words")
        self._time_words = patterns.word_list("quant_time_words")
        self._per_nouns = patterns.word_list("unit_per_nouns")
        self._measure_nouns = patterns.word_list("quant_measure_nouns")
        age_nouns = sorted(patterns.word_list("quant_age_nouns"), key=len, reverse=True)
        # the age phrase, then a few words of the same clause before the bare number
        self._age_before = regex.compile(
            r"(?i)(?<![\p{L}])(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+")
                                      for w in age_nouns)
            + r")(?![\p{L}])[^,;.()\d]{0,40}$") if age_nouns else None
        self._rate = regex.compile(
            r"\s?-?\s?(?:(?P<per>per|/)\s?|(?P<a>an?)(?:\s?-\s?|\s))(?P<n>[\p{L}][\p{L}-]*"
            r"(?:\s(?:feet|foot|metres?|meters?|miles?|kilometres?|centimetres?))?)(?![\p{L}])",
            regex.IGNORECASE,
        )

    # ------------------------------------------------------------------ public

    def __call__(self, doc: Doc) -> Scan:
        text = doc_text(doc)
        if not text or not any(ch.isdigit() or ch.isalpha() for ch in text[:100000]):
            return Scan([], [], [])
        starts = doc.to_array("IDX").tolist()  # token offsets without building Tokens
        rejected = [(m.start(), m.end(), rule_id) for compiled, rule_id in self._not_regexes
                    for m in compiled.finditer(text) if m.end() > m.start()]
        if self._not_matcher is not None:
            rejected += [(s.start_char, s.end_char, s.id_) for s in self._not_matcher(doc)]
        blocked = [(a, b) for a, b, _ in rejected]
        times = [(a, b) for a, b, rule_id in rejected
                 if rule_id.startswith("clock") or rule_id == "decade"]
        cands: list[_Cand] = []
        floor = 0  # a currency sign already read as the previous amount's suffix stays there
        for match in _DIGITS.finditer(text):
            cand = self._digits(doc, text, starts, match, blocked, times, floor)
            if cand is not None:
                cands.append(cand)
                floor = cand.end
        cands.extend(self._word_numbers(doc, text, starts, blocked))
        cands.sort(key=lambda c: c.start)
        cands = self._merge_ranges(text, cands)
        for cand in cands:
            self._bound_and_change(text, cand)
        self._link_changes(text, cands)
        self._ages_after_age_nouns(doc, text, starts, cands)
        self._parallel_units(doc, text, starts, cands)
        _inherit_in_brackets(text, cands)
        vague = self._vague_quantities(doc, text, starts)
        for cand in vague:
            bound = self._bound_before.search(text[max(0, cand.start - 30) : cand.start].lower())
            if bound is not None and cand.bound == "=":
                cand.bound = self._bounds.get(bound.group("b"), "=")
                cand.start -= len(bound.group())  # "almost half of"
        cands.extend(vague)
        kept = _non_overlapping(cands)
        found = []
        for cand in kept:
            token, noun_token = self._noun(doc, starts, cand)
            found.append(Found(_to_quantity(text, cand), token, noun_token))
        if "-" in text:
            found = self._suspended(doc, text, starts, found, blocked)
        return Scan(found, times, starts)

    def _suspended(self, doc: Doc, text: str, starts: list[int], found: list[Found],
                   blocked: list[tuple[int, int]]) -> list[Found]:
        """ "two-, three- and four-door cars", "5- and 20-year loans": an amount whose
        hyphen waits for the noun of the last one in the list shares that noun or unit."""
        extra: list[Found] = []
        for match in _SUSPENDED.finditer(text):
            s, e = match.span(1)
            raw = match.group(1)
            if raw[0].isdigit():
                value = float(raw)
            else:
                entry = self._number_words.get(raw.lower())
                if entry is None or entry[1] != "unit":
                    continue
                value = entry[0]
            if _inside(blocked, s, e) or any(f.quantity.start <= s < f.quantity.end
                                             for f in found):
                continue
            # the first amount after the list that carries the noun or unit
            last = next((f for f in found if s < f.quantity.start <= match.end() + 40
                         and (f.quantity.noun or f.quantity.unit)), None)
            if last is None or not _LIST_GAP.fullmatch(text, e, last.quantity.start):
                continue  # the list's last amount was set aside ("10- and 30-year bonds")
            token = _token_at(doc, starts, s)
            quantity = replace(last.quantity, start=s, end=e, text=text[s:e], value=value,
                               range=None, bound="=", change=None, vague=False)
            extra.append(Found(quantity, token.i if token is not None else last.token,
                               last.noun_token))
        if not extra:
            return found
        return sorted(found + extra, key=lambda f: f.quantity.start)

    # ------------------------------------------------------------------ digits

    def _digits(self, doc, text, starts, match, blocked, times, floor=0) -> _Cand | None:
        s, e = match.span()
        if _inside(blocked, s, e):
            return None
        raw = match.group().replace(",", "")
        try:
            value = _GLUED_FRACTION[raw] if raw in _GLUED_FRACTION else float(raw)
        except ValueError:
            return None
        if abs(value) > 1e15:
            return None
        before = text[max(0, s - 12) : s]
        currency: str | None = None
        start = s
        # A sign counts only at a word start: "-5C", not "COVID-19" or the "-10" of "5-10".
        lead = text[max(0, s - 20) : s]
        if _YEAR_DASH.search(lead):
            return None  # the end of "2000-1" or "2019-20": a period
        sub = _SUB_PREFIX.search(lead)
        if (s > 1 and text[s - 1] == "-" and _WORD_HYPHEN_END.search(lead)
                and not _MINUS_HYPHEN_END.search(lead) and sub is None):
            return None  # inside a name or code: "COVID-19", "F-150", "scp2-173m"
        if s > 0 and text[s - 1] in _MINUS and sub is None:
            pre = text[s - 2] if s >= 2 else " "
            if pre.isalpha() and not text[max(0, s - 6) : s - 1].lower().endswith("minus"):
                return None
            if not (pre.isalnum() or pre in ".,%"):
                value, start = -value, s - 1
        minus = _MINUS_BEFORE.search(text[max(0, s - 7) : s])
        if minus is not None and value > 0:
            value, start = -value, s - len(minus.group())
        cur = self._prefix.search(text[max(0, floor, start - 12) : start])
        if cur is not None:
            currency = self.unit_ids.get("pre:" + _squeeze(cur.group("c")))
            start = start - (len(cur.group()))
        elif s > 0 and _WORD_CHAR.match(text[s - 1]):
            return None  # glued to letters: an id or a name ("A2", "G7", "MENAFN1811...")
        end = e
        frac = _FRACTION.match(text, end)
        slash = _GLUED_SLASH.match(text, end)
        if slash is not None:
            # "1/16" is a fraction; "24/7" or "12/05" is not an amount
            if "." in raw or not 0 < value < int(slash.group(1)):
                return None
            value = value / int(slash.group(1))
            end = slash.end()
        elif frac is not None and "." not in raw and int(frac.group(2)) > int(frac.group(1)):
            value = value + int(frac.group(1)) / int(frac.group(2))
            end = frac.end()
        elif end < len(text) and text[end] in _GLUED_FRACTION:
            value += _GLUED_FRACTION[text[end]]
            end += 1
        elif _SLASH_DIGIT.match(text, end):
            return None  # "3/4/2020", "2019/20": a date or a season, not an amount
        ratio = _ONE_IN.match(text, end)
        whole = self._ratio_term(ratio.group(1)) if ratio is not None else None
        if (whole is not None and currency is None and "." not in raw
                and 0 < value < whole <= 1000):
            value = value / whole  # "1 in 4 adults", "4 out of five": a share
            end = ratio.end()
        power = _EXPONENT.match(text, end)
        if power is not None and abs(int(power.group(1).replace("−", "-"))) <= 300:
            value = value * 10.0 ** int(power.group(1).replace("−", "-"))
            end = power.end()
        cand = _Cand(start, end, value, s, e, unit=currency, currency=currency is not None)
        if sub is not None:
            cand.start, cand.bound = s - 4, "<"  # "sub-7 nanometer"
        self._suffixes(text, cand)
        if (cand.unit in ("celsius", "fahrenheit", "degree") and value > 0 and start == s
                and _SPACED_MINUS.search(text, max(0, s - 4), s)):
            cand.value = -(cand.value or 0.0)  # "convert - 20 degrees": a spaced minus sign
            cand.start = s - 2
        if cand.end < len(text) and _WORD_CHAR.match(text[cand.end]):
            return None  # "3G", "5am", "1990s": letters glued on that are no unit
        if _HYPHEN_DIGIT.match(text[cand.end : cand.end + 2]) and cand.unit and (
                text[cand.end - 1].isalpha()):
            return None  # a code: "24703 L-202"
        if self._set_aside(doc, text, starts, cand, before, times):
            return None
        return cand

    def _suffixes(self, text: str, cand: _Cand) -> None:
        """Scale ("bn", "million"), unit or currency, rate ("per share"), bound ("or more")."""
        pos = cand.end
        for scale in (self._scale.match(text, pos), None):
            # a second scale word after the first: "4 hundred million"
            if scale is None and cand.scaled:
                scale = self._scale.match(text, pos)
            if scale is None:
                continue
            mult, where = self._scales[scale.group("s")]
            glued = not scale.group("sp")
            ok = where == "any" or (where == "glued" and (glued or cand.currency))
            ok = ok or (where == "money" and cand.currency)
            if where == "glued" and scale.group("s") == "m" and not cand.currency:
                # "600m users", "481m yuan", "up from 38m" are millions; "the 100m",
                # "8,848m high", "a depth of 3,800m" are metres.
                ok = glued and not self._metres(text, cand, scale.end())
            if ok:
                cand.value = (cand.value or 0) * mult
                cand.scaled = True
                pos = scale.end()
            else:
                break
        mega = _MEGA_CODE.match(text, pos)
        if mega is not None and not cand.currency:
            unit = self.unit_ids.get("suf:" + mega.group("code").lower())
            if unit in self.currency_ids:
                # "30 MUSD", "120 MEUR": millions (k: thousands) of a currency code
                cand.value = (cand.value or 0) * (1e6 if mega.group("m") == "M" else 1e3)
                cand.unit, cand.currency, cand.scaled = unit, True, True
                pos = mega.end()
        suffix = self._suffix.match(text, pos) if not cand.currency else None
        marks = _INCH_MARKS.match(text, pos) if suffix is None and not cand.currency else None
        if marks is not None:
            # '10" long', "6' tall": quotation-like marks as inches and feet before a dimension
            cand.unit = "inch" if marks.group("m") in '"″' else "foot"
            pos = marks.end("m")
        if suffix is not None and _letter_in_a_name(text, pos, suffix):
            suffix = None  # "23 F Block", "4 C Street": a letter of an address or a name
        if suffix is not None:
            unit = self._unit_id(suffix.group("u"))
            if unit == "lb" and cand.scaled:
                unit = "GBP"  # "361 million pounds" is money, not weight
            if unit is not None and not cand.currency:
                cand.unit = unit
                cand.currency = unit in self.currency_ids
                pos = suffix.end()
                late = self._scale.match(text, pos) if cand.currency else None
                if late is not None and not cand.scaled and self._scales[late.group("s")][
                        1] == "any":
                    cand.value = (cand.value or 0) * self._scales[late.group("s")][0]
                    cand.scaled = True  # "75 USD million"
                    pos = late.end()
        if cand.unit is not None:
            pos = self._rate_of(text, cand, pos)
            aside = _BRACKETED.match(text, pos) if " per " not in cand.unit else None
            if aside is not None:
                # "9 billion shekels ($2.4 billion) a year": the rate after a restatement
                # (the span stays before the brackets, which hold their own amount)
                self._rate_of(text, cand, aside.end())
            later = _LATE_RATE.match(text, pos)
            if later is not None and " per " not in cand.unit:
                # "3 million litres of diesel a week": the rate after what is measured
                per = later.group("t").lower()
                cand.unit = f"{cand.unit} per {'year' if per == 'annum' else per}"
        cand.end = pos
        after = self._bound_after.match(text, pos)
        if after is not None:
            cand.bound = self._bounds.get(after.group("b").lower(), "=")
            cand.end = after.end()

    def _parallel_units(self, doc: Doc, text: str, starts: list[int],
                        cands: list[_Cand]) -> None:
        """ "closed at 7,512.40 points, while the midcap index ... closed at 2,204.10": a bare
        number in the same sentence and after the same preposition as an earlier measured
        amount is in that amount's unit (the unit is left out the second time)."""
        last_by_lead: dict[str, _Cand | None] = {}
        last_measured: _Cand | None = None
        for cand in cands:
            lead = _LEAD_PREP.search(text, max(0, cand.start - 6), cand.start)
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
            if (prev is not None and cand.unit is None and not cand.scaled and cand.noun is None
                    and cand.value is not None and cand.range is None and not cand.words
                    and prev.unit is not None and prev.unit != "year_of_age"
                    and not _SENTENCE_BREAK.search(text, prev.end, cand.start)):
                after = _token_at(doc, starts, cand.end)
                if after is not None and after.idx < cand.end and after.i + 1 < len(doc):
                    after = doc[after.i + 1]
                if after is None or after.idx < cand.end or after.tag_ not in _NOUN_TAGS:
                    cand.unit, cand.currency = prev.unit, prev.currency
            if cand.unit is not None:
                last_by_lead[word] = last_measured = cand

    def _ages_after_age_nouns(self, doc: Doc, text: str, starts: list[int],
                              cands: list[_Cand]) -> None:
        """ "life expectancy for men is around 73": a bare number soon after an age phrase
        (patterns/quant_age_nouns.txt) is an age in years, unless a noun follows it."""
        if self._age_before is None:
            return
        for cand in cands:
            if (cand.unit is not None or cand.scaled or cand.value is None
                    or not 0 < cand.value < 130
                    or not self._age_before.search(text, max(0, cand.start - 70), cand.start)):
                continue
            after = _token_at(doc, starts, cand.end)
            if after is not None and after.idx < cand.end and after.i + 1 < len(doc):
                after = doc[after.i + 1]
            if after is not None and after.idx >= cand.end and after.tag_ in _NOUN_TAGS:
                continue  # "the average age of 40 members"
            cand.unit = "year_of_age"

    def _metres(self, text: str, cand: _Cand, end: int) -> bool:
        """Whether a glued "m" after ``cand``'s digits is metres: a distance word follows
        ("high", "hurdles"), or precedes within a few words ("a depth of"), or a standard
        race distance follows a determiner or a racing verb ("won the 100m", "winning 1500m")."""
        if self._metre_after.match(text, end) or _IMPERIAL_GLOSS.match(text, end):
            return True
        if cand.value in self._race_distances and self._race_noun_next.match(text, end):
            return True  # "the 5000m title", "1500m heats"
        if self._suffix.match(text, end) or _PLURAL_NEXT.match(text, end):
            return False  # "481m yuan", "600m users": a currency or counted noun
        before = text[max(0, cand.start - 60):cand.start]
        if self._metre_before.search(before) or self._metre_near.search(
                text, max(0, cand.start - 40), min(len(text), end + 40)):
            return True  # "a depth of 2,100m", "1m is 100 cm"
        return cand.value in self._race_distances and bool(_RACE_DET.search(before))

    def _attributive_duration(self, doc, starts, text, cand: _Cand) -> bool:
        """ "a five-year contract", "a 24-hour strike": a description, not an amount."""
        if cand.unit not in _TIME_UNITS or not _SPACED_HYPHEN.match(
                text[cand.num_end : cand.end]):
            return False
        after = _token_at(doc, starts, cand.end)
        if after is None:
            return False
        if after.idx < cand.end and after.i + 1 < len(doc):
            after = doc[after.i + 1]
        return after.idx >= cand.end and after.tag_ in ("NN", "NNS", "JJ", "$", "CD", "NNP")

    def _rate_of(self, text: str, cand: _Cand, pos: int) -> int:
        """ "$3 per share", "£12 an hour", "$45 per sq m", "80,000 barrel-a-day"."""
        rate = self._rate.match(text, pos)
        if rate is None:
            return pos
        noun = rate.group("n")
        unit_match = self._suffix.match(text, rate.start("n"))
        per_unit = None
        end = rate.end()
        if unit_match is not None and unit_match.start("u") == rate.start("n"):
            per_unit = self._unit_id(unit_match.group("u"))
            end = unit_match.end()
        if rate.group("a") and noun.lower() not in self._per_nouns:
            return pos
        if noun.lower() in ("cent", "cents") and rate.group("per"):
            return pos  # "per cent" after a currency is not a rate
        if _DATING_NEXT.match(text, end):
            return pos  # "a year earlier" dates the amount, it is no rate
        if per_unit in self.currency_ids:
            return pos
        cand.unit = f"{cand.unit} per {per_unit or noun.lower()}"
        return end

    def _unit_id(self, surface: str) -> str | None:
        low = surface.lower()
        return (self.unit_ids.get("exact:" + surface) or self.unit_ids.get("suf:" + low)
                or self.unit_ids.get("suf:" + _SPACES_HYPHENS.sub(" ", low)))

    def _set_aside(self, doc, text, starts, cand: _Cand, before: str, times) -> bool:
        """True for years, dates, clock times, labels and names: not amounts."""
        first = _token_at(doc, starts, cand.num_start)
        if first is None:
            return True
        prev = doc[first.i - 1] if first.i > 0 else None
        last = _token_at(doc, starts, max(cand.num_end - 1, cand.num_start))
        nxt = doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None
        bare = cand.unit is None and not cand.scaled
        value = cand.value or 0.0
        digits = text[cand.num_start : cand.num_end]
        if bare and nxt is not None and nxt.lower_ in self._time_words:
            times.append((cand.num_start, nxt.idx + len(nxt)))
            return True  # a month after a day ("02 January") or a clock word ("5 pm")
        if prev is not None and prev.text == "." and prev.i > 0 and (
                doc[prev.i - 1].lower_ in self._time_words):
            prev = doc[prev.i - 1]  # "oct . 13" split by the tokenizer
        if bare and prev is not None and prev.lower_ in self._time_words:
            times.append((prev.idx, cand.num_end))
            return True  # "January 2", "Oct. 31"
        if bare and _FOUR_DIGITS.fullmatch(digits):
            after_prep = prev is not None and prev.lower_ in _YEAR_PREPS
            # news writes counts of this size with a comma ("2,000 people"); a bare 1800-2100
            # is a year ("2003 results") unless a bound makes it an amount ("over 2000 fans")
            bounded = self._bound_before.search(text[max(0, cand.start - 25) : cand.start])
            counted = bounded is not None and nxt is not None and nxt.tag_ == "NNS"
            if (1800 <= value <= 2100 or (after_prep and 1000 <= value <= 2200)) and not counted:
                times.append((cand.num_start, cand.num_end))
                return True  # a year
        if (bare and digits.isdigit() and nxt is not None and nxt.tag_ == "NNP"
                and nxt.text[:1].isupper() and nxt.lower_ not in self._time_words):
            k = nxt.i
            while k < len(doc) and doc[k].tag_ == "NNP":
                k += 1
            counted = k < len(doc) and doc[k].tag_ in ("NN", "NNS")
            if len(digits) >= 3 or not counted:
                return True  # a model or an address: "787 Dreamliner", "49 Elm Road"
        if self._attributive_duration(doc, starts, text, cand):
            return True
        if bare and _SUSPENDED.match(text, cand.num_start):
            return True  # "5- and 20-year": _suspended gives it the list's unit, if any
        if (bare and prev is not None and prev.text == "," and first.i >= 2
                and doc[first.i - 2].tag_ == "NNP" and (nxt is None or nxt.text in (",", ".", ";"))
                and digits.isdigit() and 1 <= value <= 120):
            cand.unit = "year_of_age"  # "Maddon, 66, said": an age in apposition
        elif bare and digits.isdigit() and 1 <= value <= 120 and _a_persons_age(first, nxt):
            cand.unit = "year_of_age"  # "Dara Quinn was 23 when she left", "she turned 40"
        if bare and prev is not None and (prev.lower_ in self._labels
                                          or prev.text in ("#", "No", "no.")) and not (
                _ranks_a_count(prev, nxt)):
            return True  # "Section 3", "No. 10"
        # a name with a number: "iPhone 11", "Boeing 737", "Big 12"
        return bool(
            bare and prev is not None and prev.tag_ in ("NNP", "NNPS")
            and any(ch.isupper() for ch in prev.text)
            and not cand.currency and not (nxt is not None and nxt.tag_ == "NNS")
            and self._prefix.search(prev.text) is None
            and not self._bound_before.search(text[max(0, cand.start - 25) : cand.start])
        )

    # ------------------------------------------------------------------ words

    def _word_numbers(self, doc, text, starts, blocked) -> list[_Cand]:
        found: list[_Cand] = []
        words = self._number_words
        n = len(doc)
        # Only tokens that can start a number word are visited, found by one regex pass.
        if self._word_start is None:
            return found
        todo = sorted({bisect.bisect_right(starts, m.start()) - 1
                       for m in self._word_start.finditer(text)})
        i = 0
        for k in todo:
            if k < i:
                continue
            i = k
            tok = doc[i]
            low = tok.lower_
            lead_a = (low in ("a", "an") and i + 1 < n
                      and words.get(doc[i + 1].lower_, (0, ""))[1] in ("hundred", "scale", "dozen"))
            frac_scale = (low in ("half", "quarter") and i + 1 < n
                          and words.get(doc[i + 1].lower_, (0, ""))[1] == "scale")
            if frac_scale:  # "half a million" aside, "a quarter million": fraction times scale
                lead_a = False
            if not lead_a and not frac_scale and (low not in words or words[low][1] != "unit"):
                i += 1
                continue  # "hundred" alone ("several hundred") or "dozen" alone is no amount
            j = i + 1 if lead_a or frac_scale else i
            total, group, last = 0.0, 0.0, i
            used_any = frac_scale
            if lead_a:
                group = 1.0
            if frac_scale:
                group = words[low][0]
            while j < n:
                w = doc[j].lower_
                entry = words.get(w)
                if entry is None:
                    if (w in ("-", "and") and j + 1 < n and doc[j + 1].lower_ in words
                            and used_any):
                        j += 1
                        continue
                    break
                val, kind = entry
                if kind == "unit":
                    # "twenty five" and "hundred and one" add up; "one two" are two numbers
                    tens = group % 10 == 0 and group % 100 != 0 and val < 10
                    hundreds = group % 100 == 0 and val < 100
                    if used_any and group and not (tens or hundreds):
                        break
                    group += val
                elif kind == "hundred":
                    group = (group or 1.0) * 100
                elif kind == "scale":
                    total += (group or 1.0) * val
                    group = 0.0
                elif kind == "dozen":
                    group = (group or 1.0) * 12
                elif kind == "fraction":
                    # "two-thirds", "three quarters of": a fraction; "three quarters" alone
                    # counts periods
                    hyphenated = doc[j - 1].text == "-"
                    before_of = j + 1 < n and doc[j + 1].lower_ == "of"
                    if not used_any or group == 0 or group >= 20 or not (
                            hyphenated or before_of):
                        break
                    group = group * val
                used_any = True
                last = j
                j += 1
            if not used_any:
                i += 1
                continue
            value = total + group
            first = doc[i]
            lastt = doc[last]
            s, e = first.idx, lastt.idx + len(lastt)
            i = last + 1
            half = _AND_A_HALF.match(text, e)
            if half is not None:
                value += 0.5  # "two and a half years", "two-and-a-half"
                e = half.end()
                i = bisect.bisect_left(starts, e)
            if _inside(blocked, s, e):
                continue
            if first.i > 0 and doc[first.i - 1].lower_ in self._labels and not _ranks_a_count(
                    doc[first.i - 1], doc[last + 1] if last + 1 < n else None):
                continue  # "Formula One", "Section Two"
            if (first.text[:1].isupper() and not first.is_sent_start and last + 1 < n
                    and doc[last + 1].text[:1].isupper() and (
                        doc[last + 1].tag_ in ("NNP", "NNPS") or (
                            doc[last + 1].tag_ == "NNS" and first.i > 0
                            and doc[first.i - 1].lower_ == "the"))):
                continue  # part of a name: "the Six Nations", "the Big Four"
            if (first.text[:1].isupper() and first.i > 0 and not first.is_sent_start
                    and doc[first.i - 1].text[:1].isupper() and doc[first.i - 1].tag_ in (
                        "NNP", "NNPS", "JJ") and last == first.i and not (
                        last + 1 < n and doc[last + 1].tag_ in _NOUN_TAGS)):
                continue  # a name that ends in a number word: "BBC Three", "the Fantastic Four"
            cand = _Cand(s, e, value, s, e, words=True)
            self._suffixes(text, cand)
            if (first.lower_ == "one" and last == first.i and cand.unit is None
                    and not self._one_counts(doc, first)):
                continue
            if (first.lower_ == "one" and first.i > 0 and doc[first.i - 1].lower_ == "at"
                    and cand.unit == "point"):
                continue  # "at one point": some time, not an amount
            if self._attributive_duration(doc, starts, text, cand):
                continue
            if s > 0 and text[s - 1] in "-" and s > 1 and text[s - 2].isalpha():
                continue
            found.append(cand)
        return found

    def _one_counts(self, doc, tok: Token) -> bool:
        """"one" is an amount only before a noun, not in "no one", "one another", "this one"."""
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if prev in ("no", "any", "every", "each", "the", "this", "that", "which", "someone",
                    "another", "only"):
            return False
        if tok.i + 1 >= len(doc):
            return False
        nxt = doc[tok.i + 1]
        if nxt.lower_ in ("another", "day", "time", "way", "thing", "by", "or", "more"):
            return False
        if nxt.lower_ == "point" and prev == "at":
            return False  # "at one point": some time, not an amount
        if nxt.lower_ == "of":
            # "one of the drivers" names a member; "one of the best speakers" ranks it
            after = doc[tok.i + 2 : tok.i + 5]
            return len(after) >= 2 and after[0].lower_ == "the" and (
                after[1].tag_ in ("JJS", "RBS"))
        return nxt.tag_ in ("NN", "NNS", "JJ") and tok.dep_ == "nummod"

    # ------------------------------------------------------------------ ranges

    def _merge_ranges(self, text: str, cands: list[_Cand]) -> list[_Cand]:
        out: list[_Cand] = []
        i = 0
        while i < len(cands):
            a = cands[i]
            if i + 1 < len(cands) and a.value is not None and cands[i + 1].value is not None:
                b = cands[i + 1]
                gap = text[a.end : b.start].strip().lower()
                lead = text[max(0, a.start - 10) : a.start].lower()
                if self._dollars_and_cents(text, a, b, gap):
                    out.append(a)
                    i += 2
                    continue
                inches = _INCHES_AFTER.match(text, b.end)
                if a.unit == "foot" and b.unit is None and gap in ("", "and") and inches:
                    b.unit, b.end = "inch", inches.end()  # "12 ft 2 in": the inches too
                if lead.rstrip().endswith("from") and _FROM_TO_GAP.fullmatch(gap):
                    # "from 30 mpg in town to 34", "from $1,200 at noon to $1,150":
                    # a few words between the two ends of a "from ... to" pair
                    gap = "to"
                    if b.unit is None and not b.scaled and a.unit is not None:
                        b.unit, b.currency = a.unit, a.currency  # "to 23": still mpg
                joins = gap in ("-", "–", "—", "to", "and", "or", "-to-")
                if gap == "and":
                    joins = lead.rstrip().endswith("between")
                if gap == "or":
                    joins = a.unit is None and (b.unit is not None or (a.words and b.words))
                if gap == "to" and a.unit is not None and self._change_in(
                        text[max(0, a.start - 45) : a.start].lower()):
                    joins = False  # "increased by $43.6bn to $419.2bn": a change and a level
                loose = self._change_loose.search(text, max(0, a.start - 40), a.start)
                if gap == "to" and a.unit is not None and a.unit == b.unit and loose:
                    # "raised its key rate 0.5% to 4.25%": the rise and the new level
                    joins = False
                    a.change = Change(self._changes.get(loose.group("w").lower(), "up"))
                if gap == "to" and lead.rstrip().endswith("from") and self._change_in(
                        text[max(0, a.start - 45) : a.start].lower().rstrip()[:-4]):
                    joins = False  # "rose from 5% to 7%": a change, not a range
                compatible = a.unit is None or a.unit == b.unit or (
                    a.currency and b.currency and b.unit and b.unit.startswith(a.unit))
                if (joins and compatible and a.change is None
                        and a.value is not None and b.value is not None):
                    lo = a.value
                    hi = b.value
                    if not a.scaled and b.scaled:
                        mult = _scale_of(b, hi, text)
                        if lo <= hi / mult:  # "3 to 5 million", not "$200 to $4 million"
                            lo = lo * mult
                    if (a.unit is None and b.unit is None and gap in ("-", "–")
                            and lo is not None and hi is not None and hi <= lo
                            and float(lo).is_integer() and float(hi).is_integer()):
                        i += 2  # a score such as "2-0": neither a range nor two amounts
                        continue
                    merged = _Cand(a.start, b.end, None, a.num_start, b.num_end, unit=b.unit,
                                   currency=b.currency, scaled=b.scaled,
                                   range=(float(lo), float(hi)), bound=b.bound,
                                   words=a.words and b.words)
                    out.append(merged)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _dollars_and_cents(self, text: str, a: _Cand, b: _Cand, gap: str) -> bool:
        """ "3 dollars 50 cents", "15 dollars and 50": one amount. Updates ``a`` in place."""
        if gap not in ("", "and") or not a.currency or a.scaled or a.range is not None:
            return False
        if b.start < a.end or a.unit not in self.currency_ids:
            return False  # overlapping, or a rate ("80 cents a kilo")
        if a.unit in ("cent", "penny") or b.value is None or b.range is not None:
            return False
        cents = b.unit in ("cent", "penny") or (
            b.unit is None and float(b.value).is_integer()
            and 0 < b.value < 100 and _CLAUSE_END_NEXT.match(text, b.end) is not None)
        if not cents or a.value is None:
            return False
        a.value = a.value + b.value / 100
        a.end = b.end
        return True

    # ------------------------------------------------------------------ bounds, changes

    def _change_in(self, window: str) -> regex.Match[str] | None:
        """A change word ending the window, after any bound: "rose more than", not "up to"."""
        bound = self._bound_before.search(window)
        if bound is not None:
            window = window[: bound.start()]
        return self._change_before.search(window[-45:])

    def _bound_and_change(self, text: str, cand: _Cand) -> None:
        window = text[max(0, cand.start - 60) : cand.start].lower()
        if window.endswith("between "):
            cand.start -= len("between ")
            window = window[: -len("between ")]
        bound = self._bound_before.search(window)
        if bound is not None:
            phrase = bound.group("b")
            cand.bound = self._bounds.get(phrase, cand.bound)
            cand.start -= len(bound.group())
            window = window[: len(window) - len(bound.group())]
        if cand.unit is None and _AGED_BEFORE.search(
                text[max(0, cand.start - 6) : cand.start]):
            cand.unit = "year_of_age"  # "aged 40", "a woman of age 71"
        change = self._change_before.search(window[-45:])
        if change is None and window.endswith(" by "):
            loose = self._change_loose.search(window[-45:])
            if loose is not None:
                # "to lift exports by 12 per cent": the verb, its object, "by", the amount
                cand.change = Change(self._changes.get(loose.group("w").lower(), "up"))
                return
        if change is None:
            after = self._change_after.match(text, cand.end)
            if after is not None and cand.unit is not None:
                cand.change = Change(self._changes.get(after.group("w").lower(), "up"))
            return
        if change is not None:
            word = change.group("w").lower()
            direction = self._changes.get(word) or self._changes.get(
                _SPACES_HYPHENS.sub(" ", word), "up")
            before = window[: len(window) - len(change.group())]
            if word in ("up", "down") and _LINKING_VERB_END.search(before) is None and (
                    cand.unit is None):
                return
            fillers = change.group()[len(change.group("w")) :].split()
            if fillers and fillers[-1] in ("a", "an") and _NOUN_NEXT.match(text, cand.end):
                return  # "added a 5 km loop": the amount describes a thing added
            if word in self._change_needs_prep and not {"by", "to", "from"} & set(fillers):
                return  # "raised £2m for charity" changes nothing
            if "to" in fillers:
                cand.change = Change(direction, None, cand.value)  # "fell to 4.1%": a level
            elif "from" in fillers:
                cand.change = Change(direction, cand.value, None)
            else:
                cand.change = Change(direction)

    def _link_changes(self, text: str, cands: list[_Cand]) -> None:
        """Give a change its "to" and "from" values: "rose 2% to $11.1bn from $10.9bn"."""
        for i, cand in enumerate(cands):
            if cand.change is None:
                continue
            to_value, from_value = cand.change.to_value, cand.change.from_value
            pos = cand.end
            for other in cands[i + 1 : i + 3]:
                gap = text[pos : other.start].strip(" ,").lower()
                if from_value is not None and to_value is None and _FROM_TO_GAP.fullmatch(gap):
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
        # "Acme was down 1.1%, Zenco by 3.4%": the verb left out, the change carried over
        for prev, cand in itertools.pairwise(cands):
            if (cand.change is None and prev.change is not None
                    and _GAPPED_BY.fullmatch(text, prev.end, cand.start)):
                cand.change = Change(prev.change.direction)
        # "from about 20-25 kg to 30": the bare end of a from-to pair keeps the unit
        for prev, cand in itertools.pairwise(cands):
            if (cand.unit is None and prev.unit is not None and not cand.scaled
                    and cand.value is not None and text[max(0, prev.start - 5) : prev.start]
                    .lower() == "from " and text[prev.end : cand.start].strip() == "to"
                    and not _NOUN_NEXT.match(text, cand.end)):
                cand.unit, cand.currency = prev.unit, prev.currency
        # "the CAC rose by 3 percent but the Nikkei fell by 1": a bare change after a
        # change in percent, in the same sentence, is in percent too
        for prev, cand in itertools.pairwise(cands):
            if (cand.change is not None and prev.change is not None and cand.unit is None
                    and not cand.scaled and cand.range is None and cand.value is not None
                    and prev.unit in ("percent", "percentage_point")
                    and text[cand.start - 3 : cand.start] == "by "
                    and not _NOUN_NEXT.match(text, cand.end)
                    and not _SENTENCE_BREAK.search(text, prev.end, cand.start)):
                cand.unit = prev.unit

    # ------------------------------------------------------------------ vague

    def _vague_quantities(self, doc, text, starts) -> list[_Cand]:
        found = []
        for match in self._vague_re.finditer(text):
            phrase = _SPACES_HYPHENS.sub(" ", match.group("v").lower())
            entry = self._vague.get(phrase) or self._vague.get(match.group("v").lower())
            if entry is None:
                continue
            lo, hi, vague, bound = entry
            s, e = match.span("v")
            if _PERIOD_BEFORE.search(text, max(0, s - 12), s):
                continue  # "the second half of 2004" is a period, not a share
            value = lo if hi is None else None
            rng = (lo, hi) if (lo is not None and hi is not None) else None
            found.append(_Cand(s, e, value, s, e, range=rng, bound=bound, vague=vague,
                               words=True))
        found.extend(self._ratios(doc, text, starts))
        # "most households": "most" as a determiner, not "the most".
        for match in _MOST.finditer(text):
            tok = doc[bisect.bisect_right(starts, match.start()) - 1]
            if (tok.lower_ == "most" and tok.tag_ == "JJS" and tok.i + 1 < len(doc)
                    and doc[tok.i + 1].tag_ == "NNS"
                    and (tok.i == 0 or doc[tok.i - 1].tag_ not in ("DT", "PRP$"))):
                found.append(_Cand(tok.idx, tok.idx + len(tok), None, tok.idx, tok.idx + len(tok),
                                   bound=">", vague=True, words=True))
        return found

    def _ratios(self, doc, text, starts) -> list[_Cand]:
        """ "one in 10 adults", "four out of 5 doctors": a share opened by a number word (one
        opened by digits is read with the digits), unless a verb counts it ("won three in
        ten games")."""
        found = []
        for match in _RATIO_WORD.finditer(text):
            tail = _ONE_IN.match(text, match.end())
            if tail is None or not _WORD_NEXT.match(text, tail.end()):
                continue
            a, b = self._ratio_term(match.group()), self._ratio_term(tail.group(1))
            if a is None or b is None or not 0 < a < b:
                continue
            tok = doc[bisect.bisect_right(starts, match.start()) - 1]
            if tok.i > 0 and doc[tok.i - 1].tag_.startswith("VB"):
                continue
            s, e = match.start(), tail.end()
            found.append(_Cand(s, e, a / b, s, e, words=True))
        return found

    def _ratio_term(self, word: str) -> float | None:
        if word.isdigit():
            return float(word)
        entry = self._number_words.get(word.lower())
        return entry[0] if entry is not None and entry[1] == "unit" else None

    # ------------------------------------------------------------------ counted noun

    def _noun(self, doc: Doc, starts: list[int], cand: _Cand) -> tuple[int, int | None]:
        anchor = _token_at(doc, starts, max(cand.num_end - 1, cand.num_start))
        if anchor is None:
            return 0, None
        if cand.unit is not None:
            return anchor.i, None
        end_tok = _token_at(doc, starts, max(cand.end - 1, cand.start))
        j = (end_tok.i if end_tok is not None else anchor.i) + 1
        if j >= len(doc):
            return anchor.i, None
        if end_tok is not None and end_tok.lower_ == "of":
            j = end_tok.i  # "dozens of systems": read the noun after the "of"
        nxt = doc[j]
        head: Token | None = None
        if nxt.lower_ == "of" and (cand.vague or cand.words or cand.range is not None
                                   or cand.value is not None):
            pobj = [c for c in nxt.children if c.dep_ == "pobj"]
            if pobj and pobj[0].tag_ in _NOUN_TAGS and pobj[0].i - j <= 6:
                head = pobj[0]
                unit = (self._unit_id(head.text) if len(head.text) > 2 and head.text.islower()
                        else None)
                if unit is not None and unit not in self.currency_ids and not cand.vague:
                    cand.unit = unit  # "1/8 of a litre", "a third of a mile": a measure
                    return anchor.i, None
                first = head
                for left in reversed(list(head.lefts)):
                    if left.dep_ in ("amod", "compound", "nmod") and left.i == first.i - 1:
                        first = left
                    elif left.tag_ == "HYPH":
                        continue
                cand.noun = doc_text(doc)[first.idx : head.idx + len(head)]
                return anchor.i, head.i
        # (the head must lie past the amount: in "45m households" the "m" heads the "45")
        if anchor.head.i >= j and anchor.head.tag_ in _NOUN_TAGS and (
                anchor.head.i - anchor.i <= 5) and anchor.dep_ in ("nummod", "amod", "quantmod",
                                                                   "compound", "nmod"):
            head = anchor.head
        elif nxt.tag_ in ("NNS", "NNPS") or (nxt.tag_ == "NN" and nxt.lower_ not in
                                              self._time_words and not cand.vague):
            head = nxt
        # a compound goes on to its last noun: "11 member trade agreement" (not a hyphened
        # "six-cylinder engine", where the amount and its noun make one word)
        glued = head is not None and ("-" in doc_text(doc)[cand.end : head.idx]
                                      or head.lower_ in self._measure_nouns)
        while (head is not None and not glued and head.i + 1 < len(doc) and head.tag_ == "NN"
               and doc[head.i + 1].tag_ in ("NN", "NNS")):
            head = doc[head.i + 1]
        if head is None or head.lower_ in self._time_words or any(
                t.lower_ in ("last", "next", "this", "that", "every", "each", "per")
                for t in doc[j : head.i]):
            return anchor.i, None  # "2.1 last year" counts no years
        unit = (self._unit_id(head.text) if len(head.text) > 2 and head.text.islower()
                else None)
        if unit is not None and unit not in self.currency_ids:
            cand.unit = unit  # "517 rushing yards", "50 previous years": a unit after all
            return anchor.i, None
        first = doc[j]
        while first.i < head.i and (first.is_punct or first.tag_ in ("HYPH", "DT", "VBN", "VBG")):
            first = doc[first.i + 1]
        noun = doc_text(doc)[first.idx : head.idx + len(head)]
        if not any(ch.isalpha() for ch in noun):
            return anchor.i, None
        cand.noun = noun
        return anchor.i, head.i


# ---------------------------------------------------------------------- helpers


def _squeeze(form: str) -> str:
    """A currency prefix as a lookup key: "US $", "US  $" and "us$" are one form."""
    return _SPACES.sub("", form).lower()


def _inherit_in_brackets(text: str, cands: list[_Cand]) -> None:
    """An amount restated in brackets shares the bound and change of the one before it:
    "about 150 hp (112 kW)", "rose 5 degrees (9 F)"; "+0.3%" is a rise."""
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


# Unit letters that also name blocks, streets, lines and grades ("F Block", "C Street").
_NAME_LETTERS = frozenset("CFL")


def _ranks_a_count(label: Token, nxt: Token | None) -> bool:
    """ "the top three seeds" counts seeds; "finished in the top three" only ranks."""
    return label.lower_ in ("top", "bottom") and nxt is not None and nxt.tag_ == "NNS"


_AGE_VERBS = frozenset({"is", "was", "be", "been", "'s", "turned", "turns", "turn", "turning"})


def _a_persons_age(number: Token, nxt: Token | None) -> bool:
    """A bare number that completes "be" or "turn" after a person: "Hingis was 22"."""
    if number.dep_ not in ("attr", "dobj", "acomp") or number.head.lower_ not in _AGE_VERBS:
        return False
    if nxt is not None and nxt.tag_ in ("NN", "NNS", "NNP", "NNPS", "CD", "NFP", "SYM"):
        return False  # "was 22 points", "was 22-14"
    subj = next((c for c in number.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ == "who" and number.head.dep_ == "relcl":
        subj = number.head.head  # "Ms Adeyemi, who is 58"
    return subj is not None and (subj.lower_ in ("he", "she") or subj.ent_type_ == "PERSON"
                                 or (subj.tag_ == "NNP" and not subj.ent_type_))


def _letter_in_a_name(text: str, pos: int, suffix: regex.Match[str]) -> bool:
    """One of those letters set apart from the number and followed by a capitalised word is
    part of a name, not a unit symbol ("a 20 W USB-C charger" keeps its watts)."""
    letter = suffix.group("u")
    if letter not in _NAME_LETTERS or suffix.start("u") == pos:
        return False  # glued ("41C") or a letter that is only a unit
    return text[suffix.end("u") :].lstrip(" ")[:1].isupper()


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s < b or a < e <= b for a, b in spans)


def _token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    if not len(doc):
        return None
    i = bisect.bisect_right(starts, char) - 1
    return doc[max(i, 0)]


def _scale_of(b: _Cand, hi: float, text: str) -> float:
    """The multiplier that turned b's digits into hi ("3 and 5 million": 1e6)."""
    try:
        digits = float(text[b.num_start : b.num_end].replace(",", ""))
    except ValueError:
        return 1.0
    return hi / digits if digits else 1.0


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then by position: a vague "one in five" beats the "one" inside it."""
    kept: list[_Cand] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _to_quantity(text: str, cand: _Cand) -> Quantity:
    start, end = cand.start, cand.end
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    value = cand.value
    if value is not None:
        value = float(f"{value:.12g}")  # 16.4 * 1e6 is 16399999.999999998 in binary
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        range=cand.range,
        unit=cand.unit,
        noun=cand.noun,
        bound=cand.bound,
        change=cand.change,
        vague=cand.vague,
    )


__all__ = ["Found", "QuantityFinder", "Scan"]
