"""Reports built on "be", where the parse hangs the report on the copula:

- a cue noun that is the subject of "be" with a "that" clause: "Lee's argument is that ...",
  "the view of the board was that ...", "the claim is that ...". The clause is reported, said
  by the noun's owner (its possessor, or the object of its "of", "by" or "from"), or by
  nobody named when it has none. (The noun's own "that" clause, "the claim that ...", is
  read with the other reports: reported.)
- "That is what Lee said": the sentence before, in the same paragraph, is Lee's words, when
  no quotation mark or cue of its own stands in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import end_char
from claimx.extractors.quotes.bounds import clip
from claimx.extractors.quotes.helpers import cue_span, pobj_of
from claimx.extractors.quotes.reported import MIN_CLAIM_WORDS, Report, clause_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

# Prepositions whose object owns a cue noun ("the view of the board").
_OWNER_PREPS = frozenset({"of", "by", "from"})
# "That is what ...", "This was what ...".
_DEMONSTRATIVES = frozenset({"that", "this"})
# Forms of "be" (the pipeline runs no lemmatizer).
_BE = frozenset({"is", "was", "are", "were", "be", "been", "'s"})


def copular_reports(ctx: QuoteContext) -> list[Report]:
    """The reports of cue nouns that are the subject of "be" with a "that" clause, and of
    the sentence before "That is what X said"."""
    found = [r for i in sorted(ctx.cue_tokens.speech_verbs)
             if (r := _what_was_said(ctx, ctx.doc[i])) is not None]
    for i in sorted(ctx.cue_tokens.report_nouns):
        noun = ctx.doc[i]
        if noun.dep_ != "nsubj" or noun.head.lower_ not in _BE or i in ctx.cues.used \
                or ctx.in_quote[i] >= 0 or ctx.in_marks[i] >= 0:
            continue
        report = _report(ctx, noun)
        if report is not None:
            found.append(report)
    return found


def _report(ctx: QuoteContext, noun: Token) -> Report | None:
    doc = ctx.doc
    clause = next((c for c in noun.head.rights if c.dep_ in ("ccomp", "attr")
                   and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
    if clause is None:
        return None
    span = clause_span(ctx, clause, noun.i)
    if span is None:
        return None
    owner = _owner(noun)
    if owner is not None and ctx.in_quote[owner.i] >= 0:
        return None
    speaker = ctx.speakers.resolve(owner) if owner is not None else None
    cue = cue_span(doc, ctx.text, noun.i, noun.i + 1)
    return Report("indirect", [span], speaker, cue, noun.i)


def _owner(noun: Token) -> Token | None:
    """The noun's possessor ("Lee's argument", "her view") or the object of its "of",
    "by" or "from" ("the view of the board")."""
    for child in noun.children:
        if child.i < noun.i and child.dep_ == "poss":
            return child
        if child.i > noun.i and child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            pobj = pobj_of(child)
            if pobj is not None:
                return pobj
    return None


def _what_was_said(ctx: QuoteContext, verb: Token) -> Report | None:
    """'Taxes must fall. That is what Lee argued.': the sentence before is Lee's words."""
    doc = ctx.doc
    copula = verb.head
    if verb.dep_ != "ccomp" or copula.lower_ not in _BE or verb.i in ctx.cues.used \
            or ctx.in_marks[verb.i] >= 0 or not any(
                c.lower_ == "what" and c.i < verb.i for c in verb.children) or not any(
                c.dep_ == "nsubj" and c.lower_ in _DEMONSTRATIVES for c in copula.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    sent = ctx.sent(verb.i)
    if subj is None or sent.start == 0:
        return None
    before = ctx.sent(sent.start - 1)
    lo, hi = clip(ctx, before.start, before.end, before.start)
    if ctx.par[lo] != ctx.par[verb.i] or any(
            ctx.in_marks[k] >= 0 or ctx.is_cue(doc[k]) for k in range(lo, hi)) \
            or sum(1 for t in doc[lo:hi] if t.is_alpha) < MIN_CLAIM_WORDS:
        return None
    while doc[hi - 1].is_punct:
        hi -= 1  # the sentence's full stop is no part of the words
    cue = cue_span(doc, ctx.text, verb.i, verb.i + 1)
    return Report("indirect", [(doc[lo].idx, end_char(doc, hi))], ctx.speakers.resolve(subj),
                  cue, verb.i)
