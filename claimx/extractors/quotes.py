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
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimx.doctext import doc_text
from claimx.extractors.quote_helpers import (
    cue_span,
    end_char,
    has_double_mark,
    has_right_clause,
    has_word,
    hypothetical,
    last_content,
    misread_name,
    nounish,
    opens_paragraph,
    outside,
    relative_subject,
    same_form,
    trim,
    verb_form,
    word_count,
    wordlike,
)
from claimx.extractors.quote_marks import (
    ALL_MARKS,
    DASHES,
    DOUBLE_MARKS,
    Candidate,
    pair_marks,
    paragraph_ids,
    strip_space_end,
)
from claimx.extractors.speakers import RELATIVES, SpeakerResolver, subject_of
from claimx.models import Entity, Furniture, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from claimx.patterns import PatternSet

# tests/test_quotes.py imports the word test under its old private name.
_wordlike = wordlike
__all__ = ["QuoteExtractor", "_wordlike"]

# Words that open an adjunct of the cue verb itself, not more of what it reports.
VERB_ADJUNCTS = frozenset({"in", "during", "at", "on", "when", "while", "after", "before",
                           "since", "so", "until", "with", "without", "amid", "despite"})
# Objects of a cue verb that name who was told, not what was said.
_LISTENERS = frozenset({"reporters", "journalists", "audience", "crowd", "supporters",
                        "viewers", "listeners", "voters", "lawmakers", "students"})
# How far (tokens) an attribution may sit from the mark it attributes.
AFTER_WINDOW = 14
# '"...," Jane Doe, a senior fellow at ... and a former ..., said': a long appositive speaker.
AFTER_WINDOW_SUBJECT = 40
BEFORE_WINDOW = 30
# A quotation of fewer words with no speaker of its own is a name or a scare quote.
MIN_STANDALONE_WORDS = 3
# Words that may stand between a quote and its unattributed continuation ("He paused.").
MAX_GAP_WORDS = 12


class QuoteExtractor:
    """Finds direct, mixed and reported quotes with speakers and cues in a parsed Doc."""

    def __init__(self, nlp: Language, patterns: PatternSet) -> None:
        from claimx.patterns import RuleMatcher

        self.patterns = patterns
        self.speech = patterns.word_list("cue_verbs")
        self.beliefs = patterns.word_list("cue_beliefs")
        self.framing = patterns.word_list("cue_framing")
        self.intent = patterns.word_list("cue_intent")
        self.direct_only = patterns.word_list("cue_direct_only")
        self.nouns = patterns.word_list("cue_nouns")
        self.titles = frozenset(w.rstrip(".") for w in patterns.word_list("titles"))
        self.phrases = RuleMatcher(nlp, patterns.rules_for("cue_phrases"))

    def __call__(
        self, doc: Doc, *, entities: Sequence[Entity] = (), furniture: Sequence[Furniture] = ()
    ) -> list[Quote]:
        if not len(doc) or not doc.has_annotation("DEP"):
            return []
        return _Run(self, doc, entities).quotes(furniture)


class _Run:
    """State for one document."""

    def __init__(self, ex: QuoteExtractor, doc: Doc, entities: Sequence[Entity]) -> None:
        self.ex = ex
        self.doc = doc
        self.text = doc_text(doc)
        self.n = len(doc)
        self.par = paragraph_ids(doc)
        self.entities = entities
        self.in_quote = [-1] * self.n
        self.used_cues: set[int] = set()
        self.after_cues: dict[int, int] = {}  # cue after a quote -> that quote's closing mark
        self.according: dict[int, int] = {}  # "according" token -> end of the phrase
        self.phrase_cues: dict[int, int] = {}  # "put it" and the like -> end of the phrase
        for span in ex.phrases(doc):
            if span.id_ == "according-to":
                self.according[span.start] = span.end
            elif span.id_ == "put-it":
                self.phrase_cues[span.start] = span.end

    # ------------------------------------------------------------------ top level
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
                                        text=self.text)
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

    # ------------------------------------------------------------------ attribution
    def _attribute(self, cand: Candidate) -> None:
        doc = self.doc
        start_kind, before_cue = self._before(cand)
        after_cue = self._after(cand) if cand.close_i is not None else None
        signed = self._dash_speaker(cand) if after_cue is None else None
        clean_start = start_kind in ("start", "colon") or before_cue is not None
        clean_end = after_cue is not None or signed is not None or self._ends_clean(cand)
        if start_kind == "start" and after_cue is None and signed is None \
                and self._after_dash(cand):
            # 'said the museum would tell their stories -- “the farmer and the porter”': a
            # quotation after a dash finishes the reported sentence, a mixed quote.
            self._mixed(cand)
            if cand.kind == "mixed":
                return
            cand.kind = ""
        if clean_start and clean_end:
            cand.kind = "direct"
            cue = after_cue if after_cue is not None else before_cue
            if cue is not None:
                self._set_cue(cand, cue)
            elif signed is not None:
                cand.speaker = signed
                cand.attributed = True
            elif start_kind == "colon":
                # 'Obama has a new message: “...”': the subject before the colon speaks.
                cand.speaker = self._colon_speaker(cand)
                cand.attributed = cand.speaker is not None
            cand.standalone = True
            if start_kind == "that":
                # 'said that “...”': the reported clause opens with "that", a mixed quote.
                assert cand.cue is not None
                that = doc[self._that_between(cand.cue, cand.open_i) or cand.open_i - 1]
                cand.kind = "mixed"
                end = cand.close_i + 1 if cand.close_i is not None else cand.segments[-1][1]
                # 'said he hopes the vote sends a message that “...”': the "that" opens a
                # clause deep in the report; the report starts with the cue's complement.
                start = that.i
                for child in doc[cand.cue].rights:
                    if child.dep_ in ("ccomp", "xcomp") and \
                            child.left_edge.i < that.i <= child.right_edge.i:
                        start = self._clip(child.left_edge.i, that.i + 1, cand.cue)[0]
                        break
                cand.content = [(doc[start].idx, end_char(doc, end))] if end > start else []
                return
            if start_kind == "cue" and cand.cue is not None and cand.cue == cand.open_i - 1:
                what = next((c for c in doc[cand.cue].lefts
                             if c.lower_ == "what" and c.tag_ == "WP"), None)
                if what is not None:
                    # 'what the mayor called “a plan ...”': the quote ends a free relative.
                    cand.kind = "mixed"
                    end = cand.close_i + 1 if cand.close_i is not None else cand.segments[-1][1]
                    cand.content = [(what.idx, end_char(doc, end))]
                    return
            outer = self._outer_speech(cand) if start_kind in ("cue", "colon") \
                and after_cue is None else None
            if outer is not None:
                # 'She said she remembered thinking, “...”': the quotation is part of what an
                # earlier speech verb reports, a mixed quote of that verb's speaker.
                verb, lo = outer
                if cand.cue is not None:
                    self.used_cues.discard(cand.cue)
                self._set_cue(cand, verb)
                cand.kind = "mixed"
                end = cand.close_i + 1 if cand.close_i is not None else cand.segments[-1][1]
                cand.content = [(doc[lo].idx, end_char(doc, end))]
                return
            lead_in = self._lead_in(cand) if start_kind in ("cue", "colon") else None
            if lead_in is not None:
                # 'said she had one quality for the job: “Steadiness.”': the quotation ends
                # the sentence the speaker's reported words began, a mixed quote.
                cand.kind = "mixed"
                end = cand.close_i + 1 if cand.close_i is not None else cand.segments[-1][1]
                cand.content = [(doc[lead_in].idx, end_char(doc, end))]
                return
            if start_kind == "cue" and cand.cue is not None and cand.cue < cand.open_i:
                first = doc[cand.open_i + 1] if cand.open_i + 1 < self.n else None
                lead = self._lead_before_parenthetical(
                    cand.cue, runs_on=first is not None and first.is_lower and first.is_alpha
                )
                if lead is not None:
                    # 'It is, the mayor said, “a bridge too far”': one sentence, partly quoted.
                    cand.kind = "mixed"
                    end = cand.close_i + 1 if cand.close_i is not None else cand.segments[-1][1]
                    cand.content = [lead, (doc[cand.open_i].idx, end_char(doc, end))]
                    return
            if not cand.attributed and (word_count(doc, cand) < MIN_STANDALONE_WORDS
                                        or self._heading(cand)):
                cand.kind = "scare"
            return
        self._mixed(cand)

    def _after_dash(self, cand: Candidate) -> bool:
        """The quotation opens after a dash in the middle of a sentence: words of the same
        sentence and paragraph stand before the dash."""
        doc = self.doc
        k = cand.open_i - 1
        while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
            k -= 1
        if k < 1 or doc[k].text not in DASHES:
            return False
        prev = doc[k - 1]
        return prev.is_alpha and self.par[prev.i] == self.par[cand.open_i] \
            and prev.sent.start == doc[cand.open_i].sent.start

    def _outer_speech(self, cand: Candidate) -> tuple[int, int] | None:
        """The speech verb whose reported clause holds the quotation's cue ('said [she
        remembered thinking], “...”'), with the first token of that clause; None when the cue
        reports on its own or names a speaker of its own."""
        doc, cue = self.doc, cand.cue
        if cue is None or cue >= cand.open_i or cue in self.according or cue in self.phrase_cues:
            return None
        node = doc[cue]
        inner = subject_of(node)
        if inner is not None and inner.tag_ != "PRP":
            return None  # '..., and the mother replied, “...”': a speaker of its own
        for _ in range(3):
            head = node.head
            if head.i == node.i or node.dep_ not in ("ccomp", "conj", "xcomp"):
                return None
            if node.dep_ == "ccomp" and head.i < node.left_edge.i < cue \
                    and head.lower_ in self.ex.speech and head.tag_.startswith("VB") \
                    and head.i not in self.used_cues and self.in_quote[head.i] < 0 \
                    and self.par[head.i] == self.par[cand.open_i] \
                    and subject_of(head) is not None:
                lo, _ = self._clip(node.left_edge.i, cand.open_i, head.i)
                return (head.i, lo) if lo < cand.open_i else None
            node = head
        return None

    def _lead_in(self, cand: Candidate) -> int | None:
        """The first token of what the cue reports before the quotation's mark ('said [she
        has one quality]: “...”', 'still says [things such as], “...”'), when the cue governs
        a clause or an object there; not a listener or a time ('told reporters: “...”')."""
        doc, cue = self.doc, cand.cue
        if cue is None or cue >= cand.open_i - 1 or cue in self.according \
                or cue in self.phrase_cues:
            return None
        for child in doc[cue].rights:
            if child.i >= cand.open_i:
                break
            if child.dep_ not in ("ccomp", "dobj", "xcomp"):
                continue
            listener = child.tag_ in ("PRP", "NNP", "NNPS") or child.ent_type_ in (
                "PERSON", "ORG", "NORP", "GPE", "DATE", "TIME")
            if child.dep_ == "dobj" and (listener or child.lower_ in _LISTENERS):
                continue
            words = [t for t in doc[child.left_edge.i:cand.open_i] if t.is_alpha]
            if len(words) < 2 or any(self.in_quote[t.i] >= 0 for t in words):
                return None
            lo, _ = self._clip(child.left_edge.i, cand.open_i, cue)
            return lo
        return None

    def _heading(self, cand: Candidate) -> bool:
        """A paragraph that is only a title-cased phrase in single marks ('‘A Legend in the
        Valley.’'): a section heading, as newspapers print them, not a quotation."""
        doc = self.doc
        if doc[cand.open_i].text in DOUBLE_MARKS or cand.close_i is None:
            return False
        if not opens_paragraph(self.doc, cand.open_i):
            return False
        k = cand.close_i + 1
        while k < self.n and not doc[k].is_space and doc[k].is_punct:
            k += 1
        if k < self.n and not (doc[k].is_space and "\n" in doc[k].text):
            return False
        words = [t for t in doc[cand.open_i + 1:cand.close_i] if t.is_alpha]
        return bool(words) and len(words) <= 10 and sum(
            t.is_title or t.lower_ in ("a", "an", "the", "of", "in", "on", "for", "and", "to")
            for t in words
        ) == len(words)

    def _nickname(self, cand: Candidate) -> bool:
        """One or two capitalised words in marks between capitalised words of a name."""
        doc = self.doc
        if cand.close_i is None or cand.open_i == 0 or cand.close_i + 1 >= self.n:
            return False
        words = doc[cand.open_i + 1:cand.close_i]
        before, after = doc[cand.open_i - 1], doc[cand.close_i + 1]
        return 0 < len(words) <= 2 and all(t.is_title for t in words) \
            and before.is_title and after.is_title \
            and bool(before.whitespace_) and bool(doc[cand.close_i].whitespace_)

    def _lead_before_parenthetical(self, cue: int, *, runs_on: bool = False
                                   ) -> tuple[int, int] | None:
        """The words of the sentence before a parenthetical attribution ("A, X said, ..."),
        when the cue hangs inside the sentence rather than governing it. ``runs_on``: the
        quotation opens in lower case ('When the deal came, Smith said, "we were floored."'),
        so it finishes the sentence the lead began, whatever the lead holds."""
        doc = self.doc
        verb = doc[cue]
        subj = subject_of(verb)
        if subj is None or subj.i > cue:
            return None
        start = min(subj.left_edge.i, cue)
        lo, hi = self._clip(verb.sent.start, start, cue)
        if hi <= lo or doc[hi - 1].text != ",":
            return None
        while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS:
            hi -= 1
        words = doc[lo:hi]
        if not words or any(self.in_quote[k] >= 0 for k in range(lo, hi)):
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
            if any(t.tag_.startswith("VB") for t in words) or len(words) > 12:
                return None
        return doc[lo].idx, end_char(doc, hi)

    def _set_cue(self, cand: Candidate, cue: int) -> None:
        cand.cue = cue
        cand.cue_end = self.according.get(cue, self.phrase_cues.get(cue, cue + 1))
        cand.attributed = True
        self.used_cues.add(cue)
        if cand.close_i is not None and cand.close_i < cue:
            self.after_cues[cue] = cand.close_i
        cand.speaker = self._speaker_for(cue, cand)

    def _speaker_for(self, cue: int, cand: Candidate | None = None) -> Speaker | None:
        doc = self.doc
        if cue in self.according:
            obj = self._according_object(cue)
            return self.speakers.resolve(obj) if obj is not None else None
        verb = doc[cue]
        holder = self._participle_holder(verb)
        if holder is not None:
            return self.speakers.resolve(holder)
        # A quotation's cue may hang far down a chain of participles: look further up.
        subj = subject_of(verb, depth=3)
        if subj is not None and self.in_quote[subj.i] < 0:
            speaker = self.speakers.resolve(subj)
            rel = relative_subject(verb)
            if rel is not None:
                # 'Jane Doe, who joked, "..."': the mention is the relative pronoun, the
                # name is its antecedent's, as with "he".
                mention = Span.of(self.text, rel.idx, rel.idx + len(rel.text))
                speaker = dataclasses.replace(speaker, mention=mention)
            return speaker
        # The parse missed the subject. Words between the closing mark and the cue are the
        # speaker ('"...," Jane Doe, an economist, told me'); else look after the cue
        # ('"...," said Rep. Jane Doe'), skipping times ("said Thursday").
        if cand is not None and cand.close_i is not None and cand.close_i < cue:
            words = [t for t in doc[cand.close_i + 1:cue] if nounish(t)]
            if words:
                return self.speakers.resolve(doc[words[0].i:words[-1].i + 1].root)
        # Before the quote, 'said Smith: "..."' names the speaker after the cue, but
        # 'Describing Mr Smith as ...' names its object there.
        before = cand is not None and (cand.close_i is None or cue < cand.close_i)
        for k in range(cue + 1, min(self.n, cue + 6)):
            tok = doc[k]
            if tok.is_punct or self.in_quote[k] >= 0 or self.par[k] != self.par[cue] \
                    or tok.tag_ == "IN":
                break
            if tok.ent_type_ in ("DATE", "TIME"):
                continue
            if nounish(tok):
                if before and tok.dep_ in ("dobj", "pobj", "dative", "attr", "oprd"):
                    return None
                head = tok
                while head.head.i != head.i and nounish(head.head) and abs(head.head.i - cue) < 8:
                    head = head.head
                return self.speakers.resolve(head)
        return None

    def _participle_holder(self, verb: Token) -> Token | None:
        """Who speaks through a participle cue: the noun it describes ('footage of Jane Doe
        asking, "..."'), or, after a comma, the subject of the sentence's main verb ('Doe
        defended the plan when asked about its cost, saying, "..."'): the parse often hangs
        the participle on the nearest verb, whose subject is someone else."""
        if verb.tag_ != "VBG":
            return None
        head = verb.head
        # 'Bemoaning the “rigged” rules, Smith ...': a participle opening the sentence speaks
        # for the subject of the verb it hangs on.
        if verb.dep_ == "advcl" and (verb.i == verb.sent.start
                                     or opens_paragraph(self.doc, verb.i)):
            j = verb.right_edge.i + 1
            while j < self.n and (self.doc[j].is_punct or self.doc[j].is_space):
                j += 1
            subj = self.doc[j] if j < self.n and self.par[j] == self.par[verb.i] else None
            while subj is not None and subj.dep_ in ("compound", "amod", "det", "poss") \
                    and subj.head.i > subj.i:
                subj = subj.head
            if subj is not None and subj.dep_ in ("nsubj", "nsubjpass") \
                    and self.in_quote[subj.i] < 0:
                return subj
        # 'the board put out a statement describing the deal as “a mistake”': whoever put
        # out the statement speaks.
        if verb.dep_ == "acl" and head.i < verb.i and head.lower_ in self.ex.nouns \
                and head.dep_ == "dobj":
            subj = subject_of(head.head)
            return subj if subj is not None and self.in_quote[subj.i] < 0 else None
        if verb.i == 0:
            return None
        # 'footage of Jane Doe saying, "..."': the person the clip shows speaks.
        for child in verb.lefts:
            if child.dep_ == "nsubj" and not child.ent_type_ and child.tag_.startswith("NN"):
                shown = next((g for p in child.rights if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children
                              if g.dep_ == "pobj" and g.ent_type_ == "PERSON"), None)
                if shown is not None and self.in_quote[shown.i] < 0:
                    return shown
        if verb.dep_ == "acl" and head.i < verb.i and (
            head.ent_type_ in ("PERSON", "ORG", "NORP") or head.tag_ == "PRP"
        ):
            return head if self.in_quote[head.i] < 0 else None
        prev = verb.i - 1
        while prev > 0 and self.doc[prev].is_space:
            prev -= 1
        # 'X sang before asking her, "..."': a participle after a time preposition too.
        timed = verb.dep_ == "pcomp" and head.lower_ in ("before", "after", "while", "by")
        if self.doc[prev].text != "," and not timed:
            return None
        sent = verb.sent
        root = sent.root
        verbs = [root] if root.i < verb.i and self.in_quote[root.i] < 0 else []
        # The parse may hang the sentence on a quotation's verb: then the first verb
        # outside quotes with a subject leads the sentence.
        verbs += [t for t in self.doc[sent.start:verb.i] if t.tag_.startswith(("VB", "MD"))
                  and self.in_quote[t.i] < 0]
        for main in verbs:
            if not main.tag_.startswith(("VB", "MD")):
                continue
            subj = subject_of(main)
            if subj is not None and subj.i < verb.i and self.in_quote[subj.i] < 0 \
                    and subj.lower_ not in RELATIVES:
                return subj
        return None

    def _colon_speaker(self, cand: Candidate) -> Speaker | None:
        doc = self.doc
        k = cand.open_i - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        # 'X made the following statement:' may end the paragraph before the quotation.
        colon = k >= 0 and doc[k].text == ":"
        while k >= 0 and (doc[k].is_space or doc[k].text == ":"):
            k -= 1
        same = k >= 0 and self.par[k] == self.par[cand.open_i]
        if k < 0 or not (same or (colon and self.par[k] == self.par[cand.open_i] - 1)) \
                or self.in_quote[k] >= 0:
            return None
        sent = doc[k].sent
        root = sent.root
        subj = subject_of(root) if root.tag_.startswith(("VB", "MD")) else None
        if subj is None or subj.i > k or self.in_quote[subj.i] >= 0:
            return self._colon_name(sent.start, k) if subj is None else None
        if subj.ent_type_ not in ("PERSON", "ORG", "NORP") and subj.tag_ != "PRP":
            return self._colon_name(sent.start, k)
        return self.speakers.resolve(subj)

    def _colon_name(self, lo: int, hi: int) -> Speaker | None:
        """'A lesson from Jane Doe: “...”': a verbless lead-in, as headlines have, credits the
        quotation to the one person it names."""
        doc = self.doc
        lo = max(lo, hi - 12)
        heads = [t for t in doc[lo:hi + 1] if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
        if len(heads) != 1 or any(
            t.tag_.startswith(("VBD", "VBZ", "VBP", "MD")) for t in doc[lo:hi + 1]
        ) or any(self.par[t.i] != self.par[hi] for t in doc[lo:hi + 1]):
            return None
        return self.speakers.resolve(heads[0])

    def _dash_speaker(self, cand: Candidate) -> Speaker | None:
        """'"..." ― Jane Doe' at the end of a paragraph: a signed quote, no cue."""
        doc, n = self.doc, self.n
        if cand.close_i is None:
            return None
        k = cand.close_i + 1
        while k < n and doc[k].is_space and "\n" not in doc[k].text:
            k += 1
        if k >= n or doc[k].text not in DASHES:
            return None
        p = self.par[cand.close_i]
        lo = k + 1
        while lo < n and doc[lo].is_space and "\n" not in doc[lo].text:
            lo += 1
        hi = lo
        while hi < n and self.par[hi] == p and not doc[hi].is_space and hi - lo < 8 \
                and doc[hi].text not in (".", "!", "?", ",", ";", "(") \
                and doc[hi].text not in ALL_MARKS:
            hi += 1
        end = hi
        while end < n and (doc[end].text in (".",) or doc[end].is_space) and \
                "\n" not in doc[end].text:
            end += 1
        if hi == lo or (end < n and self.par[end] == p and "\n" not in doc[end].text):
            return None
        words = doc[lo:hi]
        if not all(t.is_title or t.is_punct or t.like_num for t in words):
            return None
        return self.speakers.resolve(words.root)

    def _according_object(self, cue: int) -> Token | None:
        end = self.according[cue]
        to = self.doc[end - 1]
        for child in to.children:
            if child.dep_ == "pobj":
                return child
        return self.doc[end] if end < self.n and not self.doc[end].is_punct else None

    def _is_cue(self, i: int) -> bool:
        tok = self.doc[i]
        return (tok.lower_ in self.ex.speech and tok.tag_.startswith("VB")) \
            or i in self.according or i in self.phrase_cues

    def _before(self, cand: Candidate) -> tuple[str, int | None]:
        """Where the quote starts: "start" of a sentence, after a "colon", or "inside" one;
        with the cue before it if there is one."""
        doc, _par = self.doc, self.par
        k = cand.open_i - 1
        crossed = False
        while k >= 0 and doc[k].is_space:
            if "\n" in doc[k].text:
                crossed = True
            k -= 1
        if k < 0:
            return "start", None
        tok = doc[k]
        if crossed and tok.text != ":":
            return "start", None
        if tok.text in DOUBLE_MARKS or tok.text in ("(", "[") or tok.text in DASHES:
            return "start", None
        if tok.tag_ == "." or tok.text in ("!", "?", "."):
            return "start", None
        if tok.text in (":", ",") or tok.lower_ in ("that", "saying") or self._is_cue(k):
            if tok.text == "," and self._ends_attribution(k):
                return "start", None
            cue = self._cue_before(k)
            if cue is not None:
                if tok.lower_ == "that" or (tok.text == "," and self._that_between(cue, k)
                                            is not None):
                    return "that", cue
                return ("colon" if tok.text == ":" else "cue"), cue
            if tok.text == ":":
                return "colon", None
        return "inside", None

    def _that_between(self, cue: int, k: int) -> int | None:
        """The "that" opening a reported clause between a cue and a quotation: 'said Friday
        that if she wins, “...”' quotes part of the clause, a mixed quote."""
        for j in range(cue + 1, k + 1):
            if self.doc[j].lower_ == "that" and self.doc[j].dep_ == "mark":
                return j
        return None

    def _ends_attribution(self, k: int) -> bool:
        """True when token ``k`` closes the attribution of an earlier quote:
        '"...," said Smith, "..."'."""
        for j in range(k - 1, max(-1, k - AFTER_WINDOW), -1):
            if j in self.used_cues:
                owner = self.after_cues.get(j)
                return owner is not None and owner < j
            if self._is_cue(j):
                return False
            if self.in_quote[j] >= 0 or self.doc[j].text in (".", "!", "?"):
                return False
        return False

    def _cue_before(self, k: int) -> int | None:
        doc = self.doc
        p = self.par[k]
        for j in range(k, max(-1, k - BEFORE_WINDOW), -1):
            tok = doc[j]
            if self.par[j] != p and not (tok.is_space or j == k):
                break
            if self.in_quote[j] >= 0 or tok.text in DOUBLE_MARKS:
                break
            if j < k and (tok.tag_ == "." and tok.text in (".", "!", "?")):
                break
            if self._is_cue(j) and j not in self.used_cues:
                return j
            start = self._according_start(j)
            if start is not None:
                return start
        return None

    def _according_start(self, j: int) -> int | None:
        if j - 1 in self.according:
            return j - 1
        return None

    def _after(self, cand: Candidate) -> int | None:
        doc, n = self.doc, self.n
        assert cand.close_i is not None
        i = cand.close_i + 1
        while i < n and (doc[i].text in (",",) or doc[i].text in DASHES):
            i += 1
        p = self.par[cand.close_i]
        last = last_content(doc, cand)
        ended = last is not None and last.text in (".",)
        for k in range(i, min(n, i + AFTER_WINDOW_SUBJECT)):
            tok = doc[k]
            if k in self.nick_marks:
                continue
            if self.par[k] != p or tok.is_space or tok.text in DOUBLE_MARKS:
                break
            if self.in_quote[k] >= 0:
                break
            if tok.text in (".", "!", "?", ";"):
                break
            if k >= i + AFTER_WINDOW and not self._subject_between(k, i):
                # Far from the mark, only a cue whose subject follows the mark attributes it.
                if self._is_cue(k) or tok.tag_.startswith("VB"):
                    return None
                continue
            if tok.tag_ in ("CC", "WRB") and k == i:
                # '"...," and, when asked, ...': a new clause, not the quote's attribution.
                return None
            if k in self.according:
                return k
            if self._is_cue(k) and k not in self.used_cues:
                # '"...," Smith said the plan ...': the verb reports something else.
                if has_right_clause(tok) and (tok.i > i or ended):
                    return None
                cand.after_end = self._window_end(k)
                return k
            if tok.tag_.startswith("VB") and tok.dep_ not in ("aux", "auxpass") \
                    and tok.tag_ not in ("VBN", "VBG") and not misread_name(tok):
                return None
        return None

    def _subject_between(self, k: int, i: int) -> bool:
        """True when token ``k`` is a cue verb whose subject starts at token ``i``, right
        after a quotation's closing mark."""
        tok = self.doc[k]
        if not self._is_cue(k):
            return False
        subj = subject_of(tok)
        return subj is not None and subj.left_edge.i == i and subj.i < k

    def _window_end(self, cue: int) -> int:
        """The token after the attribution clause: sentence end, next mark or paragraph end."""
        doc, n, p = self.doc, self.n, self.par[cue]
        k = cue + 1
        while k < n and self.par[k] == p and doc[k].text not in DOUBLE_MARKS \
                and self.in_quote[k] < 0:
            if doc[k].text in (".", "!", "?"):
                return k + 1
            k += 1
        return k

    def _ends_clean(self, cand: Candidate) -> bool:
        doc, n = self.doc, self.n
        last = last_content(doc, cand)
        if cand.close_i is None:
            return True
        k = cand.close_i + 1
        while k < n and doc[k].is_space and "\n" not in doc[k].text:
            k += 1
        if k >= n or "\n" in doc[k].text:
            return True
        nxt = doc[k]
        if nxt.text in (".", "!", "?", ";", ")", "]") or nxt.text in DASHES:
            return True
        if nxt.text in DOUBLE_MARKS:
            return True
        return last is not None and last.text in (".", "!", "?") and (
            nxt.is_title or nxt.text in DOUBLE_MARKS
        )

    def _mixed(self, cand: Candidate) -> None:
        """A quotation inside a sentence: mixed if a cue verb governs it, else a name or a
        scare quote."""
        doc = self.doc
        s, e = cand.segments[0]
        if e <= s:
            cand.kind = "scare"
            return
        # Walk up from the quoted words to the first cue verb outside the quote.
        node = doc[s:e].root
        path = node
        for _ in range(12):
            head = node.head
            if head.i == node.i:
                break
            path, node = node, head
            if self.par[node.i] != self.par[cand.open_i]:
                break  # the parse ran over a paragraph break: no cue there governs the quote
            if self.in_quote[node.i] >= 0:
                continue
            if node.i in self.used_cues:
                break
            if path.dep_ == "relcl" and path.i > node.i:
                break  # 'X, who took heat for a “Y” forum': the writer's description of X
            if self._governs_quote(node, path):
                node, path = self._outer_report(node, path)
                # 'opened by saying she would “not” ...': a participle's speaker is its
                # clause's subject.
                subj = (self._participle_holder(node) or subject_of(node)) \
                    if node.tag_ == "VBG" else (self._next_act_subject(node) or subject_of(node))
                if subj is None or self.in_quote[subj.i] >= 0:
                    break
                span = self._clause_span(node, path)
                if span is None:
                    break
                if cand.close_i is not None and span[1] < doc[cand.close_i].idx \
                        and self.par[cand.close_i] == self.par[node.i]:
                    # The parse hung the quotation's end elsewhere ('called X a “story in
                    # an era when ...”'): the content runs at least to the closing mark.
                    span = (span[0], end_char(doc, cand.close_i + 1))
                cand.kind = "mixed"
                cand.cue = node.i
                cand.cue_end = node.i + 1
                cand.attributed = True
                self.used_cues.add(node.i)
                cand.speaker = self.speakers.resolve(subj)
                cand.content = [span]
                return
            if node.dep_ in ("ROOT",):
                break
        # "according to X, ... “...” ..."
        for k in range(max(0, cand.open_i - BEFORE_WINDOW), cand.open_i):
            if k in self.according and self.doc[k].sent.start == self.doc[cand.open_i].sent.start:
                span = self._according_clause(k)
                if span is not None and span[0] <= doc[s].idx < span[1]:
                    cand.kind = "mixed"
                    self._set_cue(cand, k)
                    cand.content = [span]
                    return
        cand.kind = "scare"

    def _outer_report(self, verb: Token, path: Token) -> tuple[Token, Token]:
        """'She said she hopes the plan “will work”': a belief reported by a speech verb is
        part of what the speaker says; the speech verb is the cue and its clause the content."""
        head = verb.head
        if verb.lower_ in self.ex.beliefs and verb.dep_ == "ccomp" and head.i < verb.i \
                and head.lower_ in self.ex.speech and head.tag_.startswith("VB") \
                and head.i not in self.used_cues and self.in_quote[head.i] < 0 \
                and subject_of(head) is not None:
            return head, verb
        return verb, path

    def _governs_quote(self, verb: Token, path: Token) -> bool:
        """A cue verb whose complement (the branch ``path``) holds the quotation: speech and
        belief verbs report clauses and objects, framing verbs ("labeled", "dismissed ...
        as") their object or "as" phrase. Adjuncts ("on “Fox News Sunday”") do not count."""
        if not verb.tag_.startswith("VB"):
            return False
        low = verb.lower_
        dep = path.dep_
        # 'accused X of “...”', 'spoke of “...”'; framing verbs also 'likened X to “...”'.
        as_phrase = dep == "prep" and (path.lower_ in ("as", "for", "about", "of") or (
            path.lower_ == "to" and low in self.ex.framing))
        if path.i < verb.i:
            reports = low in self.ex.speech or low in self.ex.beliefs
            return dep in ("ccomp", "parataxis") and reports
        if dep in ("dobj", "dative") and any(c.dep_ == "ccomp" for c in verb.children):
            return False  # 'told the paper's “Weekend Desk” that ...': the quote names the listener
        if low in self.ex.speech:
            return dep in ("ccomp", "xcomp", "dobj", "oprd", "dative", "advcl", "conj") or as_phrase
        if low in self.ex.beliefs:
            return dep in ("ccomp",)
        if low in self.ex.framing:
            return dep in ("dobj", "oprd", "xcomp", "ccomp") or as_phrase
        # Any verb that casts its object as the quoted words: 'painting the mayor as a “lazy
        # landlord”'.
        return dep == "prep" and path.lower_ == "as" and any(
            c.dep_ == "dobj" and c.i < path.i for c in verb.children
        )

    def _clause_span(self, verb: Token, path: Token) -> tuple[int, int] | None:
        """Characters of what ``verb`` reports, the branch holding ``path``: a clause alone
        ("said [the stadium would be “the pride of the city”]"), or the object through the
        complement holding the quote ("called [the plan “a disaster”]")."""
        doc = self.doc
        lo, hi = path.left_edge.i, path.right_edge.i + 1
        if path.i > verb.i and path.dep_ not in ("ccomp", "advcl", "conj"):
            # The object the quoted words describe or urge: 'called [Smith “a liar”]', 'urged
            # [the council to “act now”]', 'called on [the city to “do its job”]'.
            objects = [c for c in verb.rights if c.i < path.i and (
                c.dep_ in ("dobj", "dative", "oprd") or (
                    c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon")
                    and path.dep_ == "xcomp"
                    and any(g.dep_ == "pobj" for g in c.children)))]
            if objects:
                lo = objects[0].left_edge.i if objects[0].dep_ not in ("prep", "prt") else next(
                    g.left_edge.i for g in objects[0].children if g.dep_ == "pobj")
            # ... and on through the complement after it: 'called X “Y” [as examples of Z]'.
            for c in verb.rights:
                if c.i > path.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (
                        c.dep_ == "prep" and c.lower_ == "as")):
                    hi = max(hi, c.right_edge.i + 1)
        # 'what critics called “a disgrace”': the free relative "what" is part of the report.
        what = next((c for c in verb.lefts if c.lower_ == "what" and c.tag_ == "WP"), None)
        if what is not None and path.i > verb.i:
            lo = min(lo, what.i)
        lo, hi = self._clip(lo, hi, verb.i)
        lo, hi = self._shape(lo, hi, verb, clausal=path.dep_ == "ccomp")
        if hi <= lo:
            return None
        return doc[lo].idx, end_char(doc, hi)

    def _clip(self, lo: int, hi: int, anchor: int) -> tuple[int, int]:
        """Keep to the anchor's sentence and paragraph, without punctuation or a conjunction
        at the start. A leading "that" stays: it is part of the reported clause, as annotated
        corpora keep it."""
        doc = self.doc
        p = self.par[anchor]
        sent = doc[anchor].sent
        lo, hi = max(lo, sent.start), min(hi, sent.end)
        while lo < hi and (self.par[lo] != p or "\n" in doc[lo].text):
            lo += 1  # the parse ran the sentence over a paragraph break before the anchor
        for k in range(lo, hi):
            if self.par[k] != p or "\n" in doc[k].text:
                hi = k
                break
        while lo < hi and ((doc[lo].is_punct and doc[lo].text not in ALL_MARKS)
                           or doc[lo].is_space or doc[lo].dep_ == "cc"):
            lo += 1
        # Never split a word: "do|n’t" may hang on another head in the parse.
        while lo < hi < sent.end and not doc[hi - 1].whitespace_ and wordlike(doc[hi]) \
                and self.par[hi] == p:
            hi += 1
        return lo, strip_space_end(doc, lo, hi)

    def _shape(self, lo: int, hi: int, verb: Token, *, run_on: bool = True,
               clausal: bool = True) -> tuple[int, int]:
        """The reported words' end: on across coordination the parse hung on the cue verb
        ("said [A, but B]", "wants [to X, Y and Z]"), then back before a trailing comment of
        the writer's (", which ...", ", a former ...", ", citing ...", ", though ...")."""
        if run_on and verb.i < lo:
            hi = self._run_on(lo, hi, verb, clausal=clausal)
        hi = self._cut_tail(lo, hi)
        if verb.i < lo:
            hi = self._cut_next_act(lo, hi, verb)
        doc = self.doc
        # Never end on a conjunction the parse left in the clause ('not complete, and').
        while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].dep_ == "cc" or (
                doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS)):
            hi -= 1
        return lo, hi

    def _run_on(self, lo: int, hi: int, verb: Token, *, clausal: bool) -> int:
        """The end of the sentence when the words after the clause continue it rather than the
        speaker's sentence: another clause ("..., but the plan failed") or a predicate that
        does not share the cue verb's form ("wants to cut X, raise Y"), with no cue of its own.
        "said X and left" shares the form "said": the speaker's own act, not the report."""
        doc = self.doc
        p = self.par[verb.i]
        end = doc[verb.i].sent.end
        k = hi
        while k < end and self.par[k] == p and self.in_quote[k] < 0 and "\n" not in doc[k].text:
            k += 1
        end = k
        while end > hi and (doc[end - 1].is_space or (
                doc[end - 1].is_punct and doc[end - 1].text not in ALL_MARKS)):
            end -= 1
        rest = [t for t in doc[hi:end] if not t.is_space]
        if not rest or (k < self.n and self.in_quote[k] >= 0):
            return hi  # nothing more, or the sentence runs into a direct quote
        if any(t.text == ";" or t.i in self.according for t in rest):
            return hi
        if any(t.i in {a.i for a in verb.ancestors} for t in rest):
            return hi  # the rest is the main clause the cue's clause hangs on
        first = next((t for t in rest if not t.is_punct and t.dep_ != "cc"
                      and t.lower_ not in ("then", "yet", "also")), None)
        if first is None:
            return hi
        inside = {t.i for t in rest}
        top = first
        while top.head.i != top.i and top.head.i in inside:
            top = top.head
        if any(t.tag_.startswith("VB") and self._cue_word(t)
               for t in (top, *(c for c in top.children if c.dep_ == "conj"))):
            return hi  # 'said X and added that Y': a second report
        if any(t.tag_.startswith("VB") and self._cue_word(t) and any(
                c.dep_ == "nsubj" and c.lower_ not in RELATIVES for c in t.children)
               for t in rest):
            return hi  # 'X, which she thought ...': someone else's report inside
        if verb.i in (first.head.i, top.head.i) and first.lower_ in VERB_ADJUNCTS:
            return hi  # 'called for X in a statement', 'described X as Y when ...'
        if top.head.i == verb.i and rest[0].text == "," and not top.tag_.startswith(("VB", "MD")):
            return hi  # 'sought to protect X, the bedrock of ...': an appositive, misparsed
        form = verb_form(verb)
        clause = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in top.children)
        verbal = top.tag_.startswith(("VB", "MD"))
        # An infinitive goes on in bare verbs ('wants to cut X, raise Y'); else a predicate
        # coordinated with the cue verb is the speaker's own act ('declined X and has left').
        bare = doc[lo].lower_ == "to" and verb_form(top) == "VB"
        if verbal and not clause and (form in (first.tag_, verb_form(top))
                                      or verb_form(top) in ("VBG", "VBN")
                                      or (top.head.i == verb.i and top.dep_ == "conj"
                                          and not bare)):
            return hi  # 'said X and left': the speaker's next act, or a participle
        if clause and (not clausal or doc[lo].lower_ == "that"):
            # 'said that X, and Y': a second clause without "that" is the writer's; nor does
            # a clause continue an infinitive or an object ('agreed to X, and Y did Z').
            return hi
        return end

    def _cut_next_act(self, lo: int, hi: int, verb: Token) -> int:
        """Before a second report that the parse put inside the first: the speaker's ("said X
        and added Y", a speech verb in the cue's own form with no subject of its own) or
        someone else's ("said X, and critics warned Y")."""
        doc = self.doc
        for conj in doc[lo:hi]:
            if conj.dep_ != "conj" or not conj.tag_.startswith(("VB", "MD")) \
                    or not lo <= conj.head.i < conj.i or conj.right_edge.i + 1 < hi - 1:
                continue
            subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
            top = not lo <= conj.head.head.i < hi or conj.head.head.i == conj.head.i
            reports = conj.lower_ in self.ex.speech
            # '..., and critics warned that ...': someone else's report, coordinated.
            other = reports and any(s.lower_ not in RELATIVES and s.tag_ != "PRP"
                                    for s in subjects)
            # 'says X promised Y and said Z': a second report of the clause's own subject.
            own = top and not subjects and reports and conj.head.i == self._top_of(lo, hi)
            if other or own or (top and not subjects and same_form(conj, verb) and reports):
                cut = conj.left_edge.i
                while cut > lo and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct
                                    or doc[cut - 1].is_space):
                    cut -= 1
                return cut if cut > lo else hi
        return hi

    def _top_of(self, lo: int, hi: int) -> int:
        """The token of ``lo:hi`` whose head lies outside it."""
        for tok in self.doc[lo:hi]:
            if tok.head.i == tok.i or not lo <= tok.head.i < hi:
                return tok.i
        return lo

    def _next_act_subject(self, verb: Token) -> Token | None:
        """The speaker of a second report the parse hung inside the first ("The minister said
        the strike would end and added that ..."): the subject of the speech verb above it in
        the same form, not the subject of the reported clause."""
        if verb.dep_ != "conj" or verb.lower_ not in self.ex.speech or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
        ):
            return None
        for anc in list(verb.head.ancestors)[:4]:
            if anc.lower_ in self.ex.speech and same_form(anc, verb) and anc.i < verb.i:
                return subject_of(anc)
        return None

    def _cue_word(self, tok: Token) -> bool:
        low = tok.lower_
        ex = self.ex
        return low in ex.speech or low in ex.beliefs or low in ex.framing or low in ex.intent

    def _cut_tail(self, lo: int, hi: int) -> int:
        """Before a trailing comment after a comma or dash that runs to the end: a relative
        clause on a person ("..., who ..."), an appositive, a participle phrase, a concession
        or a parenthesis. A comment inside the clause ("The plan, run by X, has ...") stays."""
        doc = self.doc
        last = hi
        while last > lo and (doc[last - 1].is_space or (
                doc[last - 1].is_punct and doc[last - 1].text not in ALL_MARKS)):
            last -= 1
        for k in range(lo + 2, last):
            if doc[k - 1].text == ";":
                return k - 1  # 'said X; they learned ...': the writer's next clause
            if doc[k - 1].text not in (",", "(", "—", "–", "--", "―"):
                continue
            tok = doc[k]
            if doc[k - 1].text == "(":
                close = next((j for j in range(k, hi) if doc[j].text == ")"), None)
                if close is not None and close + 1 >= last:
                    return k - 1
                continue
            comment = (
                tok.lower_ in ("who", "whom", "though", "although", "whereas")
                or (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp", "dep", "conj"))
                or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl"))
            )
            root = tok
            while root.head.i != root.i and k <= root.head.i < last:
                root = root.head
            if not comment:
                comment = root.dep_ == "appos" and root.left_edge.i == k
            if comment and root.right_edge.i + 1 >= last:
                return k - 1
        return hi

    # ------------------------------------------------------------------ continuation
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

    # ------------------------------------------------------------------ reported speech
    def _reported(self) -> list:
        """Reported speech: cue verbs with a subject and a reported clause ("X said that ...",
        "..., X said", "A, X said, B"), "according to X", "described X as Y", and verbs of
        intent or stance with their object ("X pledged to ...", "X called for ...").
        Returns (type, char spans, speaker, cue span, cue token)."""
        doc = self.doc
        found: list = []
        for tok in doc:
            i = tok.i
            if i in self.used_cues or self.in_quote[i] >= 0 or self.in_marks[i] >= 0:
                continue  # a verb inside quotation marks is the quoted words', not a cue
            if i in self.according:
                span = self._according_clause(i)
                if span is not None:
                    obj = self._according_object(i)
                    speaker = self.speakers.resolve(obj) if obj is not None else None
                    found.append(self._reported_item([span], speaker, i, self.according[i]))
                continue
            low = tok.lower_
            if tok.tag_ in ("NN", "NNS") and low in self.ex.nouns:
                item = self._noun_report(tok)
                if item is not None:
                    found.append(item)
                continue
            if not tok.tag_.startswith("VB"):
                continue
            speech, belief, intent = (low in self.ex.speech, low in self.ex.beliefs,
                                      low in self.ex.intent)
            if not (speech or belief or intent):
                continue
            subj = self._next_act_subject(tok) or subject_of(tok)
            if subj is None or self.in_quote[subj.i] >= 0:
                continue
            if self.in_marks[subj.i] >= 0 and subj.tag_ == "PRP":
                continue  # '“You blamed the workers” for ...': the pronoun is the quote's
            if hypothetical(tok):
                continue
            spans = self._reported_clause(tok) if speech or belief else None
            if spans is None and speech and tok.dep_ == "parataxis":
                spans = self._parenthetical(tok)
            if spans is None and (intent or speech) and low not in self.ex.direct_only:
                # A bare object reports something only after verbs of intent and stance
                # ("cited the figures"), not after speech verbs ("told the truth").
                spans = self._intent_object(tok, bare=intent and not speech)
            if not spans:
                continue
            found.append(self._reported_item(spans, self.speakers.resolve(subj), i, i + 1))
        return found

    def _noun_report(self, noun: Token) -> tuple | None:
        """'Trump's claim that ...': the owner's "that" clause."""
        doc = self.doc
        owner = next((c for c in noun.lefts if c.dep_ == "poss" or any(
            g.dep_ == "case" and g.tag_ == "POS" for g in c.children)), None)
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "appos")
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
        if owner is None or clause is None or self.in_quote[owner.i] >= 0:
            return None
        lo, hi = self._clip(clause.left_edge.i, clause.right_edge.i + 1, noun.i)
        for k in range(lo, hi):
            if self.in_quote[k] >= 0:
                hi = k
                break
        if sum(1 for t in doc[lo:hi] if t.is_alpha) < 3:
            return None
        span = (doc[lo].idx, end_char(doc, hi))
        return self._reported_item([span], self.speakers.resolve(owner), noun.i, noun.i + 1)

    def _parenthetical(self, verb: Token) -> list[tuple[int, int]] | None:
        """'A, he said, B': the sentence around the attribution, in two pieces."""
        doc = self.doc
        head = verb.head
        if head.i == verb.i or not head.tag_.startswith(("VB", "MD")):
            return None
        lo, hi = head.left_edge.i, head.right_edge.i + 1
        cut_lo, cut_hi = verb.left_edge.i, verb.right_edge.i + 1
        if not lo <= cut_lo < cut_hi <= hi:
            return None
        spans = []
        for a, b in ((lo, cut_lo), (cut_hi, hi)):
            a, b = self._clip(a, b, verb.i)
            while b > a and doc[b - 1].is_punct and doc[b - 1].text not in ALL_MARKS:
                b -= 1
            if any(t.is_alpha for t in doc[a:b]) and not any(
                self.in_quote[k] >= 0 for k in range(a, b)
            ):
                spans.append((doc[a].idx, end_char(doc, b)))
        return spans or None

    def _intent_object(self, verb: Token, *, bare: bool) -> list[tuple[int, int]] | None:
        """'X pledged [to push for an amendment]', 'X cited [comments ...]', 'X called for
        [an inquiry]': the verb's infinitive, object or "for"/"on" phrase."""
        doc = self.doc
        target = None
        for child in verb.rights:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                             for c in child.lefts):
                target = (child.left_edge.i, child.right_edge.i + 1)
                break
            if child.dep_ == "dobj":
                # The object with its complement: "called [the charges unsubstantiated]",
                # "urged [Republicans to join ...]", "cited [remarks ... as examples]".
                end = child.right_edge.i + 1
                for sib in verb.rights:
                    if sib.i > child.i and (sib.dep_ in ("oprd", "xcomp", "ccomp") or (
                            sib.dep_ == "prep" and sib.lower_ == "as")):
                        end = max(end, sib.right_edge.i + 1)
                named = child.tag_ == "PRP" or child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                if (named or not bare) and end == child.right_edge.i + 1:
                    continue
                target = (child.left_edge.i, end)
                break
            if child.dep_ == "prep" and child.lower_ in ("for", "on") and child.i == verb.i + 1:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    target = (pobj.left_edge.i, pobj.right_edge.i + 1)
                    break
        if target is None:
            return None
        lo, hi = self._clip(target[0], target[1], verb.i)
        for k in range(lo, hi):
            if self.in_quote[k] >= 0:
                hi = k
                break
        lo, hi = self._shape(lo, hi, verb, clausal=False)
        while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS:
            hi -= 1
        if sum(1 for t in doc[lo:hi] if t.is_alpha) < 2:
            return None
        return [(doc[lo].idx, end_char(doc, hi))]

    def _outermost(self, reported: list, cands: list[Candidate]) -> list:
        """Drop reported speech and mixed quotes nested in other reported content ("X said
        [Y called it “a con”]"): the outer attribution tells the reader who says so."""
        doc = self.doc
        outer: list[tuple[int, int]] = [span for item in reported for span in item[1]]
        outer.extend(span for cand in cands if cand.kind == "mixed" for span in cand.content)

        def nested(cue: int, own: list[tuple[int, int]]) -> bool:
            at = doc[cue].idx
            return any(s <= at < e and (s, e) not in own for s, e in outer)

        for cand in cands:
            if cand.kind == "mixed" and cand.cue is not None and nested(cand.cue, cand.content):
                cand.kind = "nested"
        return [item for item in reported if not nested(item[4], item[1])]

    def _reported_item(self, spans: list[tuple[int, int]], speaker: Speaker | None, cue: int,
                       cue_end: int) -> tuple:
        kind = "mixed" if any(c in DOUBLE_MARKS for s, e in spans for c in self.text[s:e]) \
            else "indirect"
        return kind, spans, speaker, cue_span(self.doc, self.text, cue, cue_end), cue

    def _reported_clause(self, verb: Token) -> list[tuple[int, int]] | None:
        doc = self.doc
        comps = [c for c in verb.children if c.dep_ == "ccomp" and c.tag_.startswith(("VB", "MD"))]
        comp = comps[0] if comps else None
        if comp is not None:
            lo, hi = comp.left_edge.i, comp.right_edge.i + 1
            # 'believe [the push ... placed on X] [shows Y]': the parse may split one clause
            # in two; what the cue reports runs over both.
            for other in comps[1:]:
                if (other.i > verb.i) == (comp.i > verb.i) and not (
                        other.lower_ in self.ex.speech and subject_of(other) is not None):
                    hi = max(hi, other.right_edge.i + 1)
        else:
            # "described the summit as a turning point ..."
            obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
            as_ = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
            if obj is None or as_ is None or verb.lower_ in self.ex.beliefs:
                return None
            lo, hi = obj.left_edge.i, as_.right_edge.i + 1
        # The clause must not run into a direct quote.
        for k in range(lo, hi):
            if self.in_quote[k] >= 0 or (doc[k].text in DOUBLE_MARKS and comp is None):
                hi = k
                break
        lo, hi = self._clip(lo, hi, verb.i)
        lo, hi = self._shape(lo, hi, verb, clausal=comp is not None)
        if sum(1 for t in doc[lo:hi] if t.is_alpha) < 2:
            return None
        if hi <= verb.i:
            # 'However, the plan failed, she said': the writer's connective is not reported.
            while lo + 2 < hi and doc[lo].tag_ == "RB" and doc[lo].dep_ == "advmod" \
                    and doc[lo + 1].text == "," and lo == doc[lo].sent.start:
                lo += 2
        spans = [(doc[lo].idx, end_char(doc, hi))]
        if hi <= verb.i:
            after = self._after_attribution(verb)
            if after is not None:
                spans.append((doc[after[0]].idx, end_char(doc, after[1])))
        return spans

    def _after_attribution(self, verb: Token) -> tuple[int, int] | None:
        """'A, the agency said in a report, and B': the sentence goes on after an attribution
        set off by commas, and what follows is reported too, unless it is another report
        ("..., adding that ..."), a comment on the speaker (", who ...") or the cue's own
        adjunct (", when asked ...")."""
        doc, p = self.doc, self.par[verb.i]
        end = verb.sent.end
        subj = subject_of(verb)
        k = max(verb.i, subj.right_edge.i if subj is not None else 0) + 1
        while k < end and doc[k].text != "," and self.par[k] == p and self.in_quote[k] < 0 \
                and doc[k].text not in ALL_MARKS:
            k += 1
        if k >= end or doc[k].text != ",":
            return None
        lo, hi = self._clip(k + 1, end, verb.i)
        for j in range(lo, hi):
            if self.in_quote[j] >= 0 or doc[j].text in ALL_MARKS or j in self.according:
                return None
        while lo < hi and (doc[lo].dep_ == "cc" or doc[lo].is_punct):
            lo += 1
        hi = self._cut_tail(lo, hi)
        while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
            hi -= 1
        words = [t for t in doc[lo:hi] if t.is_alpha]
        if len(words) < 2:
            return None
        first = doc[lo]
        top = first
        while top.head.i != top.i and lo <= top.head.i < hi:
            top = top.head
        if first.lower_ in RELATIVES or first.lower_ in VERB_ADJUNCTS or any(
            t.tag_.startswith("VB") and self._cue_word(t)
            for t in (top, *(c for c in top.children if c.dep_ == "conj"))
        ):
            return None
        return lo, hi

    def _according_clause(self, k: int) -> tuple[int, int] | None:
        """What "according to X" attributes: the rest of its sentence when the phrase opens
        or closes it, else the clause it attaches to, without the phrase itself."""
        doc = self.doc
        acc = doc[k]
        phrase = (min(acc.left_edge.i, k), max(acc.right_edge.i + 1, self.according[k]))
        sent = acc.sent
        if acc.dep_ == "ROOT":
            # 'According to X, the plan ...' parsed as one long phrase: the phrase ends at
            # the first comma after its object.
            comma = next((j for j in range(self.according[k], phrase[1])
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
        lo, hi = self._clip(lo, hi, k)
        while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in ALL_MARKS:
            hi -= 1
        if hi - lo < 3:
            return None
        return doc[lo].idx, end_char(doc, hi)
