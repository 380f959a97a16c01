"""Market-report shorthand: the name of what moved stands right next to the amount, with no
verb between them ("Acme up 4.1%", "FTSE +0.4%")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import index_from
from claimx.extractors.claims.phrase import NOUNS, PROPER
from claimx.extractors.claims.subject.walks import gapped_name
from claimx.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.claims.context import DocContext
    from claimx.models import Quantity

# Direction words of a round-up: "Acme up 4.1%", "dragged the sector 1.2% lower".
_MOVES_BEFORE = ("up", "down")
_MOVES_AFTER = ("higher", "lower")
_NAME_MODIFIERS = ("compound", "amod", "nmod")
_NAME_TAGS = NOUNS | {"JJ"}


def market_name(ctx: DocContext, q: Quantity) -> Span | None:
    """Market-report shorthand names what moved right next to the amount: "Acme up 4.1%",
    "FTSE +0.4%", "dragged the energy sector 1.2% lower". (Asked for a subject and again for
    its owner: kept per Doc.)"""
    key = (q.start, q.end)
    if key not in ctx.market_names:
        ctx.market_names[key] = _market_name(ctx, q)
    return ctx.market_names[key]


def _market_name(ctx: DocContext, q: Quantity) -> Span | None:
    noun = _named_before(ctx, q)
    if noun is None:
        return None
    doc = ctx.doc
    if noun.tag_ == "CD" and noun.i > 0 and doc[noun.i - 1].tag_ in PROPER:
        lo = noun.i - 1  # a name with a number: "FTSE 100 +0.4%"
    elif noun.tag_ not in NOUNS:
        return None
    else:
        lo = noun.i
    while lo > 0 and doc[lo - 1].tag_ in _NAME_TAGS and doc[lo - 1].dep_ in _NAME_MODIFIERS:
        lo -= 1
    return Span.of(ctx.text, doc[lo].idx, noun.idx + len(noun))


def _named_before(ctx: DocContext, q: Quantity) -> Token | None:
    """The last word of the name before the amount, in each shorthand."""
    doc = ctx.doc
    plus = q.start > 0 and ctx.text[q.start - 1] == "+"
    i = index_from(ctx.starts, q.start - 1 if plus else q.start) - 1
    if i < 0:
        return None
    return doc[i] if plus else _named_by_word(ctx, doc[i], q)


def _named_by_word(ctx: DocContext, before: Token, q: Quantity) -> Token | None:
    """The name in a shorthand with a word between it and the amount, or after the amount;
    ``before`` is the token right before the amount."""
    doc = ctx.doc
    after = ctx.token_from(q.end)
    if before.lower_ in _MOVES_BEFORE and before.i > 0:
        noun = doc[before.i - 1]
        if noun.text == "," and noun.i > 0 and doc[noun.i - 1].tag_ in PROPER:
            noun = doc[noun.i - 1]  # a round-up list: "Acme Group, down 8p at 112p"
        return noun
    if before.text == "(" and before.i > 0 and doc[before.i - 1].tag_ in PROPER:
        return doc[before.i - 1]  # a figure in brackets after a name: "Jo Park (12 goals)"
    if after is not None and after.lower_ in _MOVES_AFTER and before.tag_ in NOUNS:
        return before
    if before.lower_ == "by" and gapped_name(doc, before.i - 1):
        return doc[before.i - 1]  # a gapped list: "Acme fell 2.3%, Bolt by 2.6%"
    return None
