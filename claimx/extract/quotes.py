"""Quotes (stub, to be built)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimx.models import Quote, Entity, Furniture

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.patterns import PatternSet


class QuoteExtractor:
    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.patterns = patterns

    def __call__(
        self, doc: Doc, *, entities: Sequence[Entity] = (), furniture: Sequence[Furniture] = ()
    ) -> list[Quote]:
        return []
