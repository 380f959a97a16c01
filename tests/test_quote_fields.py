"""A quote's act and addressee reach every output: the JSON record (and its Schema), CSV,
SQLite, Parquet and the Label Studio round trip."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from importlib import resources

import jsonschema
import pytest

from claimx.io.labelstudio import gold_line, prediction_results
from claimx.io.parquet import quote_row
from claimx.io.sqlite import SqliteWriter
from claimx.io.writers import CsvWriter

pytestmark = pytest.mark.model

SCHEMA = json.loads((resources.files("claimx") / "record.schema.json").read_text("utf-8"))
TEXT = ("The harbour master told the Coast Gazette that the pier would reopen in June. "
        "Local traders fear the repairs will take longer.\n")


@pytest.fixture(scope="module")
def doc(extractor):
    return extractor(TEXT)


def test_the_record_carries_act_and_addressee_and_validates(doc):
    record = doc.to_dict()
    jsonschema.validate(record, SCHEMA, cls=jsonschema.Draft202012Validator)
    told, feared = record["quotes"]
    assert (told["act"], told["addressee"]["text"]) == ("speech", "the Coast Gazette")
    assert (feared["act"], feared["addressee"]) == ("thought", None)


def test_a_wrong_act_does_not_validate(doc):
    record = doc.to_dict()
    record["quotes"][0]["act"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_csv_rows_have_act_and_addressee(doc):
    out = io.StringIO()
    CsvWriter(out).write(doc)
    rows = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["kind"] == "quote"]
    assert [(r["act"], r["addressee"]) for r in rows] == [("speech", "the Coast Gazette"),
                                                          ("thought", "")]


def test_sqlite_and_parquet_rows_have_act_and_addressee(doc, tmp_path):
    writer = SqliteWriter(tmp_path / "out.db")
    writer.write(doc)
    writer.close()
    with sqlite3.connect(tmp_path / "out.db") as connection:
        rows = connection.execute("SELECT act, addressee FROM quotes ORDER BY id").fetchall()
    assert rows == [("speech", "the Coast Gazette"), ("thought", None)]
    parquet = [quote_row(doc.id, q) for q in doc.quotes]
    assert [(r["act"], r["addressee_text"]) for r in parquet] == [
        ("speech", "the Coast Gazette"), ("thought", None)]


def test_label_studio_round_trip_keeps_act_and_addressee(doc):
    line = gold_line({"text": TEXT, "id": doc.id}, prediction_results(doc))
    told, feared = line["quotes"]
    assert told["act"] == "speech" and told["addressee"]["text"] == "the Coast Gazette"
    assert feared["act"] == "thought" and feared["addressee"] is None
