"""The fast path: parse only the sentences that can hold what was asked.

With ``--only claims`` (or quotes) most sentences of an article can yield nothing, yet the
tagger, parser and NER cost the same on each. ``FastParser`` tokenizes the whole text (cheap),
splits it into sentences with a rule-based splitter, and sends to the pipeline only the runs
of sentences that can hold a target:

- claims: a number in digits that is not a year or a date (``_digits``), a number
  or scale word, a vague amount (``patterns/quantities/``), or a word of
  ``patterns/fastpath/fastpath_claim_words.txt``;
- quotes: a quotation mark (``fastpath_quote_marks.txt``), a speech cue
  (``patterns/quotes/``), or a place between an opening and a closing mark.

Each run is parsed with a few tokens of the text on each side (``CONTEXT``), so its tokens
get the vectors they get in the whole text; only the run's own tags, dependencies and
entities are copied back into the Doc of the whole text, so every token keeps its offset
into the input and the extractors run unchanged. A sentence left out gets a flat tree of
its own (first token the root, no tags, no entities): it stays a sentence and yields nothing.
NER still runs on the runs parsed, because claims (dates, people as sources) and quotes
(speakers) both read entities.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import regex

from claimx.doc.offsets import token_starts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimx.rules.loader import PatternSet

KINDS = frozenset({"claims", "quotes"})
# A sentence ends after . ! or ? (and any closing marks) before a capital, a digit or an
# opening mark, unless an abbreviation or a lone capital ("J.", "U.S.") comes before the stop;
# a line break always ends one (news text puts each paragraph on a line of its own).
_END = (r"(?<!\b(?:{abbreviations}|\p{{Lu}})\.)(?<=[.!?][\"”’')\]]*)[ \t]+"
        r"(?=[\p{{Lu}}\d\"“‘'(])|[ \t]*\n\s*")
_OPENING, _CLOSING = "“«", "”»"


def _words(words: Iterable[str]) -> str:
    """A whole-word alternation, longest first, with any run of spaces or hyphens inside a
    phrase matching any other."""
    escaped = [regex.escape(w).replace(r"\ ", r"[\s-]+")
               for w in sorted({w.lower() for w in words if w.strip()}, key=len, reverse=True)]
    return r"(?<![\p{L}])(?:" + "|".join(escaped or [r"(?!x)x"]) + r")(?![\p{L}])"


def _digits(time_words: Iterable[str], year_before: Iterable[str]) -> str:
    """The first digit of a number that can be an amount. Not a year after a word of
    ``fastpath_year_before.txt`` ("in 2003", not "$2003" or "2003.5"), a decade ("the 1990s"),
    a digit inside a name ("G7", "O2"), nor a day or a clock
    time next to a month or clock word of ``quant_time_words.txt`` ("on 14 May", "May 14",
    "at 9 pm"): the quantity pass sets those aside as times, so no claim comes from them."""
    times = _words(time_words)
    year = (r"(?<=" + _words(year_before) + r"[\s-]+)(?:1[89]|20)\d\d(?![\d%\p{L}]|[.,:]\d)")
    decade = r"(?:1[89]|20)\d0s(?!\p{L})"
    day = r"\d+(?:st|nd|rd|th)?\s*" + times
    # A digit right after a letter is in a name ("G7", "Radio 4" is not, and stays).
    return rf"(?<![\d.,:\p{{L}}])(?!{year}|{decade}|{day})(?<!{times}\s*)\d"


class Selector:
    """Splits a text into sentences and tells which of them can hold the kinds asked."""

    def __init__(self, patterns: PatternSet, kinds: Iterable[str]) -> None:
        kinds = frozenset(kinds)
        abbreviations = "|".join(regex.escape(a) for a in
                                 patterns.word_list("fastpath_abbreviations", lower=False))
        self._end = regex.compile(_END.format(abbreviations=abbreviations or r"(?!x)x"))
        triggers: list[str] = []
        if "claims" in kinds:
            triggers += [_digits(patterns.word_list("quant_time_words"),
                                 patterns.word_list("fastpath_year_before")),
                         _words(self._claim_words(patterns))]
        self.quotes = "quotes" in kinds
        if self.quotes:
            marks = patterns.word_list("fastpath_quote_marks", lower=False)
            cues = patterns.word_list("cue_verbs") | patterns.word_list("cue_nouns")
            cues |= {" ".join(t["LOWER"] for t in rule.pattern if "LOWER" in t)
                     for rule in patterns.rules_for("cue_phrases")
                     if isinstance(rule.pattern, list)}
            triggers += ["[" + regex.escape("".join(marks)) + "]", _words(cues)]
        self._trigger = regex.compile("|".join(triggers) or r"(?!x)x", regex.IGNORECASE)

    @staticmethod
    def _claim_words(patterns: PatternSet) -> set[str]:
        # An ordinal word ("third", "twentieth") opens a ranking claim ("the third time").
        from claimx.extractors.quantities.number_words import number_word_forms
        from claimx.extractors.quantities.ranks import ordinal_words

        words = set(number_word_forms(patterns)) | ordinal_words()
        words |= {row[0] for row in patterns.table("quant_vague")}
        return words | set(patterns.word_list("fastpath_claim_words"))

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """Character spans that tile the text: each sentence with the space after it."""
        spans, start = [], 0
        for match in self._end.finditer(text):
            if match.end() > start:
                spans.append((start, match.end()))
                start = match.end()
        if start < len(text):
            spans.append((start, len(text)))
        return spans

    def wanted(self, text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
        """For each sentence: can it hold a target?"""
        flags = [self._trigger.search(text, a, b) is not None for a, b in spans]
        if self.quotes:
            # A quotation running over several sentences: those inside it count too.
            depth = 0
            for index, (a, b) in enumerate(spans):
                flags[index] |= depth > 0
                piece = text[a:b]
                depth = max(0, depth + sum(piece.count(m) for m in _OPENING)
                            - sum(piece.count(m) for m in _CLOSING))
                depth += piece.count('"') % 2 if depth == 0 else -(piece.count('"') % 2)
                depth = max(0, depth)
        return flags


class FastParser:
    """Parses, in a Doc of the whole text, only the sentences a Selector keeps."""

    def __init__(self, nlp: Language, patterns: PatternSet, kinds: Iterable[str],
                 batch_size: int = 64) -> None:
        self.nlp = nlp
        self.selector = Selector(patterns, kinds)
        self.batch_size = batch_size

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Docs for the texts, in order, parsed where it matters."""
        docs = [self.nlp.make_doc(text) for text in texts]
        plans = [self.plan(doc) for doc in docs]
        pieces = [piece for doc, plan in zip(docs, plans, strict=True)
                  for piece in _pieces(doc, plan)]
        parsed = iter(self.nlp.pipe(pieces, batch_size=self.batch_size))
        for doc, plan in zip(docs, plans, strict=True):
            yield assemble(doc, plan, [next(parsed) for *_, wanted in plan if wanted])

    def plan(self, doc: Doc) -> list[tuple[int, int, bool]]:
        """Token ranges covering the Doc, each parsed or not; neighbours parsed are merged
        into one range, so the parser sees them together as it would in the full text."""
        text = doc.text
        spans = self.selector.sentences(text)
        flags = self.selector.wanted(text, spans)
        starts = token_starts(doc)
        plan: list[tuple[int, int, bool]] = []
        token = 0
        for (_, end), wanted in zip(spans, flags, strict=True):
            stop = bisect_left(starts, end, lo=token)  # the first token at or after the end
            if stop == token:
                continue
            if plan and plan[-1][2] and wanted:
                plan[-1] = (plan[-1][0], stop, True)
            else:
                plan.append((token, stop, wanted))
            token = stop
        return plan


# Tokens of the text on each side of a parsed run, parsed with it but not copied back: the
# model's token vectors read four neighbours on each side (a window of 1, depth 4), so with
# this margin the run's tokens get the vectors they get in the whole text.
CONTEXT = 4


def _pieces(doc: Doc, plan: Sequence[tuple[int, int, bool]]) -> Iterator[Doc]:
    """Each run to parse, with its context, as a Doc of its own: its tokens and the norms the
    tokenizer gave them, the only annotation a Doc fresh from make_doc has. (Span.as_doc
    copies every attribute of the whole Doc for each piece, three times the cost.)"""
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    norms = doc.to_array([NORM])
    for start, stop, wanted in plan:
        if not wanted:
            continue
        first, last = max(0, start - CONTEXT), min(len(doc), stop + CONTEXT)
        tokens = doc[first:last]
        piece = Doc(doc.vocab, words=[t.text for t in tokens],
                    spaces=[bool(t.whitespace_) for t in tokens])
        piece.from_array([NORM], norms[first:last])  # type: ignore[arg-type]
        yield piece


def assemble(doc: Doc, plan: Sequence[tuple[int, int, bool]], parsed: Sequence[Doc]) -> Doc:
    """Copy each parsed piece's annotation into ``doc``; give the rest flat trees."""
    import numpy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, TAG

    attrs = [TAG, DEP, HEAD, ENT_IOB, ENT_TYPE]
    array = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
    root, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    pieces = iter(parsed)
    outside = 2  # ENT_IOB "O"
    for start, stop, wanted in plan:
        if wanted:
            margin = start - max(0, start - CONTEXT)
            array[start:stop] = _run_rows(next(pieces).to_array(attrs), margin, stop - start,
                                          root)
            continue
        for i in range(start, stop):
            # Relative heads: every token of the sentence hangs off its first one.
            offset = numpy.int64(start - i).astype("uint64")
            array[i] = (0, dep if i > start else root, offset, outside, 0)
    doc.from_array(attrs, array)  # type: ignore[arg-type]
    return doc


def _run_rows(rows: Any, margin: int, length: int, root: int) -> Any:
    """The rows of a run parsed with context: a token whose head lies in the context becomes
    a root (the run keeps its own trees), and an entity coming in from the context begins."""
    import numpy

    rows = rows[margin:margin + length].copy()
    heads = numpy.arange(length, dtype="int64") + rows[:, 2].astype("int64")
    astray = (heads < 0) | (heads >= length)
    rows[astray, 1] = root
    rows[astray, 2] = 0
    if length and rows[0, 3] == 1:  # ENT_IOB "I" with its "B" in the context
        rows[0, 3] = 3
    return rows
