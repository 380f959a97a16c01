"""Who a quote was said to: the listener or outlet of its cue, read from the parse.

"X told Y", "X told BBC Sport: ...": the cue's dative or object, when it names someone;
"X said to Y", "speaking to reporters", "spoke with Y": the object of "to" or "with";
"in an interview with Y": the "with" object of the cue's "in" phrase; "asked by Y, X said":
the agent of the participle the cue governs. The addressee is never the speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.quotes.helpers import pobj_of
from claimx.extractors.quotes.passive import passive_listener
from claimx.models import Addressee

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

# Named-entity labels of someone who can be told something.
LISTENER_LABELS = ("PERSON", "ORG", "NORP")
# Prepositions whose object hears the cue's words ("said to", "spoke with").
TO_PREPS = ("to", "with")


def addressee_of(ctx: QuoteContext, cue: int | None) -> Addressee | None:
    """The addressee of the cue at token ``cue``, or None."""
    if cue is None or cue in ctx.according or cue in ctx.phrase_cues:
        return None
    verb = ctx.doc[cue]
    # '[Y] was told by X': the subject of a passive verb of telling heard the words.
    head = _told(ctx, verb, agent=False) or passive_listener(ctx, verb)
    if head is None:
        # 'Speaking to reporters, X said', 'Asked by a reporter, X said'.
        head = next((found for child in verb.children
                     if child.dep_ in ("advcl", "acl") and child.tag_ in ("VBG", "VBN")
                     for found in (_told(ctx, child, agent=True),) if found is not None), None)
    if head is None or ctx.in_quote[head.i] >= 0:
        return None
    who = ctx.speakers.resolve(head)
    if who.mention is None:
        return None
    m = who.mention
    return Addressee(m.start, m.end, m.text, who.entity)


def _told(ctx: QuoteContext, verb: Token, *, agent: bool) -> Token | None:
    """The listener among the children of ``verb``; with ``agent``, the agent of a passive
    participle too (the cue's own agent is its speaker: 'was told by aides')."""
    for child in verb.children:
        if child.dep_ == "dative":
            obj = pobj_of(child) if child.tag_ == "IN" else child
            if obj is not None and _listener(ctx, obj):
                return obj
        elif child.dep_ == "dobj" and (_listener(ctx, child) or _before_clause(verb, child)):
            return child
        elif child.dep_ == "prep" and child.lower_ in TO_PREPS:
            obj = pobj_of(child)
            if obj is not None and (_listener(ctx, obj) or _before_clause(verb, obj)):
                return obj
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "in"):
            obj = pobj_of(child)
            if obj is not None and child.dep_ == "agent" and agent:
                return obj  # who asks a question is who hears the answer
            inner = _interviewer(ctx, obj) if obj is not None else None
            if inner is not None:
                return inner
    return None


def tells_only(ctx: QuoteContext, verb: Token) -> bool:
    """'..., Ana Cruz told the Harbour Gazette.': the cue's object is who was told, and the
    cue reports no clause of its own, so it can attribute the quotation before it."""
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "ccomp")]
    return len(objects) == 1 and objects[0].dep_ == "dobj" and _listener(ctx, objects[0])


def _interviewer(ctx: QuoteContext, noun: Token) -> Token | None:
    """'in an interview with Y': the "with" object of the "in" phrase's noun."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            obj = pobj_of(prep)
            if obj is not None and _listener(ctx, obj):
                return obj
    return None


def _before_clause(verb: Token, obj: Token) -> bool:
    """'told the committee that ...', 'said to the panel that ...': an object between the
    cue and its reported clause is who was told."""
    return any(c.dep_ == "ccomp" and c.i > obj.i for c in verb.children)


def _listener(ctx: QuoteContext, tok: Token) -> bool:
    """A word that can name who hears: a pronoun, a name of a person, group or outlet, or a
    word of patterns/quotes/cue_listeners.txt ("reporters")."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return False  # 'said Monday'
    return (tok.tag_ == "PRP" and tok.lower_ != "it") or tok.tag_ in ("NNP", "NNPS") \
        or tok.ent_type_ in LISTENER_LABELS or tok.lower_ in ctx.words.listeners
