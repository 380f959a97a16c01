"""The README stays true: its example record is what claimx prints for its example input, and
CI runs the README's own test command."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from claimx.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_documented_record_is_real_output(extractor):
    command = re.search(r"^echo '(.+)' \| claimx$", README, re.MULTILINE)
    assert command, "the README shows an `echo '...' | claimx` example"
    shown = re.search(r"```json\n(.+?)\n```", README[command.end():], re.DOTALL)
    assert shown, "the example is followed by its record"
    documented = json.loads(shown.group(1))
    result = CliRunner().invoke(app, ["-q"], input=command.group(1) + "\n")
    assert result.exit_code == 0
    actual = json.loads(result.stdout)
    # The model line depends on which English model is installed; the rest must match.
    documented.pop("claimx")
    actual.pop("claimx")
    assert actual == documented


def test_ci_runs_the_readme_test_command():
    quick_start = re.search(r"^# 2\. .*\n(.+)$", README, re.MULTILINE)
    assert quick_start and "pytest" in quick_start.group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "/^# 2\\. /" in ci and "README.md" in ci
