"""The shipped examples: their output matches the reviewed golden file, validates against
the record schema, and every span holds on the file as read."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from spanwalk import iter_spans

from claimx.models import InputDoc

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden" / "examples.jsonl"


def _stable(record: dict) -> dict:
    """The record without what changes with the environment (versions)."""
    return {key: value for key, value in record.items() if key != "claimx"}


@pytest.fixture(scope="module")
def example_records(extractor) -> list[dict]:
    inputs = [
        InputDoc(path.name, path.read_text(encoding="utf-8"), source=f"examples/{path.name}")
        for path in EXAMPLES
    ]
    return [doc.to_dict() for doc in extractor.process(inputs)]


def test_there_are_three_to_five_examples():
    assert 3 <= len(EXAMPLES) <= 5


def test_examples_match_the_golden_file(example_records, update_golden):
    current = [_stable(record) for record in example_records]
    if update_golden:
        GOLDEN.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in current), encoding="utf-8"
        )
    golden = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    for expected, actual in zip(golden, current, strict=True):
        assert actual == expected, f"{actual['id']} changed: rerun with --update-golden, review"


def test_every_example_exercises_claims_quotes_and_entities(example_records):
    for record in example_records:
        assert record["claims"], record["id"]
        assert record["quotes"], record["id"]
        assert record["entities"], record["id"]


def test_records_validate_against_the_shipped_schema(example_records):
    schema = json.loads((resources.files("claimx") / "record.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for record in example_records:
        jsonschema.validate(record, schema, cls=jsonschema.Draft202012Validator)


def test_every_span_indexes_the_file_as_read(example_records):
    for record, path in zip(example_records, EXAMPLES, strict=True):
        text = path.read_text(encoding="utf-8")
        for span in iter_spans(record):
            assert text[span["start"] : span["end"]] == span["text"]
