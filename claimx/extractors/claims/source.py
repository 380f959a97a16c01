"""Who a claim is attributed to: "according to X", a speech verb that governs the clause ("the
company said profits rose"), or a body of evidence ("census data shows")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.claims.phrase import np_span
from claimx.extractors.claims.subject.walks import clause_subject, has_prep, pobjs
from claimx.models import Source

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from claimx.extractors.claims.context import DocContext

ACCORDING_TO = "according to"
# The way up to a speech verb that attributes the clause below it ("said profits rose"),
# unlike one the claim is only an object of ("booked earnings of $3bn").
_COMPLEMENTS = ("ccomp", "parataxis", "xcomp", "conj")
# A speech verb parsed as a child of the clause: "..., the company said."
_TRAILING = ("parataxis", "ccomp", "advcl")
_EVIDENCE_PREPS = ("from", "by", "of")  # "figures from the agency"
_EVIDENCE_MODIFIERS = ("compound", "poss", "nmod", "amod")
_NOUN_TAGS = ("NNP", "NNPS", "NN", "NNS")
_AT = "at"  # "put the cost at $5bn"
_AS = "as"  # "as the firm said": the one subordinator that attributes


def find_source(ctx: DocContext, head: Token, sent: SpacySpan) -> Source | None:
    """The source of the clause headed by ``head``, or None."""
    return (_according_to(ctx, sent) or _governing_cue(ctx, head)
            or _trailing_cue(ctx, head))


def _attributed(ctx: DocContext, subj: Token, cue: str) -> Source:
    span = np_span(subj, ctx.words)
    return Source(span.start, span.end, span.text, cue)


def _according_to(ctx: DocContext, sent: SpacySpan) -> Source | None:
    """"according to the Ministry" (the text test spares a walk over every sentence)."""
    if ACCORDING_TO[1:] not in ctx.text[sent.start_char : sent.end_char]:
        return None
    doc = ctx.doc
    first, second = ACCORDING_TO.split()
    for tok in sent:
        if tok.lower_ == first and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == second:
            objects = pobjs(doc[tok.i + 1])
            if objects:
                span = np_span(objects[0], ctx.words, keep_preps=True)
                return Source(span.start, span.end, span.text, ACCORDING_TO)
    return None


def _governing_cue(ctx: DocContext, head: Token) -> Source | None:
    """"the company said" / "X told Reuters" governing the clause. The clause's own verb
    attributes only if it is a reporting verb ("the firm reported profits of $5m"); a verb
    above it only if the claim is its complement ("the firm said profits rose"), not "posted a
    profit of $2bn, up 9%"."""
    words = ctx.words
    token = head
    came_by = "ccomp"
    for step in range(4):
        speech = words.reporting if step == 0 else (
            words.speech if came_by in _COMPLEMENTS else ())
        if token.lower_ in speech and token.tag_.startswith("VB"):
            subj = clause_subject(token)
            if subj is not None:
                return _attributed(ctx, subj, token.lower_)
        if token.lower_ in words.data_verbs and token.tag_.startswith("VB") and (
                token.lower_ not in words.at_verbs or has_prep(token, _AT)):
            subj = clause_subject(token)
            if subj is not None:
                return _data_source(ctx, subj, token)
        if token.head.i == token.i:
            break
        came_by = token.dep_
        token = token.head
    return None


def _trailing_cue(ctx: DocContext, head: Token) -> Source | None:
    """"..., the company said." parsed with the speech verb as a child of our clause."""
    for child in head.children:
        if child.dep_ in _TRAILING and child.lower_ in ctx.words.speech \
                and not _event_clause(child):
            subj = clause_subject(child)
            if subj is not None:
                return _attributed(ctx, subj, child.lower_)
    return None


def _event_clause(verb: Token) -> bool:
    """"Shares fell after the firm said ...": an adverbial clause a subordinator other than
    "as" opens ("after", "because", "when") tells when or why something happened and
    attributes nothing ("as the firm said" does)."""
    return verb.dep_ == "advcl" and any(
        (c.dep_ == "mark" and c.lower_ != _AS) or (c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in verb.lefts)


def _data_source(ctx: DocContext, subj: Token, verb: Token) -> Source:
    """"ITU data shows": the source is ITU, the cue "data shows"."""
    if subj.lower_ in ctx.words.data_nouns:
        cue = f"{subj.text} {verb.text}".lower()
        named = _named_evidence(ctx, subj, cue)
        if named is not None:
            return named
    return _attributed(ctx, subj, verb.lower_)


def _named_evidence(ctx: DocContext, subj: Token, cue: str) -> Source | None:
    """Who the evidence is from: "figures from the agency", "the agency's figures"."""
    doc, text = ctx.doc, ctx.text
    for child in subj.children:
        if child.dep_ == "prep" and child.lower_ in _EVIDENCE_PREPS:
            objects = pobjs(child)
            if objects:
                span = np_span(objects[0], ctx.words)
                return Source(span.start, span.end, span.text, cue)
    mods = [c for c in subj.lefts if c.dep_ in _EVIDENCE_MODIFIERS and c.tag_ in _NOUN_TAGS]
    if not mods:
        return None
    first = min(t.left_edge.i for t in mods)
    last = max(t.i for t in mods)
    s, e = doc[first].idx, doc[last].idx + len(doc[last])
    if doc[last].tag_ == "POS" or text[s:e].endswith("'s"):
        e -= 2
    return Source(s, e, text[s:e], cue)
