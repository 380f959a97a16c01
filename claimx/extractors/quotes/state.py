"""The state of reading one document for quotes, shared by the quote readers: the parse,
paragraph numbers, which tokens stand inside quotation marks, and which cues are taken."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text
from claimx.extractors.quotes.marks import paragraph_ids

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimx.extractors.quotes.extractor import QuoteExtractor
    from claimx.extractors.quotes.resolver import SpeakerResolver
    from claimx.models import Entity


class RunState:
    """State for one document."""

    # Set by _Run.quotes in quotes.py once the marks are paired.
    in_marks: list[int]  # inside any pair of marks, even a scare quote
    speakers: SpeakerResolver
    nick_marks: set[int]  # marks of a nickname inside a name

    def __init__(self, ex: QuoteExtractor, doc: Doc, entities: Sequence[Entity]) -> None:
        self.ex = ex
        self.doc = doc
        self.text = doc_text(doc)
        self.n = len(doc)
        self.par = paragraph_ids(doc)
        self.entities = entities
        self.in_quote = [-1] * self.n
        self.used_cues: set[int] = set()
        self.after_cues: dict[int, int] = {}  # cue after a quote -> that quote's closing mark
        self.according: dict[int, int] = {}  # "according" token -> end of the phrase
        self.phrase_cues: dict[int, int] = {}  # "put it" and the like -> end of the phrase
        for span in ex.phrases(doc):
            if span.id_ == "according-to":
                self.according[span.start] = span.end
            elif span.id_ == "put-it":
                self.phrase_cues[span.start] = span.end
