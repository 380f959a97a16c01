"""How sure a claim is: the first hedge word in its clause ("could", "an estimated"), or on the
verb the clause hangs on ("analysts estimate that ...", "is expected to ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.claims.context import DocContext

_NAME_TAGS = ("NNP", "NNPS")
_DATED = ("DATE", "TIME")
_GOVERNED = ("ccomp", "xcomp")
_AUXILIARIES = ("aux", "auxpass")
# How far past the governing verb a hedge may end: "expected to".
_REACH = 3


class Hedges:
    """Finds hedges; build once with the hedge words (longest first)."""

    def __init__(self, hedges: tuple[str, ...]) -> None:
        self._hedge = regex.compile(
            r"(?<![\p{L}])(?:" + "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in hedges)
            + r")(?![\p{L}])",
            regex.IGNORECASE,
        ) if hedges else None

    def __call__(self, ctx: DocContext, head: Token, start: int, end: int) -> Span | None:
        """A hedge inside the clause ``[start, end)`` or on the verb that governs it."""
        if self._hedge is None:
            return None
        match = self._first(ctx, start, end)
        if match is not None:
            return Span.of(ctx.text, *match.span())
        governor = head.head
        if head.dep_ in _GOVERNED and governor is not head:
            lo = governor.idx
            for child in governor.children:
                if child.dep_ in _AUXILIARIES and child.i < governor.i:
                    lo = min(lo, child.idx)
            match = self._first(ctx, lo, governor.idx + len(governor) + _REACH)
            if match is not None:
                return Span.of(ctx.text, *match.span())
        return None

    def _first(self, ctx: DocContext, start: int, end: int) -> regex.Match[str] | None:
        """The first hedge word that is not a name: "May" the month is tagged NNP."""
        assert self._hedge is not None
        for match in self._hedge.finditer(ctx.text, start, end):
            span = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span) and (span[0].tag_ in _NAME_TAGS
                                                   or span[0].ent_type_ in _DATED):
                continue
            return match
        return None
