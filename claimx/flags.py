"""Flags for what a claim is: denied, modal or conditional, and whose voice states it.

Computed from the parse of the claim's clause once the extractors are done, so the claim and
quote extractors stay as they are:

- ``negated``: the clause carries a negation ("did not rise", "never paid", "no longer
  employs"), unless the negation only bounds a number ("not more than 40 people");
- ``modal``: the modal verb of the clause ("would", "could", "may"), else the subordinator
  of a condition on it ("if", "unless"), as a span; None for a claim stated as fact;
- ``voice``: ``sourced`` when the claim is attributed (it has a source, or lies inside a
  quote), else ``reporter``.

A quote is ``negated`` when the main verb of its content, or its cue ("did not say"), is.
The vocabularies are the ``flag_*`` word lists in ``patterns/flags/``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from claimx.doc.text import doc_text, string_ids
from claimx.models import Claim, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from claimx.rules.loader import PatternSet

SOURCED, REPORTER = "sourced", "reporter"


class Flagger:
    """Sets ``negated``, ``modal`` and ``voice`` on claims and ``negated`` on quotes."""

    def __init__(self, patterns: PatternSet) -> None:
        negations = patterns.word_list("flag_negations")
        self.negations = frozenset(w for w in negations if " " not in w)
        self.negation_pairs = frozenset(tuple(w.split()) for w in negations if " " in w)
        self.bound_words = patterns.word_list("flag_bound_words")
        self.modals = patterns.word_list("flag_modals")
        self.conditionals = patterns.word_list("flag_conditionals")
        # Word ids, so a clause's tokens are looked at only where one of these words stands.
        self._may_deny = string_ids(self.negations | {pair[0] for pair in self.negation_pairs})
        self._modal_ids = string_ids(self.modals)
        self._conditional_ids = string_ids(self.conditionals)

    def claims(self, doc: Doc, claims: tuple[Claim, ...],
               quotes: tuple[Quote, ...]) -> tuple[Claim, ...]:
        quoted = [(s.start, s.end) for q in quotes for s in q.content]
        flagged = []
        words = _Words.of(doc) if claims else None
        for claim in claims:
            clause = doc.char_span(claim.start, claim.end, alignment_mode="expand")
            inside = any(s <= claim.start and claim.end <= e for s, e in quoted)
            voice = SOURCED if claim.source is not None or inside else REPORTER
            if clause is None:
                flagged.append(replace(claim, voice=voice))
                continue
            assert words is not None
            flagged.append(replace(claim, negated=self._negated(clause, words),
                                   modal=self._modal(doc, clause, words), voice=voice))
        return tuple(flagged)

    def quotes(self, doc: Doc, quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
        flagged = []
        for quote in quotes:
            heads = [span.root for span in (
                doc.char_span(s.start, s.end, alignment_mode="expand") for s in quote.content[:1]
            ) if span is not None]
            if quote.cue is not None:
                cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
                heads.extend(cue.root for _ in (0,) if cue is not None)
            negated = any(self._denies(child) for head in heads for child in head.children)
            flagged.append(replace(quote, negated=negated))
        return tuple(flagged)

    def _negated(self, clause: SpacySpan, words: _Words) -> bool:
        start, end, doc = clause.start, clause.end, clause.doc
        return any(self._denies(doc[i]) for i in range(start, end)
                   if words.lows[i] in self._may_deny and start <= words.heads[i] < end)

    def _denies(self, token: Token) -> bool:
        """A negation word modifying its head, not one that bounds a number."""
        nxt = token.nbor() if token.i + 1 < len(token.doc) else None
        if nxt is not None and (token.lower_, nxt.lower_) in self.negation_pairs:
            return True
        if token.lower_ not in self.negations or token.dep_ not in ("neg", "advmod", "preconj",
                                                                    "cc", "dep"):
            return False
        return nxt is None or nxt.lower_ not in self.bound_words

    def _modal(self, doc: Doc, clause: SpacySpan, words: _Words) -> Span | None:
        for i in range(clause.start, clause.end):
            if words.lows[i] not in self._modal_ids:
                continue
            token = doc[i]
            if token.tag_ == "MD" and token.lower_ in self.modals:
                return _span(doc, token)
        # "If rates rise, sales could fall": the condition may sit outside the clause; its
        # subordinator marks a clause that modifies the claim's ("Provided" heads its own).
        sent = clause.sent
        for i in range(sent.start, sent.end):
            if words.lows[i] not in self._conditional_ids:
                continue
            token = doc[i]
            if token.lower_ not in self.conditionals:
                continue
            governed = token.head.head if token.dep_ == "mark" else token.head
            if token.dep_ in ("mark", "advcl", "prep") and (
                    clause.start <= governed.i < clause.end):
                return _span(doc, token)
        return None


def _span(doc: Doc, token: Token) -> Span:
    return Span.of(doc_text(doc), token.idx, token.idx + len(token.text))


class _Words:
    """A Doc's word ids and heads as plain lists, read once for all its claims."""

    def __init__(self, lows: list[int], heads: list[int]) -> None:
        self.lows, self.heads = lows, heads

    @classmethod
    def of(cls, doc: Doc) -> _Words:
        from spacy.attrs import HEAD, LOWER

        offsets = doc.to_array(HEAD).astype("int64").tolist()  # a head is an offset: signed
        return cls(doc.to_array(LOWER).tolist(), [i + off for i, off in enumerate(offsets)])
