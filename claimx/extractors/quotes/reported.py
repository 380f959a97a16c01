"""Reported (indirect) speech: every speech verb with a subject and a reported clause that is
not already a quote's cue, "according to X", "described X as Y", a speaker's "claim that ...",
and verbs of intent or stance with their object ("X pledged to ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from claimx.doc.offsets import end_char
from claimx.doc.syntax import RELATIVES, subject_of
from claimx.extractors.quotes.acts import impersonal, question_put, withheld
from claimx.extractors.quotes.bounds import clip, cut_tail, next_act_subject, shape
from claimx.extractors.quotes.helpers import cue_span, hypothetical, pobj_of
from claimx.extractors.quotes.marks import ALL_MARKS, DOUBLE_MARKS, Candidate, Kind
from claimx.extractors.quotes.passive import inverted_speaker
from claimx.extractors.quotes.speakers import according_object
from claimx.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from claimx.extractors.quotes.context import QuoteContext

# The fewest words a reported clause, object or owner's claim has.
MIN_CLAUSE_WORDS = 2
MIN_CLAIM_WORDS = 3
# The fewest tokens what "according to" attributes has.
MIN_ACCORDING_TOKENS = 3


class Report(NamedTuple):
    """One reading of reported speech, before trimming: its type ("indirect" or "mixed"),
    character spans, speaker, cue characters and cue token."""

    kind: str
    spans: list[tuple[int, int]]
    speaker: Speaker | None
    cue: Span | None
    cue_i: int


def reported(ctx: QuoteContext) -> list[Report]:
    """Reported speech: cue verbs with a subject and a reported clause ("X said that ...",
    "..., X said", "A, X said, B"), "according to X", "described X as Y", and verbs of
    intent or stance with their object ("X pledged to ...", "X called for ...")."""
    found: list[Report] = []
    marked = ctx.cue_tokens
    clausal = that_clause_verbs(ctx.doc) - marked.report_verbs
    for i in sorted(ctx.according.keys() | marked.report_nouns | marked.report_verbs | clausal):
        if i in ctx.cues.used or ctx.in_quote[i] >= 0 or ctx.in_marks[i] >= 0:
            continue  # a verb inside quotation marks is the quoted words', not a cue
        if i in ctx.according:
            item = _according_report(ctx, i)
        elif i in marked.report_nouns:
            item = _noun_report(ctx, ctx.doc[i])
        elif i in clausal:
            item = _clause_report(ctx, ctx.doc[i])
        else:
            item = _verb_report(ctx, ctx.doc[i])
        if item is not None:
            found.append(item)
    return found


def _according_report(ctx: QuoteContext, i: int) -> Report | None:
    span = according_clause(ctx, i)
    if span is None:
        return None
    obj = according_object(ctx, i)
    speaker = ctx.speakers.resolve(obj) if obj is not None else None
    return _reported_item(ctx, [span], speaker, i, ctx.according[i])


def _verb_report(ctx: QuoteContext, tok: Token) -> Report | None:
    """What a speech, belief or intent verb with a subject reports, if anything."""
    low, words = tok.lower_, ctx.words
    speech, belief, intent = (low in words.speech, low in words.beliefs, low in words.intent)
    if not (speech or belief or intent):
        return None
    subj = inverted_speaker(ctx, tok) or next_act_subject(ctx, tok) or subject_of(tok)
    if subj is None or ctx.in_quote[subj.i] >= 0:
        return None
    if ctx.in_marks[subj.i] >= 0 and subj.tag_ == "PRP":
        return None  # '“You blamed the workers” for ...': the pronoun is the quote's
    if hypothetical(tok) or withheld(ctx, tok):
        return None  # a question, a condition, a refusal to speak: nobody's statement
    spans = _reported_clause(ctx, tok) if speech or belief else None
    if spans is None and speech and tok.dep_ == "parataxis":
        spans = _parenthetical(ctx, tok)
    if spans is None and (intent or (speech and low not in words.telling)) \
            and low not in words.direct_only:
        # A bare object names what was said or aimed at ("cited the figures", "denounced
        # the new tax plan"), unless it names someone, who may be who heard it, or follows
        # a verb of telling ("told the truth").
        spans = _intent_object(ctx, tok)
    if not spans:
        return None
    # 'It is thought that ...': an anonymous report, the dummy "it" is nobody's name; 'X
    # was asked whether ...': a question put to X, not X's words.
    nobody = impersonal(subj, tok) or question_put(ctx, tok)
    speaker = None if nobody else ctx.speakers.resolve(subj)
    return _reported_item(ctx, spans, speaker, tok.i, tok.i + 1)


def that_clause_verbs(doc: Doc) -> frozenset[int]:
    """Verbs heading a "that" clause of their own ('X recognized that ...'), found from the
    Doc's arrays: the head of the head of each complementizer "that"."""
    import numpy as np
    from spacy.attrs import DEP, HEAD, LOWER

    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, DEP])
    # HEAD is an offset from the token, negative for a head before it.
    heads = np.arange(len(doc)) + doc.to_array(HEAD).astype("int64")
    marks = np.flatnonzero((rows[:, 0] == strings["that"]) & (rows[:, 1] == strings["mark"]))
    comps = heads[marks]
    comps = comps[rows[comps, 1] == strings["ccomp"]]
    return frozenset(heads[comps].tolist())


def _clause_report(ctx: QuoteContext, verb: Token) -> Report | None:
    """'Doctors fear that ...', 'aides recognized that ...': any verb whose subject is
    someone and whose complement is a "that" clause reports that someone's words or
    thoughts, whether or not the cue lexicon lists it. A copula ('the point is that'), a
    dummy subject ('it seems that') and a verb that makes the clause true ('ensured that')
    report nobody's words."""
    if not verb.tag_.startswith("VB") or verb.lower_ in ctx.words.clause_non_reports \
            or verb.dep_ == "xcomp":
        return None  # 'tried to convince X that ...': an attempt, not a report
    # 'X was informed by Y that ...': the agent of a passive verb speaks.
    agent = inverted_speaker(ctx, verb)
    subj = agent or subject_of(verb)
    if subj is None or (agent is None and subj.dep_ != "nsubj") \
            or subj.lower_ in ("it", "this", "that", "which") \
            or ctx.in_quote[subj.i] >= 0 or ctx.in_marks[subj.i] >= 0:
        return None
    if hypothetical(verb) or withheld(ctx, verb):
        return None
    spans = _reported_clause(ctx, verb)
    if not spans:
        return None
    return _reported_item(ctx, spans, ctx.speakers.resolve(subj), verb.i, verb.i + 1)


def _noun_report(ctx: QuoteContext, noun: Token) -> Report | None:
    """'the council's claim that ...', 'a warning from the agency that ...', 'growing fears
    that ...': the "that" clause of a cue noun, said by the noun's owner if it has one."""
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "appos")
                   and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
    if clause is None:
        return None
    owner = _noun_owner(noun)
    if owner is not None and ctx.in_quote[owner.i] >= 0:
        return None
    span = clause_span(ctx, clause, noun.i)
    if span is None:
        return None
    speaker = ctx.speakers.resolve(owner) if owner is not None else None
    return _reported_item(ctx, [span], speaker, noun.i, noun.i + 1)


def clause_span(ctx: QuoteContext, clause: Token, anchor: int) -> tuple[int, int] | None:
    """The characters of a cue noun's "that" clause, kept to the anchor's sentence and
    paragraph and ending before a direct quote; None when it holds too few words."""
    doc = ctx.doc
    lo, hi = clip(ctx, clause.left_edge.i, clause.right_edge.i + 1, anchor)
    hi = next((k for k in range(lo, hi) if ctx.in_quote[k] >= 0), hi)
    if sum(1 for t in doc[lo:hi] if t.is_alpha) < MIN_CLAIM_WORDS:
        return None
    return doc[lo].idx, end_char(doc, hi)


def _noun_owner(noun: Token) -> Token | None:
    """Whose claim, warning or fear a cue noun is: its possessor ("the council's claim") or
    the object of its "by"/"from" ("a warning from the agency"); None when it has neither."""
    for child in noun.children:
        if child.i < noun.i and (child.dep_ == "poss" or any(
                g.dep_ == "case" and g.tag_ == "POS" for g in child.children)):
            return child
        if child.i > noun.i and child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = pobj_of(child)
            if pobj is not None:
                return pobj
    return None


def _parenthetical(ctx: QuoteContext, verb: Token) -> list[tuple[int, int]] | None:
    """'A, he said, B': the sentence around the attribution, in two pieces."""
    doc = ctx.doc
    head = verb.head
    if head.i == verb.i or not head.tag_.startswith(("VB", "MD")):
        return None
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    cut_lo, cut_hi = verb.left_edge.i, verb.right_edge.i + 1
    if not lo <= cut_lo < cut_hi <= hi:
        return None
    spans = []
    for a, b in ((lo, cut_lo), (cut_hi, hi)):
        a, b = clip(ctx, a, b, verb.i)
        while b > a and doc[b - 1].is_punct and doc[b - 1].text not in ALL_MARKS:
            b -= 1
        if any(t.is_alpha for t in doc[a:b]) and not any(
            ctx.in_quote[k] >= 0 for k in range(a, b)
        ):
            spans.append((doc[a].idx, end_char(doc, b)))
    return spans or None


def _intent_object(ctx: QuoteContext, verb: Token) -> list[tuple[int, int]] | None:
    """'X pledged [to push for an amendment]', 'X cited [comments ...]', 'X called for
    [an inquiry]': the verb's infinitive, object or "for"/"on" phrase."""
    doc = ctx.doc
    target = _intent_target(verb)
    if target is None:
        return None
    lo, hi = clip(ctx, target[0], target[1], verb.i)
    for k in range(lo, hi):
        if ctx.in_quote[k] >= 0:
            hi = k
            break
    lo, hi = shape(ctx, lo, hi, verb, clausal=False)
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS:
        hi -= 1
    if sum(1 for t in doc[lo:hi] if t.is_alpha) < MIN_CLAUSE_WORDS:
        return None
    return [(doc[lo].idx, end_char(doc, hi))]


def _intent_target(verb: Token) -> tuple[int, int] | None:
    """The token range of what an intent or stance verb aims at (see ``_intent_object``)."""
    for child in verb.rights:
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in child.lefts):
            return child.left_edge.i, child.right_edge.i + 1
        if child.dep_ == "dobj":
            # The object with its complement: "called [the charges unsubstantiated]",
            # "urged [Republicans to join ...]", "cited [remarks ... as examples]".
            end = child.right_edge.i + 1
            for sib in verb.rights:
                if sib.i > child.i and (sib.dep_ in ("oprd", "xcomp", "ccomp") or (
                        sib.dep_ == "prep" and sib.lower_ == "as")):
                    end = max(end, sib.right_edge.i + 1)
            named = child.tag_ == "PRP" or child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            if named and end == child.right_edge.i + 1:
                continue
            return child.left_edge.i, end
        if child.dep_ == "prep" and child.lower_ in ("for", "on") and child.i == verb.i + 1:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj.left_edge.i, pobj.right_edge.i + 1
    return None


def outermost(ctx: QuoteContext, reports: list[Report], cands: list[Candidate]
              ) -> tuple[list[Report], list[Candidate]]:
    """Drop reported speech and mixed quotes nested in other reported content ("X said
    [Y called it “a con”]"): the outer attribution tells the reader who says so."""
    doc = ctx.doc
    outer: list[tuple[int, int]] = [span for item in reports for span in item.spans]
    outer.extend(span for cand in cands if cand.kind is Kind.MIXED for span in cand.content)

    def nested(cue: int, own: list[tuple[int, int]]) -> bool:
        at = doc[cue].idx
        return any(s <= at < e and (s, e) not in own for s, e in outer)

    kept = [cand for cand in cands if not (
        cand.kind is Kind.MIXED and cand.cue is not None and nested(cand.cue, cand.content))]
    return [item for item in reports if not nested(item.cue_i, item.spans)], kept


def _reported_item(ctx: QuoteContext, spans: list[tuple[int, int]], speaker: Speaker | None,
                   cue: int, cue_end: int) -> Report:
    kind = "mixed" if any(c in DOUBLE_MARKS for s, e in spans for c in ctx.text[s:e]) \
        else "indirect"
    return Report(kind, spans, speaker, cue_span(ctx.doc, ctx.text, cue, cue_end), cue)


def _reported_clause(ctx: QuoteContext, verb: Token) -> list[tuple[int, int]] | None:
    doc = ctx.doc
    comps = [c for c in verb.children if c.dep_ == "ccomp" and c.tag_.startswith(("VB", "MD"))]
    comp = comps[0] if comps else None
    if comp is not None:
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        # 'believe [the push ... placed on X] [shows Y]': the parse may split one clause
        # in two; what the cue reports runs over both, unless the second is the writer's
        # rejoinder ('said A, yet B').
        for other in comps[1:]:
            if (other.i > verb.i) == (comp.i > verb.i) and not (
                    other.lower_ in ctx.words.speech and subject_of(other) is not None) \
                    and doc[other.left_edge.i - 1].lower_ not in ctx.words.contrasts:
                hi = max(hi, other.right_edge.i + 1)
    else:
        # "described the summit as a turning point ..."
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        as_ = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
        if obj is None or as_ is None or verb.lower_ in ctx.words.beliefs:
            return None
        lo, hi = obj.left_edge.i, as_.right_edge.i + 1
    # The clause must not run into a direct quote.
    for k in range(lo, hi):
        if ctx.in_quote[k] >= 0 or (doc[k].text in DOUBLE_MARKS and comp is None):
            hi = k
            break
    lo, hi = clip(ctx, lo, hi, verb.i)
    lo, hi = shape(ctx, lo, hi, verb, clausal=comp is not None)
    if sum(1 for t in doc[lo:hi] if t.is_alpha) < MIN_CLAUSE_WORDS:
        return None
    if hi <= verb.i:
        # 'However, the plan failed, she said': the writer's connective is not reported.
        while lo + 2 < hi and doc[lo].tag_ == "RB" and doc[lo].dep_ == "advmod" \
                and doc[lo + 1].text == "," and lo == ctx.sent(lo).start:
            lo += 2
    spans = [(doc[lo].idx, end_char(doc, hi))]
    if hi <= verb.i:
        after = _after_attribution(ctx, verb)
        if after is not None:
            spans.append((doc[after[0]].idx, end_char(doc, after[1])))
    return spans


def _after_attribution(ctx: QuoteContext, verb: Token) -> tuple[int, int] | None:
    """'A, the ministry said on Monday, and B': the sentence goes on after an attribution
    set off by commas, and what follows is reported too, unless it is another report
    ("..., adding that ..."), a comment on the speaker (", who ...") or the cue's own
    adjunct (", when asked ...")."""
    doc, p = ctx.doc, ctx.par[verb.i]
    end = ctx.sent(verb.i).end
    subj = subject_of(verb)
    k = max(verb.i, subj.right_edge.i if subj is not None else 0) + 1
    while k < end and doc[k].text != "," and ctx.par[k] == p and ctx.in_quote[k] < 0 \
            and doc[k].text not in ALL_MARKS:
        k += 1
    if k >= end or doc[k].text != ",":
        return None
    lo, hi = clip(ctx, k + 1, end, verb.i)
    for j in range(lo, hi):
        if ctx.in_quote[j] >= 0 or doc[j].text in ALL_MARKS or j in ctx.according:
            return None
    while lo < hi and (doc[lo].dep_ == "cc" or doc[lo].is_punct):
        lo += 1
    hi = cut_tail(ctx, lo, hi)
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    words = [t for t in doc[lo:hi] if t.is_alpha]
    if len(words) < MIN_CLAUSE_WORDS:
        return None
    first = doc[lo]
    top = first
    while top.head.i != top.i and lo <= top.head.i < hi:
        top = top.head
    if first.lower_ in RELATIVES or first.lower_ in ctx.words.adjuncts or any(
        t.tag_.startswith("VB") and ctx.words.reports(t.lower_)
        for t in (top, *(c for c in top.children if c.dep_ == "conj"))
    ):
        return None
    return lo, hi


def according_clause(ctx: QuoteContext, k: int) -> tuple[int, int] | None:
    """What "according to X" attributes: the rest of its sentence when the phrase opens
    or closes it, else the clause it attaches to, without the phrase itctx."""
    doc = ctx.doc
    acc = doc[k]
    phrase = (min(acc.left_edge.i, k), max(acc.right_edge.i + 1, ctx.according[k]))
    sent = ctx.sent(acc.i)
    if acc.dep_ == "ROOT":
        # 'According to X, the plan ...' parsed as one long phrase: the phrase ends at
        # the first comma after its object.
        comma = next((j for j in range(ctx.according[k], phrase[1])
                      if doc[j].text == ","), None)
        if comma is not None:
            phrase = (phrase[0], comma)
    before = [t for t in doc[sent.start:phrase[0]] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[phrase[1]:sent.end] if not (t.is_punct or t.is_space)]
    if not before:
        lo, hi = phrase[1], sent.end
    elif not after:
        lo, hi = sent.start, phrase[0]
    else:
        head = acc.head if acc.dep_ == "prep" else acc
        if head.i == acc.i:
            return None
        lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
        if phrase[0] <= lo:
            lo = phrase[1]
        elif phrase[1] >= hi - 1:
            hi = phrase[0]
    lo, hi = clip(ctx, lo, hi, k)
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS:
        hi -= 1
    if hi - lo < MIN_ACCORDING_TOKENS:
        return None
    return doc[lo].idx, end_char(doc, hi)
