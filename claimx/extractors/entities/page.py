"""Page furniture (``claimx.extractors.furniture``): only real names survive inside it ("Read
more" never becomes a name), a byline names people, a dateline opens with a place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.extractors.entities.candidate import Cand, overlapping, taken_tokens
from claimx.extractors.entities.labels import BLOCKING_FURNITURE
from claimx.extractors.entities.repair import is_name
from claimx.extractors.entities.tokens import spaced_dash

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from claimx.extractors.entities.lexicon import Lexicon
    from claimx.models import Furniture

MIN_BYLINE_WORDS = 2  # a person is named by given name and surname
# A line that opens with two capitals: where a wire dateline ("LUSK, May 4 (Source) -") starts.
_CAPITALS_LINE = re.compile(r"(?m)^[ \t]*(?=[A-Z][A-Z])")
SOURCE_WINDOW = 8  # tokens after the place's comma where the bracketed source must close


def drop_furniture(
    doc: Doc, cands: list[Cand], furniture: Sequence[Furniture], lex: Lexicon
) -> list[Cand]:
    """Inside furniture only names survive: cut link text and ids out of mentions."""
    blocks = [f for f in furniture if f.kind in BLOCKING_FURNITURE]
    if not blocks:
        return cands
    kept = []
    for cand in cands:
        end = cand.start
        while end < cand.end and not _blocked(doc[end], blocks):
            end += 1
        if end > cand.start and is_name(doc, cand.start, end, lex):
            cand.end = end
            kept.append(cand)
    return kept


def _blocked(token: Token, blocks: list[Furniture]) -> bool:
    return any(f.start <= token.idx < f.end for f in blocks)


def byline_names(
    doc: Doc, cands: list[Cand], furniture: Sequence[Furniture], lex: Lexicon
) -> list[Cand]:
    """A byline names its writers (PERSON); a wire tag names its agencies (ORG)."""
    found: list[Cand] = []
    taken = taken_tokens(cands)
    for item in furniture:
        if item.kind not in ("byline", "wire_tag"):
            continue
        label = "PERSON" if item.kind == "byline" else "ORG"
        if item.kind == "wire_tag":
            # the tag names one source: "(Nordic Courier)" is an ORG, not NORP + ORG pieces
            inside = [c for c in cands if item.start <= doc[c.start].idx
                      and doc[c.end - 1].idx < item.end]
            for cand in inside:
                cands.remove(cand)
                taken.difference_update(range(cand.start, cand.end))
        for cand in cands:
            if not cand.gaz and item.start <= doc[cand.start].idx < item.end:
                cand.label = label
        span = doc.char_span(item.start, item.end, alignment_mode="contract")
        if span is not None:
            found += _names_in(doc, span, label, taken, lex)
    return found


def _names_in(doc: Doc, span: Span, label: str, taken: set[int], lex: Lexicon) -> list[Cand]:
    """Runs of capitalised words in a byline or wire tag that no mention covers yet."""
    found: list[Cand] = []
    run: list[int] = []
    for tok in [*span, None]:
        if (
            tok is not None
            and tok.text[:1].isupper()
            and tok.text[-1:].isalnum()  # "MENAFN-" is the aggregator's prefix
            and tok.i not in taken
            and tok.lower_ not in lex.byline_words
        ):
            run.append(tok.i)
            continue
        if run and (len(run) >= MIN_BYLINE_WORDS or label == "ORG"):
            end = run[-1] + 1
            # "By Selma Quist, Political Correspondent": a run ending in a title is the
            # writer's role, not a second writer.
            if is_name(doc, run[0], end, lex) and doc[run[-1]].lower_ not in lex.titles:
                found.append(Cand(run[0], end, label))
        run = []
    return found


def dateline_places(doc: Doc, cands: list[Cand], furniture: Sequence[Furniture]) -> list[Cand]:
    """The place in capitals that opens a dateline ("VARNA, Bulgaria, May 4", "PORT-GENTIL ,
    Gabon 2024-03-01") is a place, whatever the model guessed."""
    for item in furniture:
        if item.kind != "dateline" or not item.text[:2].isupper():
            continue
        span = doc.char_span(item.start, item.end, alignment_mode="contract")
        if span is None:
            continue
        end = _capitals_end(doc, span)
        if end == span.start or not doc[end - 1].text.isupper():
            continue
        if any((c.start, c.end) == (span.start, end) and c.gaz for c in cands):
            continue  # the gazetteer already knows the place, with its own label
        cands = [c for c in cands if c.end <= span.start or c.start >= end]
        cands.append(Cand(span.start, end, "GPE", gaz=True))
    return cands


def _capitals_end(doc: Doc, span: Span) -> int:
    """The end of the words in capitals (joined by "-", "'" or ".") that open ``span``."""
    end = span.start
    while end < span.end and (doc[end].text.isupper() or (
        doc[end].text in "-'." and end + 1 < span.end and doc[end + 1].text.isupper()
    )):
        end += 1
    return end


def wire_datelines(doc: Doc, text: str, cands: list[Cand]) -> list[Cand]:
    """"LUSK, May 4 (Harbour Wire) -": a line opening with a place in capitals, a comma, a
    date and a bracketed source before a spaced dash is a dateline whatever the source, so
    the place is a place and the source an organisation."""
    for match in _CAPITALS_LINE.finditer(text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None:
            continue
        end = _capitals_end(doc, doc[span.start:len(doc)])
        source = _bracketed_source(doc, end)
        if source is None or any((c.start, c.end) == (span.start, end) and c.gaz for c in cands):
            continue
        cands = [c for c in cands if c.end <= span.start or c.start >= end]
        cands.append(Cand(span.start, end, "GPE", gaz=True))
        named = [c for c in overlapping(cands, *source) if (c.start, c.end) == source]
        for cand in named:
            cand.label, cand.sure = "ORG", True
        if not overlapping(cands, *source):
            cands.append(Cand(*source, "ORG", sure=True))
    return cands


def _bracketed_source(doc: Doc, end: int) -> tuple[int, int] | None:
    """The capitalised words in brackets between the place's comma and a spaced dash."""
    if end >= len(doc) or doc[end].text != "," or not any(
            doc[i].ent_type_ == "DATE" for i in range(end, min(end + 3, len(doc)))):
        return None
    stop = min(end + SOURCE_WINDOW, len(doc) - 2)
    for i in range(end + 1, stop):
        if doc[i].text == ")" and spaced_dash(doc, i + 1):
            opening = next((j for j in range(i - 1, end, -1) if doc[j].text == "("), None)
            words = range(opening + 1, i) if opening is not None else range(0)
            if words and all(doc[j].text[:1].isupper() for j in words):
                return words.start, words.stop
            return None
    return None
