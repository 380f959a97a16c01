"""The fault suite, second part: the command line and its outputs (exit codes, messages,
files written whole or not at all, output errors). The first part is tests/test_faults.py."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from test_faults import STORY, assert_no_traceback, records, run_cli
from typer.testing import CliRunner

from claimx import batch
from claimx.cli import app

pytestmark = pytest.mark.faults


@pytest.fixture
def runner(extractor) -> CliRunner:
    """A CLI runner; the CLI reuses the session's loaded model through its own cache."""
    return CliRunner()


# --- the command line -----------------------------------------------------------------------


def test_output_in_a_missing_folder_fails_before_the_model_loads(runner, tmp_path):
    out = tmp_path / "missing" / "dir" / "x.jsonl"
    result = runner.invoke(app, ["-q", "-m", "no-such-model", "-o", str(out)], input=STORY)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot write") and "does not exist" in result.stderr
    assert not out.parent.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("how", ["-o /dev/full --force", "> /dev/full"])
def test_a_full_disk_is_one_line_and_exit_2(tmp_path, how):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    done = run_cli(shell=f"'{sys.executable}' -m claimx -q {tmp_path / 'a.txt'} {how}")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "Error: cannot write output: No space left on device (disk full)"]


def test_closed_stdout_is_a_message_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    done = run_cli(shell=f"'{sys.executable}' -m claimx -q {tmp_path / 'a.txt'} >&-")
    assert done.returncode == 2
    assert done.stderr.startswith("Error: stdout is closed")
    assert_no_traceback(done.stderr)


def test_a_failed_run_leaves_no_output_file_and_the_rerun_is_not_refused(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    failed = runner.invoke(app, ["-q", "-m", "no-such-model", "-o", str(out)], input=STORY)
    assert failed.exit_code == 2 and "no spaCy model" in failed.stderr
    assert list(tmp_path.iterdir()) == []
    again = runner.invoke(app, ["-q", "-o", str(out)], input=STORY)
    assert again.exit_code == 0
    assert records(out.read_text(encoding="utf-8"))[0]["claims"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_an_interrupted_run_leaves_a_whole_file(runner, tmp_path, monkeypatch, suffix):
    from claimx.io import writers

    calls = []

    def interrupt_second(self, doc, real=None):
        calls.append(doc.id)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return originals[type(self).__name__](self, doc)

    originals = {}
    for name in ("JsonlWriter", "JsonWriter", "CsvWriter"):
        originals[name] = getattr(writers, name).write
        monkeypatch.setattr(getattr(writers, name), "write", interrupt_second)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(STORY, encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    result = runner.invoke(app, ["-q", "-o", str(out), str(folder)])
    assert result.exit_code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", out.name]
    text = out.read_text(encoding="utf-8")
    if suffix == ".json":
        assert [d["id"] for d in json.loads(text)] == ["a.txt"]
    elif suffix == ".jsonl":
        assert [d["id"] for d in records(text)] == ["a.txt"]
    else:
        assert text.endswith("\n") and all(
            line.startswith(("doc_id,", "a.txt,")) for line in text.splitlines())


def test_more_jobs_than_cores_warns_and_the_pool_is_capped(runner, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    result = runner.invoke(app, ["-j", "64"], input=STORY)
    assert result.exit_code == 0
    assert "warning: -j 64 is more workers than the 2 cores" in result.stderr
    (record,) = records(result.stdout)
    assert record["claims"]
    chunks, jobs = batch._capped(iter([[1], [2], [3]]), 64)  # type: ignore[list-item]
    assert jobs == 3 and list(chunks) == [[1], [2], [3]]


def test_progress_is_off_the_screen_while_a_document_is_written():
    from io import StringIO

    from rich.console import Console

    from claimx.cli_run import with_progress

    console = Console(file=StringIO(), force_terminal=True, width=100)
    seen = []
    for doc in with_progress(iter(["d1", "d2", "d3"]), console, 3, True):
        live = console._live_stack[-1] if console._live_stack else None
        seen.append((doc, live is not None and live.is_started))
    assert seen == [("d1", False), ("d2", False), ("d3", False)]
    assert "3/3" in console.file.getvalue() or "2/3" in console.file.getvalue()


def test_help_names_the_default_command_and_does_not_cut_descriptions(runner):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:")[1].splitlines()
    assert "claimx PATH" in result.stdout
    assert not [line for line in commands if line.endswith("...")]
    extract_help = runner.invoke(app, ["extract", "--help"])
    assert "short for" in extract_help.stdout and "--doc-timeout" in extract_help.stdout


def test_a_malformed_user_table_row_is_an_error_with_its_line(runner, tmp_path):
    user = tmp_path / "claim_sources.tsv"
    user.write_text("word:str\tkind:verb|data|noun\nreckoned\tverb\nbroken-row\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["-q", "--patterns", str(user)], input=STORY)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {user}:3: ")
    assert_no_traceback(result.stderr)


def test_an_unknown_pattern_file_name_is_an_error_naming_the_files_read(runner, tmp_path):
    user = tmp_path / "my_words.txt"
    user.write_text("alpha\n", encoding="utf-8")
    result = runner.invoke(app, ["-q", "--patterns", str(user)], input=STORY)
    assert result.exit_code == 2
    assert "claimx reads no pattern file named my_words.txt" in result.stderr
    assert "titles.txt" in result.stderr


@pytest.mark.timeout(60)
def test_a_furniture_rule_that_times_out_is_reported(runner, tmp_path):
    user = tmp_path / "furniture.jsonl"
    rule = {"label": "footer", "id": "slow-rule", "regex": "(?:a|aa)+$",
            "example": "aa", "comment": "backtracks without end on a long run of a"}
    user.write_text(json.dumps(rule) + "\n", encoding="utf-8")
    text = STORY + "a" * 60 + "b\n"
    result = runner.invoke(app, ["-q", "--patterns", str(user)], input=text)
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    (problem,) = record["errors"]
    assert problem["code"] == "rule-timeout" and "'slow-rule'" in problem["message"]
    assert problem["fatal"] is False and record["claims"]


# --- outputs ---------------------------------------------------------------------------------


def test_csv_value_is_a_number_or_empty(runner):
    text = ("Dozens of residents left, and nearly all shops shut. Sales rose 12% to $3.4bn "
            "in 2023. Between 20 and 30 boats sank.\n")
    result = runner.invoke(app, ["-q", "-f", "csv", "--only", "claims"], input=text)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    claims = [r for r in rows if r["kind"] == "claim"]
    assert claims
    for row in claims:
        if row["value"]:
            float(row["value"])
    assert "vague" not in {r["value"] for r in claims}
    assert {"12", "3400000000"} <= {r["value"] for r in claims}
    assert any(r["quantity"].startswith("Dozens") and r["value"] == "" for r in claims)


def test_the_schema_requires_furniture(runner):
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "furniture" in schema["required"]


def test_no_document_problem_means_exit_0(runner, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Prices \xff rose 4%.")
    os.mkfifo(tmp_path / "b.txt")
    result = runner.invoke(app, ["-q", str(tmp_path)])
    assert result.exit_code == 0  # warnings only: no document failed


def test_the_readme_test_command_gets_a_fresh_environment_of_its_own():
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8").splitlines()
    first = readme[readme.index(next(x for x in readme if x.startswith("# 1. "))) + 1]
    second = readme[readme.index(next(x for x in readme if x.startswith("# 2. "))) + 1]
    first_env = first.split("python3 -m venv ")[1].split()[0]
    second_env = second.split("python3 -m venv ")[1].split()[0]
    assert first_env != second_env
    assert f"{second_env}/bin/activate" in second
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    removal = next(line for line in ci.splitlines() if line.startswith("rm -rf "))
    assert second_env in removal.split()
