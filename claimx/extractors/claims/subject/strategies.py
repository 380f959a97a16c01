"""What a quantity measures: small named strategies, tried in order; the first span one of
them offers that ``clean_subject`` accepts is the claim's subject.

Each strategy reads one construction of the language and yields the phrases it offers, so a
reader finds "a yield of 4%" in ``noun_of_amount`` and "cut its forecast to 3%" in
``sized_object``; ``STRATEGIES`` gives their order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.extractors.claims.phrase import NOUNS, clean_subject, names_time, np_span
from claimx.extractors.claims.subject.market import market_name
from claimx.extractors.claims.subject.walks import (
    changed_object,
    clause_subject,
    inner_subject,
    measured_after,
    paid_for,
    phrase_root,
    pobjs,
    qualified_noun,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.claims.clause import Clause
    from claimx.extractors.claims.context import DocContext
    from claimx.extractors.quantities import Found
    from claimx.models import Quantity, Span

_COMMON_NOUNS = ("NN", "NNS")
_SIZED_ONLY = "total"  # "a total of 40" only sizes what follows


@dataclass(slots=True)
class Site:
    """A quantity in its clause, with the tokens the strategies start from: ``anchor`` the
    number's token, ``last`` the token that ends the quantity (its unit), ``root`` the one
    the quantity hangs on the rest of the sentence by (built once: every strategy reads
    them)."""

    ctx: DocContext
    clause: Clause
    q: Quantity
    skip: tuple[int, int]  # the quantity's offsets, left out of the phrases it qualifies
    anchor: Token
    last: Token
    root: Token
    counted: Token | None  # the noun a count counts ("300 families")


Strategy = Callable[[Site], Iterator["Span"]]


def market_shorthand(site: Site) -> Iterator[Span]:
    """"Acme up 4.1%", "FTSE +0.4%"."""
    named = market_name(site.ctx, site.q)
    if named is not None:
        yield named


def share_of_noun(site: Site) -> Iterator[Span]:
    """"65% of the population", "nearly all households", "a third of voters"."""
    q, counted = site.q, site.counted
    if counted is not None and (q.vague or q.unit in site.ctx.words.percent_units or (
            q.value is not None and q.value < 1 and q.unit is None)):
        yield np_span(counted, site.ctx.words, skip=site.skip)


def percent_of(site: Site) -> Iterator[Span]:
    """"12% of homes", where the parse did not give the count its noun."""
    q, ctx = site.q, site.ctx
    if q.unit in ctx.words.percent_units:
        nxt = ctx.token_from(q.end)
        if nxt is not None and nxt.lower_ == "of":
            objects = pobjs(nxt)
            if objects:
                yield np_span(objects[0], ctx.words, skip=site.skip)


def unit_of(site: Site) -> Iterator[Span]:
    """"2 GW of capacity", "$40m in funding"."""
    q, ctx = site.q, site.ctx
    if q.noun is None and q.unit is not None and q.unit not in ctx.words.percent_units:
        measured = measured_after(ctx, q)
        if measured is not None:
            yield np_span(measured, ctx.words, keep_preps=False)


def counted_of(site: Site) -> Iterator[Span]:
    """"3,000 members of the union": whose members are counted."""
    counted = site.counted
    if counted is None or counted.i <= site.anchor.i:
        return
    for of in counted.children:
        objects = pobjs(of)
        if of.dep_ == "prep" and of.lower_ == "of" and objects:
            yield np_span(objects[0], site.ctx.words, keep_preps=False)


def noun_of_amount(site: Site) -> Iterator[Span]:
    """"a yield of 4%", "the homes of 300 families", and for a count "cuts on 50 products"."""
    q, words = site.q, site.ctx.words
    anchors = [site.last, site.anchor, site.root]
    if site.counted is not None:
        anchors.append(site.counted)
    for tok in anchors:
        prep = tok.head
        on_noun = (tok.dep_ == "pobj" and prep.head.tag_ in _COMMON_NOUNS
                   and prep.head.i < tok.i and prep.head.lower_ != _SIZED_ONLY)
        if on_noun and (prep.lower_ == "of" or (
                q.noun is not None and prep.lower_ in words.count_preps)):
            yield np_span(prep.head, words, keep_preps=False)


def qualified(site: Site) -> Iterator[Span]:
    """"a 25% premium", "98 percent rural network coverage": the noun it qualifies, reached
    from the unit or, as in "a 4 per cent fee", from the number."""
    q, ctx = site.q, site.ctx
    if q.noun is not None:
        return
    noun = qualified_noun(ctx, site.last) or qualified_noun(ctx, site.root)
    if noun is not None and noun.lower_.removesuffix("s") != q.unit:
        # ("412 rushing yards": the yards are the unit, not what is measured)
        yield np_span(noun, ctx.words, skip=site.skip)


def sized_object(site: Site) -> Iterator[Span]:
    """"cut its forecast to 3%", "grew sales by 5%"."""
    obj = changed_object(site.root, site.q.unit, site.ctx.words)
    if obj is not None:
        yield np_span(obj, site.ctx.words, keep_preps=False)


def bought(site: Site) -> Iterator[Span]:
    """"paid $4,200 for tickets"."""
    thing = paid_for(site.root, site.q.unit, site.ctx.words)
    if thing is not None:
        yield np_span(thing, site.ctx.words, keep_preps=False)


def applies_to(site: Site) -> Iterator[Span]:
    """"an extra 40 miles for the car's range", "31 mpg for vans": what it applies to."""
    ctx = site.ctx
    nxt = ctx.token_from(site.q.end)
    if nxt is None or nxt.lower_ != "for" or nxt.head.i not in (
            site.last.i, site.anchor.i, site.root.i):
        return
    if names_time(nxt, ctx.words) or ctx.holds_quantity(nxt):
        return
    for target in nxt.children:
        if target.dep_ == "pobj" and target.tag_ in NOUNS:
            yield np_span(target, ctx.words, keep_preps=False)


def subject_of_clause(site: Site) -> Iterator[Span]:
    """The clause's own (or nearest) subject, unless the count is itself the subject, or the
    subject is the body of evidence the claim cites."""
    ctx, q, source = site.ctx, site.q, site.clause.source
    subj = inner_subject(site.anchor, site.clause.head, ctx.words) or site.clause.subject
    if subj is None:
        return
    span = np_span(subj, ctx.words)
    lead = ctx.text[span.start : q.start].split()
    counted = site.counted
    if q.noun is not None and span.start <= q.start < span.end and len(lead) <= 1:
        return  # "12,000 staff lost their posts": the count is the subject
    if counted is not None and counted.dep_ == "conj" and counted.head.i == subj.i:
        return  # "... and 86 inbound flights were delayed": so is its conjunct
    # "ITU data shows 100%": the body of evidence is the source, not the thing measured
    evidence = source is not None and " " in (source.cue or "") and (
        span.start <= source.start < span.end or subj.lower_ in ctx.words.data_nouns)
    if not evidence:
        yield span


def fragment_head(site: Site) -> Iterator[Span]:
    """A clause without a verb: "floor area = 32 m2"."""
    head = site.clause.head
    if head.tag_.startswith("NN") and head.i < site.anchor.i:
        yield np_span(head, site.ctx.words, keep_preps=False)


def copula_subject(site: Site) -> Iterator[Span]:
    """"life expectancy is around 73" where the parser hung 73 elsewhere."""
    ctx = site.ctx
    opening = ctx.token_from(site.q.start)
    if opening is None or opening.i == 0:
        return
    before = ctx.doc[opening.i - 1]
    if before.lower_ in ctx.words.copulas and site.anchor.head.i != before.i:
        subj = clause_subject(before)
        if subj is not None and subj.lower_ not in ctx.words.pronouns:
            yield np_span(subj, ctx.words)


def noun_above(site: Site) -> Iterator[Span]:
    """The first noun after the amount that it hangs on; a count names what it counts ("the
    two sides"), so it needs none."""
    q = site.q
    if q.noun is not None:
        return
    token = site.anchor
    for _ in range(4):
        if token.head.i == token.i:
            return
        token = token.head
        if token.tag_ in NOUNS and token.i > site.anchor.i and not (
                q.start <= token.idx < q.end):
            yield np_span(token, site.ctx.words, skip=site.skip)
            return


STRATEGIES: tuple[Strategy, ...] = (
    market_shorthand, share_of_noun, percent_of, unit_of, counted_of, noun_of_amount,
    qualified, sized_object, bought, applies_to, subject_of_clause, fragment_head,
    copula_subject, noun_above,
)


def find_subject(ctx: DocContext, clause: Clause, found: Found) -> Span | None:
    """The thing ``found`` measures: the first strategy's span that survives
    ``clean_subject``."""
    doc = ctx.doc
    anchor = doc[found.token]
    q = found.quantity
    counted = doc[found.noun_token] if found.noun_token is not None else None
    site = Site(ctx, clause, q, (q.start, q.end), anchor, ctx.token_ending(q.end) or anchor,
                phrase_root(q, anchor), counted)
    for strategy in STRATEGIES:
        for span in strategy(site):
            cleaned = clean_subject(ctx, span)
            if cleaned is not None:
                return cleaned
    return None
