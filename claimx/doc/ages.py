"""An age that stands for a person ("the 30-year-old"), read from its tokens: the parse often
hangs it on the next word. Shared by mentions, quote speakers and entity labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "30 - year - old": the tokens of an age, the number first.
_AGE_TOKENS = 5
_DETERMINERS = frozenset({"the", "a", "an"})


def age_start(doc: Doc, i: int) -> int | None:
    """Where "the 30-year-old" that ends at token ``i`` ("old") starts (its determiner, else
    its number), or None when no age ends there. The parse often hangs such an age on the
    next word, so it is read from the tokens."""
    lo = i - _AGE_TOKENS + 1
    if lo < 0 or doc[i].lower_ != "old" or doc[i - 2].lower_ not in ("year", "years") \
            or doc[i - 1].text != "-" or doc[i - 3].text != "-" or not doc[lo].like_num \
            or any(t.whitespace_ for t in doc[lo:i]):
        return None
    return lo - 1 if lo > 0 and doc[lo - 1].lower_ in _DETERMINERS else lo


def age_after(doc: Doc, k: int) -> Token | None:
    """The "old" of an age that starts at token ``k`` (its determiner or number)."""
    for end in (k + _AGE_TOKENS - 1, k + _AGE_TOKENS):
        if end < len(doc) and age_start(doc, end) == k:
            return doc[end]
    return None
