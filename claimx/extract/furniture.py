"""News furniture: datelines, bylines, wire tags, "Read more", disclaimers (stub, to be built)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.models import Furniture

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.patterns import PatternSet


class FurnitureFinder:
    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.patterns = patterns

    def __call__(self, doc: Doc) -> list[Furniture]:
        return []
