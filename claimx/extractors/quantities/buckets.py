"""Unit and currency forms next to a number, found through one small regex per first (or
last) character instead of one alternation of every form: the generated lexicon holds over a
thousand forms, and a single alternation tried at every number made the scan slower."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

from claimx.extractors.quantities.lexicon import alternation

_BRACKETS = "([{<"
# The unit after a number: spaced, hyphened or glued ("5 km", "5-km", "5km"), or in brackets
# as tables write it ("20 (kg)").
SUFFIX = r"(?:\s?-\s?|\s{0,2})(?P<u>ALT)|\s?[(\[{<](?P<u>ALT)[)\]}>]"
# The currency before a number ("$5", "US$ 5", "NGN 5,000").
PREFIX = r"(?:(?<![\p{L}])(?P<c>ALT))\s?$"


def _buckets(forms: Iterable[str], template: str, key: Callable[[str], str],
             loose: frozenset[str], boundary: bool) -> dict[str, regex.Pattern[str]]:
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(key(form), []).append(form)
    return {k: regex.compile(template.replace(
        "ALT", alternation(group, boundary=boundary, loose=loose))) for k, group in groups.items()}


class SuffixForms:
    """``match(text, pos)`` as the alternation of every form would give it, trying only the
    forms that start with a character found where a unit could start."""

    def __init__(self, forms: Iterable[str], loose: frozenset[str]) -> None:
        self._by_first = _buckets(forms, SUFFIX, lambda f: f[0].lower(), loose, True)

    def match(self, text: str, pos: int) -> regex.Match[str] | None:
        for key in _first_keys(text, pos):
            pattern = self._by_first.get(key)
            found = pattern.match(text, pos) if pattern is not None else None
            if found is not None:
                return found
        return None


class PrefixForms:
    """``search(window)`` for a currency form that ends the window (one space may follow)."""

    def __init__(self, forms: Iterable[str], loose: frozenset[str]) -> None:
        self._by_last = _buckets(forms, PREFIX, lambda f: f[-1].lower(), loose, False)

    def search(self, window: str) -> regex.Match[str] | None:
        last = window[-2:-1] if window[-1:].isspace() else window[-1:]
        pattern = self._by_last.get(last.lower()) if last else None
        return pattern.search(window) if pattern is not None else None


def _first_keys(text: str, pos: int) -> list[str]:
    """The characters a unit after ``pos`` may start with, in the order the full pattern
    tries its gaps: over a hyphen first, then after up to two spaces, then in brackets."""
    def space(i: int) -> bool:
        return i < len(text) and text[i].isspace()

    def char(i: int, wanted: str) -> bool:
        return i < len(text) and text[i] in wanted

    starts: list[int] = []
    for hyphen in (pos + 1, pos) if space(pos) else (pos,):
        if char(hyphen, "-"):
            starts += [hyphen + 2, hyphen + 1] if space(hyphen + 1) else [hyphen + 1]
    starts += [pos + 2, pos + 1, pos] if space(pos) and space(pos + 1) else (
        [pos + 1, pos] if space(pos) else [pos])
    if space(pos) and char(pos + 1, _BRACKETS):
        starts.append(pos + 2)
    if char(pos, _BRACKETS):
        starts.append(pos + 1)
    keys = [text[i].lower() for i in starts if i < len(text)]
    return list(dict.fromkeys(keys))
