"""What kind of attribution a cue makes, and the cues that attribute no statement at all.

``act_of`` reads the cue's lemma in the labelled lexicon (patterns/quotes/cue_acts.tsv):
said words are "speech", a belief or fear "thought", an aim or plan "intent". The rest
answers, from the parse, whether a cue attributes a statement to a named speaker:
``impersonal`` ("it is thought that ...": nobody named), ``question_put`` ("X was asked
whether ...": X did not say it), ``withheld`` ("did not say", "declined to comment"): no
statement was made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.quotes.helpers import pobj_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

SPEECH = "speech"
THOUGHT = "thought"
NEGATIONS = ("neg",)
# A participle set off before or after its clause ("Asked by ..., X said").
PARTICIPLE_DEPS = ("advcl", "acl", "relcl")


def act_of(ctx: QuoteContext, cue: int | None) -> str:
    """The act of the quote attributed by token ``cue``; a phrase cue ("according to")
    and a quote with no cue of its own attribute speech."""
    if cue is None or cue in ctx.according or cue in ctx.phrase_cues:
        return SPEECH
    low = ctx.doc[cue].lower_
    if not ctx.words.reports(low) and low not in ctx.words.nouns \
            and low not in ctx.words.telling:
        # A verb no cue list names, reporting a "that" clause ('nurses recognized that
        # ...'): the lists hold the verbs of saying and telling, so it knows or feels.
        return THOUGHT
    return ctx.words.acts.get(low, SPEECH)


def passive(verb: Token) -> bool:
    """A verb in the passive: 'was asked', or a bare participle with no subject of its own
    ('Asked by a reporter, ...')."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in PARTICIPLE_DEPS and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    """The object of a passive verb's "by" phrase ('was told by [aides]'), or None."""
    if not passive(verb):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            return pobj_of(child)
    return None


def impersonal(subject: Token, verb: Token) -> bool:
    """'It is thought that ...', 'it has been confirmed that ...': a passive report whose
    subject is a dummy "it" names nobody, unless a "by" phrase names who ('it was announced
    by the ministry that ...')."""
    return subject.lower_ == "it" and subject.dep_ in ("nsubjpass", "expl") and passive(verb) \
        and agent_of(verb) is None


def question_put(ctx: QuoteContext, verb: Token) -> bool:
    """'X was asked whether ...', 'Asked why ..., X said': the words are a question put to
    X, not X's statement."""
    return verb.lower_ in ctx.words.questions and passive(verb)


def withheld(ctx: QuoteContext, verb: Token) -> bool:
    """'did not say', 'never confirmed', 'declined to comment', 'refused to say whether
    ...': the cue tells that nothing was said; so does a speech verb under one."""
    if any(c.dep_ in NEGATIONS for c in verb.children):
        return True
    if verb.lower_ in ctx.words.withholding:
        return any(c.dep_ == "xcomp" and c.lower_ in ctx.words.speech for c in verb.children)
    head = verb.head
    return verb.dep_ == "xcomp" and head.i != verb.i and (
        head.lower_ in ctx.words.withholding or any(c.dep_ in NEGATIONS for c in head.children))
