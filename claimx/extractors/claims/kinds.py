"""What kind of claim a clause makes, from its quantities and the clues of
``patterns/claims/claim_kinds.jsonl`` (by label) found in its text: the first test of
``KIND_TESTS`` that holds names it, else it is a count."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimx.extractors.claims.vocabulary import ClaimWords
    from claimx.models import Quantity

Quantities = tuple["Quantity", ...]
KindTest = Callable[["ClaimWords", Quantities, str], bool]


def _has(words: ClaimWords, label: str, clause: str) -> bool:
    clue = words.kind_clues.get(label)
    return clue is not None and clue.search(clause) is not None


def _change(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    return any(q.change is not None for q in quantities)


def _comparison(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    # "than" in "more than 60%" is a bound, not a comparison between two things
    return _has(words, "COMPARISON", clause) and not all(q.bound != "=" for q in quantities)


def _superlative(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    return _has(words, "SUPERLATIVE", clause)  # "one of the busiest"


def _ranked(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    return any(q.unit == "rank" for q in quantities)  # "her 23rd cap", "world number one"


def _vague(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    return all(q.vague for q in quantities)


def _money(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    return any(words.is_money(q.unit) for q in quantities)


def _percentage(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    return any(words.is_percent(q.unit) for q in quantities)


def _rank(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    # "the seventh largest carrier": a rank beside a duration or a count says more than they do
    return _has(words, "ORDINAL", clause) and _has(words, "RANK", clause)


def _measure(words: ClaimWords, quantities: Quantities, clause: str) -> bool:
    return any(q.unit for q in quantities)


KIND_TESTS: tuple[tuple[str, KindTest], ...] = (
    ("change", _change), ("comparison", _comparison), ("ranking", _superlative),
    ("ranking", _ranked), ("vague", _vague), ("money", _money), ("percentage", _percentage),
    ("ranking", _rank), ("measure", _measure),
)


def claim_kind(words: ClaimWords, quantities: Quantities, clause: str) -> str:
    """change, comparison, ranking, vague, money, percentage, measure or count."""
    return next((kind for kind, test in KIND_TESTS if test(words, quantities, clause)), "count")
