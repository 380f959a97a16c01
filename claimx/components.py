"""spaCy pipeline components, so any spaCy user can ``nlp.add_pipe("claimx_quotes")``.

Each component runs one claimx extractor and stores its records on the Doc
(``doc._.claimx_furniture``, ``_entities``, ``_claims``, ``_quotes``) and their spans in
``doc.spans["claimx_<kind>"]``. Later components read earlier ones' results, so add them in
the order furniture, entities, claims, quotes. Registered through the ``spacy_factories``
entry point; claimx's own Extractor calls the extractors directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimx.rules.loader import PatternSet, load_patterns

KINDS = ("furniture", "entities", "claims", "quotes")
for _kind in KINDS:
    if not Doc.has_extension(f"claimx_{_kind}"):
        Doc.set_extension(f"claimx_{_kind}", default=None)


def _record_span(record: Any) -> tuple[int, int]:
    if hasattr(record, "start"):
        return record.start, record.end
    if hasattr(record, "content"):  # a quote: from its first content span to its last
        return record.content[0].start, record.content[-1].end
    first = record.mentions[0]  # an entity: its first mention
    return first.start, first.end


class ClaimxComponent:
    """Runs one extractor over each Doc and stores the records on it."""

    def __init__(self, kind: str, run: Callable[[Doc], list[Any]]) -> None:
        self.kind = kind
        self.run = run

    def __call__(self, doc: Doc) -> Doc:
        records = self.run(doc)
        setattr(doc._, f"claimx_{self.kind}", records)
        spans = []
        for record in records:
            start, end = _record_span(record)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[f"claimx_{self.kind}"] = spans
        return doc


def _patterns(paths: Sequence[str]) -> PatternSet:
    return load_patterns(list(paths))


def _earlier(doc: Doc, kind: str) -> list[Any]:
    return getattr(doc._, f"claimx_{kind}") or []


def _after_furniture(kind: str, extractor: Callable[..., list[Any]]) -> ClaimxComponent:
    """A component for an extractor that reads the furniture found before it."""
    return ClaimxComponent(kind, lambda doc: extractor(doc, furniture=_earlier(doc, "furniture")))


def _after_entities(kind: str, extractor: Callable[..., list[Any]]) -> ClaimxComponent:
    """A component for an extractor that reads the entities and furniture found before it."""
    return ClaimxComponent(
        kind,
        lambda doc: extractor(
            doc, entities=_earlier(doc, "entities"), furniture=_earlier(doc, "furniture")
        ),
    )


@Language.factory("claimx_furniture", default_config={"patterns": []})
def make_furniture(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.furniture import FurnitureFinder

    finder = FurnitureFinder(nlp, _patterns(patterns))
    return ClaimxComponent("furniture", finder)


@Language.factory("claimx_entities", default_config={"patterns": []})
def make_entities(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.entities import EntityExtractor

    return _after_furniture("entities", EntityExtractor(nlp, _patterns(patterns)))


@Language.factory("claimx_claims", default_config={"patterns": []})
def make_claims(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.claims import ClaimExtractor

    return _after_furniture("claims", ClaimExtractor(nlp, _patterns(patterns)))


@Language.factory("claimx_quotes", default_config={"patterns": []})
def make_quotes(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.quotes import QuoteExtractor

    return _after_entities("quotes", QuoteExtractor(nlp, _patterns(patterns)))
