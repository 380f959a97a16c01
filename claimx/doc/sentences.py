"""Sentences: the one segmentation every extractor reads, and the breaks a clause never spans.

The parser splits sentences; claimx's paragraph-break component (``BLANK_LINE``) makes a blank
line always start one. ``Sentences`` gives the sentence of a token without spaCy's rescan of
the Doc on each ``Token.sent``. ``SentenceBreaks`` finds, on the raw text, the gaps where a
clause can never continue even when the parse runs on: a blank line, a list bullet, or a
sentence end the parser missed ("... 3G. Broadband ...") after any word but an abbreviation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import regex

from claimx.doc.offsets import index_at

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# A blank line ends a paragraph: a headline without a full stop is not one sentence with the
# paragraph under it. (The standard library's \s, as the paragraph-break component always had.)
BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")

_BLANK = r"\n[ \t]*\n\s*"
_BULLET = r"\n[ \t]*[•·*▪◦‣-][ \t]"
# A full stop after a capital-dot-capital ("U.S.") or an abbreviation ends no sentence.
_MISSED_END = r"(?<=(?<![A-Z]\.[A-Z]|\b(?:{abbreviations}))[.!?][\"”’)]?)\s+(?=[A-Z“\"‘(•])"


class Sentences:
    """A Doc's sentences, listed once; ``of(i)`` is the sentence of token ``i``."""

    def __init__(self, doc: Doc) -> None:
        self.spans: list[SpacySpan] = list(doc.sents)
        self._starts = [s.start for s in self.spans]

    def of(self, i: int) -> SpacySpan:
        return self.spans[max(0, index_at(self._starts, i))]


class SentenceBreaks:
    """Finds the gaps a clause never runs across; build once with the abbreviations (written
    without their full stop, e.g. "Mr", "U.S") after which a full stop ends no sentence."""

    def __init__(self, abbreviations: Iterable[str]) -> None:
        words = "|".join(regex.escape(a) for a in abbreviations) or r"(?!x)x"
        self._patterns = (
            regex.compile(_BLANK),
            regex.compile(_BULLET),
            regex.compile(_MISSED_END.format(abbreviations=words)),
        )

    def __call__(self, text: str) -> list[tuple[int, int]]:
        """The gaps between two pieces of text, as sorted character spans."""
        return sorted(m.span() for rx in self._patterns for m in rx.finditer(text))
