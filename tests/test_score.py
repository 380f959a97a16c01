"""`claimx score`: precision, recall and F1 on a user's own gold (claimx.score)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.score import Metric, score

TEXT = "Bus fares rose 4% to $2.50 in June, said Helen Carter."


def _pred(quantities=(), quotes=(), mentions=()) -> dict:
    return {"id": "d", "claims": [{"quantities": list(quantities)}],
            "quotes": list(quotes), "entities": [{"mentions": list(mentions)}]}


def _q(start, end, value, unit=None, rng=None) -> dict:
    return {"start": start, "end": end, "value": value, "unit": unit, "range": rng}


@pytest.mark.parametrize(("gold", "pred", "value", "value_unit"), [
    (_q(15, 17, 4, "percent"), _q(15, 17, 4.0, "percent"), 1, 1),
    (_q(15, 17, 4, "percent"), _q(15, 18, 4.0, None), 1, 0),     # the unit is wrong
    (_q(15, 17, 4, "percent"), _q(15, 17, 40.0, "percent"), 0, 0),  # the value is wrong
    (_q(15, 17, 4, "percent"), _q(30, 34, 4.0, "percent"), 0, 0),  # somewhere else
    (_q(0, 5, None, "USD", [2, 3]), _q(0, 5, None, "USD", [2.0, 3.0]), 1, 1),
])
def test_quantities_match_on_value_then_unit(gold, pred, value, value_unit):
    results = score([{"id": "d", "quantities": [gold]}], {"d": _pred(quantities=[pred])})
    assert results["quantities"]["value"].matched_gold == value
    assert results["quantities"]["value+unit"].matched_gold == value_unit


@pytest.mark.parametrize(("gold", "pred", "expected"), [
    ({"content": [[0, 34]], "speaker": "Ana Ruiz"},
     {"content": [{"start": 0, "end": 34}], "speaker": {"name": "ana ruiz"}},
     {"overlap": 1, "exact": 1, "speaker": 1}),
    ({"content": [[0, 34]], "speaker": "Ana Ruiz"},
     {"content": [{"start": 10, "end": 34}], "speaker": {"name": "Lee"}},
     {"overlap": 1, "exact": 0, "speaker": 0}),
    ({"content": [[0, 10]], "speaker": None},
     {"content": [{"start": 12, "end": 20}], "speaker": None},
     {"overlap": 0, "exact": 0, "speaker": 0}),
])
def test_quotes_match_on_overlap_exact_span_and_speaker(gold, pred, expected):
    results = score([{"id": "d", "quotes": [gold]}], {"d": _pred(quotes=[pred])})
    assert {k: m.matched_gold for k, m in results["quotes"].items()} == expected


def test_precision_recall_and_f1_count_one_to_one():
    gold = [{"id": "d", "entities": [{"start": 0, "end": 3, "label": "ORG"},
                                     {"start": 10, "end": 14, "label": "GPE"}]}]
    mentions = [{"start": 0, "end": 3, "label": "ORG"}, {"start": 0, "end": 3, "label": "ORG"},
                {"start": 10, "end": 14, "label": "LOC"}]
    metric = score(gold, {"d": _pred(mentions=mentions)})["entities"]["exact"]
    assert (metric.matched_gold, metric.gold, metric.predicted) == (1, 2, 3)
    assert metric.precision == pytest.approx(1 / 3)
    assert metric.recall == pytest.approx(1 / 2)
    assert metric.f1 == pytest.approx(0.4)


def test_unannotated_kinds_are_not_scored_and_missing_documents_found_nothing():
    results = score([{"id": "x", "quantities": [_q(0, 2, 7)]}], {})
    assert results["quantities"]["value"].recall == 0.0
    assert results["quotes"]["overlap"].gold == 0 == results["quotes"]["overlap"].predicted
    assert Metric().f1 == 0.0


@pytest.fixture
def gold_file(tmp_path):
    line = {"id": "s1", "text": TEXT,
            "quantities": [_q(15, 17, 4, "percent"), _q(21, 26, 2.5, "USD")],
            "quotes": [{"content": [[0, 34]], "speaker": "Helen Carter"}],
            "entities": [{"start": 41, "end": 53, "label": "PERSON"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def test_score_runs_claimx_when_no_predictions_are_given(extractor, gold_file):
    result = CliRunner().invoke(app, ["score", str(gold_file), "--json"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["quantities"]["value"]["recall"] == 1.0
    assert scores["entities"]["exact"]["f1"] == 1.0
    assert set(scores["quotes"]) == {"overlap", "exact", "speaker"}


def test_score_reads_a_prediction_file_and_prints_a_table(extractor, gold_file, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["-q", str(gold_file), "-o", str(predictions)])
    assert result.exit_code == 0
    result = CliRunner().invoke(app, ["score", str(gold_file), str(predictions)])
    assert result.exit_code == 0
    assert "value+unit" in result.stdout and "precision" in result.stdout


def test_a_broken_gold_line_is_a_usage_error_naming_the_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n{oops\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), str(path)])
    assert result.exit_code == 2
    assert "gold.jsonl:2" in result.stderr


def test_the_readme_gold_example_is_valid_gold(extractor, tmp_path):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("**Gold format**"):]
    block = re.search(r"```json\n(.+?)\n```", after, re.DOTALL)
    assert block
    line = json.loads(block.group(1))
    text = line["text"]
    for item in line["quantities"] + line["entities"]:
        assert text[item["start"]:item["end"]]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["quantities"]["value+unit"]["recall"] == 1.0
