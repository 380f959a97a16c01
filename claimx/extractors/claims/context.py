"""What the claim builder looks up in one Doc, built once per Doc: ``Token.sent`` and
``Span.ents`` rescan the whole Doc on every call, so their answers are listed here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimx.doc.offsets import index_from

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.doc.sentences import Sentences
    from claimx.extractors.claims.vocabulary import ClaimWords
    from claimx.models import Span

DATE_LABELS = ("DATE", "TIME")


@dataclass(frozen=True)
class DocContext:
    """One Doc, its text, its tokens' start offsets, sentences, dated entities and the
    quantities found in it, with the claim builder's words."""

    doc: Doc
    text: str
    starts: list[int]
    sentences: Sentences
    dates: list[tuple[int, int]]  # DATE/TIME entities that name a time
    quantity_spans: list[tuple[int, int]]
    times: list[tuple[int, int]]  # years, dates and clock times the quantity pass set aside
    words: ClaimWords
    market_names: dict[tuple[int, int], Span | None] = field(default_factory=dict)
    # the phrases that hold a baseline or a comparison ("than the 300 of 2019"): no claim
    # outside one takes its time from it
    asides: list[tuple[int, int]] = field(default_factory=list)
    # the head of each claim's clause: no clause takes in another claim's
    clause_heads: frozenset[int] = frozenset()

    def token_from(self, char: int) -> Token | None:
        """The first token starting at or after ``char``."""
        i = index_from(self.starts, char)
        return self.doc[i] if i < len(self.doc) else None

    def token_ending(self, char: int) -> Token | None:
        """The token whose text ends at ``char`` (the unit of "100 percent")."""
        i = index_from(self.starts, char) - 1
        if 0 <= i < len(self.doc) and self.doc[i].idx + len(self.doc[i]) == char:
            return self.doc[i]
        return None

    def holds_quantity(self, token: Token) -> bool:
        """Whether a quantity lies inside the token's phrase ("for four fillets")."""
        start, last = token.left_edge, token.right_edge
        end = last.idx + len(last)
        return any(start.idx <= a and b <= end for a, b in self.quantity_spans)


def dated_entities(doc: Doc, words: ClaimWords) -> list[tuple[int, int]]:
    """DATE/TIME entities with a digit or a calendar word: the tagger also marks "annual"."""
    return [(e.start_char, e.end_char) for e in doc.ents
            if e.label_ in DATE_LABELS and words.date_words.search(e.text)]
