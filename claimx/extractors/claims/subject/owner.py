"""Whose the measured thing is: the clause's subject when what is measured is something else it
has or does ("Norvik" for "Norvik cut 4% of its staff", "The fund" for "a yield of 3.8%")."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.extractors.claims.phrase import clean_subject, np_span, possessor, span_root
from claimx.extractors.claims.subject.market import market_name
from claimx.extractors.claims.subject.walks import inner_subject

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.claims.clause import Clause
    from claimx.extractors.claims.context import DocContext
    from claimx.extractors.quantities import Found
    from claimx.models import Quantity, Span

_OF_GAP = regex.compile(r"\s+of\s+")


def find_owner(ctx: DocContext, clause: Clause, found: Found, subject: Span | None
               ) -> Span | None:
    """The owner of ``subject``, the thing ``found`` measures, or None."""
    q = found.quantity
    if subject is None or market_name(ctx, q) is not None:
        return None  # "Nasdaq +0.8%" in a market round-up belongs to no one else
    named = possessor(ctx, subject)
    if named is not None:
        return named  # "the Vexa Pro's 6.4-inch screen"
    if _side_reference(ctx, subject, q) or _in_the_setting(ctx, subject):
        return None
    subj = _owning_subject(ctx, clause, found, subject)
    if subj is None:
        return None
    owner = clean_subject(ctx, np_span(subj, ctx.words, keep_preps=False))
    source = clause.source
    if owner is None or not (clause.s_start <= owner.start and owner.end <= clause.s_end) or (
            owner.start < subject.end and subject.start < owner.end) or (
            # "the ministry said": who says it, not whose it is
            source is not None and owner.start < source.end and source.start < owner.end):
        return None
    return owner


def _side_reference(ctx: DocContext, subject: Span, q: Quantity) -> bool:
    """"below the forecasts of 800 sales", "worse than the deficit of 4p expected": a side
    reference, where "at a fixed rate of 4.2%" after a verb is the clause's."""
    noun = ctx.token_ending(subject.end)
    return noun is not None and noun.dep_ == "pobj" and not noun.head.head.tag_.startswith(
        "VB") and _OF_GAP.fullmatch(ctx.text, subject.end, q.start) is not None


def _in_the_setting(ctx: DocContext, subject: Span) -> bool:
    """"after a 400-mile crossing": the setting, no one's property; but "rose 2% after a 6%
    fall" is still the prices' fall."""
    root = span_root(ctx, subject)
    words = ctx.words
    return root is not None and root.dep_ == "pobj" and (
        root.head.lower_ in words.circumstance_preps) and root.lower_ not in words.change_nouns


def _owning_subject(ctx: DocContext, clause: Clause, found: Found, subject: Span
                    ) -> Token | None:
    """The clause's subject, when it is not the measured thing itself."""
    words = ctx.words
    subj = clause.subject
    if subj is None or subject.start <= subj.idx < subject.end:
        return None
    inner = inner_subject(ctx.doc[found.token], clause.head, words)
    if inner is not None and inner.i != subj.i:
        return None  # "with exports climbing 9%": the main clause's subject owns nothing
    noun = found.quantity.noun
    if noun is not None and subj.lower_ == noun.split()[-1].lower():
        return None  # "3,000 members of the union walked out": the counted noun itself
    if subj.lower_ in words.data_nouns:
        return None  # "data shows ...": evidence, not an owner
    return subj
