"""Quotes that go on: a direct quote with no attribution of its own continues the quote before
it ('"A," he said. "B."') or takes the speaker of the nearest attribution before it, unless a
sentence with a new subject stands between them ('"A," she said. The chairman shook his head.
"B."'): then B is that subject's, and never part of A."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.offsets import end_char, index_from
from claimx.doc.syntax import subject_of
from claimx.extractors.quotes.helpers import opens_paragraph
from claimx.extractors.quotes.marks import ALL_MARKS, DOUBLE_MARKS, Candidate, Kind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext
    from claimx.extractors.quotes.reported import Report
    from claimx.models import Speaker

# Words that may stand between a quote and its unattributed continuation ("He paused.").
MAX_GAP_WORDS = 12


def merge_continuations(ctx: QuoteContext, cands: list[Candidate]) -> list[Candidate]:
    """'"A," he said. "B."' is one quote: a direct quote with no attribution of its own
    joins the attributed quote before it when only that quote's attribution, or one short
    sentence with no other name, stands between them in the paragraph, or when it opens
    the paragraph right after the one that ended with that quote."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and cand.kind is Kind.DIRECT
            and prev.kind in (Kind.DIRECT, Kind.MIXED)
            and prev.attributed
            and not cand.attributed
            and prev.close_i is not None
            and _same_marks(ctx, prev, cand)
            and _continues(ctx, prev, cand)
        ):
            if prev.kind is Kind.MIXED:
                prev.content.extend(
                    (ctx.doc[s].idx, end_char(ctx.doc, e)) for s, e in cand.segments
                    if e > s
                )
            prev.segments.extend(cand.segments)
            prev.close_i = cand.close_i
            prev.after_end = cand.after_end
            continue
        out.append(cand)
    return out


def _same_marks(ctx: QuoteContext, prev: Candidate, cand: Candidate) -> bool:
    """A quotation in double marks never runs on into one in single marks (a heading
    such as 'Rivers Are Not Roads' after it), nor the reverse."""
    doc = ctx.doc
    return (doc[prev.open_i].text in DOUBLE_MARKS) == (doc[cand.open_i].text in DOUBLE_MARKS)


def _continues(ctx: QuoteContext, prev: Candidate, cand: Candidate) -> bool:
    doc = ctx.doc
    assert prev.close_i is not None
    gap_start = prev.close_i + 1
    if prev.after_end is not None and prev.cue is not None and prev.cue > prev.close_i:
        gap_start = max(gap_start, prev.after_end)
    gap = [t for t in doc[gap_start:cand.open_i] if not t.is_space and not t.is_punct]
    p_prev, p_cand = ctx.par[prev.close_i], ctx.par[cand.open_i]
    if p_prev == p_cand:
        if not gap:
            return True
        return len(gap) <= MAX_GAP_WORDS and not any(
            t.ent_type_ == "PERSON" or t.text in ALL_MARKS or _new_subject(t, prev) for t in gap
        ) and prev.speaker is not None
    # The next paragraph: nothing after the previous quote's attribution, nothing before
    # this quote's opening mark.
    return p_cand == p_prev + 1 and not gap and opens_paragraph(ctx.doc, cand.open_i)


def _new_subject(tok: Token, prev: Candidate) -> bool:
    """A subject that is no pronoun ('The mayor disagreed.') brings someone new in: the
    quote after it is not the last speaker's continuation. The subject of the previous
    quote's own cue is that quote's speaker."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ != "PRP" \
        and tok.head.i != prev.cue


def inherit(ctx: QuoteContext, cands: list[Candidate], reports: list[Report]) -> None:
    """Unattributed direct quotes take the speaker of the nearest attribution before them
    in the same or the previous paragraph ("The mayor spoke. “...”")."""
    events = _attributions(ctx, cands, reports)
    order = sorted(events)
    for cand in cands:
        if cand.attributed or cand.kind is not Kind.DIRECT:
            continue
        at = index_from(order, cand.open_i) - 1  # the last cue before the quote
        if at < 0 or ctx.par[cand.open_i] - ctx.par[order[at]] > 1:
            continue
        best = order[at]
        speaker, cue_end = events[best]
        if speaker is None:
            subj = subject_of(ctx.doc[best])
            speaker = ctx.speakers.resolve(subj) if subj is not None else None
        newcomer = _newcomer(ctx, best, cand.open_i)
        if newcomer is not None:
            # '"A," the caretaker said. The fire officer shook his head. "B."': B is the
            # fire officer's, who came in after the last attribution (and its cue).
            cand.speaker = ctx.speakers.resolve(newcomer)
            continue
        cand.speaker = speaker
        cand.cue, cand.cue_end = best, cue_end


def _newcomer(ctx: QuoteContext, cue: int, open_i: int) -> Token | None:
    """The subject, no pronoun, of the last sentence between a cue and a quotation of its
    paragraph, when that sentence is no quotation's: someone new in the story."""
    if ctx.par[cue] != ctx.par[open_i] or open_i == 0:
        return None
    sent = ctx.sent(open_i - 1)
    if sent.start <= cue or any(ctx.in_quote[k] >= 0 for k in range(sent.start, sent.end)):
        return None
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ == "PRP" or ctx.in_marks[subj.i] >= 0:
        return None
    return subj


def _attributions(ctx: QuoteContext, cands: list[Candidate], reports: list[Report]
                  ) -> dict[int, tuple[Speaker | None, int]]:
    """Cue token -> its speaker (None: resolve it when needed) and the cue's end, for every
    attribution in the document."""
    events: dict[int, tuple[Speaker | None, int]] = {}
    for cand in cands:
        if cand.attributed and cand.cue is not None and cand.speaker is not None:
            events[cand.cue] = (cand.speaker, cand.cue_end or cand.cue + 1)
    for report in reports:
        if report.speaker is not None:
            events[report.cue_i] = (report.speaker, report.cue_i + 1)
    # A speech verb with a subject attributes what follows even without a clause.
    for i in ctx.cues_in_order():
        if i not in events and ctx.in_quote[i] < 0 and i not in ctx.according:
            subj = subject_of(ctx.doc[i])
            if subj is not None and ctx.in_marks[subj.i] < 0:
                events[i] = (None, i + 1)
    return events
