"""spaCy pipeline components: claimx's one execution path.

Each component runs one claimx extractor and stores its records on the Doc
(``doc._.claimx_furniture``, ``_entities``, ``_claims``, ``_quotes``) and their spans in
``doc.spans["claimx_<kind>"]``; warnings about the document (a rule stopped by its time
limit) go to ``doc._.claimx_problems``. Later components read earlier ones' results, so they
run in the order furniture, entities, claims, quotes (each factory declares what it requires
and assigns). Any spaCy user can ``nlp.add_pipe("claimx_quotes")`` through the
``spacy_factories`` entry point; claimx's own Extractor runs the same component objects
(``claimx_components``) over each parsed Doc.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from claimx.doc.text import doc_text
from claimx.models import Problem
from claimx.rules.loader import PatternSet, load_patterns

if TYPE_CHECKING:
    from claimx.extractors.claims import ClaimExtractor
    from claimx.extractors.entities import EntityExtractor
    from claimx.extractors.furniture import FurnitureFinder
    from claimx.extractors.quotes import QuoteExtractor

# The record kinds the components store, in the order they run.
COMPONENT_KINDS = ("furniture", "entities", "claims", "quotes")
PROBLEMS = "claimx_problems"
for _name in (*(f"claimx_{kind}" for kind in COMPONENT_KINDS), PROBLEMS):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_PARSE = ["token.tag", "token.dep", "token.is_sent_start"]


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


def records(doc: Doc, kind: str) -> list[Any]:
    """The records an earlier component stored (none when it did not run)."""
    return getattr(doc._, f"claimx_{kind}") or []


def problems(doc: Doc) -> list[Problem]:
    """The warnings the components recorded about this Doc."""
    return list(getattr(doc._, PROBLEMS) or [])


def furniture_component(finder: FurnitureFinder) -> ClaimxComponent:
    """The furniture component; it starts the Doc's list of problems afresh."""

    def run(doc: Doc) -> list[Any]:
        scan = finder.scan(doc_text(doc))
        setattr(doc._, PROBLEMS, scan.problems)
        return list(scan.furniture)

    return ClaimxComponent("furniture", run)


def after_furniture(kind: str, extractor: Callable[..., list[Any]]) -> ClaimxComponent:
    """A component for an extractor that reads the furniture found before it."""
    return ClaimxComponent(kind, lambda doc: extractor(doc, furniture=records(doc, "furniture")))


def after_entities(kind: str, extractor: Callable[..., list[Any]]) -> ClaimxComponent:
    """A component for an extractor that reads the entities and furniture found before it."""
    return ClaimxComponent(
        kind,
        lambda doc: extractor(
            doc, entities=records(doc, "entities"), furniture=records(doc, "furniture")
        ),
    )


def claimx_components(
    furniture: FurnitureFinder,
    entities: EntityExtractor | None,
    claims: ClaimExtractor | None,
    quotes: QuoteExtractor | None,
) -> list[ClaimxComponent]:
    """The components of the extractors given, in the order they must run."""
    components = [furniture_component(furniture)]
    if entities is not None:
        components.append(after_furniture("entities", entities))
    if claims is not None:
        components.append(after_furniture("claims", claims))
    if quotes is not None:
        components.append(after_entities("quotes", quotes))
    return components


def _patterns(paths: Sequence[str]) -> PatternSet:
    return load_patterns(list(paths))


@Language.factory(
    "claimx_furniture",
    default_config={"patterns": []},
    requires=["token.idx"],
    assigns=["doc._.claimx_furniture", "doc._.claimx_problems", "doc.spans"],
)
def make_furniture(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.furniture import FurnitureFinder

    return furniture_component(FurnitureFinder(nlp, _patterns(patterns)))


@Language.factory(
    "claimx_entities",
    default_config={"patterns": []},
    requires=["doc.ents", *_PARSE, "doc._.claimx_furniture"],
    assigns=["doc._.claimx_entities", "doc.spans"],
)
def make_entities(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.entities import EntityExtractor

    return after_furniture("entities", EntityExtractor(nlp, _patterns(patterns)))


@Language.factory(
    "claimx_claims",
    default_config={"patterns": []},
    requires=["doc.ents", *_PARSE, "doc._.claimx_furniture"],
    assigns=["doc._.claimx_claims", "doc.spans"],
)
def make_claims(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.claims import ClaimExtractor

    return after_furniture("claims", ClaimExtractor(nlp, _patterns(patterns)))


@Language.factory(
    "claimx_quotes",
    default_config={"patterns": []},
    requires=["doc.ents", *_PARSE, "doc._.claimx_entities", "doc._.claimx_furniture"],
    assigns=["doc._.claimx_quotes", "doc.spans"],
)
def make_quotes(nlp: Language, name: str, patterns: list[str]) -> ClaimxComponent:
    from claimx.extractors.quotes import QuoteExtractor

    return after_entities("quotes", QuoteExtractor(nlp, _patterns(patterns)))
