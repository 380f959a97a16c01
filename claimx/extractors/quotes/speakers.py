"""Who speaks through a cue: the subject of the cue verb, the holder of a participle, the
object of "according to", a name before a colon or after a dash."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from claimx.doc.ages import age_after
from claimx.doc.syntax import RELATIVE_PRONOUN, RELATIVES, SPEAKER_FAR, subject_of
from claimx.extractors.quotes.helpers import nounish, opens_paragraph
from claimx.extractors.quotes.marks import ALL_MARKS, DASHES, Candidate
from claimx.extractors.quotes.passive import inverted_speaker
from claimx.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

# How far (tokens) after a cue the parse-missed speaker's name may start ('said Rep. Doe'),
# and how far from the cue its head may be.
NAME_AFTER_CUE = 6
NAME_REACH = 8
# A verbless lead-in before a colon credits the quotation to a name in its last tokens.
COLON_LEAD = 12
# The most words a signature after a dash has ('"..." ― Jane Doe').
SIGNATURE_WORDS = 8


def set_cue(ctx: QuoteContext, cand: Candidate, cue: int) -> None:
    """Make token ``cue`` the quotation's cue and find its speaker."""
    cand.cue = cue
    cand.cue_end = ctx.according.get(cue, ctx.phrase_cues.get(cue, cue + 1))
    cand.attributed = True
    ctx.cues.take(cue, cand.close_i)
    cand.speaker = _speaker_for(ctx, cue, cand)


def _speaker_for(ctx: QuoteContext, cue: int, cand: Candidate | None = None) -> Speaker | None:
    if cue in ctx.according:
        obj = according_object(ctx, cue)
        return ctx.speakers.resolve(obj) if obj is not None else None
    verb = ctx.doc[cue]
    holder = inverted_speaker(ctx, verb) or participle_holder(ctx, verb)
    if holder is not None:
        return ctx.speakers.resolve(holder)
    # A quotation's cue may hang far down a chain of participles: look further up.
    subj = subject_of(verb, SPEAKER_FAR)
    if subj is not None and ctx.in_quote[subj.i] < 0:
        speaker = ctx.speakers.resolve(subj)
        rel = subject_of(verb, RELATIVE_PRONOUN)
        if rel is not None:
            # 'Jane Doe, who joked, "..."': the mention is the relative pronoun, the
            # name is its antecedent's, as with "he".
            mention = Span.of(ctx.text, rel.idx, rel.idx + len(rel.text))
            speaker = dataclasses.replace(speaker, mention=mention)
        return speaker
    return _unparsed_speaker(ctx, cue, cand)


def _unparsed_speaker(ctx: QuoteContext, cue: int, cand: Candidate | None) -> Speaker | None:
    """The speaker when the parse missed the cue's subject. Words between the closing mark
    and the cue are the speaker ('"...," Jane Doe, an economist, told me'); else look after
    the cue ('"...," said Rep. Jane Doe'), skipping times ("said Thursday")."""
    doc = ctx.doc
    if cand is not None and cand.close_i is not None and cand.close_i < cue:
        age = next((a for k in range(cand.close_i + 1, cue) if (a := age_after(doc, k))), None)
        if age is not None:
            return ctx.speakers.resolve(age)  # '"...," the 30-year-old said'
        words = [t for t in doc[cand.close_i + 1:cue] if nounish(t)]
        if words:
            return ctx.speakers.resolve(doc[words[0].i:words[-1].i + 1].root)
    # Before the quote, 'said Smith: "..."' names the speaker after the cue, but
    # 'Describing Mr Smith as ...' names its object there.
    before = cand is not None and (cand.close_i is None or cue < cand.close_i)
    for k in range(cue + 1, min(ctx.n, cue + NAME_AFTER_CUE)):
        tok = doc[k]
        age = age_after(doc, k)
        if age is not None:
            return ctx.speakers.resolve(age)  # 'added the 30-year-old'
        if tok.is_punct or ctx.in_quote[k] >= 0 or ctx.par[k] != ctx.par[cue] \
                or tok.tag_ == "IN":
            break
        if tok.ent_type_ in ("DATE", "TIME"):
            continue
        if nounish(tok):
            if before and tok.dep_ in ("dobj", "pobj", "dative", "attr", "oprd"):
                return None
            head = tok
            while head.head.i != head.i and nounish(head.head) \
                    and abs(head.head.i - cue) < NAME_REACH:
                head = head.head
            return ctx.speakers.resolve(head)
    return None


def _outside(ctx: QuoteContext, tok: Token | None) -> Token | None:
    """``tok``, unless it stands inside a quotation (or is None)."""
    return tok if tok is not None and ctx.in_quote[tok.i] < 0 else None


def participle_holder(ctx: QuoteContext, verb: Token) -> Token | None:
    """Who speaks through a participle cue: the noun it describes ('footage of Jane Doe
    asking, "..."'), or, after a comma, the subject of the sentence's main verb ('Doe
    defended the plan when asked about its cost, saying, "..."'): the parse often hangs
    the participle on the nearest verb, whose subject is someone else."""
    if verb.tag_ != "VBG":
        return None
    opener = _opening_participle_holder(ctx, verb)
    if opener is not None:
        return opener
    head = verb.head
    # 'the board put out a statement describing the deal as “a mistake”': whoever put
    # out the statement speaks.
    if verb.dep_ == "acl" and head.i < verb.i and head.lower_ in ctx.words.nouns \
            and head.dep_ == "dobj":
        return _outside(ctx, subject_of(head.head))
    if verb.i == 0:
        return None
    return _inner_participle_holder(ctx, verb)


def _opening_participle_holder(ctx: QuoteContext, verb: Token) -> Token | None:
    """'Bemoaning the “rigged” rules, Smith ...': a participle opening the sentence speaks
    for the subject of the verb it hangs on."""
    if verb.dep_ != "advcl" or not (verb.i == ctx.sent(verb.i).start
                                    or opens_paragraph(ctx.doc, verb.i)):
        return None
    j = verb.right_edge.i + 1
    while j < ctx.n and (ctx.doc[j].is_punct or ctx.doc[j].is_space):
        j += 1
    subj = ctx.doc[j] if j < ctx.n and ctx.par[j] == ctx.par[verb.i] else None
    while subj is not None and subj.dep_ in ("compound", "amod", "det", "poss") \
            and subj.head.i > subj.i:
        subj = subj.head
    if subj is not None and subj.dep_ in ("nsubj", "nsubjpass"):
        return _outside(ctx, subj)
    return None


def _inner_participle_holder(ctx: QuoteContext, verb: Token) -> Token | None:
    """``participle_holder`` for a participle after the start of the document."""
    head = verb.head
    # 'footage of Jane Doe saying, "..."': the person the clip shows speaks.
    for child in verb.lefts:
        if child.dep_ == "nsubj" and not child.ent_type_ and child.tag_.startswith("NN"):
            shown = next((g for p in child.rights if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children
                          if g.dep_ == "pobj" and g.ent_type_ == "PERSON"), None)
            if shown is not None and ctx.in_quote[shown.i] < 0:
                return shown
    if verb.dep_ == "acl" and head.i < verb.i and (
        head.ent_type_ in ("PERSON", "ORG", "NORP") or head.tag_ == "PRP"
    ):
        return _outside(ctx, head)
    return _main_subject(ctx, verb)


def _main_subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """The subject of the sentence's main verb, for a participle after a comma or a time
    preposition ('X sang before asking her, "..."')."""
    head = verb.head
    prev = verb.i - 1
    while prev > 0 and ctx.doc[prev].is_space:
        prev -= 1
    timed = verb.dep_ == "pcomp" and head.lower_ in ctx.words.time_preps
    if ctx.doc[prev].text != "," and not timed:
        return None
    sent = ctx.sent(verb.i)
    root = sent.root
    verbs = [root] if root.i < verb.i and ctx.in_quote[root.i] < 0 else []
    # The parse may hang the sentence on a quotation's verb: then the first verb
    # outside quotes with a subject leads the sentence.
    verbs += [t for t in ctx.doc[sent.start:verb.i] if t.tag_.startswith(("VB", "MD"))
              and ctx.in_quote[t.i] < 0]
    for main in verbs:
        if not main.tag_.startswith(("VB", "MD")):
            continue
        subj = subject_of(main)
        if subj is not None and subj.i < verb.i and ctx.in_quote[subj.i] < 0 \
                and subj.lower_ not in RELATIVES:
            return subj
    return None


def colon_speaker(ctx: QuoteContext, cand: Candidate) -> Speaker | None:
    doc = ctx.doc
    k = cand.open_i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    # 'X made the following statement:' may end the paragraph before the quotation.
    colon = k >= 0 and doc[k].text == ":"
    while k >= 0 and (doc[k].is_space or doc[k].text == ":"):
        k -= 1
    same = k >= 0 and ctx.par[k] == ctx.par[cand.open_i]
    if k < 0 or not (same or (colon and ctx.par[k] == ctx.par[cand.open_i] - 1)) \
            or ctx.in_quote[k] >= 0:
        return None
    sent = ctx.sent(k)
    root = sent.root
    subj = subject_of(root) if root.tag_.startswith(("VB", "MD")) else None
    if subj is None or subj.i > k or ctx.in_quote[subj.i] >= 0:
        return _colon_name(ctx, sent.start, k) if subj is None else None
    if subj.ent_type_ not in ("PERSON", "ORG", "NORP") and subj.tag_ != "PRP":
        return _colon_name(ctx, sent.start, k)
    return ctx.speakers.resolve(subj)


def _colon_name(ctx: QuoteContext, lo: int, hi: int) -> Speaker | None:
    """'A lesson from Jane Doe: “...”': a verbless lead-in, as headlines have, credits the
    quotation to the one person it names."""
    doc = ctx.doc
    lo = max(lo, hi - COLON_LEAD)
    heads = [t for t in doc[lo:hi + 1] if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    if len(heads) != 1 or any(
        t.tag_.startswith(("VBD", "VBZ", "VBP", "MD")) for t in doc[lo:hi + 1]
    ) or any(ctx.par[t.i] != ctx.par[hi] for t in doc[lo:hi + 1]):
        return None
    return ctx.speakers.resolve(heads[0])


def dash_speaker(ctx: QuoteContext, cand: Candidate) -> Speaker | None:
    """'"..." ― Jane Doe' at the end of a paragraph: a signed quote, no cue."""
    doc, n = ctx.doc, ctx.n
    if cand.close_i is None:
        return None
    k = cand.close_i + 1
    while k < n and doc[k].is_space and "\n" not in doc[k].text:
        k += 1
    if k >= n or doc[k].text not in DASHES:
        return None
    p = ctx.par[cand.close_i]
    lo = k + 1
    while lo < n and doc[lo].is_space and "\n" not in doc[lo].text:
        lo += 1
    hi = lo
    while hi < n and ctx.par[hi] == p and not doc[hi].is_space and hi - lo < SIGNATURE_WORDS \
            and doc[hi].text not in (".", "!", "?", ",", ";", "(") \
            and doc[hi].text not in ALL_MARKS:
        hi += 1
    end = hi
    while end < n and (doc[end].text in (".",) or doc[end].is_space) and \
            "\n" not in doc[end].text:
        end += 1
    if hi == lo or (end < n and ctx.par[end] == p and "\n" not in doc[end].text):
        return None
    words = doc[lo:hi]
    if not all(t.is_title or t.is_punct or t.like_num for t in words):
        return None
    return ctx.speakers.resolve(words.root)


def according_object(ctx: QuoteContext, cue: int) -> Token | None:
    end = ctx.according[cue]
    to = ctx.doc[end - 1]
    for child in to.children:
        if child.dep_ == "pobj":
            return child
    return ctx.doc[end] if end < ctx.n and not ctx.doc[end].is_punct else None
