"""A name Matcher run only where it can match: inside the runs of title-case tokens.

A pattern whose every token asks ``IS_TITLE`` can only match inside a run of consecutive
title-case tokens, and one with a ``{"LOWER": {"IN": [...]}}`` token only in a run that holds
one of those words. ``TitleRunMatcher`` finds those runs with one ``doc.to_array`` and runs
spaCy's Matcher over them alone, instead of over every token of the Doc (the Matcher builds a
Python object per token it visits). The matches are those of the whole Doc, in the order
spaCy gives a greedy ``LONGEST`` key's matches: longest first, then by start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class TitleRunMatcher:
    """One greedy-LONGEST token pattern of title-case tokens, with one ``LOWER IN`` token."""

    def __init__(self, nlp: Language, name: str, pattern: list[dict[str, Any]]) -> None:
        from spacy.matcher import Matcher

        if not pattern or any(t.get("IS_TITLE") is not True or t.get("OP", "+") != "+"
                              for t in pattern):
            raise ValueError(f"{name}: every token must ask IS_TITLE, with no OP but '+'")
        words = [t["LOWER"]["IN"] for t in pattern if isinstance(t.get("LOWER"), dict)]
        if len(words) != 1:
            raise ValueError(f"{name}: exactly one token must ask LOWER IN a word list")
        self._anchors = frozenset(nlp.vocab.strings.add(w) for w in words[0])
        self._tagged = any("TAG" in t for t in pattern)
        self._shortest = len(pattern)  # each token is there once, or more ("+")
        self._matcher = Matcher(nlp.vocab)
        self._matcher.add(name, [pattern], greedy="LONGEST")

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(key, start, end)`` of every match in the Doc, as ``Matcher(doc)`` gives them."""
        if not len(doc) or (self._tagged and not doc.has_annotation("TAG")):
            return self._matcher(doc)  # type: ignore[no-any-return]  # its checks and errors
        found: list[tuple[int, int, int]] = []
        for start, end, words in title_runs(doc):
            if end - start >= self._shortest and not self._anchors.isdisjoint(words):
                found += [(key, start + s, start + e)
                          for key, s, e in self._matcher(doc[start:end])]
        found.sort(key=lambda m: (m[1] - m[2], m[1]))
        return found


def title_runs(doc: Doc) -> list[tuple[int, int, list[int]]]:
    """``(start, end, LOWER ids)`` of each maximal run of title-case tokens; cached per Doc
    (keyed by its length, so a retokenized Doc rebuilds it). Read it, never change it."""
    from spacy.attrs import IS_TITLE, LOWER

    key = f"claimx.title_runs:{len(doc)}"
    cached = doc.user_data.get(key)
    if isinstance(cached, list):
        return cached
    table = doc.to_array([IS_TITLE, LOWER])
    edges = numpy.diff(numpy.concatenate(([0], table[:, 0].astype(numpy.int8), [0])))
    lows = table[:, 1]
    cached = [(start, end, lows[start:end].tolist()) for start, end in zip(
        numpy.flatnonzero(edges == 1).tolist(), numpy.flatnonzero(edges == -1).tolist(),
        strict=True)]
    doc.user_data[key] = cached
    return cached
