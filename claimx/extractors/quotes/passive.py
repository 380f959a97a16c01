"""Passive and inverted reports: who speaks when the speaker is not the cue's subject.

"Y was told by X that ...", "it was announced by X that ...", "Y is said by X to ...": the
agent ("by X") of a passive cue is its speaker, and the subject of a passive verb of telling
is who heard the words. "X was quoted as saying ...": the subject of the passive verb that
governs "as saying" said the words, whoever quoted them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.quotes.acts import agent_of, passive

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

PASSIVE_SUBJECTS = ("nsubjpass",)


def inverted_speaker(ctx: QuoteContext, verb: Token) -> Token | None:
    """Who speaks through a passive cue, outside quotation marks: its agent ('was told by
    [X]') or the subject of "quoted as saying" ('[X] was quoted as saying'); else None."""
    found = agent_of(verb) or quoted_holder(ctx, verb)
    return found if found is not None and ctx.in_quote[found.i] < 0 else None


def passive_listener(ctx: QuoteContext, verb: Token) -> Token | None:
    """'[Y] was told by X that ...', '[Y] was warned by X that ...': the subject of a passive
    speech verb with an agent heard the words when the verb tells or reports a clause of
    its own (its words are not the subject); without an agent ('he was told to leave')
    nobody is named."""
    if agent_of(verb) is None or not (verb.lower_ in ctx.words.telling or any(
            c.dep_ == "ccomp" for c in verb.children)):
        return None
    subj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)
    return subj if subj is not None and subj.lower_ != "it" else None


def quoted_holder(ctx: QuoteContext, verb: Token) -> Token | None:
    """'[X] was quoted as saying ...', '[X] was recorded as saying ...': who a speech
    participle under "as" belongs to, the passive subject of the verb "as" hangs on."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.lower_ not in ctx.words.speech:
        return None
    prep = verb.head
    if prep.lower_ != "as" or prep.dep_ != "prep" or not passive(prep.head):
        return None
    return next((c for c in prep.head.children if c.dep_ in PASSIVE_SUBJECTS), None)
