"""The command line: inputs, formats, bad input, exit codes (typer's CliRunner)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app

ARTICLE = (
    "Lakeside Telecom said on Monday that it now has 464,000 subscribers, up 12% from a "
    "year earlier. \u201cWe expect growth to continue,\u201d said Maria Lopez, the chief "
    "executive of Lakeside Telecom.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _use_loaded_model(extractor):
    """Every CLI test shares the session's loaded model through the CLI's own cache."""


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_stdin_gives_one_jsonl_record_with_the_contract_fields(runner):
    result = runner.invoke(app, ["-q"], input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    (record,) = records(result.stdout)
    assert record["id"] == "-"
    assert set(record) >= {"id", "source", "meta", "claims", "entities", "quotes", "errors"}
    assert record["claimx"]["version"]
    assert record["claimx"]["model"].startswith("en_core_web_sm")


def test_extract_subcommand_and_bare_paths_are_the_same(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bare = runner.invoke(app, ["-q", str(tmp_path / "a.txt")])
    explicit = runner.invoke(app, ["extract", "-q", str(tmp_path / "a.txt")])
    assert bare.exit_code == explicit.exit_code == 0
    assert bare.stdout == explicit.stdout


def test_folder_is_walked_sorted_with_relative_ids_and_hidden_files_skipped(runner, tmp_path):
    for name in ("b.txt", "a.md", "sub/c.txt", ".hidden.txt", ".git/d.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["-q", str(tmp_path)])
    assert result.exit_code == 0
    assert [r["id"] for r in records(result.stdout)] == ["a.md", "b.txt", "sub/c.txt"]


def test_glob_pattern_is_expanded(runner, tmp_path):
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["-q", str(tmp_path / "*.txt")])
    assert [Path(r["id"]).name for r in records(result.stdout)] == ["one.txt", "two.txt"]


def test_bad_inputs_become_error_records_and_the_run_goes_on(runner, tmp_path):
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "3-latin1.txt").write_bytes("Caf\xe9 prices rose 5% in Paris.".encode("latin-1"))
    (tmp_path / "4-good.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path)])
    assert result.exit_code == 1  # the binary file failed, the others were processed
    by_id = {r["id"]: r for r in records(result.stdout)}
    assert list(by_id) == ["1-empty.txt", "2-binary.bin", "3-latin1.txt", "4-good.txt"]
    assert by_id["1-empty.txt"]["errors"] == []
    assert by_id["2-binary.bin"]["errors"][0]["code"] == "binary"
    assert by_id["2-binary.bin"]["errors"][0]["fatal"] is True
    (warning,) = by_id["3-latin1.txt"]["errors"]
    assert warning["code"] == "invalid-utf8" and warning["fatal"] is False
    assert by_id["4-good.txt"]["errors"] == []
    assert "binary file skipped" in result.stderr
    assert "1 error in" in result.stderr.splitlines()[-1]


def test_missing_file_is_an_error_record(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["-q", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 1
    first, second = records(result.stdout)
    assert first["errors"][0]["code"] == "not-found"
    assert second["errors"] == []


def test_jsonl_input_with_fields_meta_and_a_broken_line(runner, tmp_path):
    lines = [
        json.dumps({"id": "story-1", "text": ARTICLE, "section": "business"}),
        '{"id": "story-2", "text": "broken',
        json.dumps({"body": "Prices fell 3% in March.", "url": "https://example.org/x"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["-q", str(path)])
    assert result.exit_code == 1
    first, broken, third = records(result.stdout)
    assert first["id"] == "story-1" and first["meta"] == {"section": "business"}
    assert broken["id"] == f"{path}:2" and broken["errors"][0]["code"] == "bad-jsonl"
    assert third["errors"][0]["message"].endswith("field 'text' is missing")
    custom = runner.invoke(app, ["-q", "--text-field", "body", "--id-field", "url", str(path)])
    assert records(custom.stdout)[2]["id"] == "https://example.org/x"


def test_jsonl_from_stdin_needs_input_format(runner):
    feed = json.dumps({"id": "x1", "text": ARTICLE}) + "\n"
    result = runner.invoke(app, ["-q", "--input-format", "jsonl"], input=feed)
    assert result.exit_code == 0
    assert [r["id"] for r in records(result.stdout)] == ["x1"]


def test_flat_output_has_one_line_per_item_with_doc_id_and_kind(runner):
    result = runner.invoke(app, ["-q", "--flat"], input=ARTICLE)
    items = records(result.stdout)
    assert items, "the article has claims, quotes and entities"
    assert all(item["doc_id"] == "-" for item in items)
    assert {item["kind"] for item in items} <= {"claim", "quote", "entity", "error"}


def test_json_format_is_one_array(runner):
    result = runner.invoke(app, ["-q", "-f", "json"], input=ARTICLE)
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data[0]["id"] == "-"


def test_json_format_with_no_documents_is_an_empty_array(runner, tmp_path):
    result = runner.invoke(app, ["-q", "-f", "json", str(tmp_path)])
    assert json.loads(result.stdout) == []


def test_csv_format_is_the_flat_form(runner):
    result = runner.invoke(app, ["-q", "-f", "csv"], input=ARTICLE)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {row["kind"] for row in rows} <= {"claim", "quote", "entity", "error"}
    assert all(row["doc_id"] == "-" for row in rows)
    # a claim's source carries the id of its quote and of the entity who said it
    claims = [row for row in rows if row["kind"] == "claim"]
    entities = {row["id"]: row["text"] for row in rows if row["kind"] == "entity"}
    assert claims and all(row["source_quote"].startswith("q") for row in claims)
    assert {entities.get(row["source_entity"]) for row in claims} == {"Lakeside Telecom"}


def test_table_format_prints_readable_tables(runner):
    result = runner.invoke(app, ["-q", "-f", "table"], input=ARTICLE)
    assert result.exit_code == 0
    assert "Entities" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_only_limits_the_output(runner):
    result = runner.invoke(app, ["-q", "--only", "entities"], input=ARTICLE)
    (record,) = records(result.stdout)
    assert record["claims"] == [] and record["quotes"] == []
    assert record["entities"]


def test_entity_labels_filter(runner):
    result = runner.invoke(app, ["-q", "--entity-labels", "PERSON"], input=ARTICLE)
    (record,) = records(result.stdout)
    assert record["entities"]
    assert {e["label"] for e in record["entities"]} == {"PERSON"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--only", "claims,tweets"], "unknown kind"),
        (["--format", "xml"], "xml"),
        (["--jobs", "0"], "--jobs"),
    ],
)
def test_usage_errors_exit_2(runner, args, message):
    result = runner.invoke(app, args, input=ARTICLE)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_missing_model_is_a_one_line_setup_error(runner):
    result = runner.invoke(app, ["--model", "no_such_model_xyz"], input=ARTICLE)
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error:") and "pip install" in line


def test_output_file_is_not_overwritten_without_force(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    refused = runner.invoke(app, ["-q", "-o", str(out)], input=ARTICLE)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = runner.invoke(app, ["-q", "-o", str(out), "--force"], input=ARTICLE)
    assert forced.exit_code == 0 and forced.stdout == ""
    assert records(out.read_text(encoding="utf-8"))[0]["id"] == "-"


def test_output_format_follows_the_file_suffix(runner, tmp_path):
    out = tmp_path / "items.csv"
    runner.invoke(app, ["-q", "-o", str(out)], input=ARTICLE)
    assert out.read_text(encoding="utf-8").startswith("doc_id,kind,")


def test_summary_goes_to_stderr_and_quiet_silences_it(runner):
    loud = runner.invoke(app, [], input=ARTICLE)
    assert loud.stderr.startswith("claimx: 1 document, ")
    assert "claimx:" not in loud.stdout
    quiet = runner.invoke(app, ["-q"], input=ARTICLE)
    assert quiet.stderr == ""


def test_user_patterns_are_validated(runner, tmp_path):
    bad = tmp_path / "mine.jsonl"
    bad.write_text('{"label": "X", "pattern": "a", "colour": "red"}\n', encoding="utf-8")
    result = runner.invoke(app, ["--patterns", str(bad)], input=ARTICLE)
    assert result.exit_code == 2
    assert f"{bad}:1" in result.stderr and "colour" in result.stderr


def test_version_and_help(runner):
    assert runner.invoke(app, ["--version"]).stdout.startswith("claimx ")
    helped = runner.invoke(app, ["extract", "--help"])
    assert helped.exit_code == 0 and "--format" in helped.stdout


def test_flat_claims_keep_their_own_kind_as_claim_kind(runner):
    result = runner.invoke(app, ["-q", "--flat", "--only", "claims"], input=ARTICLE)
    claims = [item for item in records(result.stdout) if item["kind"] == "claim"]
    assert claims
    assert all(item["claim_kind"] in {"percentage", "count", "change", "money"} for item in claims)
