"""--format parquet: the flat form as one table per kind, read back with pyarrow."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.parquet import TABLES, flat_rows, schema

ARTICLES = [
    ("harbour", "Freight through the harbour rose 7% to 2.1 million tonnes last year, the "
                "port authority said. \u201cWe are running out of quay space,\u201d said "
                "Tomas Berg, its director."),
    ("bakery", "The bakery sold about 400 loaves on Saturday."),
    ("empty", "Nothing here states an amount."),
]


@pytest.fixture(autouse=True)
def _use_loaded_model(extractor):
    """The CLI shares the session's loaded model through its own cache."""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    lines = [json.dumps({"id": doc_id, "text": text}) for doc_id, text in ARTICLES]
    lines.append("{broken json")
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["-q", *args])
    return result.exit_code, result.stdout


def test_each_table_is_written_with_doc_ids_and_matches_the_jsonl_records(corpus, tmp_path):
    out = tmp_path / "tables"
    code, stdout = _run([str(corpus), "-f", "parquet", "-o", str(out)])
    assert code == 1  # the broken line is an error record, as in every format
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    _, jsonl = _run([str(corpus), "-f", "jsonl"])
    records = [json.loads(line) for line in jsonl.splitlines()]

    claims = pq.read_table(out / "claims.parquet").to_pylist()
    expected = [(r["id"], c["id"], c["text"]) for r in records for c in r["claims"]]
    assert [(c["doc_id"], c["claim_id"], c["text"]) for c in claims] == expected
    quantities = pq.read_table(out / "quantities.parquet").to_pylist()
    expected_q = [(r["id"], q["text"], q["value"], q["unit"])
                  for r in records for c in r["claims"] for q in c["quantities"]]
    assert [(q["doc_id"], q["text"], q["value"], q["unit"]) for q in quantities] == expected_q
    quotes = pq.read_table(out / "quotes.parquet").to_pylist()
    assert [(q["doc_id"], q["content"]) for q in quotes] == [
        (r["id"], q["content"]) for r in records for q in r["quotes"]]
    entities = pq.read_table(out / "entities.parquet").to_pylist()
    assert [(e["doc_id"], e["name"], e["mentions"]) for e in entities] == [
        (r["id"], e["name"], e["mentions"]) for r in records for e in r["entities"]]
    errors = pq.read_table(out / "errors.parquet").to_pylist()
    assert [(e["doc_id"], e["code"], e["fatal"]) for e in errors] == [
        (f"{corpus}:4", "bad-jsonl", True)]


@pytest.mark.parametrize(
    ("text", "table", "column", "expected"),
    [
        ("Ticket prices rose 5% to $30.", "quantities", "unit", ["percent", "USD"]),
        ("Ticket prices rose 5% to $30.", "quantities", "change_direction", ["up", None]),
        ("Between 20 and 30 volunteers came.", "quantities", "range_low", [20.0]),
        ("Around 60 people came.", "quantities", "bound", ["~"]),
        ("Greta Lind said the bakery sold 4,000 loaves.", "claims", "source_quote", ["q1"]),
        ("Greta Lind said the bakery sold 4,000 loaves.", "claims", "source_entity", ["e1"]),
    ],
)
def test_quantity_columns_are_flat_typed_values(extractor, text, table, column, expected):
    rows = flat_rows(extractor(text))[table]
    assert [row[column] for row in rows] == expected
    # Every row fits the fixed schema of its table.
    assert all(set(row) == set(schema(table).names) for row in rows)


def test_an_existing_folder_is_refused_without_force(corpus, tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    code, _ = _run([str(corpus), "-f", "parquet", "-o", str(out)])
    assert code == 2
    code, _ = _run([str(corpus), "-f", "parquet", "-o", str(out), "--force"])
    assert code == 1
    assert pq.read_table(out / "claims.parquet").num_rows > 0


def test_parquet_needs_an_output_folder(corpus):
    code, _ = _run([str(corpus), "-f", "parquet"])
    assert code == 2
