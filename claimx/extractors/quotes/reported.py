"""Reported (indirect) speech: every speech verb with a subject and a reported clause that is
not already a quote's cue, "according to X", "described X as Y", a speaker's "claim that ...",
and verbs of intent or stance with their object ("X pledged to ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.extractors.quotes.helpers import cue_span, end_char, hypothetical
from claimx.extractors.quotes.marks import ALL_MARKS, DOUBLE_MARKS, Candidate
from claimx.extractors.quotes.reported_bounds import ReportBounds
from claimx.extractors.quotes.resolver import RELATIVES, subject_of
from claimx.extractors.quotes.speakers import QuoteSpeakers
from claimx.models import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token


class ReportedSpeech(ReportBounds, QuoteSpeakers):
    """Finds reported speech outside direct quotes."""

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
        """'A, the ministry said on Monday, and B': the sentence goes on after an attribution
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
        if first.lower_ in RELATIVES or first.lower_ in self.ex.adjuncts or any(
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
