"""Noun phrases as a claim names them: the span of a noun without what does not name it
(relative clauses, appositions, dates), and the check that a span can name a subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from claimx.doc.text import doc_text
from claimx.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.extractors.claims.context import DocContext
    from claimx.extractors.claims.vocabulary import ClaimWords

NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PROPER = ("NNP", "NNPS")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_DATED = ("DATE", "TIME")
# Children of a noun that never belong to the phrase that names it.
_SUBJECT_DROP = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})
# Prepositions that open a list of examples, not part of the name: "homes including ...".
_EXAMPLE_PREPS = ("including", "like")
_DANGLING_TAGS = frozenset({"DT", "IN", "CC", "TO", "PRP$", "POS", "WDT", "HYPH", ","})
_MAX_SUBJECT_CHARS = 90
_POSSESSIVES = ("'s", "’s")
_POSSESSIVE_LENGTH = 2
YEAR = regex.compile(r"1[5-9]\d\d|20\d\d")


def names_time(prep: Token, words: ClaimWords) -> bool:
    """A prepositional phrase that only dates: "in May", "between 2014 and 2017", "in the
    quarter"."""
    return all(t.ent_type_ in _DATED or YEAR.fullmatch(t.text) is not None
               or t.lower_ in words.period_nouns
               for t in prep.subtree
               if t is not prep and not t.is_punct and t.tag_ not in ("DT", "CC"))


def bracketed_short_name(doc: Doc, child: Token) -> bool:
    """An acronym or ticker in brackets right after a name: "(BCO)", "(F)"."""
    return (child.dep_ == "appos" and child.tag_ in PROPER
            and child.left_edge.i == child.right_edge.i == child.i
            and 0 < child.i < len(doc) - 1 and doc[child.i - 1].text == "("
            and doc[child.i + 1].text == ")")


def np_span(token: Token, words: ClaimWords, *, keep_preps: bool = True,
            skip: tuple[int, int] | None = None) -> Span:
    """A noun phrase without relative clauses, appositions, trailing punctuation and (``skip``)
    the quantity itself: "100 percent coverage" gives "coverage"."""
    doc = token.doc
    kept, dropped = _children(doc, token, words, keep_preps=keep_preps)
    lo, hi = _grow(doc, token, kept, dropped)
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ in ("CC", "POS")):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].tag_ == "CC"):
        lo += 1
    if bracketed_short_name(doc, doc[hi]):
        hi += 1  # its closing bracket
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi])
    if skip is not None and start < skip[1] <= token.idx:
        # drop the quantity and what precedes it: "100 percent mobile coverage" -> "mobile..."
        rest = [t for t in doc[lo : hi + 1] if t.idx >= skip[1] and not t.is_punct]
        if rest:
            start = rest[0].idx
    return Span.of(doc_text(doc), start, end)


def _children(doc: Doc, token: Token, words: ClaimWords, *,
              keep_preps: bool) -> tuple[list[Token], list[Token]]:
    """The children that belong to the phrase, and those that end it."""
    kept: list[Token] = []
    dropped: list[Token] = []
    for child in token.children:
        if child.dep_ in ("punct", "cc"):
            continue  # never a phrase's edge; a hyphen ("fuel-economy") sits inside it
        if bracketed_short_name(doc, child):
            kept.append(child)  # "Brent Crude Oil (BCO)": the name's own short form
        elif child.dep_ in _SUBJECT_DROP or (
                child.i > token.i and child.tag_ in ("VBG", "VBN")):
            dropped.append(child)  # also a participle after the noun: "the layoffs, equal to"
        elif child.dep_ == "prep" and (not keep_preps or child.lower_ in _EXAMPLE_PREPS
                                       or names_time(child, words)):
            dropped.append(child)  # "revenue in the quarter": the time goes to the claim's time
        else:
            kept.append(child)
    return kept, dropped


def _grow(doc: Doc, token: Token, kept: list[Token], dropped: list[Token]) -> tuple[int, int]:
    """The token range of the phrase: the noun and its kept children's subtrees."""
    lo = hi = token.i
    # a kept child beyond a dropped one would bring the dropped words back in between
    right_stop = min((c.left_edge.i for c in dropped if c.i > token.i), default=len(doc))
    left_stop = max((c.right_edge.i for c in dropped if c.i < token.i), default=-1)
    for child in kept:
        if left_stop < child.left_edge.i and child.right_edge.i < right_stop:
            lo = min(lo, child.left_edge.i)
            hi = max(hi, child.right_edge.i)
    if token.dep_ in SUBJECT_DEPS:
        # a name the parser cut into sibling subjects: "Ben - Moshe", "The new | Model 3"
        while hi + 1 < len(doc) and doc[hi + 1].dep_ == token.dep_ and (
                doc[hi + 1].head.i == token.head.i and doc[hi + 1].left_edge.i == hi + 1):
            hi = doc[hi + 1].right_edge.i
    return lo, hi


def span_root(ctx: DocContext, span: Span) -> Token | None:
    """The token the rest of a span hangs on."""
    root = ctx.token_from(span.start)
    if root is None:
        return None
    for _ in range(8):
        if root.head.i == root.i or not (span.start <= root.head.idx < span.end):
            break
        root = root.head
    return root


def possessor(ctx: DocContext, subject: Span) -> Span | None:
    """A named possessor the subject span left out: "the Vexa Pro's" before "6.4-inch
    screen". Possessive pronouns ("its") give None: the clause's subject says whose."""
    root = span_root(ctx, subject)
    if root is None:
        return None
    for child in root.children:
        if child.dep_ == "poss" and child.tag_ != "PRP$" and child.idx + len(child) <= (
                subject.start):
            return clean_subject(ctx, np_span(child, ctx.words, keep_preps=False))
    return None


def clean_subject(ctx: DocContext, span: Span) -> Span | None:
    """A subject without any quantity in it and with at least one noun, else None:
    "MacBook Pro 16 inch" -> "MacBook Pro"; "Just 1 percent" -> None."""
    edges = _without_quantities(ctx, span.start, span.end)
    if edges is None:
        return None
    start, end = _without_dates(ctx, *_trim_subject(ctx, *edges), opening=span.start)
    text = ctx.text
    if "(" in text[start:end] and ")" not in text[start:end]:
        end = len(text[: text.index("(", start)].rstrip())  # "the committee (MPC": no stray "("
    if end <= start or end - start > _MAX_SUBJECT_CHARS:
        return None  # a long stretch is a parse accident, not a noun phrase
    return Span.of(text, start, end) if _names_something(ctx, start, end) else None


def _without_quantities(ctx: DocContext, start: int, end: int) -> tuple[int, int] | None:
    """The span without the quantities in it: the words before one, or after it; None when
    a quantity covers it."""
    for q_start, q_end in ctx.quantity_spans:
        if q_start < end and start < q_end:
            if q_start > start:
                end = q_start  # keep the words before the quantity
            elif q_end < end:
                start = q_end  # keep the words after it
            else:
                return None
    return start, end


def _trim_subject(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    """No punctuation, possessive or dangling function word at the edges."""
    text = ctx.text
    while end > start and text[end - 1] in " ,;:(-–+":
        end -= 1
    if text[start:end].endswith(_POSSESSIVES) and end - start > _POSSESSIVE_LENGTH:
        end -= _POSSESSIVE_LENGTH  # "Microsoft's two tools": the owner, without the possessive
    while True:  # "Bankers from the [two countries]": no dangling function words
        last = ctx.token_ending(end)
        if last is None or last.idx <= start or last.tag_ not in _DANGLING_TAGS:
            break
        end = len(text[: last.idx].rstrip())
    while start < end and text[start] in " ,;:)-–":
        start += 1
    return start, end


def _without_dates(ctx: DocContext, start: int, end: int, *, opening: int) -> tuple[int, int]:
    """"[Between 2010 and 2020] average rents": the date is the claim's time; "Quarterly" (an
    adjective) stays: "Quarterly profits" is what is measured."""
    text = ctx.text
    while True:
        first = ctx.token_from(start)
        if first is None or first.idx >= end or not (
                (first.ent_type_ in _DATED and first.tag_ in ("CD", "NN", "NNP"))
                or YEAR.fullmatch(first.text)
                or (first.tag_ in ("CC", "IN", "POS") and first.idx > opening)):
            return start, end
        start = first.idx + len(first)
        while start < end and text[start] == " ":
            start += 1


def _names_something(ctx: DocContext, start: int, end: int) -> bool:
    """A noun, a gerund as subject ("Borrowing rose"), or a name the tagger missed ("OHSU" as
    JJ) in the span; a date is the claim's time."""
    doc = ctx.doc
    first = ctx.token_from(start)
    if first is None:
        return False
    i = first.i
    while i < len(doc) and doc[i].idx < end:
        tok = doc[i]
        if tok.ent_type_ in _DATED or tok.lower_ in ctx.words.period_nouns:
            pass  # "year over year", "the quarter"
        elif tok.tag_.startswith("NN") or tok.ent_type_ or (
                tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "csubj")
                and not _before_noun(doc, tok)) or (
                tok.tag_ in ("JJ", "FW", "VBN") and tok.text[:1].isupper() and tok.i > 0
                and not doc[tok.i - 1].is_sent_start):
            return True
        i += 1
    return False


def _before_noun(doc: Doc, token: Token) -> bool:
    """A word before a noun or adjective: "Struggling [Japanese car maker]" is no gerund."""
    return token.i + 1 < len(doc) and doc[token.i + 1].tag_ in NOUNS | {"JJ", "CD"}
