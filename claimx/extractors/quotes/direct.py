"""Direct quotes: a quoted stretch that opens and ends cleanly in its sentence, attributed
after ("...," Smith said / said Smith), before (Smith said: "..." / according to Smith, "..."),
signed after a dash, or by the subject before a colon. Some of them turn out to be mixed: the
quotation finishes a clause its cue began ('said that “...”', 'what the mayor called “...”',
'A, the mayor said, “...”').

``attribute`` reads one candidate and returns its kind; the caller sets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import end_char
from claimx.doc.syntax import subject_of
from claimx.extractors.quotes.bounds import clip
from claimx.extractors.quotes.cues import after, before, ends_clean, that_between
from claimx.extractors.quotes.helpers import opens_paragraph, resumes_quote, word_count
from claimx.extractors.quotes.marks import ALL_MARKS, DOUBLE_MARKS, Candidate, Kind, turn_label
from claimx.extractors.quotes.mixed import after_dash, mixed
from claimx.extractors.quotes.speakers import colon_speaker, dash_speaker, set_cue

if TYPE_CHECKING:
    from claimx.extractors.quotes.context import QuoteContext

# A quotation of fewer words with no speaker of its own is a name or a scare quote.
MIN_STANDALONE_WORDS = 3
# A section heading in single marks has at most this many words.
MAX_HEADING_WORDS = 10
# What a cue reports before the quotation's mark has at least this many words.
MIN_LEAD_WORDS = 2
# The longest noun phrase before a parenthetical attribution that is quoted speech cut short.
MAX_LEAD_WORDS = 12
# How many verbs up the speech verb whose clause holds a quotation's cue may stand.
OUTER_DEPTH = 3

Content = list[tuple[int, int]]


def attribute(ctx: QuoteContext, cand: Candidate) -> Kind:
    """What the candidate is; sets its cue, speaker and (for a mixed quote) content."""
    if _transcript_turn(ctx, cand):
        return Kind.DIRECT
    start_kind, before_cue = before(ctx, cand)
    after_cue = after(ctx, cand) if cand.close_i is not None else None
    signed = dash_speaker(ctx, cand) if after_cue is None else None
    clean_start = start_kind in ("start", "colon") or before_cue is not None
    clean_end = after_cue is not None or signed is not None or ends_clean(ctx, cand)
    if start_kind == "start" and after_cue is None and signed is None \
            and after_dash(ctx, cand) and mixed(ctx, cand):
        # 'said the museum would tell their stories -- “the farmer and the porter”': a
        # quotation after a dash finishes the reported sentence, a mixed quote.
        return Kind.MIXED
    if not (clean_start and clean_end):
        return Kind.MIXED if mixed(ctx, cand) else Kind.SCARE
    if after_cue is not None and before_cue is not None and _introduces_next(ctx, after_cue):
        # 'Lee said: "A." Kim said: "B."': Kim's colon introduces B; A is Lee's.
        after_cue = None
    cue = after_cue if after_cue is not None else before_cue
    if cue is not None:
        set_cue(ctx, cand, cue)
    elif signed is not None:
        cand.speaker = signed
        cand.attributed = True
    elif start_kind == "colon":
        # 'Obama has a new message: “...”': the subject before the colon speaks.
        cand.speaker = colon_speaker(ctx, cand)
        cand.attributed = cand.speaker is not None
    content = _finished_clause(ctx, cand, start_kind, after_cue=after_cue)
    if content is not None:
        cand.content = content
        return Kind.MIXED
    if not cand.attributed and (word_count(ctx.doc, cand) < MIN_STANDALONE_WORDS
                                or _heading(ctx, cand)):
        return Kind.SCARE
    return Kind.DIRECT


def _introduces_next(ctx: QuoteContext, cue: int) -> bool:
    """The cue's clause ends in a colon and an opening mark: it attributes the quotation
    after it, not the one before."""
    doc = ctx.doc
    sent_end = ctx.sent(cue).end
    for k in range(cue + 1, min(sent_end, cue + MAX_LEAD_WORDS)):
        if doc[k].text == ":":
            return k + 1 < ctx.n and doc[k + 1].text in ALL_MARKS
        if doc[k].text in ALL_MARKS:
            return False
    return False


def _transcript_turn(ctx: QuoteContext, cand: Candidate) -> bool:
    """'"PENCE: Well, ...': a turn of a transcript in marks; the label names the speaker
    and is no part of the words. Sets the candidate's speaker and first segment."""
    doc = ctx.doc
    colon = turn_label(doc, cand.open_i + 1) if opens_paragraph(doc, cand.open_i) else None
    end = cand.segments[0][1]
    # A turn opens a sentence ('"LEE: We ...'); 'US: the deal is off' is a headline.
    if colon is None or not colon + 1 < end or not doc[colon + 1].text[:1].isupper():
        return False
    cand.segments[0] = (colon + 1, end)
    cand.speaker = ctx.speakers.resolve(doc[colon - 1])
    cand.attributed = True
    return True


def _finished_clause(ctx: QuoteContext, cand: Candidate, start_kind: str, *,
                     after_cue: int | None) -> Content | None:
    """The content of a quotation that finishes a clause its cue began, which makes it a
    mixed quote; None for a direct quote."""
    if start_kind == "that":
        return _that_clause(ctx, cand)
    if after_cue is not None and start_kind in ("start", "colon"):
        tail = _tail_before(ctx, cand, after_cue)
        if tail is not None:
            # '“Nobody reads the fine print” on these deals, she said': the words after
            # the mark finish the quoted sentence, so the quote is mixed and runs on.
            return [(ctx.doc[cand.open_i].idx, end_char(ctx.doc, tail))]
    cue = cand.cue
    if start_kind == "cue" and cue is not None and cue == cand.open_i - 1:
        what = next((c for c in ctx.doc[cue].lefts if c.lower_ == "what" and c.tag_ == "WP"),
                    None)
        if what is not None:
            # 'what the mayor called “a plan ...”': the quote ends a free relative.
            return [(what.idx, _close_char(ctx, cand))]
    if start_kind not in ("cue", "colon"):
        return None
    return _after_cue_clause(ctx, cand, start_kind, after_cue=after_cue)


def _after_cue_clause(ctx: QuoteContext, cand: Candidate, start_kind: str, *,
                      after_cue: int | None) -> Content | None:
    """``_finished_clause`` for a quotation after its cue or a colon."""
    cue = cand.cue
    outer = _outer_speech(ctx, cand) if after_cue is None else None
    if outer is not None:
        # 'She said she remembered thinking, “...”': the quotation is part of what an
        # earlier speech verb reports, a mixed quote of that verb's speaker.
        verb, lo = outer
        if cand.cue is not None:
            ctx.cues.release(cand.cue)
        set_cue(ctx, cand, verb)
        return [(ctx.doc[lo].idx, _close_char(ctx, cand))]
    lead_in = _lead_in(ctx, cand)
    if lead_in is not None:
        # 'said she had one quality for the job: “Steadiness.”': the quotation ends
        # the sentence the speaker's reported words began, a mixed quote.
        return [(ctx.doc[lead_in].idx, _close_char(ctx, cand))]
    if start_kind == "cue" and cue is not None and cue < cand.open_i:
        first = ctx.doc[cand.open_i + 1] if cand.open_i + 1 < ctx.n else None
        lead = _lead_before_parenthetical(
            ctx, cue, runs_on=first is not None and first.is_lower and first.is_alpha
        )
        if lead is not None:
            # 'It is, the mayor said, “a bridge too far”': one sentence, partly quoted.
            return [lead, (ctx.doc[cand.open_i].idx, _close_char(ctx, cand))]
    return None


def _tail_before(ctx: QuoteContext, cand: Candidate, cue: int) -> int | None:
    """The end (token) of words between the closing mark and the attribution after it that
    go on with the quoted sentence; None when only punctuation stands there."""
    doc = ctx.doc
    assert cand.close_i is not None
    subj = subject_of(doc[cue])
    start = cue if subj is None or subj.i > cue else min(cue, subj.left_edge.i)
    hi = start
    while hi > cand.close_i + 1 and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    words = doc[cand.close_i + 1:hi]
    if not any(t.is_alpha for t in words) or hi == start \
            or any(ctx.in_marks[t.i] >= 0 or t.text in ALL_MARKS for t in words):
        return None
    return hi


def _close_char(ctx: QuoteContext, cand: Candidate) -> int:
    """Where a mixed quote's content ends: after the closing mark, or with the quotation."""
    end = cand.close_i + 1 if cand.close_i is not None else cand.segments[-1][1]
    return end_char(ctx.doc, end)


def _that_clause(ctx: QuoteContext, cand: Candidate) -> Content:
    """'said that “...”': the reported clause opens with "that", a mixed quote."""
    doc = ctx.doc
    assert cand.cue is not None
    that = doc[that_between(ctx, cand.cue, cand.open_i) or cand.open_i - 1]
    end = cand.close_i + 1 if cand.close_i is not None else cand.segments[-1][1]
    # 'said he hopes the vote sends a message that “...”': the "that" opens a
    # clause deep in the report; the report starts with the cue's complement.
    start = that.i
    for child in doc[cand.cue].rights:
        if child.dep_ in ("ccomp", "xcomp") and \
                child.left_edge.i < that.i <= child.right_edge.i:
            start = clip(ctx, child.left_edge.i, that.i + 1, cand.cue)[0]
            break
    return [(doc[start].idx, end_char(doc, end))] if end > start else []


def _outer_speech(ctx: QuoteContext, cand: Candidate) -> tuple[int, int] | None:
    """The speech verb whose reported clause holds the quotation's cue ('said [she
    remembered thinking], “...”'), with the first token of that clause; None when the cue
    reports on its own or names a speaker of its own."""
    doc, cue = ctx.doc, cand.cue
    if cue is None or cue >= cand.open_i or cue in ctx.according or cue in ctx.phrase_cues:
        return None
    node = doc[cue]
    inner = subject_of(node)
    if inner is not None and inner.tag_ != "PRP":
        return None  # '..., and the mother replied, “...”': a speaker of its own
    for _ in range(OUTER_DEPTH):
        head = node.head
        if head.i == node.i or node.dep_ not in ("ccomp", "conj", "xcomp"):
            return None
        if node.dep_ == "ccomp" and head.i < node.left_edge.i < cue \
                and head.lower_ in ctx.words.speech and head.tag_.startswith("VB") \
                and head.i not in ctx.cues.used and ctx.in_quote[head.i] < 0 \
                and ctx.par[head.i] == ctx.par[cand.open_i] \
                and subject_of(head) is not None:
            lo, _ = clip(ctx, node.left_edge.i, cand.open_i, head.i)
            return (head.i, lo) if lo < cand.open_i else None
        node = head
    return None


def _lead_in(ctx: QuoteContext, cand: Candidate) -> int | None:
    """The first token of what the cue reports before the quotation's mark ('said [she
    has one quality]: “...”', 'often says [things like], “...”'), when the cue governs
    a clause or an object there; not a listener or a time ('told reporters: “...”')."""
    doc, cue = ctx.doc, cand.cue
    if cue is None or cue >= cand.open_i - 1 or cue in ctx.according \
            or cue in ctx.phrase_cues:
        return None
    for child in doc[cue].rights:
        if child.i >= cand.open_i:
            break
        if child.dep_ not in ("ccomp", "dobj", "xcomp"):
            continue
        listener = child.tag_ in ("PRP", "NNP", "NNPS") or child.ent_type_ in (
            "PERSON", "ORG", "NORP", "GPE", "DATE", "TIME")
        if child.dep_ == "dobj" and (listener or child.lower_ in ctx.words.listeners
                                     or resumes_quote(child)):
            continue
        words = [t for t in doc[child.left_edge.i:cand.open_i] if t.is_alpha]
        if len(words) < MIN_LEAD_WORDS or any(ctx.in_quote[t.i] >= 0 for t in words):
            return None
        lo, _ = clip(ctx, child.left_edge.i, cand.open_i, cue)
        return lo
    return None


def _heading(ctx: QuoteContext, cand: Candidate) -> bool:
    """A paragraph that is only a title-cased phrase in single marks ('‘A Legend in the
    Valley.’'): a section heading, as newspapers print them, not a quotation."""
    doc = ctx.doc
    if doc[cand.open_i].text in DOUBLE_MARKS or cand.close_i is None:
        return False
    if not opens_paragraph(ctx.doc, cand.open_i):
        return False
    k = cand.close_i + 1
    while k < ctx.n and not doc[k].is_space and doc[k].is_punct:
        k += 1
    if k < ctx.n and not (doc[k].is_space and "\n" in doc[k].text):
        return False
    words = [t for t in doc[cand.open_i + 1:cand.close_i] if t.is_alpha]
    return bool(words) and len(words) <= MAX_HEADING_WORDS and sum(
        t.is_title or t.lower_ in ctx.words.heading_small for t in words
    ) == len(words)


def _lead_before_parenthetical(ctx: QuoteContext, cue: int, *, runs_on: bool = False
                               ) -> tuple[int, int] | None:
    """The words of the sentence before a parenthetical attribution ("A, X said, ..."),
    when the cue hangs inside the sentence rather than governing it. ``runs_on``: the
    quotation opens in lower case ('Once the vote was lost, Lee said, "it was over."'),
    so it finishes the sentence the lead began, whatever the lead holds."""
    doc = ctx.doc
    verb = doc[cue]
    subj = subject_of(verb)
    if subj is None or subj.i > cue:
        return None
    start = min(subj.left_edge.i, cue)
    lo, hi = clip(ctx, ctx.sent(verb.i).start, start, cue)
    if hi <= lo or doc[hi - 1].text != ",":
        return None
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS:
        hi -= 1
    words = doc[lo:hi]
    if not words or any(ctx.in_quote[k] >= 0 for k in range(lo, hi)):
        return None
    if verb.dep_ != "parataxis" and not runs_on:
        # With the cue as the sentence's verb, only a noun phrase in front is quoted
        # speech cut short ("The bridge, the engineer said, “...”"); a time or a
        # prepositional phrase ("On Monday, Smith said, “...”") is not.
        first = words[0]
        if first.tag_ in ("IN", "RB", "WRB", "CC", "TO", "UH") or first.ent_type_ in (
            "DATE", "TIME"
        ) or not any(t.tag_.startswith(("NN", "PRP")) for t in words):
            return None
        if any(t.tag_.startswith("VB") for t in words) or len(words) > MAX_LEAD_WORDS:
            return None
    return doc[lo].idx, end_char(doc, hi)


