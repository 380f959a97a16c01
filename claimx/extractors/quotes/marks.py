"""Quotation marks: which mark opens and which closes, and pairing them into quoted stretches.

One pass over the tokens pairs double marks paragraph by paragraph (curly, straight, «»,
doubled apostrophes); a quote left open at a paragraph's end runs on into the next paragraph
only when that one opens with a mark. Single marks pair outside double ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from claimx.doc.text import string_ids
from claimx.models import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

DOUBLE_OPEN = frozenset({"“", "„", "‟", "«", "``"})
DOUBLE_CLOSE = frozenset({"”", "»"})
DOUBLE_EITHER = frozenset({'"', "''", "″"})
SINGLE_OPEN = frozenset({"‘", "‹"})
SINGLE_CLOSE = frozenset({"’", "›"})
SINGLE_EITHER = frozenset({"'"})
DOUBLE_MARKS = DOUBLE_OPEN | DOUBLE_CLOSE | DOUBLE_EITHER
ALL_MARKS = DOUBLE_MARKS | SINGLE_OPEN | SINGLE_CLOSE | SINGLE_EITHER
DASHES = frozenset({"—", "–", "-", "--", "―", "−"})
# How many paragraphs one quotation may run over.
MAX_PARAGRAPHS = 12
# How far (tokens) a nested quotation's closing marks, or a single mark's partner, may stand.
NESTED_REACH = 400
SINGLE_REACH = 80
# A nested quotation ends at the first of two closing marks, the outer one at the second.
NESTED_CLOSES = 2
MAX_NICKNAME_WORDS = 2
# The most tokens a transcript's speaker label ('MS. LEE:') holds before its colon.
MAX_LABEL_WORDS = 4


class Kind(Enum):
    """What a quoted stretch turned out to be; ``extractor.read_candidates`` alone sets it."""

    UNREAD = ""
    DIRECT = "direct"
    MIXED = "mixed"
    SCARE = "scare"  # a name, a title or a scare quote: no quotation


@dataclass
class Candidate:
    """Quoted stretch: content token ranges without the marks."""

    segments: list[tuple[int, int]]
    open_i: int
    close_i: int | None
    kind: Kind = Kind.UNREAD
    cue: int | None = None  # token index of the cue
    cue_end: int | None = None
    speaker: Speaker | None = None
    content: list[tuple[int, int]] = field(default_factory=list)  # char spans
    attributed: bool = False
    after_end: int | None = None  # token index where the after-attribution window ended

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


def pair_marks(doc: Doc, par: list[int], *, elisions: frozenset[str]) -> list[Candidate]:
    """Pair double marks per paragraph; a paragraph that leaves a quote open continues it
    only when the next paragraph opens with a mark. Single marks pair outside them; an
    apostrophe before one of the ``elisions`` opens nothing."""
    n = len(doc)
    cands: list[Candidate] = []
    open_i: int | None = None
    chain: list[tuple[int, int]] = []
    nested: set[int] = set()  # marks of a quotation nested in the same marks
    # Only a double mark or a paragraph's last token can change anything below.
    for i in sorted({*_tokens_of(doc, _DOUBLE_IDS), *_paragraph_ends(par)}):
        if doc[i].text in DOUBLE_MARKS and i not in nested:
            way = direction(doc, i, open_i is not None)
            inner = nested_close(doc, par, i) if way == "open" and open_i is not None else None
            if inner is not None:
                # '“He calls it “hell” and means it.”': one quotation holds another.
                nested.update((i, inner))
            elif way == "open":
                if open_i is not None:
                    if after_sentence_end(doc, i) and len(chain) < MAX_PARAGRAPHS:
                        # 'said: "A. B. "C."': paragraphs run together in the source;
                        # the new mark continues the quote as a new paragraph would.
                        chain = [*chain, (open_i + 1, strip_space_end(doc, open_i + 1, i))]
                    else:
                        chain = []  # the earlier mark never closed: drop it
                open_i = i
            elif way == "close" and open_i is not None:
                cands.append(Candidate([*chain, (open_i + 1, i)], chain_open(chain, open_i), i))
                open_i, chain = None, []
        last_of_par = i + 1 >= n or par[i + 1] != par[i]
        if last_of_par and open_i is not None:
            end = strip_space_end(doc, open_i + 1, i + 1)
            nxt = i + 1
            while nxt < n and doc[nxt].is_space:
                nxt += 1
            # A transcript printed in one quotation: each speaker's turn ('"WALLACE: ...')
            # is a quote of its own, never merged with the turn before it.
            continues = (
                nxt < n
                and doc[nxt].text in DOUBLE_MARKS
                and direction(doc, nxt, False) == "open"
                and len(chain) < MAX_PARAGRAPHS
                and turn_label(doc, nxt + 1) is None
                and not stage_direction(doc, par, nxt + 1)
            )
            if continues:
                chain = [*chain, (open_i + 1, end)]
            else:
                # Unclosed: the quote ends with its paragraph, never later.
                cands.append(Candidate([*chain, (open_i + 1, end)], chain_open(chain, open_i),
                                   None))
                chain = []
            open_i = None
    cands.extend(pair_single(doc, par, cands, elisions))
    cands.sort(key=lambda c: c.open_i)
    return [c for c in cands if any(e > s for s, e in c.segments)]


def turn_label(doc: Doc, i: int) -> int | None:
    """The colon after a transcript's speaker label at token ``i`` ('PENCE:', 'MS. LEE:'):
    one to three words in capitals, then a colon; else None."""
    k = i
    while k < len(doc) and k - i < MAX_LABEL_WORDS and _label_word(doc[k].text):
        k += 1
    return k if i < k < len(doc) and doc[k].text == ":" else None


def stage_direction(doc: Doc, par: list[int], i: int) -> bool:
    """A transcript's paragraph in brackets from token ``i`` to its end ('"(APPLAUSE.)'):
    a direction to the reader, which ends the turn before it."""
    if i >= len(doc) or doc[i].text not in ("(", "["):
        return False
    k = i
    while k + 1 < len(doc) and par[k + 1] == par[i] and not doc[k + 1].is_space:
        k += 1
    while k > i and (doc[k].text in ALL_MARKS or doc[k].text == "."):
        k -= 1
    return doc[k].text in (")", "]")


def _label_word(text: str) -> bool:
    """A word of a speaker label: capitals ("PENCE", "MS."), not a lone letter ("I")."""
    return text == "." or (text.isupper() and sum(c.isalpha() for c in text) > 1)


def nickname(doc: Doc, cand: Candidate) -> bool:
    """One or two capitalised words in marks between capitalised words of a name
    ('Jane "JJ" Doe'): part of the name, no quotation."""
    if cand.close_i is None or cand.open_i == 0 or cand.close_i + 1 >= len(doc):
        return False
    words = doc[cand.open_i + 1:cand.close_i]
    before, after = doc[cand.open_i - 1], doc[cand.close_i + 1]
    return 0 < len(words) <= MAX_NICKNAME_WORDS and all(t.is_title for t in words) \
        and before.is_title and after.is_title \
        and bool(before.whitespace_) and bool(doc[cand.close_i].whitespace_)


def nested_close(doc: Doc, par: list[int], i: int) -> int | None:
    """For a curly opening mark inside an open quotation: the closing mark of the nested
    quotation, when two closing marks follow in the paragraph before any other opening
    one; else None (the earlier mark was left open)."""
    if doc[i].text not in DOUBLE_OPEN or after_sentence_end(doc, i):
        return None
    closes: list[int] = []
    for j in range(i + 1, min(len(doc), i + NESTED_REACH)):
        if par[j] != par[i]:
            break
        if doc[j].text in DOUBLE_MARKS:
            if direction(doc, j, True) != "close":
                return None
            closes.append(j)
            if len(closes) == NESTED_CLOSES:
                return closes[0]
    return None


def pair_single(doc: Doc, par: list[int], doubles: list[Candidate], elisions: frozenset[str]
                ) -> list[Candidate]:
    n = len(doc)
    inside = [False] * n
    for c in doubles:
        for i in range(c.open_i, (c.close_i if c.close_i is not None else c.end) + 1):
            if i < n:
                inside[i] = True
    found: list[Candidate] = []
    i = 0
    for i_open in _tokens_of(doc, _SINGLE_OPEN_IDS):  # no other token opens a single quote
        if i_open < i:
            continue
        i = i_open
        if inside[i] or not single_opens(doc, i, elisions):
            i += 1
            continue
        close = None
        for j in range(i + 1, min(n, i + SINGLE_REACH)):
            if par[j] != par[i] or inside[j]:
                break
            if single_closes(doc, j):
                close = j
                break
        if close is None:
            i += 1
            continue
        found.append(Candidate([(i + 1, close)], i, close))
        i = close + 1
    return found


def chain_open(chain: list[tuple[int, int]], open_i: int) -> int:
    """The opening mark of a (possibly multi-paragraph) quote."""
    return chain[0][0] - 1 if chain else open_i


def paragraph_ids(doc: Doc) -> list[int]:
    """Each token's paragraph number: a whitespace token holding a line break ends one (it
    is the last token of its paragraph)."""
    import numpy
    from spacy.attrs import IS_SPACE, ORTH

    rows = doc.to_array([IS_SPACE, ORTH])
    strings = doc.vocab.strings
    spaces = rows[rows[:, 0] != 0, 1]
    breaks = [orth for orth in set(spaces.tolist()) if "\n" in strings[orth]]
    ends = numpy.isin(rows[:, 1], breaks) & (rows[:, 0] != 0)
    return (numpy.cumsum(ends) - ends).tolist()  # type: ignore[no-any-return]


def _paragraph_ends(par: list[int]) -> list[int]:
    """The last token of each paragraph."""
    if not par:
        return []
    return [i for i in range(len(par) - 1) if par[i + 1] != par[i]] + [len(par) - 1]


_DOUBLE_IDS = string_ids(DOUBLE_MARKS)
_SINGLE_OPEN_IDS = string_ids(SINGLE_OPEN | SINGLE_EITHER)


def _tokens_of(doc: Doc, orths: frozenset[int]) -> list[int]:
    """The indices of the tokens whose text has one of these ids, in order."""
    from spacy.attrs import ORTH

    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in orths]


def space_before(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return bool(prev.whitespace_) or prev.is_space or prev.text in ("(", "[", "{") \
        or prev.text in DASHES


def space_after(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.whitespace_ or i + 1 >= len(doc):
        return True
    nxt = doc[i + 1]
    return nxt.is_space or (nxt.is_punct and nxt.text not in ALL_MARKS)


def direction(doc: Doc, i: int, is_open: bool) -> str:
    """"open" or "close" for a double mark, from its shape and its surroundings."""
    text = doc[i].text
    if text in DOUBLE_OPEN:
        return _curly_open_direction(doc, i, is_open)
    if text in DOUBLE_CLOSE:
        return _curly_close_direction(doc, i, is_open)
    before, after = space_before(doc, i), space_after(doc, i)
    if is_open:
        return "open" if before and not after else "close"
    return "close" if (not before and after) else "open"


def _curly_open_direction(doc: Doc, i: int, is_open: bool) -> str:
    # A curly opening mark where a quote is open and the mark is glued to the end of a
    # word ("wrong“ ") is a typo for a closing one.
    if is_open and not space_before(doc, i) and space_after(doc, i):
        return "close"
    return "open"


def _curly_close_direction(doc: Doc, i: int, is_open: bool) -> str:
    if not is_open and space_before(doc, i) and not space_after(doc, i):
        return "open"
    if not is_open and (i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text)):
        return "open"  # '” … what I learned': a paragraph never opens with a closing mark
    return "close"


def single_opens(doc: Doc, i: int, elisions: frozenset[str]) -> bool:
    tok = doc[i]
    if tok.text not in SINGLE_OPEN and tok.text not in SINGLE_EITHER:
        return False
    if not space_before(doc, i) or tok.whitespace_ or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    # '90s, 'em, 'til are elisions, not quotations.
    return nxt.text[:1].isalpha() and nxt.lower_ not in elisions


def single_closes(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if tok.text not in SINGLE_CLOSE and tok.text not in SINGLE_EITHER:
        return False
    if i == 0 or space_before(doc, i) or not space_after(doc, i):
        return False
    prev = doc[i - 1]
    if i + 1 < len(doc):
        nxt = doc[i + 1]
        # voters’ rights: a plural possessive before a noun.
        if prev.lower_.endswith("s") and prev.tag_ in ("NNS", "NNPS") and nxt.tag_.startswith(
            ("NN", "JJ")
        ):
            return False
    return True


def after_sentence_end(doc: Doc, i: int) -> bool:
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and doc[k].text in (".", "!", "?") and space_before(doc, i)


def strip_space_end(doc: Doc, lo: int, hi: int) -> int:
    while hi > lo and doc[hi - 1].is_space:
        hi -= 1
    return hi
