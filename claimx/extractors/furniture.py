"""News furniture: datelines, bylines, wire tags, "Read more", disclaimers, ids and footers.

Furniture states no facts, so the claim and quote extractors drop what falls inside it, and the
entity extractor keeps only real names there. The rules are regular expressions in
``patterns/furniture*.jsonl``; each rule's label is the furniture kind. They run on the raw text,
so spans keep the exact character offsets of the input (no snapping to tokens).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.text import doc_text
from claimx.models import Furniture

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.rules.loader import PatternSet

KINDS = ("dateline", "byline", "wire_tag", "read_more", "disclaimer", "id", "footer")


class FurnitureFinder:
    """Finds page furniture in a parsed document with the ``furniture`` regex rules.

    Overlapping matches are resolved left to right, longest first, so the result is a sorted
    list of disjoint spans.
    """

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.patterns = patterns
        self._rules: list[tuple[regex.Pattern[str], str]] = []
        for name in sorted(patterns.rules):
            if not name.startswith("furniture"):
                continue
            for rule in patterns.rules_for(name):
                if rule.regex is None:
                    continue  # furniture is found on the raw text; token rules do not apply
                flags = regex.IGNORECASE if "i" in rule.flags else 0
                self._rules.append((regex.compile(rule.regex, flags), rule.label))

    def __call__(self, doc: Doc) -> list[Furniture]:
        return self.find(doc_text(doc))

    def find(self, text: str) -> list[Furniture]:
        """Furniture spans of a plain text (what ``__call__`` runs on the Doc's text)."""
        found: list[tuple[int, int, str]] = []
        for compiled, kind in self._rules:
            try:
                for match in compiled.finditer(text, timeout=1.0):
                    start, end = _trim(text, match.start(), match.end())
                    if end > start:
                        found.append((start, end, kind))
            except TimeoutError:
                continue  # a pathological text must not hang the batch
        found.sort(key=lambda f: (f[0], -f[1]))
        result: list[Furniture] = []
        last_end = -1
        for start, end, kind in found:
            if start < last_end:
                continue
            result.append(Furniture(start, end, text[start:end], kind))
            last_end = end
        return result


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a match so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def inside(start: int, end: int, furniture: list[Furniture] | tuple[Furniture, ...]) -> str | None:
    """The kind of the furniture span that contains ``[start, end)``, or None."""
    for item in furniture:
        if item.start <= start and end <= item.end:
            return item.kind
        if item.start >= end:
            break
    return None
