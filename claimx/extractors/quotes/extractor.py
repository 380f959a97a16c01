"""Quotations and who said them: direct, mixed and reported speech with speakers and cues.

One pass over the tokens pairs quotation marks paragraph by paragraph (curly, straight, «»,
doubled apostrophes, single marks outside double ones), then each quoted stretch is read in
its sentence:

- attributed after ("...," Smith said / said Smith) or before (Smith said: "..." / according
  to Smith, "...") -> a direct quote;
- a whole sentence in marks with no attribution of its own -> a direct quote that continues the
  previous quote of the paragraph (one quote, several content spans) or takes the speaker of
  the nearest attribution before it ("He emphasized that ... “In the modern era ...”");
- marks inside a sentence governed by a cue verb ("called the plan “a disaster”") -> a mixed
  quote whose content is the reported clause;
- marks inside a sentence with no cue (names, titles, scare quotes) -> not a quote.

Then every speech verb with a subject and a reported clause that is not already a quote's cue
gives reported (indirect) speech, as do "according to X" and "described X as Y".

Reported words end where the report ends, not where the parse's subtree ends: on across
coordination the parse hung on the cue verb ("said [A, but B]"), back before the writer's
trailing comment (", citing ...", ", though ...", an appositive, a parenthesis), before the
speaker's next act or someone else's report ("said A and added B"). A mixed quote starts where
the report starts: with the cue's object or clause before the marks, and with the outer speech
verb when the quotation's own cue sits in its reported clause.

Each part has a module of its own: quote_marks (pairing marks), quote_kinds (what a quoted
stretch is), quote_cues and quote_speakers (its cue and speaker), quote_continuation (quotes
that go on), reported_speech and reported_bounds (indirect speech and where it ends),
quote_helpers (token and text helpers), quote_state (the state they share). This module runs
them in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimx.extractors.quotes.continuation import QuoteContinuation
from claimx.extractors.quotes.helpers import (
    cue_span,
    end_char,
    has_double_mark,
    has_word,
    outside,
    trim,
    wordlike,
)
from claimx.extractors.quotes.kinds import QuoteKinds
from claimx.extractors.quotes.marks import pair_marks
from claimx.extractors.quotes.resolver import SpeakerResolver
from claimx.models import Entity, Furniture, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.rules.loader import PatternSet

# tests/test_quotes.py imports the word test under its old private name.
_wordlike = wordlike
__all__ = ["QuoteExtractor", "_wordlike"]


class QuoteExtractor:
    """Finds direct, mixed and reported quotes with speakers and cues in a parsed Doc."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        from claimx.rules.loader import RuleMatcher

        self.patterns = patterns
        self.speech = patterns.word_list("cue_verbs")
        self.beliefs = patterns.word_list("cue_beliefs")
        self.framing = patterns.word_list("cue_framing")
        self.intent = patterns.word_list("cue_intent")
        self.direct_only = patterns.word_list("cue_direct_only")
        self.nouns = patterns.word_list("cue_nouns")
        self.listeners = patterns.word_list("cue_listeners")
        self.adjuncts = patterns.word_list("cue_adjuncts")
        self.titles = frozenset(w.rstrip(".") for w in patterns.word_list("titles"))
        self.given_names = {row[0]: row[1] for row in patterns.table("names_gender")
                            if len(row) > 1 and row[1] in ("f", "m")}
        self.phrases = RuleMatcher(nlp, patterns.rules_for("cue_phrases"))

    def __call__(
        self, doc: Doc, *, entities: Sequence[Entity] = (), furniture: Sequence[Furniture] = ()
    ) -> list[Quote]:
        if not len(doc) or not doc.has_annotation("DEP"):
            return []
        return _Run(self, doc, entities).quotes(furniture)


class _Run(QuoteKinds, QuoteContinuation):
    """One document's quotes: marks paired, each quotation read, then reported speech."""

    def quotes(self, furniture: Sequence[Furniture]) -> list[Quote]:
        cands = pair_marks(self.doc, self.par)
        for number, cand in enumerate(cands):
            for s, e in cand.segments:
                for i in range(s, e):
                    self.in_quote[i] = number
        self.in_marks = list(self.in_quote)  # inside any pair of marks, even a scare quote
        blocked = [(self.doc[s].idx, end_char(self.doc, e)) for c in cands for s, e in c.segments
                   if e > s]
        self.speakers = SpeakerResolver(self.doc, self.entities, self.ex.titles, blocked,
                                        text=self.text, given_names=self.ex.given_names)
        # 'Del. Marcia "Cia" Price': a nickname inside a name is part of the name.
        self.nick_marks: set[int] = set()
        for cand in cands:
            if self._nickname(cand):
                cand.kind = "scare"
                assert cand.close_i is not None
                self.nick_marks.update(range(cand.open_i, cand.close_i + 1))
        for cand in cands:
            if cand.kind != "scare":
                self._attribute(cand)
        cands = [c for c in cands if c.kind in ("direct", "mixed")]
        cands = self._merge_continuations(cands)
        # Reported speech may contain mixed quotes and scare quotes, never a direct quote.
        self.in_quote = [-1] * self.n
        for number, cand in enumerate(cands):
            if cand.kind == "direct":
                for s, e in cand.segments:
                    for i in range(s, e):
                        self.in_quote[i] = number
        reported = self._outermost(self._reported(), cands)
        cands = [c for c in cands if c.kind != "nested"]
        self._inherit(cands, reported)
        out: list[tuple[str, list[tuple[int, int]], Speaker | None, Span | None]] = []
        for cand in cands:
            spans = cand.content or [
                (self.doc[s].idx, end_char(self.doc, e)) for s, e in cand.segments if e > s
            ]
            cue = cue_span(self.doc, self.text, cand.cue, cand.cue_end)
            out.append((cand.kind, spans, cand.speaker, cue))
        out.extend(item[:4] for item in reported)
        walls = [(f.start, f.end) for f in furniture]
        # A direct quotation (from its opening mark) belongs to no other quote.
        zones = [(self.doc[c.open_i].idx, max(e for _, e in spans)) for c, (kind, spans, _, _)
                 in zip(cands, out, strict=False) if kind == "direct" and spans]
        quotes: list[Quote] = []
        out.sort(key=lambda q: q[1][0][0] if q[1] else 0)
        taken: list[tuple[int, int]] = []
        for kind, spans, speaker, cue in out:
            if kind != "direct":
                spans = outside(spans, zones)
            clean = [trim(self.text, s, e, marks=kind == "direct") for s, e in spans]
            clean = [(s, e) for s, e in clean if e > s and has_word(self.text, s, e)]
            if kind != "direct" and any(s < te and ts < e for s, e in clean for ts, te in taken):
                continue  # the same words reported twice: the first reading stands
            taken.extend(clean)
            if not clean or any(s < we and ws < e for s, e in clean for ws, we in walls):
                continue
            if kind == "mixed" and not any(has_double_mark(self.text[s:e]) for s, e in clean):
                kind = "indirect"  # its quoted words went to a direct quote of their own
            quotes.append(
                Quote(
                    id=f"q{len(quotes) + 1}",
                    type=kind,
                    content=tuple(Span.of(self.text, s, e) for s, e in clean),
                    speaker=speaker,
                    cue=cue,
                )
            )
        return quotes
