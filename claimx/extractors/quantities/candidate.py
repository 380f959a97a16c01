"""The records the quantity scan passes between its steps: a quantity under construction
(``Cand``), the document it is read from (``Page``) and the result the claim builder gets
(``Found``), with the character-to-token lookups every step uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.doc.offsets import token_from, trim
from claimx.models import Change, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc

NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


@dataclass
class Cand:
    """A quantity under construction (char offsets into the text)."""

    start: int
    end: int
    value: float | None
    num_start: int
    num_end: int
    unit: str | None = None
    currency: bool = False
    scaled: bool = False
    range: tuple[float, float] | None = None
    bound: str = "="
    vague: bool = False
    noun: str | None = None
    change: Change | None = None
    words: bool = False  # written in words
    unit_form: str | None = None  # the unit as written after the number ("kt", "C")


@dataclass(frozen=True)
class Found:
    """A quantity with the token it hangs on, for the claim builder."""

    quantity: Quantity
    token: int  # index of the number's token (its syntactic anchor)
    noun_token: int | None = None


@dataclass(frozen=True)
class Page:
    """One document as the scan reads it: the parse, its text, each token's character offset,
    the stretches set aside as no amount, and the list that collects the times found."""

    doc: Doc
    text: str
    starts: list[int]
    blocked: list[tuple[int, int]]
    times: list[tuple[int, int]]


def inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s < b or a < e <= b for a, b in spans)


def noun_follows(doc: Doc, end: int, tags: frozenset[str] = NOUN_TAGS) -> bool:
    """Whether the first token starting at or after ``end`` carries one of ``tags``."""
    after = token_from(doc, end)
    return after is not None and after.tag_ in tags


def scale_of(b: Cand, hi: float, text: str) -> float:
    """The multiplier that turned b's digits into hi ("3 and 5 million": 1e6)."""
    try:
        digits = float(text[b.num_start : b.num_end].replace(",", ""))
    except ValueError:
        return 1.0
    return hi / digits if digits else 1.0


def non_overlapping(cands: list[Cand]) -> list[Cand]:
    """Longest first, then by position: a vague "one in five" beats the "one" inside it."""
    kept: list[Cand] = []
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def to_quantity(text: str, cand: Cand) -> Quantity:
    start, end = trim(text, cand.start, cand.end)
    value = cand.value
    if value is not None:
        value = float(f"{value:.12g}")  # 16.4 * 1e6 is 16399999.999999998 in binary
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        range=cand.range,
        unit=cand.unit,
        noun=cand.noun,
        bound=cand.bound,
        change=cand.change,
        vague=cand.vague,
    )
