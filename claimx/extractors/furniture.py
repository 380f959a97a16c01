"""News furniture: datelines, bylines, wire tags, "Read more", disclaimers, ids, footers and
tables.

Furniture states no facts, so the claim and quote extractors drop what falls inside it, and the
entity extractor keeps only real names there. The rules are regular expressions in
``patterns/furniture/furniture.jsonl`` (and a user's ``furniture.jsonl``); each rule's label is
the furniture kind, as ``patterns/furniture/schema.json`` lists them. They run through the rule
matcher on the raw text, so spans keep the exact character offsets of the input (no snapping to
tokens). Tables (kind ``table``) are found by the shape of their lines (``tables.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.doc.offsets import trim
from claimx.doc.text import doc_text
from claimx.extractors.tables import find_tables
from claimx.models import Furniture, Problem
from claimx.rules.matcher import RuleMatcher

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.rules.loader import PatternSet
    from claimx.rules.model import Rule

RULE_SET = "furniture"
TABLE = "table"  # the kind of a table block
# A furniture rule that runs longer than this on one text is stopped (and reported), so a
# pathological text cannot hang the batch.
RULE_TIMEOUT_SECONDS = 1.0


@dataclass(frozen=True)
class FurnitureScan:
    """The furniture of one text, and a warning for each rule stopped by its time limit."""

    furniture: list[Furniture]
    problems: list[Problem]


class FurnitureFinder:
    """Finds page furniture in a parsed document with the ``furniture`` regex rules.

    Overlapping matches are resolved left to right, longest first, so the result is a sorted
    list of disjoint spans.
    """

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.patterns = patterns
        # Furniture is found on the raw text; token and phrase rules do not apply to it.
        rules = [rule for rule in patterns.rules_for(RULE_SET) if rule.regex is not None]
        self._matcher = RuleMatcher(nlp, rules)

    def __call__(self, doc: Doc) -> list[Furniture]:
        return self.find(doc_text(doc))

    def find(self, text: str) -> list[Furniture]:
        """Furniture spans of a plain text (what ``__call__`` runs on the Doc's text)."""
        return self.scan(text).furniture

    def scan(self, text: str) -> FurnitureScan:
        """The furniture of a plain text, with a non-fatal Problem for each timed-out rule."""
        found: list[tuple[int, int, str]] = []
        stopped: list[Rule] = []
        for match in self._matcher.text_matches(_lf_lines(text), timeout=RULE_TIMEOUT_SECONDS,
                                                timed_out=stopped):
            start, end = trim(text, match.start, match.end)
            if end > start:
                found.append((start, end, match.rule.label))
        found.extend((start, end, TABLE) for start, end in find_tables(text))
        problems = [Problem("rule-timeout", f"furniture rule {rule.id or rule.label!r} "
                            f"({rule.where}) stopped after {RULE_TIMEOUT_SECONDS}s; its "
                            "furniture may be missing", fatal=False) for rule in stopped]
        return FurnitureScan(_disjoint(text, found), problems)


def _lf_lines(text: str) -> str:
    """The text with CRLF and CR line ends made LF, keeping its length, so that the rules'
    ``^``, ``$`` and ``\\n`` see the lines of any file and offsets stay the input's."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


def _disjoint(text: str, found: list[tuple[int, int, str]]) -> list[Furniture]:
    """Left to right, longest first; a span overlapping an earlier one is dropped."""
    found.sort(key=lambda f: (f[0], -f[1]))
    result: list[Furniture] = []
    last_end = -1
    for start, end, kind in found:
        if start < last_end:
            continue
        result.append(Furniture(start, end, text[start:end], kind))
        last_end = end
    return result


def inside(start: int, end: int, furniture: list[Furniture] | tuple[Furniture, ...]) -> str | None:
    """The kind of the furniture span that contains ``[start, end)``, or None."""
    for item in furniture:
        if item.start <= start and end <= item.end:
            return item.kind
        if item.start >= end:
            break
    return None
