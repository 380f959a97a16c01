"""The last steps of an annotation round trip, shared by the Label Studio and brat tests:
import the corrected export as gold, score claimx against it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from claimx.cli import app


def import_and_score(export: Path, tmp_path: Path) -> dict[str, Any]:
    """`claimx import EXPORT -o gold.jsonl`, then `claimx score gold.jsonl --json`."""
    gold = tmp_path / "gold.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(export), "-o", str(gold)])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(app, ["score", str(gold), "--json"])
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def assert_scored_corrections(scores: dict[str, Any]) -> None:
    """The scores after the tests' corrections: one of two units changed, one entity added."""
    assert scores["quantities"]["value"]["f1"] == 1.0
    assert scores["quantities"]["value+unit"]["recall"] == 0.5
    assert scores["quotes"]["overlap"]["f1"] == 1.0
    entities = scores["entities"]["exact"]
    assert entities["precision"] == 1.0 and entities["gold"] == entities["predicted"] + 1
