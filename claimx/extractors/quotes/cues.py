"""Where a quotation stands in its sentence and which cue attributes it: the cue before the
opening mark ("Smith said: ...") or after the closing one ("..., Smith said")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimx.doc.syntax import subject_of
from claimx.extractors.quotes.addressee import tells_only
from claimx.extractors.quotes.helpers import has_right_clause, last_content, misread_name
from claimx.extractors.quotes.marks import DASHES, DOUBLE_MARKS, Candidate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimx.extractors.quotes.context import QuoteContext

# How far (tokens) an attribution may sit from the mark it attributes.
AFTER_WINDOW = 14
# '"...," Jane Doe, a senior fellow at ... and a former ..., said': a long appositive speaker.
AFTER_WINDOW_SUBJECT = 40
BEFORE_WINDOW = 30


def before(ctx: QuoteContext, cand: Candidate) -> tuple[str, int | None]:
    """Where the quote starts: "start" of a sentence, after a "colon", or "inside" one;
    with the cue before it if there is one."""
    doc = ctx.doc
    k = cand.open_i - 1
    crossed = False
    while k >= 0 and doc[k].is_space:
        if "\n" in doc[k].text:
            crossed = True
        k -= 1
    if k < 0 or _opens_sentence_after(doc[k], crossed=crossed):
        return "start", None
    tok = doc[k]
    if tok.text in (":", ",") or tok.lower_ in ("that", "saying") or ctx.is_cue(tok):
        return _start_after_cue(ctx, k)
    return "inside", None


def _opens_sentence_after(tok: Token, *, crossed: bool) -> bool:
    """A quotation after ``tok`` opens a sentence: after a line break (unless a colon ends
    the line), another mark, a bracket, a dash or a sentence end."""
    return (crossed and tok.text != ":") or tok.text in DOUBLE_MARKS \
        or tok.text in ("(", "[") or tok.text in DASHES \
        or tok.tag_ == "." or tok.text in ("!", "?", ".")


def _start_after_cue(ctx: QuoteContext, k: int) -> tuple[str, int | None]:
    """``before`` for a quotation after a colon, a comma, "that" or a cue at token ``k``."""
    tok = ctx.doc[k]
    if tok.text == "," and _ends_attribution(ctx, k):
        return "start", None
    cue = _cue_before(ctx, k)
    if cue is None:
        return ("colon" if tok.text == ":" else "inside"), None
    if tok.lower_ == "that" or (tok.text == "," and that_between(ctx, cue, k) is not None):
        return "that", cue
    return ("colon" if tok.text == ":" else "cue"), cue


def that_between(ctx: QuoteContext, cue: int, k: int) -> int | None:
    """The "that" opening a reported clause between a cue and a quotation: 'said Friday
    that if she wins, “...”' quotes part of the clause, a mixed quote."""
    for j in range(cue + 1, k + 1):
        if ctx.doc[j].lower_ == "that" and ctx.doc[j].dep_ == "mark":
            return j
    return None


def _ends_attribution(ctx: QuoteContext, k: int) -> bool:
    """True when token ``k`` closes the attribution of an earlier quote:
    '"...," said Smith, "..."'."""
    for j in range(k - 1, max(-1, k - AFTER_WINDOW), -1):
        if j in ctx.cues.used:
            owner = ctx.cues.after.get(j)
            return owner is not None and owner < j
        tok = ctx.doc[j]
        if ctx.is_cue(tok) or ctx.in_quote[j] >= 0 or tok.text in (".", "!", "?"):
            return False
    return False


def _cue_before(ctx: QuoteContext, k: int) -> int | None:
    doc = ctx.doc
    p = ctx.par[k]
    for j in range(k, max(-1, k - BEFORE_WINDOW), -1):
        tok = doc[j]
        if ctx.par[j] != p and not (tok.is_space or j == k):
            break
        if ctx.in_quote[j] >= 0 or tok.text in DOUBLE_MARKS:
            break
        if j < k and (tok.tag_ == "." and tok.text in (".", "!", "?")):
            break
        if ctx.is_cue(tok) and j not in ctx.cues.used:
            return j
        start = _according_start(ctx, j)
        if start is not None:
            return start
    return None


def _according_start(ctx: QuoteContext, j: int) -> int | None:
    if j - 1 in ctx.according:
        return j - 1
    return None


def after(ctx: QuoteContext, cand: Candidate) -> int | None:
    """The cue after a quotation's closing mark, if one attributes it; notes in
    ``cand.after_end`` where that attribution's clause ends."""
    doc, n = ctx.doc, ctx.n
    assert cand.close_i is not None
    i = cand.close_i + 1
    while i < n and (doc[i].text in (",",) or doc[i].text in DASHES):
        i += 1
    p = ctx.par[cand.close_i]
    last = last_content(doc, cand)
    ended = last is not None and last.text in (".",)
    for k in range(i, min(n, i + AFTER_WINDOW_SUBJECT)):
        tok = doc[k]
        if k in ctx.nick_marks:
            continue
        if ctx.par[k] != p or tok.is_space or tok.text in DOUBLE_MARKS \
                or ctx.in_quote[k] >= 0 or tok.text in (".", "!", "?", ";"):
            break
        if k >= i + AFTER_WINDOW and not _subject_between(ctx, k, i):
            # Far from the mark, only a cue whose subject follows the mark attributes it.
            if ctx.is_cue(tok) or tok.tag_.startswith("VB"):
                break
            continue
        if tok.tag_ in ("CC", "WRB") and k == i:
            break  # '"...," and, when asked, ...': a new clause, not the quote's attribution
        if k in ctx.according:
            return k
        if ctx.is_cue(tok) and k not in ctx.cues.used:
            # '"...," Smith said the plan ...': the verb reports something else.
            if has_right_clause(tok, ctx.words.listeners) and not tells_only(ctx, tok) \
                    and (tok.i > i or ended):
                break
            cand.after_end = _window_end(ctx, k)
            return k
        if tok.tag_.startswith("VB") and tok.dep_ not in ("aux", "auxpass") \
                and tok.tag_ not in ("VBN", "VBG") and not misread_name(tok):
            break
    return None


def _subject_between(ctx: QuoteContext, k: int, i: int) -> bool:
    """True when token ``k`` is a cue verb whose subject starts at token ``i``, right
    after a quotation's closing mark."""
    tok = ctx.doc[k]
    if not ctx.is_cue(tok):
        return False
    subj = subject_of(tok)
    return subj is not None and subj.left_edge.i == i and subj.i < k


def _window_end(ctx: QuoteContext, cue: int) -> int:
    """The token after the attribution clause: sentence end, next mark or paragraph end."""
    doc, n, p = ctx.doc, ctx.n, ctx.par[cue]
    k = cue + 1
    while k < n and ctx.par[k] == p and doc[k].text not in DOUBLE_MARKS \
            and ctx.in_quote[k] < 0:
        if doc[k].text in (".", "!", "?"):
            return k + 1
        k += 1
    return k


def ends_clean(ctx: QuoteContext, cand: Candidate) -> bool:
    doc, n = ctx.doc, ctx.n
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
