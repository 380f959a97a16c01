"""Quantified claims: each clause that states quantities, with what is measured (subject), who
says so (source), when (time), how sure (hedge) and what kind of claim it is.

Quantities come from ``claimx.extractors.quantities``; each one's role (``roles.py``), the
clause (``clause.py``), subject and owner (``subject/``), source (``source.py``), time
(``dates.py``), hedge (``hedge.py``) and kind (``kinds.py``) from the dependency parse; the
words from ``patterns/claims/`` (and the shared ``cue_verbs.txt`` for speech verbs), read once
by ``vocabulary.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from claimx.doc.offsets import trim
from claimx.doc.sentences import SentenceBreaks, Sentences
from claimx.doc.text import doc_text
from claimx.extractors.claims.clause import (
    Clause,
    clause_edges,
    clause_head,
    find_clause,
    restates,
)
from claimx.extractors.claims.context import DocContext, dated_entities
from claimx.extractors.claims.dates import claim_time
from claimx.extractors.claims.hedge import Hedges
from claimx.extractors.claims.kinds import claim_kind
from claimx.extractors.claims.roles import BASELINE, COMPARISON, Roles
from claimx.extractors.claims.subject import find_owner, find_subject
from claimx.extractors.claims.vocabulary import claim_words
from claimx.extractors.quantities import Found, QuantityFinder
from claimx.models import Claim, Furniture, Quantity, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from claimx.rules.loader import PatternSet

Key = tuple[int, int] | None  # a subject's offsets, None for no subject
# Roles whose quantity is set beside the claim's own: the claim is not about them.
_ASIDE_ROLES = (BASELINE, COMPARISON)


class ClaimExtractor:
    """Turns a parsed Doc into Claims: one per clause that states at least one quantity."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        self.quantities = QuantityFinder(nlp, patterns)
        self.words = claim_words(patterns)
        self._breaks = SentenceBreaks(self.words.abbreviations)
        self._edges = clause_edges(self.words.clause_openers)
        self._hedges = Hedges(self.words.hedges)
        self._roles = Roles.of(patterns)

    def __call__(self, doc: Doc, *, furniture: Sequence[Furniture] = ()) -> list[Claim]:
        if not len(doc):
            return []
        scan = self.quantities(doc)
        if not scan.quantities:
            return []
        text = doc_text(doc)
        breaks = self._breaks(text)
        sentences = Sentences(doc)
        quantities, asides = self._roles(doc, sentences, scan.quantities)
        fences = [(f.start, f.end) for f in furniture]
        groups: dict[int, list[Found]] = {}
        for found in quantities:
            q = found.quantity
            if any(a <= q.start and q.end <= b for a, b in fences):
                continue
            groups.setdefault(clause_head(doc[found.token]).i, []).append(found)
        ctx = DocContext(doc, text, scan.starts, sentences, dated_entities(doc, self.words),
                         [(f.quantity.start, f.quantity.end) for f in quantities],
                         scan.times, self.words, asides=asides, clause_heads=frozenset(groups))
        claims: list[Claim] = []
        for key in sorted(groups, key=lambda k: groups[k][0].quantity.start):
            claim = self._claim(ctx, doc[key], groups[key], breaks)
            if claim is not None and not any(a <= claim.start and claim.end <= b
                                             for a, b in fences):
                claims.append(claim)
        return [replace(c, id=f"c{i}") for i, c in enumerate(_one_per_span(claims), 1)]

    def _claim(self, ctx: DocContext, head: Token, members: list[Found],
               breaks: list[tuple[int, int]]) -> Claim | None:
        """The one claim of a clause, with every quantity it states. Each quantity keeps what
        it measures and whose it is ("Norvik will cut 900 jobs, or 4% of its staff": a count
        about Norvik, a share of its staff); the claim's are those of its first level or
        change, a baseline's or comparison's only when it has nothing else."""
        clause = find_clause(ctx, head, members, breaks, self._edges)
        if clause is None:
            return None
        by_subject, subjects = _by_subject(ctx, clause, members)
        measured: dict[int, tuple[Span | None, Span | None]] = {}
        for key, group in by_subject.items():
            owner = find_owner(ctx, clause, group[0], subjects[key])
            measured.update({f.quantity.start: (subjects[key], owner) for f in group})
        quantities = tuple(replace(f.quantity, subject=measured[f.quantity.start][0],
                                   owner=measured[f.quantity.start][1]) for f in members)
        main = min(quantities, key=lambda q: (q.role in _ASIDE_ROLES, q.subject is None))
        text = ctx.text
        return Claim(
            id="",
            start=clause.start,
            end=clause.end,
            text=text[clause.start : clause.end],
            sentence=Span.of(text, *trim(text, clause.s_start, clause.s_end, self._edges)),
            kind=claim_kind(ctx.words, quantities, text[clause.start : clause.end]),
            quantities=quantities,
            subject=main.subject,
            owner=main.owner,
            source=clause.source,
            time=claim_time(ctx, clause.sent, clause.start, clause.end),
            hedge=self._hedges(ctx, head, clause.start, clause.end),
        )


def _by_subject(ctx: DocContext, clause: Clause, members: list[Found]
                ) -> tuple[dict[Key, list[Found]], dict[Key, Span | None]]:
    """The clause's quantities grouped by the thing each measures, and those things."""
    by_subject: dict[Key, list[Found]] = {}
    subjects: dict[Key, Span | None] = {None: None}
    previous: tuple[Quantity, Span | None] | None = None
    for found in members:
        q = found.quantity
        if previous is not None and restates(ctx.text, previous[0], q):
            subject = previous[1]  # "$1.2bn (£950m)": the same thing in another unit
        else:
            subject = find_subject(ctx, clause, found)
        previous = (q, subject)
        if subject is not None and not (clause.start <= subject.start
                                        and subject.end <= clause.end) and (
                not (clause.s_start <= subject.start and subject.end <= clause.s_end)):
            subject = None
        key = (subject.start, subject.end) if subject is not None else None
        subjects[key] = subject
        by_subject.setdefault(key, []).append(found)
    _join_loose(by_subject)
    return by_subject, subjects


def _join_loose(by_subject: dict[Key, list[Found]]) -> None:
    """Amounts with no subject of their own join the clause's first claim ("... to 287
    miles"); a count names what it counts, so it stays a claim of its own."""
    loose = [f for f in by_subject.get(None, []) if f.quantity.noun is None]
    if not loose or len(by_subject) <= 1:
        return
    counts = [f for f in by_subject.pop(None) if f.quantity.noun is not None]
    if counts:
        by_subject[None] = counts
    first_key = min((k for k in by_subject if k is not None),
                    key=lambda k: by_subject[k][0].quantity.start)
    by_subject[first_key] = sorted([*by_subject[first_key], *loose],
                                   key=lambda f: f.quantity.start)



def _one_per_span(claims: list[Claim]) -> list[Claim]:
    """Two clause heads whose clauses cover the same words make one claim, not two."""
    by_span: dict[tuple[int, int], Claim] = {}
    for claim in claims:
        same = by_span.get((claim.start, claim.end))
        if same is not None:
            merged = {q.start: q for q in (*same.quantities, *claim.quantities)}
            claim = replace(same, quantities=tuple(merged[k] for k in sorted(merged)))
        by_span[(claim.start, claim.end)] = claim
    return list(by_span.values())


__all__ = ["ClaimExtractor"]
