"""Regex pieces built from word lists in ``patterns/quantities/``: the lowest module of the
quantity package, shared by every step that turns vocabulary into a pattern."""

from __future__ import annotations

from collections.abc import Iterable

import regex

_SPACES = regex.compile(r"\s+")
# Short forms are case-sensitive ("MB" is a megabyte, "Mb" a megabit).
_CASE_SENSITIVE_LENGTH = 2


def alternation(items: Iterable[str], *, boundary: bool = True,
                loose: frozenset[str] = frozenset()) -> str:
    """One regex alternative per surface form, longest first; case rules as units.jsonl says
    (``loose`` forms always ignore case)."""
    parts = []
    for item in sorted(set(items), key=len, reverse=True):
        body = regex.escape(item).replace(r"\ ", r"\s*" if "$" in item else r"[\s-]+")
        sensitive = (len(item) <= _CASE_SENSITIVE_LENGTH or item != item.lower()
                     ) and item not in loose
        piece = body if sensitive else f"(?i:{body})"
        if boundary and item[-1].isalnum():
            piece += r"(?![\p{L}\p{Nd}])"  # "km³": a superscript power may follow
        parts.append(piece)
    return "|".join(parts) if parts else r"(?!x)x"


def any_of(words: Iterable[str]) -> str:
    """A plain alternation of escaped words, longest first (it never matches when empty)."""
    escaped = [regex.escape(w) for w in sorted(set(words), key=len, reverse=True)]
    return "|".join(escaped) if escaped else r"(?!x)x"


def squeeze(form: str) -> str:
    """A currency prefix as a lookup key: "US $", "US  $" and "us$" are one form."""
    return _SPACES.sub("", form).lower()


SENTENCE_BREAK = regex.compile(r"[.;!?]\s")
