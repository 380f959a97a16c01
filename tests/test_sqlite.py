"""SQLite output (claimx.io.sqlite): linked tables, full-text search, appending runs."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.sqlite import TABLES, SqliteWriter
from claimx.models import Document, Problem

STORIES = {
    "harbour.txt": "Harbour traffic rose 9% to 1,200 ships last year, the port authority "
                   "said. \u201cWe are busier than ever,\u201d said Tomas Berg, its director.\n",
    "bakery.txt": "Greta Lind said the bakery sold 4,000 loaves in March.\n",
}


def _rows(path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in STORIES.items():
        (articles / name).write_text(text, encoding="utf-8")
    return articles


def test_a_run_fills_linked_tables(extractor, tmp_path):
    db = tmp_path / "out.db"
    writer = SqliteWriter(db)
    for doc in extractor.pipe([(text, {"id": name}) for name, text in STORIES.items()]):
        writer.write(doc)
    writer.close()
    assert _rows(db, "SELECT id FROM documents ORDER BY id") == [("bakery.txt",),
                                                                   ("harbour.txt",)]
    # Every quantity belongs to a claim of its document, every mention to an entity.
    orphans = _rows(db, "SELECT count(*) FROM quantities q LEFT JOIN claims c "
                        "ON c.doc_id = q.doc_id AND c.id = q.claim_id WHERE c.id IS NULL")
    assert orphans == [(0,)]
    values = _rows(db, "SELECT q.value, q.unit FROM quantities q JOIN claims c "
                       "ON c.doc_id = q.doc_id AND c.id = q.claim_id "
                       "WHERE c.doc_id = 'harbour.txt' ORDER BY q.start")
    assert values == [(9.0, "percent"), (1200.0, None)]
    speakers = _rows(db, "SELECT speaker FROM quotes WHERE doc_id = 'harbour.txt' "
                         "AND type = 'direct'")
    assert speakers == [("Tomas Berg",)]
    # A claim's source names its quote and the entity the quote's speaker is.
    sources = _rows(db, "SELECT c.source_quote, c.source_entity = q.speaker_entity FROM claims c "
                        "JOIN quotes q ON q.doc_id = c.doc_id AND q.id = c.source_quote "
                        "WHERE c.doc_id = 'bakery.txt'")
    assert sources == [("q1", 1)]
    names = _rows(db, "SELECT e.name, count(m.position) FROM entities e JOIN mentions m "
                      "ON m.doc_id = e.doc_id AND m.entity_id = e.id "
                      "WHERE e.doc_id = 'harbour.txt' GROUP BY e.id")
    assert ("Tomas Berg", 1) in names


@pytest.mark.parametrize(("table", "query", "doc_id"), [
    ("claims", "ships", "harbour.txt"),
    ("claims", "loaves", "bakery.txt"),
    ("quotes", "busier", "harbour.txt"),
])
def test_claim_and_quote_text_is_searchable(extractor, tmp_path, table, query, doc_id):
    db = tmp_path / "out.db"
    writer = SqliteWriter(db)
    for doc in extractor.pipe([(text, {"id": name}) for name, text in STORIES.items()]):
        writer.write(doc)
    writer.close()
    found = _rows(db, f"SELECT t.doc_id FROM {table}_fts JOIN {table} t "
                      f"ON t.rowid = {table}_fts.rowid WHERE {table}_fts MATCH ?", query)
    assert found == [(doc_id,)]


def test_the_cli_appends_runs_without_duplicating_documents(folder, tmp_path):
    db = tmp_path / "claims.db"
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["-q", str(folder), "-o", str(db)])
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
    assert _rows(db, "SELECT count(*) FROM documents") == [(2,)]
    claims = _rows(db, "SELECT count(*) FROM claims")[0][0]
    (more := folder / "extra.txt").write_text("Fares fell 3% in May.\n", encoding="utf-8")
    result = runner.invoke(app, ["-q", str(more), "-o", str(db)])
    assert result.exit_code == 0
    assert _rows(db, "SELECT count(*) FROM documents") == [(3,)]
    assert _rows(db, "SELECT count(*) FROM claims")[0][0] == claims + 1
    # The index follows replaced rows: one hit per claim, however many runs.
    assert _rows(db, "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'loaves'") == [(1,)]
    result = runner.invoke(app, ["-q", str(more), "-o", str(db), "--force"])
    assert _rows(db, "SELECT count(*) FROM documents") == [(1,)]


def test_every_table_exists_and_errors_are_rows(tmp_path):
    db = tmp_path / "out.sqlite"
    writer = SqliteWriter(db)
    writer.write(Document("broken", errors=(Problem("binary", "binary file skipped"),)))
    writer.close()
    names = {n for (n,) in _rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(TABLES) <= names
    assert _rows(db, "SELECT doc_id, code, fatal FROM errors") == [("broken", "binary", 1)]
    assert _rows(db, "SELECT failed FROM documents") == [(1,)]


def test_format_sqlite_needs_an_output_file():
    result = CliRunner().invoke(app, ["-q", "--format", "sqlite"], input="Sales rose 2%.\n")
    assert result.exit_code == 2
    assert "-o FILE.db" in result.stderr


@pytest.mark.parametrize("table", ["claims", "quotes"])
def test_the_full_text_index_is_declared_as_datasette_looks_for_it(tmp_path, table):
    # Datasette offers a search box on a table when an FTS table names it as its content.
    db = tmp_path / "out.db"
    SqliteWriter(db).close()
    found = _rows(db, "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
                  f'%VIRTUAL TABLE%USING FTS%content="{table}"%')
    assert found == [(f"{table}_fts",)]


def test_a_database_of_an_older_claimx_gains_the_new_columns(extractor, tmp_path):
    # An older claimx wrote quotes without the negated column; appending must still work.
    db = tmp_path / "old.db"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE quotes (doc_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT,"
                       ' start INTEGER, "end" INTEGER, text TEXT, speaker TEXT,'
                       " speaker_entity TEXT, cue TEXT, UNIQUE (doc_id, id))")
    connection.execute("INSERT INTO quotes VALUES ('old', 'q1', 'direct', 0, 3, 'Hi.', NULL,"
                       " NULL, NULL)")
    connection.commit()
    connection.close()
    writer = SqliteWriter(db)
    (doc,) = extractor.pipe([("\u201cWe will not sell,\u201d said Ada Lin.", {"id": "new"})])
    writer.write(doc)
    writer.close()
    rows = _rows(db, "SELECT doc_id, negated FROM quotes ORDER BY doc_id")
    assert rows == [("new", 1), ("old", None)]  # "will not sell" is negated
