"""Who speaks through a cue: the subject of the cue verb, the holder of a participle, the
object of "according to", a name before a colon or after a dash."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from claimx.extractors.quotes.helpers import nounish, opens_paragraph, relative_subject
from claimx.extractors.quotes.marks import ALL_MARKS, DASHES, Candidate
from claimx.extractors.quotes.resolver import RELATIVES, subject_of
from claimx.extractors.quotes.state import RunState
from claimx.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token


class QuoteSpeakers(RunState):
    """Sets a quotation's cue and finds its speaker."""

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
