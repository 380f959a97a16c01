"""Long and pathological documents: cut into pieces the parser takes fast, results put back.

spaCy refuses a text over ``nlp.max_length`` and slows down, in time and memory, well before
it; its tokenizer is quadratic in the length of a run without whitespace, and claimx's clause
passes in the length of a sentence. So a document that is long, or that holds a run with no
sentence boundary longer than ``HARD_LIMIT``, is cut: into segments at paragraph, line and
sentence ends (a segment longer than ``HARD_LIMIT`` is cut at its last space, else anywhere),
then segments are grouped into pieces of at most ``PIECE_SIZE`` characters, ending at a
paragraph break where one is past half the piece. Each piece is parsed and extracted on its
own (the sentence-local passes); its records are shifted back to offsets into the whole text;
then the whole-document step, linking one entity's records across pieces, runs once over all
records, with dictionaries, so it stays linear. A piece with no letter or digit holds nothing
to extract and is not parsed at all (200,000 quotation marks in a row).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from claimx.models import Claim, Document, Entity, Furniture, Problem, Quote, Speaker

# Documents up to this many characters whose sentences are all bounded go through whole,
# exactly as before; normal articles are a few thousand characters, the longest some 25,000.
WHOLE_LIMIT = 50_000
# A longer document is cut into pieces of at most this many characters: the size of a long
# article, where the extractors take the time per character they take on news.
PIECE_SIZE = 10_000
# The longest run with no sentence boundary the parser is given.
HARD_LIMIT = 2_000

_BOUNDARY = re.compile(
    r"(?P<para>\n[ \t\r]*\n\s*|\r[ \t]*\r\s*)"  # a blank line (LF, CRLF or CR)
    r"|(?P<line>\r\n|\n|\r)"
    r"|(?P<sent>[.!?…][\"'”’)\]]*[ \t]+)"
)
_WORD = re.compile(r"[^\W_]")

T = TypeVar("T")


@dataclass(frozen=True)
class Piece:
    start: int
    end: int


def _bounded(text: str, start: int, end: int, kind: str) -> Iterator[tuple[int, str]]:
    """Segment ends from start to end, cutting a run longer than HARD_LIMIT ("hard")."""
    while end - start > HARD_LIMIT:
        window_end = start + HARD_LIMIT
        space = max(text.rfind(" ", start, window_end), text.rfind("\t", start, window_end))
        cut = space + 1 if space >= start + HARD_LIMIT // 2 else window_end
        yield cut, "hard"
        start = cut
    yield end, kind


def segments(text: str) -> Iterator[tuple[int, str]]:
    """``(end, kind)`` of each segment in order; kind is para, line, sent, hard or end."""
    pos = 0
    for match in _BOUNDARY.finditer(text):
        kind = match.lastgroup or "line"
        yield from _bounded(text, pos, match.end(), kind)
        pos = match.end()
    if pos < len(text):
        yield from _bounded(text, pos, len(text), "end")


def needs_pieces(text: str) -> bool:
    """True when the text is too long, or has too long a run, to be parsed whole."""
    return len(text) > WHOLE_LIMIT or any(kind == "hard" for _, kind in segments(text))


def pieces(text: str) -> list[Piece]:
    """Consecutive pieces covering the whole text, each at most PIECE_SIZE characters."""
    found: list[Piece] = []
    start = previous = last_para = 0
    for end, kind in segments(text):
        if end - start > PIECE_SIZE and previous > start:
            cut = last_para if last_para > start + PIECE_SIZE // 2 else previous
            found.append(Piece(start, cut))
            start = cut
        if kind == "hard":  # the parser must see the cut as the end of the text
            found.append(Piece(start, end))
            start = end
        elif kind == "para":
            last_para = end
        previous = end
    if start < len(text):
        found.append(Piece(start, len(text)))
    return found


def has_words(text: str) -> bool:
    return _WORD.search(text) is not None


def shift(record: T, delta: int) -> T:
    """The record with every ``start``/``end`` in it, nested ones too, moved by delta."""
    if delta == 0:
        return record
    if isinstance(record, tuple):
        return tuple(shift(item, delta) for item in record)  # type: ignore[return-value]
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return record
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if field.name in ("start", "end") and isinstance(value, int):
            changes[field.name] = value + delta
        elif isinstance(value, tuple) or dataclasses.is_dataclass(value):
            changes[field.name] = shift(value, delta)
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


class Merger:
    """Collects the pieces' records into one Document's, renumbering ids and linking each
    entity's records across pieces (same label and name, or a person's surname alone)."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.quotes: list[Quote] = []
        self.furniture: list[Furniture] = []
        self.problems: list[Problem] = []
        self.entities: list[Entity] = []
        self._by_name: dict[tuple[str, str], int] = {}
        self._by_surname: dict[str, int | None] = {}

    def add(self, doc: Document, delta: int) -> None:
        renamed = {entity.id: self._entity(shift(entity, delta)) for entity in doc.entities}
        quote_ids = {q.id: f"q{len(self.quotes) + 1 + k}" for k, q in enumerate(doc.quotes)}
        for claim in doc.claims:
            self.claims.append(self._claim(shift(claim, delta), renamed, quote_ids))
        for quote in doc.quotes:
            quote = dataclasses.replace(shift(quote, delta), id=f"q{len(self.quotes) + 1}")
            speaker = quote.speaker
            if speaker is not None and speaker.entity is not None:
                index = renamed.get(speaker.entity)
                entity = None if index is None else self.entities[index].id
                quote = dataclasses.replace(quote, speaker=Speaker(
                    speaker.name, entity, speaker.mention))
            self.quotes.append(quote)
        self.furniture.extend(shift(doc.furniture, delta))
        self.problems.extend(p for p in doc.errors if p not in self.problems)

    def _claim(self, claim: Claim, renamed: dict[str, int], quote_ids: dict[str, str]
               ) -> Claim:
        """A piece's claim renumbered, its source's entity and quote ids with it."""
        source = claim.source
        if source is not None and (source.entity is not None or source.quote is not None):
            index = renamed.get(source.entity) if source.entity is not None else None
            source = dataclasses.replace(
                source, entity=None if index is None else self.entities[index].id,
                quote=quote_ids.get(source.quote) if source.quote is not None else None)
        return dataclasses.replace(claim, id=f"c{len(self.claims) + 1}", source=source)

    def _entity(self, entity: Entity) -> int:
        key = (entity.label, entity.name)
        index = self._by_name.get(key)
        if index is None and entity.label == "PERSON" and " " not in entity.name:
            index = self._by_surname.get(entity.name)
        if index is None:
            index = len(self.entities)
            self.entities.append(dataclasses.replace(entity, id=f"e{index + 1}"))
            self._by_name[key] = index
            if entity.label == "PERSON" and " " in entity.name:
                surname = entity.name.rsplit(" ", 1)[1]
                # A surname two people share links neither.
                self._by_surname[surname] = None if surname in self._by_surname else index
            return index
        known = self.entities[index]
        aliases = tuple(dict.fromkeys((*known.aliases, *entity.aliases)))
        if entity.name != known.name and entity.name not in aliases:
            aliases = (*aliases, entity.name)
        self.entities[index] = dataclasses.replace(
            known, aliases=aliases, mentions=(*known.mentions, *entity.mentions))
        return index

    def into(self, record: Document) -> Document:
        return dataclasses.replace(
            record,
            claims=tuple(self.claims),
            quotes=tuple(self.quotes),
            entities=tuple(self.entities),
            furniture=tuple(self.furniture),
            errors=(*record.errors, *self.problems),
        )
