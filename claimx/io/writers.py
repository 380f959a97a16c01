"""Write Documents as JSONL, JSON or CSV (the flat form); tables are in claimx.io.table.

Every writer takes documents one at a time and writes each as soon as it arrives, so output
streams and an interrupted run leaves only whole lines behind.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, Protocol, TextIO

from claimx.models import Claim, Document, Entity, Quote

FORMATS = ("auto", "table", "jsonl", "json", "csv", "sqlite")
CSV_COLUMNS = (
    "doc_id",
    "kind",
    "id",
    "start",
    "end",
    "text",
    "label",
    "value",
    "unit",
    "bound",
    "role",
    "subject",
    "owner",
    "source",
    "source_entity",
    "source_quote",
    "time",
    "speaker",
    "cue",
    "act",
    "addressee",
    "mentions",
    "aliases",
    "quantity",
)


class Writer(Protocol):
    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


def flat_items(doc: Document) -> Iterator[dict[str, Any]]:
    """One dict per extracted item (and per error), each tagged with ``doc_id`` and ``kind``.

    ``kind`` names the item (claim, quote, entity, error), so a claim's own kind moves to
    ``claim_kind``.
    """
    record = doc.to_dict()
    for claim in record["claims"]:
        claim["claim_kind"] = claim.pop("kind")
        yield {"doc_id": doc.id, "kind": "claim", **claim}
    for kind, key in (("quote", "quotes"), ("entity", "entities")):
        for item in record[key]:
            yield {"doc_id": doc.id, "kind": kind, **item}
    for problem in record["errors"]:
        yield {"doc_id": doc.id, "kind": "error", **problem}


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


class JsonlWriter:
    """One JSON line per document, or per item with ``flat``."""

    def __init__(self, stream: TextIO, *, flat: bool = False) -> None:
        self.stream = stream
        self.flat = flat

    def write(self, doc: Document) -> None:
        items = flat_items(doc) if self.flat else [doc.to_dict()]
        # One write per line: an interrupted run never leaves half a line.
        for item in items:
            self.stream.write(_dumps(item) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """A JSON array of documents (or of items with ``flat``), written incrementally."""

    def __init__(self, stream: TextIO, *, flat: bool = False) -> None:
        self.stream = stream
        self.flat = flat
        self.count = 0

    def write(self, doc: Document) -> None:
        items = flat_items(doc) if self.flat else [doc.to_dict()]
        for item in items:
            self.stream.write(("[\n" if self.count == 0 else ",\n") + _dumps(item))
            self.count += 1
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class CsvWriter:
    """The flat form as CSV: one row per claim, quote, entity or error."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, doc: Document) -> None:
        for claim in doc.claims:
            self.writer.writerows(_claim_rows(doc.id, claim))
        for quote in doc.quotes:
            self.writer.writerow(_quote_row(doc.id, quote))
        for entity in doc.entities:
            self.writer.writerow(_entity_row(doc.id, entity))
        for problem in doc.errors:
            row = {"doc_id": doc.id, "kind": "error", "label": problem.code}
            self.writer.writerow({**row, "text": problem.message})
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


EXACT_INTEGERS = 1e15  # below this a float's integer part is exact, so print it with commas


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < EXACT_INTEGERS:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _quantity_fields(claim: Claim) -> dict[str, str]:
    values, units, bounds, roles = [], [], [], []
    for q in claim.quantities:
        if q.range is not None:
            values.append(f"{format_number(q.range[0])}-{format_number(q.range[1])}")
        else:
            values.append("vague" if q.vague and q.value is None else format_number(q.value))
        units.append(q.unit or q.noun or "")
        bounds.append(q.bound)
        roles.append(q.role)
    return {"value": "; ".join(values), "unit": "; ".join(units), "bound": "; ".join(bounds),
            "role": "; ".join(roles)}


def csv_number(value: float | None) -> str:
    """A number as any CSV reader parses it ("3400000", "0.25"), or empty."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _claim_rows(doc_id: str, claim: Claim) -> list[dict[str, Any]]:
    """One row per quantity of the claim: ``value`` is that quantity's number or empty
    (a vague "dozens" or a range has none), ``quantity`` its words as written."""
    row = _claim_row(doc_id, claim)
    rows = []
    for q in claim.quantities or (None,):
        if q is None:
            rows.append({**row, "value": "", "unit": "", "bound": "", "role": "",
                         "quantity": ""})
            continue
        # what this row's amount measures, which may differ from its claim's main subject
        measured = {key: span.text for key, span in (("subject", q.subject),
                                                       ("owner", q.owner)) if span}
        rows.append({**row, "value": csv_number(q.value), "unit": q.unit or q.noun or "",
                     "bound": q.bound, "role": q.role, "quantity": q.text, **measured})
    return rows


def _claim_row(doc_id: str, claim: Claim) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "kind": "claim",
        "id": claim.id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "label": claim.kind,
        **_quantity_fields(claim),
        "subject": claim.subject.text if claim.subject else "",
        "owner": claim.owner.text if claim.owner else "",
        "source": claim.source.text if claim.source else "",
        "source_entity": (claim.source.entity or "") if claim.source else "",
        "source_quote": (claim.source.quote or "") if claim.source else "",
        "time": claim.time.text if claim.time else "",
    }


def quote_text(quote: Quote) -> str:
    return " … ".join(span.text for span in quote.content)


def _quote_row(doc_id: str, quote: Quote) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "kind": "quote",
        "id": quote.id,
        "start": quote.content[0].start if quote.content else "",
        "end": quote.content[-1].end if quote.content else "",
        "text": quote_text(quote),
        "label": quote.type,
        "speaker": quote.speaker.name if quote.speaker else "",
        "cue": quote.cue.text if quote.cue else "",
        "act": quote.act,
        "addressee": quote.addressee.text if quote.addressee else "",
    }


def _entity_row(doc_id: str, entity: Entity) -> dict[str, Any]:
    first = entity.mentions[0] if entity.mentions else None
    return {
        "doc_id": doc_id,
        "kind": "entity",
        "id": entity.id,
        "start": first.start if first else "",
        "end": first.end if first else "",
        "text": entity.name,
        "label": entity.label,
        "mentions": len(entity.mentions),
        "aliases": "; ".join(entity.aliases),
    }
