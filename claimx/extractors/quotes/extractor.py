"""Quotations and who said them: direct, mixed and reported speech with speakers and cues.

One pass over the tokens pairs quotation marks paragraph by paragraph (curly, straight, «»,
doubled apostrophes, single marks outside double ones), then each quoted stretch is read in
its sentence:

- attributed after ("...," Smith said / said Smith) or before (Smith said: "..." / according
  to Smith, "...") -> a direct quote;
- a whole sentence in marks with no attribution of its own -> a direct quote that continues the
  previous quote of the paragraph (one quote, several content spans) or takes the speaker of
  the nearest attribution before it ("She spoke of the budget. “Nothing is left ...”");
- marks inside a sentence governed by a cue verb ("called the plan “a disaster”") -> a mixed
  quote whose content is the reported clause;
- marks inside a sentence with no cue (names, titles, scare quotes) -> not a quote.

Then every speech verb with a subject and a reported clause that is not already a quote's cue
gives reported (indirect) speech, as do "according to X" and "described X as Y".

Reported words end where the report ends, not where the parse's subtree ends: on across
coordination the parse hung on the cue verb ("said [A, and B]"), but not past "but" with a new
subject ("said A, but the record shows B"), back before the writer's
trailing comment (", citing ...", ", though ...", an appositive, a parenthesis), before the
speaker's next act or someone else's report ("said A and added B"). A mixed quote starts where
the report starts: with the cue's object or clause before the marks, and with the outer speech
verb when the quotation's own cue sits in its reported clause.

Each part has a module of its own, all of them functions over one ``QuoteContext`` (context):
marks (pairing marks), direct and mixed (what a quoted stretch is), cues and speakers (its cue
and speaker), continuation (quotes that go on), reported and bounds (indirect speech and where
it ends), copular ("Lee's argument is that ..."), acts (what kind of attribution a cue makes,
and the cues that attribute no statement), addressee (who the words were said to), passive
(the speaker and listener of "Y was told by X", "X was quoted as saying"), helpers (token and
text helpers).
Speakers are resolved to names and entities by the document's mention layer
(claimx.extractors.mentions), which claims share. This module builds the context and runs
them in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from claimx.doc.offsets import QUOTED, WHITESPACE, end_char, trim
from claimx.doc.sentences import Sentences
from claimx.doc.syntax import subject_of
from claimx.doc.text import doc_text
from claimx.extractors.mentions import MentionWords, document_mentions
from claimx.extractors.quotes.acts import act_of, impersonal, question_put, withheld
from claimx.extractors.quotes.addressee import addressee_of
from claimx.extractors.quotes.context import (
    SOURCE_PHRASE,
    VERB_PHRASE,
    CueHashes,
    CueLedger,
    CueTokens,
    CueWords,
    QuoteContext,
    phrase_cues,
)
from claimx.extractors.quotes.continuation import inherit, merge_continuations
from claimx.extractors.quotes.copular import copular_reports
from claimx.extractors.quotes.direct import attribute
from claimx.extractors.quotes.helpers import cue_span, has_double_mark, has_word, outside
from claimx.extractors.quotes.marks import Candidate, Kind, nickname, pair_marks, paragraph_ids
from claimx.extractors.quotes.reported import Report, outermost, reported
from claimx.models import Addressee, Entity, Furniture, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.rules.loader import PatternSet

__all__ = ["QuoteExtractor"]


class QuoteExtractor:
    """Finds direct, mixed and reported quotes with speakers and cues in a parsed Doc."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        from claimx.rules.loader import RuleMatcher

        self.patterns = patterns
        self.words = CueWords.from_patterns(patterns)
        self.speaker_words = MentionWords.from_patterns(patterns)
        self.hashes = CueHashes.of(self.words, nlp.vocab.strings)
        self.phrases = RuleMatcher(nlp, patterns.rules_for("cue_phrases"))

    def __call__(
        self, doc: Doc, *, entities: Sequence[Entity] = (), furniture: Sequence[Furniture] = ()
    ) -> list[Quote]:
        if not len(doc) or not doc.has_annotation("DEP"):
            return []
        ctx, cands = self._context(doc, entities, furniture)
        cands = merge_continuations(ctx, read_candidates(ctx, cands))
        # Reported speech may contain mixed quotes and scare quotes, never a direct quote.
        ctx = replace(ctx, in_quote=_cover(ctx.n, cands, Kind.DIRECT))
        reports, cands = outermost(ctx, reported(ctx) + copular_reports(ctx), cands)
        inherit(ctx, cands, reports)
        return _quotes(ctx, cands, reports, furniture)

    def _context(self, doc: Doc, entities: Sequence[Entity], furniture: Sequence[Furniture]
                 ) -> tuple[QuoteContext, list[Candidate]]:
        """The document's context, and its marks paired into candidates."""
        text = doc_text(doc)
        par = paragraph_ids(doc)
        cands = pair_marks(doc, par, elisions=self.words.elisions)
        in_quote = _cover(len(doc), cands, None)
        quoted = [(doc[s].idx, end_char(doc, e)) for c in cands for s, e in c.segments
                  if e > s]
        # 'Jane "JJ" Doe': a nickname inside a name is part of the name.
        nick_marks = {i for cand in cands if nickname(doc, cand) and cand.close_i is not None
                      for i in range(cand.open_i, cand.close_i + 1)}
        found = self.phrases(doc)
        ctx = QuoteContext(
            doc=doc, text=text, n=len(doc), par=par, sents=Sentences(doc), words=self.words,
            according=phrase_cues(found, SOURCE_PHRASE),
            phrase_cues=phrase_cues(found, VERB_PHRASE),
            in_quote=in_quote, in_marks=list(in_quote), nick_marks=frozenset(nick_marks),
            cue_tokens=CueTokens.of(doc, self.hashes),
            speakers=document_mentions(doc, entities, words=self.speaker_words,
                                       quoted=quoted, furniture=furniture),
            cues=CueLedger(),
        )
        return ctx, cands


def read_candidates(ctx: QuoteContext, cands: list[Candidate]) -> list[Candidate]:
    """Each candidate read in its sentence, in order (a cue one quote takes, the next one
    cannot); the direct and mixed quotes among them. The one place a candidate's kind is
    set."""
    for cand in cands:
        cand.kind = Kind.SCARE if nickname(ctx.doc, cand) else attribute(ctx, cand)
    return [c for c in cands if c.kind in (Kind.DIRECT, Kind.MIXED)]


def _cover(n: int, cands: list[Candidate], kind: Kind | None) -> list[int]:
    """The number of the candidate each of ``n`` tokens stands in (-1 for none), counting
    only candidates of ``kind`` (None: all)."""
    cover = [-1] * n
    for number, cand in enumerate(cands):
        if kind is None or cand.kind is kind:
            for s, e in cand.segments:
                for i in range(s, e):
                    cover[i] = number
    return cover


# A quote before trimming: type, character spans, speaker, cue characters and cue token.
Reading = tuple[str, list[tuple[int, int]], Speaker | None, Span | None, int | None]


def _quotes(ctx: QuoteContext, cands: list[Candidate], reports: list[Report],
            furniture: Sequence[Furniture]) -> list[Quote]:
    """The quotes of the document, in text order: trimmed, outside furniture, each group of
    words reported once."""
    doc, text = ctx.doc, ctx.text
    readings: list[Reading] = []
    for cand in cands:
        spans = cand.content or [
            (doc[s].idx, end_char(doc, e)) for s, e in cand.segments if e > s
        ]
        readings.append((cand.kind.value, spans, cand.speaker,
                         cue_span(doc, text, cand.cue, cand.cue_end), cand.cue))
    # A direct quotation (from its opening mark) belongs to no other quote.
    zones = [(doc[c.open_i].idx, max(e for _, e in spans))
             for c, (kind, spans, _, _, _) in zip(cands, readings, strict=False)
             if kind == "direct" and spans]
    readings.extend((r.kind, r.spans, r.speaker, r.cue, r.cue_i) for r in reports)
    readings.sort(key=lambda q: q[1][0][0] if q[1] else 0)
    told = [_addressee(ctx, cue_i, spans) for _, spans, _, _, cue_i in readings]
    listeners = [(a.start, a.end) for a in told if a is not None]
    walls = [(f.start, f.end) for f in furniture]
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for (kind, spans, speaker, cue, cue_i), addressee in zip(readings, told, strict=True):
        if kind != "direct":
            spans = outside(spans, zones)
        clean = [trim(text, s, e, QUOTED if kind == "direct" else WHITESPACE) for s, e in spans]
        clean = [(s, e) for s, e in clean if e > s and has_word(text, s, e)]
        if kind != "direct" and any(s < te and ts < e for s, e in clean for ts, te in taken):
            continue  # the same words reported twice: the first reading stands
        taken.extend(clean)
        if not clean or any(s < we and ws < e for s, e in clean for ws, we in walls):
            continue
        if kind != "direct" and _unsaid(ctx, cue_i, clean, listeners):
            continue
        if kind == "mixed" and not any(has_double_mark(text[s:e]) for s, e in clean):
            kind = "indirect"  # its quoted words went to a direct quote of their own
        quotes.append(Quote(id=f"q{len(quotes) + 1}", type=kind,
                            content=tuple(Span.of(text, s, e) for s, e in clean),
                            speaker=_named(ctx, speaker, cue_i, addressee), cue=cue,
                            act=act_of(ctx, cue_i), addressee=addressee))
    return quotes


def _unsaid(ctx: QuoteContext, cue: int | None, spans: list[tuple[int, int]],
            listeners: list[tuple[int, int]]) -> bool:
    """Reported words nobody said: 'did not call it “a sham”', or only who was told ('X
    told BBC Sport: ...' makes no quote of "BBC Sport")."""
    if cue is not None and withheld(ctx, ctx.doc[cue]):
        return True
    return all(any(ls <= s and e <= le for ls, le in listeners) for s, e in spans)


def _addressee(ctx: QuoteContext, cue: int | None, spans: list[tuple[int, int]]
               ) -> Addressee | None:
    """Who the words were said to; an object inside the reported words is part of what
    was said ('urged [voters to stay home]'), not its addressee."""
    found = addressee_of(ctx, cue)
    if found is None or any(s < found.end and found.start < e for s, e in spans):
        return None
    return found


def _named(ctx: QuoteContext, speaker: Speaker | None, cue: int | None,
           told: Addressee | None) -> Speaker | None:
    """The speaker, unless the cue names none ("it is thought", '"...?" she was asked')
    or the speaker found is who the words were said to."""
    if speaker is None or cue is None:
        return speaker
    verb = ctx.doc[cue]
    mention = speaker.mention
    if question_put(ctx, verb) or (mention is not None and told is not None
                                   and mention.start < told.end and told.start < mention.end):
        return None
    subj = subject_of(verb)
    if subj is not None and impersonal(subj, verb):
        return None
    if told is not None and told.entity is not None:
        return ctx.speakers.apart_from(speaker, told.entity)
    return speaker
