"""Mixed quotes: quoted words inside a sentence that a cue verb governs ("called the plan
“a disaster”"), with the reported clause as content. Marks inside a sentence with no cue
(names, titles, scare quotes) are no quotation.

A mixed quote starts where the report starts: with the cue's object or clause before the marks,
and with the outer speech verb when the quotation's own cue sits in its reported clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import end_char
from claimx.doc.syntax import subject_of
from claimx.extractors.quotes.bounds import clause_span, next_act_subject
from claimx.extractors.quotes.cues import BEFORE_WINDOW
from claimx.extractors.quotes.marks import DASHES, Candidate
from claimx.extractors.quotes.reported import according_clause
from claimx.extractors.quotes.speakers import participle_holder, set_cue

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

# How many heads up from the quoted words a governing cue verb may stand.
MAX_WALK = 12


def after_dash(ctx: QuoteContext, cand: Candidate) -> bool:
    """The quotation opens after a dash in the middle of a sentence: words of the same
    sentence and paragraph stand before the dash."""
    doc = ctx.doc
    k = cand.open_i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k < 1 or doc[k].text not in DASHES:
        return False
    prev = doc[k - 1]
    return prev.is_alpha and ctx.par[prev.i] == ctx.par[cand.open_i] \
        and ctx.sent(prev.i).start == ctx.sent(cand.open_i).start


def mixed(ctx: QuoteContext, cand: Candidate) -> bool:
    """A quotation inside a sentence is mixed if a cue verb governs it (else it is a name or
    a scare quote); then its cue, speaker and content are set."""
    s, e = cand.segments[0]
    if e <= s:
        return False
    return _governed(ctx, cand) or _according_mixed(ctx, cand)


def _governed(ctx: QuoteContext, cand: Candidate) -> bool:
    """Walk up from the quoted words to the first cue verb outside the quote."""
    s, e = cand.segments[0]
    node = ctx.doc[s:e].root
    path = node
    for _ in range(MAX_WALK):
        head = node.head
        if head.i == node.i:
            break
        path, node = node, head
        if ctx.par[node.i] != ctx.par[cand.open_i]:
            break  # the parse ran over a paragraph break: no cue there governs the quote
        if ctx.in_quote[node.i] >= 0:
            continue
        if node.i in ctx.cues.used:
            break
        if path.dep_ == "relcl" and path.i > node.i:
            break  # 'X, who took heat for a “Y” forum': the writer's description of X
        if _governs_quote(ctx, node, path):
            return _take_governor(ctx, cand, *_outer_report(ctx, node, path))
        if node.dep_ in ("ROOT",):
            break
    return False


def _take_governor(ctx: QuoteContext, cand: Candidate, node: Token, path: Token) -> bool:
    """Make the cue verb ``node`` (its branch ``path`` holds the quotation) the mixed
    quote's cue, when it has a speaker and a clause."""
    doc = ctx.doc
    # 'opened by saying she would “not” ...': a participle's speaker is its
    # clause's subject.
    subj = (participle_holder(ctx, node) or subject_of(node)) \
        if node.tag_ == "VBG" else (next_act_subject(ctx, node) or subject_of(node))
    if subj is None or ctx.in_quote[subj.i] >= 0:
        return False
    span = clause_span(ctx, node, path)
    if span is None:
        return False
    if cand.close_i is not None and span[1] < doc[cand.close_i].idx \
            and ctx.par[cand.close_i] == ctx.par[node.i]:
        # The parse hung the quotation's end elsewhere ('called X a “story in
        # an era when ...”'): the content runs at least to the closing mark.
        span = (span[0], end_char(doc, cand.close_i + 1))
    cand.cue = node.i
    cand.cue_end = node.i + 1
    cand.attributed = True
    ctx.cues.take(node.i, None)
    cand.speaker = ctx.speakers.resolve(subj)
    cand.content = [span]
    return True


def _according_mixed(ctx: QuoteContext, cand: Candidate) -> bool:
    """'according to X, ... “...” ...': the quotation inside what the phrase attributes."""
    start = ctx.doc[cand.segments[0][0]].idx
    for k in range(max(0, cand.open_i - BEFORE_WINDOW), cand.open_i):
        if k in ctx.according and ctx.sent(k).start == ctx.sent(cand.open_i).start:
            span = according_clause(ctx, k)
            if span is not None and span[0] <= start < span[1]:
                set_cue(ctx, cand, k)
                cand.content = [span]
                return True
    return False


def _outer_report(ctx: QuoteContext, verb: Token, path: Token) -> tuple[Token, Token]:
    """'She said she hopes the plan “will work”': a belief reported by a speech verb is
    part of what the speaker says; the speech verb is the cue and its clause the content."""
    head = verb.head
    if verb.lower_ in ctx.words.beliefs and verb.dep_ == "ccomp" and head.i < verb.i \
            and head.lower_ in ctx.words.speech and head.tag_.startswith("VB") \
            and head.i not in ctx.cues.used and ctx.in_quote[head.i] < 0 \
            and subject_of(head) is not None:
        return head, verb
    return verb, path


def _governs_quote(ctx: QuoteContext, verb: Token, path: Token) -> bool:
    """A cue verb whose complement (the branch ``path``) holds the quotation: speech and
    belief verbs report clauses and objects, framing verbs ("labeled", "dismissed ...
    as") their object or "as" phrase. Adjuncts ("on “Fox News Sunday”") do not count."""
    if not verb.tag_.startswith("VB"):
        return False
    low = verb.lower_
    dep = path.dep_
    # 'accused X of “...”', 'spoke of “...”'; framing verbs also 'likened X to “...”'.
    as_phrase = dep == "prep" and (path.lower_ in ("as", "for", "about", "of") or (
        path.lower_ == "to" and low in ctx.words.framing))
    if path.i < verb.i:
        reports = low in ctx.words.speech or low in ctx.words.beliefs
        return dep in ("ccomp", "parataxis") and reports
    if dep in ("dobj", "dative") and any(c.dep_ == "ccomp" for c in verb.children):
        return False  # 'told the paper's “Weekend Desk” that ...': the quote names the listener
    return _governs_after(ctx, verb, path, as_phrase=as_phrase)


def _governs_after(ctx: QuoteContext, verb: Token, path: Token, *, as_phrase: bool) -> bool:
    """``_governs_quote`` for a branch after the verb."""
    low, dep = verb.lower_, path.dep_
    if low in ctx.words.speech:
        return dep in ("ccomp", "xcomp", "dobj", "oprd", "dative", "advcl", "conj") or as_phrase
    if low in ctx.words.beliefs:
        return dep in ("ccomp",)
    if low in ctx.words.framing:
        return dep in ("dobj", "oprd", "xcomp", "ccomp") or as_phrase
    # Any verb that casts its object as the quoted words: 'painting the mayor as a “lazy
    # landlord”'.
    return dep == "prep" and path.lower_ == "as" and any(
        c.dep_ == "dobj" and c.i < path.i for c in verb.children
    )
