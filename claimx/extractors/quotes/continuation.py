"""Quotes that go on: a direct quote with no attribution of its own continues the quote before
it ('"A," he said. "B."') or takes the speaker of the nearest attribution before it."""

from __future__ import annotations

from claimx.extractors.quotes.cues import QuoteCues
from claimx.extractors.quotes.helpers import end_char, opens_paragraph
from claimx.extractors.quotes.marks import ALL_MARKS, DOUBLE_MARKS, Candidate
from claimx.extractors.quotes.resolver import subject_of
from claimx.models import Speaker

# Words that may stand between a quote and its unattributed continuation ("He paused.").
MAX_GAP_WORDS = 12


class QuoteContinuation(QuoteCues):
    """Joins continued quotes and lends speakers to unattributed ones."""

    def _merge_continuations(self, cands: list[Candidate]) -> list[Candidate]:
        """'"A," he said. "B."' is one quote: a direct quote with no attribution of its own
        joins the attributed quote before it when only that quote's attribution, or one short
        sentence with no other name, stands between them in the paragraph, or when it opens
        the paragraph right after the one that ended with that quote."""
        out: list[Candidate] = []
        for cand in cands:
            prev = out[-1] if out else None
            if (
                prev is not None
                and cand.kind == "direct"
                and prev.kind in ("direct", "mixed")
                and prev.attributed
                and not cand.attributed
                and prev.close_i is not None
                and self._same_marks(prev, cand)
                and self._continues(prev, cand)
            ):
                if prev.kind == "mixed":
                    prev.content.extend(
                        (self.doc[s].idx, end_char(self.doc, e)) for s, e in cand.segments
                        if e > s
                    )
                prev.segments.extend(cand.segments)
                prev.close_i = cand.close_i
                prev.after_end = cand.after_end
                continue
            out.append(cand)
        return out

    def _same_marks(self, prev: Candidate, cand: Candidate) -> bool:
        """A quotation in double marks never runs on into one in single marks (a heading
        such as 'Rivers Are Not Roads' after it), nor the reverse."""
        doc = self.doc
        return (doc[prev.open_i].text in DOUBLE_MARKS) == (doc[cand.open_i].text in DOUBLE_MARKS)

    def _continues(self, prev: Candidate, cand: Candidate) -> bool:
        doc = self.doc
        assert prev.close_i is not None
        gap_start = prev.close_i + 1
        if prev.after_end is not None and prev.cue is not None and prev.cue > prev.close_i:
            gap_start = max(gap_start, prev.after_end)
        gap = [t for t in doc[gap_start:cand.open_i] if not t.is_space and not t.is_punct]
        p_prev, p_cand = self.par[prev.close_i], self.par[cand.open_i]
        if p_prev == p_cand:
            if not gap:
                return True
            return len(gap) <= MAX_GAP_WORDS and not any(
                t.ent_type_ == "PERSON" or t.text in ALL_MARKS for t in gap
            ) and prev.speaker is not None
        # The next paragraph: nothing after the previous quote's attribution, nothing before
        # this quote's opening mark.
        return p_cand == p_prev + 1 and not gap and opens_paragraph(self.doc, cand.open_i)

    def _opens_paragraph(self, i: int) -> bool:
        k = i - 1
        while k >= 0 and self.doc[k].is_space and "\n" not in self.doc[k].text:
            k -= 1
        return k < 0 or "\n" in self.doc[k].text

    def _inherit(self, cands: list[Candidate], reported: list) -> None:
        """Unattributed direct quotes take the speaker of the nearest attribution before them
        in the same or the previous paragraph ("The mayor spoke. “...”")."""
        doc = self.doc
        events: dict[int, tuple[Speaker | None, int]] = {}
        for cand in cands:
            if cand.attributed and cand.cue is not None and cand.speaker is not None:
                events[cand.cue] = (cand.speaker, cand.cue_end or cand.cue + 1)
        for _kind, _spans, speaker, _cue, cue_i in reported:
            if speaker is not None:
                events[cue_i] = (speaker, cue_i + 1)
        # A speech verb with a subject attributes what follows even without a clause.
        for tok in doc:
            if tok.i not in events and self.in_quote[tok.i] < 0 and self._is_cue(tok.i) \
                    and tok.i not in self.according:
                subj = subject_of(tok)
                if subj is not None and self.in_marks[subj.i] < 0:
                    events[tok.i] = (None, tok.i + 1)
        order = sorted(events)
        for cand in cands:
            if cand.attributed or cand.kind != "direct":
                continue
            best = None
            for cue in order:
                if cue >= cand.open_i:
                    break
                best = cue
            if best is None or self.par[cand.open_i] - self.par[best] > 1:
                continue
            speaker, cue_end = events[best]
            if speaker is None:
                subj = subject_of(doc[best])
                speaker = self.speakers.resolve(subj) if subj is not None else None
            cand.speaker = speaker
            cand.cue, cand.cue_end = best, cue_end
