"""What a quoted stretch is, read in its sentence: a direct quote attributed before or after, a
mixed quote whose content is the clause a cue verb reports, or a name or scare quote.

A mixed quote starts where the report starts: with the cue's object or clause before the marks,
and with the outer speech verb when the quotation's own cue sits in its reported clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.quotes.cues import BEFORE_WINDOW, QuoteCues
from claimx.extractors.quotes.helpers import end_char, opens_paragraph, word_count
from claimx.extractors.quotes.marks import ALL_MARKS, DASHES, DOUBLE_MARKS, Candidate
from claimx.extractors.quotes.reported import ReportedSpeech
from claimx.extractors.quotes.resolver import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# A quotation of fewer words with no speaker of its own is a name or a scare quote.
MIN_STANDALONE_WORDS = 3


class QuoteKinds(ReportedSpeech, QuoteCues):
    """Decides the kind, cue, speaker and content of each quoted stretch."""

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
        has one quality]: “...”', 'often says [things like], “...”'), when the cue governs
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
            if child.dep_ == "dobj" and (listener or child.lower_ in self.ex.listeners):
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
