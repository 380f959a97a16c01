"""Where a quotation stands in its sentence and which cue attributes it: the cue before the
opening mark ("Smith said: ...") or after the closing one ("..., Smith said")."""

from __future__ import annotations

from claimx.extractors.quotes.helpers import has_right_clause, last_content, misread_name
from claimx.extractors.quotes.marks import DASHES, DOUBLE_MARKS, Candidate
from claimx.extractors.quotes.resolver import subject_of
from claimx.extractors.quotes.state import RunState

# How far (tokens) an attribution may sit from the mark it attributes.
AFTER_WINDOW = 14
# '"...," Jane Doe, a senior fellow at ... and a former ..., said': a long appositive speaker.
AFTER_WINDOW_SUBJECT = 40
BEFORE_WINDOW = 30


class QuoteCues(RunState):
    """Finds the cue of a quotation before or after its marks."""

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
                if has_right_clause(tok, self.ex.listeners) and (tok.i > i or ended):
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
