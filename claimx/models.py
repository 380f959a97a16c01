"""Result types: plain frozen dataclasses that serialise to claimx's output contract.

Nothing here imports spaCy: results leave spaCy at the extractor boundary, so writers, the CLI
and users' code work on these types alone. Field names in ``to_dict()`` are the public contract
documented in the README and in ``claimx/record.schema.json``: add fields, never rename them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of the input: ``text == input[start:end]``, end exclusive."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Time(Span):
    """A claim's time span with its normalised value, resolved against the article's date:
    an ISO date "2024-05-08", week "2024-W19", month "2024-05", quarter "2024-Q3", year "2024"
    or an interval "2010/2020" ("2020/.." when open); None when it cannot be resolved."""

    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "value": self.value}


@dataclass(frozen=True)
class ArticleDate:
    """The date an article was published, and where claimx read it: ``option`` (``--date``),
    ``field:<name>`` (a JSONL field) or ``dateline`` (the article's own dateline)."""

    value: str  # ISO date, YYYY-MM-DD
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source}


def _span_or_none(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span is not None else None


@dataclass(frozen=True)
class Change:
    """A change a quantity describes: "rose 2% to $11.1bn from $10.9bn"."""

    direction: str  # "up" | "down"
    from_value: float | None = None
    to_value: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"direction": self.direction, "from": self.from_value, "to": self.to_value}


ROLES = ("level", "change", "baseline", "comparison")


@dataclass(frozen=True)
class Quantity:
    """One number or quantifier with its normalised value, unit and bound."""

    start: int
    end: int
    text: str
    value: float | None = None
    range: tuple[float, float] | None = None
    unit: str | None = None
    noun: str | None = None
    bound: str = "="
    change: Change | None = None
    vague: bool = False
    # What the amount is to its claim (ROLES): the level stated, the size of a change, the
    # baseline a change starts from ("from $150m"), or a comparison ("than the 11.5 million").
    role: str = "level"
    # What the amount measures and whose it is, as its claim's subject and owner are: one
    # clause may state amounts of several things ("900 jobs, or 4% of its staff").
    subject: Span | None = None
    owner: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "range": list(self.range) if self.range is not None else None,
            "unit": self.unit,
            "noun": self.noun,
            "bound": self.bound,
            "change": self.change.to_dict() if self.change is not None else None,
            "vague": self.vague,
            "role": self.role,
            "subject": _span_or_none(self.subject),
            "owner": _span_or_none(self.owner),
        }


@dataclass(frozen=True)
class Source:
    """Who a claim is attributed to, and the cue that attributes it ("according to").

    ``entity``: the entity the mention resolves to (claimx.extractors.mentions), the same one
    a quote with that speaker names; ``quote``: the id of the quote whose content holds the
    claim, whose speaker the source then is.
    """

    start: int
    end: int
    text: str
    cue: str | None = None
    entity: str | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "cue": self.cue,
                "entity": self.entity, "quote": self.quote}


@dataclass(frozen=True)
class Claim:
    """A clause that states one or more quantities."""

    id: str
    start: int
    end: int
    text: str
    sentence: Span
    kind: str
    quantities: tuple[Quantity, ...] = ()
    subject: Span | None = None
    # Whose the measured thing is, when the clause names it elsewhere: "Norvik" in "Norvik
    # will cut 4% of its workforce" (subject "its workforce").
    owner: Span | None = None
    source: Source | None = None
    time: Span | None = None
    hedge: Span | None = None
    # What the claim is (claimx.flags): denied ("did not"), modal or conditional (the word:
    # "would", "if"), and whose voice states it, "sourced" or "reporter".
    negated: bool = False
    modal: Span | None = None
    voice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence.to_dict(),
            "kind": self.kind,
            "quantities": [q.to_dict() for q in self.quantities],
            "subject": _span_or_none(self.subject),
            "owner": _span_or_none(self.owner),
            "source": self.source.to_dict() if self.source is not None else None,
            "time": _span_or_none(self.time),
            "hedge": _span_or_none(self.hedge),
            "negated": self.negated,
            "modal": _span_or_none(self.modal),
            "voice": self.voice,
        }


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label}


@dataclass(frozen=True)
class Entity:
    """One real-world entity of a document with every mention of it."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    role: str | None = None  # a person's role as the article gives it ("chief economist at X")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "role": self.role,
        }


@dataclass(frozen=True)
class Speaker:
    name: str
    entity: str | None = None
    mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity, "mention": _span_or_none(self.mention)}


@dataclass(frozen=True)
class Addressee:
    """Who a quote was said to, or the outlet it was given to ("told BBC Sport")."""

    start: int
    end: int
    text: str
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "entity": self.entity}


@dataclass(frozen=True)
class Quote:
    """Direct, mixed or reported speech: content spans exclude the quotation marks.
    ``act`` tells said words ("speech") from reported beliefs ("thought") and aims
    ("intent")."""

    id: str
    type: str
    content: tuple[Span, ...]
    speaker: Speaker | None = None
    cue: Span | None = None
    negated: bool = False  # the statement or its telling is denied (claimx.flags)
    act: str = "speech"
    addressee: Addressee | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "content": [s.to_dict() for s in self.content],
            "speaker": self.speaker.to_dict() if self.speaker is not None else None,
            "cue": _span_or_none(self.cue),
            "negated": self.negated,
            "act": self.act,
            "addressee": self.addressee.to_dict() if self.addressee is not None else None,
        }


@dataclass(frozen=True)
class Furniture:
    """Page furniture that states no facts: a dateline, byline, wire tag, disclaimer..."""

    start: int
    end: int
    text: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(frozen=True)
class Problem:
    """Something that went wrong with a document. ``fatal`` means it was not processed."""

    code: str
    message: str
    fatal: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "fatal": self.fatal}


@dataclass(frozen=True)
class Document:
    """Everything claimx found in one input document."""

    id: str
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    errors: tuple[Problem, ...] = ()
    version: str = ""
    model: str | None = None
    date: ArticleDate | None = None

    @property
    def failed(self) -> bool:
        """True when the document could not be processed (it has a fatal error)."""
        return any(p.fatal for p in self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "meta": self.meta,
            "date": self.date.to_dict() if self.date is not None else None,
            "claims": [c.to_dict() for c in self.claims],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "furniture": [f.to_dict() for f in self.furniture],
            "errors": [p.to_dict() for p in self.errors],
            "claimx": {"version": self.version, "model": self.model},
        }


@dataclass(frozen=True)
class InputDoc:
    """One document to process, as a reader produced it."""

    id: str
    text: str | None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    errors: tuple[Problem, ...] = ()
    # The publication date when the caller knows it (``--date``, a JSONL date field).
    date: ArticleDate | None = None
