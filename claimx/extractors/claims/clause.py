"""The clause a quantity is stated in: its head verb, its extent without sibling clauses, cut
at the breaks a clause never spans, and its source."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.doc.offsets import CLAUSE_EDGE_CHARS, Edges, trim
from claimx.extractors.claims.source import find_source
from claimx.extractors.claims.subject.walks import nearest_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from claimx.extractors.claims.context import DocContext
    from claimx.extractors.quantities import Found
    from claimx.models import Quantity, Source

# Dependency labels that open a clause of their own.
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "conj",
                          "acl", "xcomp"})
# Children of a clause head that are other clauses (cut away unless they hold our quantity).
_SPLIT_DEPS = frozenset({"conj", "ccomp", "advcl", "parataxis", "relcl"})
_ATTRIBUTION = "according"  # "according to ...": the source, not the claim
# What lies between two amounts that state one thing twice: "$1.2bn (£950m)", "down 14p at
# 310p".
_RESTATE_GAPS = ("(", "[", "/", "or")
_LEVEL_GAPS = ("at", "to")


@dataclass(frozen=True)
class Clause:
    """A clause's head and extent, its sentence cut at the hard breaks (``s_start``,
    ``s_end``), its source and its subject (``nearest_subject``: every quantity's subject and
    owner ask for it)."""

    head: Token
    subject: Token | None
    sent: SpacySpan
    start: int
    end: int
    s_start: int
    s_end: int
    source: Source | None


def clause_edges(openers: tuple[str, ...]) -> Edges:
    """A clause's edges: spaces, commas, dashes and the conjunction that opens it."""
    return Edges(space=False, chars=CLAUSE_EDGE_CHARS, lead_words=openers)


def clause_head(token: Token) -> Token:
    """The nearest verb-like head that opens a clause, walking up from the quantity."""
    current = token
    for _ in range(30):
        # a verb-like head, but not an xcomp ("plans to cut") or a conjoined noun: those
        # belong to the clause above them
        if current.dep_ in _CLAUSE_DEPS and (
                current.tag_.startswith("VB") or current.dep_ == "ROOT" or current.tag_ == "MD"
        ) and not (current.dep_ == "xcomp" or (
                current.dep_ == "conj" and not current.tag_.startswith("VB"))):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def find_clause(ctx: DocContext, head: Token, members: list[Found],
                breaks: list[tuple[int, int]], edges: Edges) -> Clause | None:
    """The clause of ``head`` that states ``members``, or None when nothing is left of it;
    the clauses of the Doc's other claims (``ctx.clause_heads``) are cut out of it."""
    quantities = [f.quantity for f in members]
    sent = ctx.sentences.of(members[0].token)
    start, end = _extent(ctx.doc, head, {f.token for f in members}, sent, ctx.clause_heads)
    first_q = min(q.start for q in quantities)
    last_q = max(q.end for q in quantities)
    start = min(start, first_q)
    end = max(end, last_q)
    left = max([0, *(e for _, e in breaks if e <= first_q)])
    right = min([len(ctx.text), *(b for b, _ in breaks if b >= last_q)])
    start, end = max(start, left), min(end, right)
    s_start, s_end = max(sent.start_char, left), min(sent.end_char, right)
    start, end = trim(ctx.text, start, end, edges)
    if end <= start:
        return None
    source = find_source(ctx, head, sent)
    if source is not None and any(q.start < source.end and source.start < q.end
                                  for q in quantities):
        source = None  # "half of the voters polled said": the claim itself, not its source
    return Clause(head, nearest_subject(head, ctx.words), sent, start, end, s_start, s_end,
                  source)


def _extent(doc: Doc, head: Token, anchors: set[int], sent: SpacySpan,
            other_heads: Iterable[int] = ()) -> tuple[int, int]:
    """Char extent of the clause: the head's subtree without the sibling clauses, the
    attribution ("according to ...") and the later clauses of other claims ("close 20% of
    its plants and shed 10% of staff": the second is a claim of its own, hung lower) that
    do not hold the claim's quantities."""
    cut: set[int] = set()
    # only those after the head: one inside the subject ("the mill, which employs 600,
    # produced ...") would cut the subject off the claim
    inner = [doc[i] for i in other_heads if head.i < i <= head.right_edge.i]
    for child in [*head.children, *inner]:
        drop = child.dep_ in _SPLIT_DEPS or child.dep_ == "cc" or (
            child.lower_ == _ATTRIBUTION) or child in inner
        if drop:
            sub = range(child.left_edge.i, child.right_edge.i + 1)
            if not any(a in sub for a in anchors):
                cut.update(sub)
                if child in inner and sub.start > 0 and doc[sub.start - 1].dep_ == "cc":
                    cut.add(sub.start - 1)  # the "and" before the cut clause
    # The (projective) subtree spans left_edge..right_edge; keep the contiguous run around the
    # head, by index, without building Token objects.
    first = max(head.left_edge.i, sent.start)
    last = min(head.right_edge.i, sent.end - 1)
    lo = hi = head.i
    while lo - 1 >= first and lo - 1 not in cut:
        lo -= 1
    while hi + 1 <= last and hi + 1 not in cut:
        hi += 1
    for a in anchors:
        lo, hi = min(lo, a), max(hi, a)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def restates(text: str, prev: Quantity, q: Quantity) -> bool:
    """The same thing again right after another amount: a conversion ("$1.2bn (£950m)") or
    the level after a move ("down 14p at 310p", "up 5% to $84", "from 6% to 4%")."""
    gap = text[prev.end : q.start].strip()
    if gap in _RESTATE_GAPS:
        return prev.unit != q.unit
    return gap in _LEVEL_GAPS and (prev.change is not None or prev.unit == q.unit)


def converts(text: str, prev: Quantity, q: Quantity) -> bool:
    """``q`` gives ``prev`` again in another unit: "$1.2bn (£950m)", "900 jobs, or 4%"."""
    gap = text[prev.end : q.start].strip()
    if prev.noun is not None and gap.startswith(prev.noun):
        gap = gap[len(prev.noun) :]  # past the counted noun: "jobs, or"
    return gap.strip(" ,") in _RESTATE_GAPS and prev.unit != q.unit
