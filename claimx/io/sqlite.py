"""Write Documents to a SQLite database a data journalist can open in Datasette or any SQL tool.

One row per document, claim, quantity, quote, entity, mention and error, linked by keys:
every table but ``documents`` has ``doc_id`` (a foreign key to ``documents.id``) and the item's
own id within its document, so ``(doc_id, id)`` is a claim's, quote's or entity's key.
``claims_fts`` and ``quotes_fts`` index claim and quote text (FTS5, kept in step by triggers;
Datasette offers a search box on both tables).

Writing to an existing database appends: a document whose id is already there replaces its
old rows, so running claimx twice on one folder never duplicates a document. Each document is
committed on its own, so an interrupted run leaves only whole documents behind.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from claimx.io.writers import quote_text
from claimx.models import Claim, Document, Entity, Quote, Time

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT, date TEXT, date_source TEXT, meta TEXT,
    claims INTEGER, quotes INTEGER, entities INTEGER, failed INTEGER,
    version TEXT, model TEXT);
CREATE TABLE IF NOT EXISTS claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL,
    start INTEGER, "end" INTEGER, text TEXT, sentence TEXT, kind TEXT,
    subject TEXT, owner TEXT, source TEXT, source_cue TEXT, source_entity TEXT,
    source_quote TEXT, time TEXT, time_value TEXT,
    hedge TEXT, negated INTEGER, modal TEXT, voice TEXT,
    UNIQUE (doc_id, id));
CREATE TABLE IF NOT EXISTS quantities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, claim_id TEXT NOT NULL,
    position INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT, value REAL,
    range_low REAL, range_high REAL, unit TEXT, noun TEXT, bound TEXT,
    change_direction TEXT, change_from REAL, change_to REAL, vague INTEGER, role TEXT,
    subject TEXT, owner TEXT,
    PRIMARY KEY (doc_id, claim_id, position),
    FOREIGN KEY (doc_id, claim_id) REFERENCES claims(doc_id, id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL,
    type TEXT, start INTEGER, "end" INTEGER, text TEXT, speaker TEXT, speaker_entity TEXT,
    cue TEXT, negated INTEGER, act TEXT, addressee TEXT, addressee_entity TEXT,
    UNIQUE (doc_id, id));
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id TEXT NOT NULL,
    name TEXT, label TEXT, aliases TEXT, mentions INTEGER,
    PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, entity_id TEXT NOT NULL,
    position INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT, label TEXT,
    PRIMARY KEY (doc_id, entity_id, position),
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities(doc_id, id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS errors (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, code TEXT, message TEXT, fatal INTEGER,
    PRIMARY KEY (doc_id, position));
"""
# External-content FTS5 tables over claims.text and quotes.text, kept in step by triggers.
FTS = """
CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5(text, content="{table}",
    content_rowid="rowid");
CREATE TRIGGER IF NOT EXISTS {table}_fts_insert AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_fts(rowid, text) VALUES (new.rowid, new.text); END;
CREATE TRIGGER IF NOT EXISTS {table}_fts_delete AFTER DELETE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
"""
TABLES = ("documents", "claims", "quantities", "quotes", "entities", "mentions", "errors")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating when needed) a claimx database."""
    connection = sqlite3.connect(str(path))
    connection.executescript(SCHEMA + FTS.format(table="claims") + FTS.format(table="quotes"))
    _add_new_columns(connection)
    return connection


def _add_new_columns(connection: sqlite3.Connection) -> None:
    """Give a database written by an older claimx the columns added since, so that a new run
    can append to it (the older rows hold NULL there)."""
    current = sqlite3.connect(":memory:")
    current.executescript(SCHEMA)
    for table in TABLES:
        have = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        for _, name, kind, *_ in current.execute(f'PRAGMA table_info("{table}")'):
            if name not in have:
                connection.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}')
    current.close()


class SqliteWriter:
    """Writes each document, with everything found in it, to a SQLite database."""

    def __init__(self, path: str | Path) -> None:
        self.connection = connect(path)

    def write(self, doc: Document) -> None:
        with self.connection:  # one transaction a document
            write_document(self.connection, doc)

    def close(self) -> None:
        self.connection.close()


def write_document(connection: sqlite3.Connection, doc: Document) -> None:
    """Replace any earlier rows of this document id with this document's rows."""
    connection.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
    connection.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.source, doc.date.value if doc.date else None,
         doc.date.source if doc.date else None, json.dumps(doc.meta, ensure_ascii=False),
         len(doc.claims), len(doc.quotes), len(doc.entities), int(doc.failed),
         doc.version, doc.model))
    for claim in doc.claims:
        _insert(connection, "claims", _claim_row(doc.id, claim))
        for position, q in enumerate(claim.quantities):
            change = q.change
            _insert(connection, "quantities", {
                "doc_id": doc.id, "claim_id": claim.id, "position": position,
                "start": q.start, "end": q.end, "text": q.text, "value": q.value,
                "range_low": q.range[0] if q.range else None,
                "range_high": q.range[1] if q.range else None,
                "unit": q.unit, "noun": q.noun, "bound": q.bound,
                "change_direction": change.direction if change else None,
                "change_from": change.from_value if change else None,
                "change_to": change.to_value if change else None, "vague": int(q.vague),
                "role": q.role, "subject": q.subject.text if q.subject else None,
                "owner": q.owner.text if q.owner else None})
    for quote in doc.quotes:
        _insert(connection, "quotes", _quote_row(doc.id, quote))
    for entity in doc.entities:
        _write_entity(connection, doc.id, entity)
    for position, problem in enumerate(doc.errors):
        _insert(connection, "errors", {"doc_id": doc.id, "position": position,
                                       "code": problem.code, "message": problem.message,
                                       "fatal": int(problem.fatal)})


def _insert(connection: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def _claim_row(doc_id: str, claim: Claim) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "id": claim.id, "start": claim.start, "end": claim.end,
        "text": claim.text, "sentence": claim.sentence.text, "kind": claim.kind,
        "subject": claim.subject.text if claim.subject else None,
        "owner": claim.owner.text if claim.owner else None,
        "source": claim.source.text if claim.source else None,
        "source_cue": claim.source.cue if claim.source else None,
        "source_entity": claim.source.entity if claim.source else None,
        "source_quote": claim.source.quote if claim.source else None,
        "time": claim.time.text if claim.time else None,
        "time_value": claim.time.value if isinstance(claim.time, Time) else None,
        "hedge": claim.hedge.text if claim.hedge else None,
        "negated": int(claim.negated), "modal": claim.modal.text if claim.modal else None,
        "voice": claim.voice,
    }


def _quote_row(doc_id: str, quote: Quote) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "id": quote.id, "type": quote.type,
        "start": quote.content[0].start if quote.content else None,
        "end": quote.content[-1].end if quote.content else None,
        "text": quote_text(quote),
        "speaker": quote.speaker.name if quote.speaker else None,
        "speaker_entity": quote.speaker.entity if quote.speaker else None,
        "cue": quote.cue.text if quote.cue else None,
        "negated": int(quote.negated),
        "act": quote.act,
        "addressee": quote.addressee.text if quote.addressee else None,
        "addressee_entity": quote.addressee.entity if quote.addressee else None,
    }


def _write_entity(connection: sqlite3.Connection, doc_id: str, entity: Entity) -> None:
    _insert(connection, "entities", {
        "doc_id": doc_id, "id": entity.id, "name": entity.name, "label": entity.label,
        "aliases": json.dumps(list(entity.aliases), ensure_ascii=False),
        "mentions": len(entity.mentions)})
    for position, mention in enumerate(entity.mentions):
        _insert(connection, "mentions", {
            "doc_id": doc_id, "entity_id": entity.id, "position": position,
            "start": mention.start, "end": mention.end, "text": mention.text,
            "label": mention.label})
