"""The flat form as Parquet: one table per kind of item, each row carrying its ``doc_id``.

``ParquetWriter(folder)`` writes ``claims.parquet``, ``quantities.parquet``,
``quotes.parquet``, ``entities.parquet`` and ``errors.parquet`` into ``folder``, so DuckDB,
pandas and polars read them directly. Columns are flat scalars (a span becomes
``<name>_start``, ``<name>_end``, ``<name>_text``) except a quote's content and an entity's
aliases and mentions, which are lists. The schemas are fixed here, not inferred, so every row
group of a long run has the same types, however many of its values are null. Rows are
buffered and written a row group at a time: memory stays flat however many documents come.

pyarrow is an optional dependency (``pip install "claimx[parquet]"``), imported on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimx.models import Claim, Document, Entity, Quote, Span

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

TABLES = ("claims", "quantities", "quotes", "entities", "errors")
INSTALL_HINT = 'Parquet output needs pyarrow: pip install "claimx[parquet]"'
# Rows held per table before they go to disk as one row group.
ROW_GROUP = 5000

_STR, _INT, _FLOAT, _BOOL = "string", "int64", "float64", "bool"


def _span_columns(name: str) -> list[tuple[str, Any]]:
    return [(f"{name}_start", _INT), (f"{name}_end", _INT), (f"{name}_text", _STR)]


COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "claims": [
        ("doc_id", _STR), ("claim_id", _STR), ("claim_kind", _STR),
        ("start", _INT), ("end", _INT), ("text", _STR),
        *_span_columns("sentence"), *_span_columns("subject"), *_span_columns("owner"),
        *_span_columns("source"), ("source_cue", _STR),
        ("source_entity", _STR), ("source_quote", _STR),
        *_span_columns("time"), *_span_columns("hedge"),
    ],
    "quantities": [
        ("doc_id", _STR), ("claim_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR),
        ("value", _FLOAT), ("range_low", _FLOAT), ("range_high", _FLOAT), ("unit", _STR),
        ("noun", _STR), ("bound", _STR), ("change_direction", _STR), ("change_from", _FLOAT),
        ("change_to", _FLOAT), ("vague", _BOOL), ("role", _STR),
        *_span_columns("subject"), *_span_columns("owner"),
    ],
    "quotes": [
        ("doc_id", _STR), ("quote_id", _STR), ("type", _STR), ("start", _INT), ("end", _INT),
        ("content", "spans"), ("speaker_name", _STR), ("speaker_entity", _STR),
        *_span_columns("speaker"), *_span_columns("cue"), ("act", _STR),
        *_span_columns("addressee"), ("addressee_entity", _STR),
    ],
    "entities": [
        ("doc_id", _STR), ("entity_id", _STR), ("name", _STR), ("label", _STR),
        ("aliases", "strings"), ("mentions", "mentions"),
    ],
    "errors": [("doc_id", _STR), ("code", _STR), ("message", _STR), ("fatal", _BOOL)],
}


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise RuntimeError(INSTALL_HINT) from None
    return pyarrow, pyarrow.parquet


def schema(table: str) -> pa.Schema:
    """The Arrow schema of one of the flat tables."""
    pa, _ = _pyarrow()
    offsets = [("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())]
    span = pa.struct(offsets)
    types = {
        _STR: pa.string(), _INT: pa.int64(), _FLOAT: pa.float64(), _BOOL: pa.bool_(),
        "spans": pa.list_(span),
        "strings": pa.list_(pa.string()),
        "mentions": pa.list_(pa.struct([*offsets, ("label", pa.string())])),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def _span(name: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{name}_start": None, f"{name}_end": None, f"{name}_text": None}
    return {f"{name}_start": span.start, f"{name}_end": span.end, f"{name}_text": span.text}


def claim_row(doc_id: str, claim: Claim) -> dict[str, Any]:
    source = claim.source
    return {
        "doc_id": doc_id, "claim_id": claim.id, "claim_kind": claim.kind,
        "start": claim.start, "end": claim.end, "text": claim.text,
        **_span("sentence", claim.sentence), **_span("subject", claim.subject),
        **_span("owner", claim.owner),
        **_span("source", Span(source.start, source.end, source.text) if source else None),
        "source_cue": source.cue if source else None,
        "source_entity": source.entity if source else None,
        "source_quote": source.quote if source else None,
        **_span("time", claim.time), **_span("hedge", claim.hedge),
    }


def quantity_rows(doc_id: str, claim: Claim) -> list[dict[str, Any]]:
    rows = []
    for q in claim.quantities:
        low, high = q.range if q.range is not None else (None, None)
        change = q.change
        rows.append({
            "doc_id": doc_id, "claim_id": claim.id, "start": q.start, "end": q.end,
            "text": q.text, "value": q.value, "range_low": low, "range_high": high,
            "unit": q.unit, "noun": q.noun, "bound": q.bound,
            "change_direction": change.direction if change else None,
            "change_from": change.from_value if change else None,
            "change_to": change.to_value if change else None,
            "vague": q.vague,
            "role": q.role,
            **_span("subject", q.subject), **_span("owner", q.owner),
        })
    return rows


def quote_row(doc_id: str, quote: Quote) -> dict[str, Any]:
    speaker, told = quote.speaker, quote.addressee
    return {
        "doc_id": doc_id, "quote_id": quote.id, "type": quote.type,
        "start": quote.content[0].start if quote.content else None,
        "end": quote.content[-1].end if quote.content else None,
        "content": [s.to_dict() for s in quote.content],
        "speaker_name": speaker.name if speaker else None,
        "speaker_entity": speaker.entity if speaker else None,
        **_span("speaker", speaker.mention if speaker else None),
        **_span("cue", quote.cue),
        "act": quote.act,
        **_span("addressee", Span(told.start, told.end, told.text) if told else None),
        "addressee_entity": told.entity if told else None,
    }


def entity_row(doc_id: str, entity: Entity) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "entity_id": entity.id, "name": entity.name, "label": entity.label,
        "aliases": list(entity.aliases), "mentions": [m.to_dict() for m in entity.mentions],
    }


def flat_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The rows one document adds to each table."""
    return {
        "claims": [claim_row(doc.id, c) for c in doc.claims],
        "quantities": [row for c in doc.claims for row in quantity_rows(doc.id, c)],
        "quotes": [quote_row(doc.id, q) for q in doc.quotes],
        "entities": [entity_row(doc.id, e) for e in doc.entities],
        "errors": [{"doc_id": doc.id, **p.to_dict()} for p in doc.errors],
    }


class ParquetWriter:
    """Writes documents into one Parquet file per table in ``folder`` (created if missing).

    With ``part`` (a Dask worker passes its partition's name, ``"part-00003"``) the files are
    ``claims.parquet/part-00003.parquet``: a partitioned dataset that the same readers take
    as one table.
    """

    def __init__(self, folder: Path, *, part: str | None = None) -> None:
        self.pa, self.pq = _pyarrow()
        self.folder = folder
        self.part = part
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.files: dict[str, pq.ParquetWriter] = {}

    def path(self, table: str) -> Path:
        if self.part is None:
            return self.folder / f"{table}.parquet"
        return self.folder / f"{table}.parquet" / f"{self.part}.parquet"

    def write(self, doc: Document) -> None:
        for table, rows in flat_rows(doc).items():
            self.rows[table].extend(rows)
            if len(self.rows[table]) >= ROW_GROUP:
                self._flush(table)

    def close(self) -> None:
        # Every table gets its file, even an empty one, so readers need not guess.
        for table in TABLES:
            self._flush(table)
            self.files.pop(table).close()

    def _flush(self, table: str) -> None:
        if table not in self.files:
            path = self.path(table)
            path.parent.mkdir(parents=True, exist_ok=True)
            self.files[table] = self.pq.ParquetWriter(path, schema(table))
        rows, self.rows[table] = self.rows[table], []
        if rows:
            batch = self.pa.Table.from_pylist(rows, schema=schema(table))
            self.files[table].write_table(batch)
