"""The Label Studio round trip: export claimx's spans, correct them as a user would in the
tool, import the export as gold and score claimx against it."""

from __future__ import annotations

import copy
import json

import pytest
from roundtrip import assert_scored_corrections, import_and_score
from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.labelstudio import CONFIG, SPAN_LABELS, gold_line, gold_lines

ARTICLE = ("Ferry crossings fell 6% to 41,000 in April, said Joan Pike, the port manager. "
           "\u201cWinter storms kept boats in harbour,\u201d she said.\n")


@pytest.fixture
def exported(tmp_path, extractor):
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    tasks = tmp_path / "tasks.json"
    result = CliRunner().invoke(app, ["export", "--to", "labelstudio", str(article),
                                      "-o", str(tasks), "--date", "2024-05-02"])
    assert result.exit_code == 0, result.stderr
    return tasks


def _accept(task: dict) -> list[dict]:
    """What Label Studio exports once a user accepts the prediction as their annotation."""
    result = copy.deepcopy(task["predictions"][0]["result"])
    task["annotations"] = [{"id": 1, "was_cancelled": False, "result": result}]
    return result


def test_export_writes_tasks_with_predictions_and_the_config(exported):
    (task,) = json.loads(exported.read_text(encoding="utf-8"))
    assert task["data"]["text"] == ARTICLE and task["data"]["id"].endswith("ferry.txt")
    assert task["data"]["date"] == "2024-05-02"
    result = task["predictions"][0]["result"]
    labels = {r["value"]["labels"][0] for r in result if r["type"] == "labels"}
    assert {"Claim", "Quantity", "Direct quote", "Speaker", "Cue", "PERSON"} <= labels
    for region in result:
        if region["type"] == "labels":
            value = region["value"]
            assert ARTICLE[value["start"]:value["end"]] == value["text"]
    config = exported.with_suffix(".config.xml").read_text(encoding="utf-8")
    assert config == CONFIG
    assert all(f'<Label value="{label}"/>' in config for label in SPAN_LABELS)


def test_an_accepted_prediction_imports_as_claimx_output(exported, tmp_path):
    tasks = json.loads(exported.read_text(encoding="utf-8"))
    _accept(tasks[0])
    (line,) = gold_lines(tasks)
    assert [q["value"] for q in line["quantities"]] == [6.0, 41000.0]
    assert line["quantities"][0]["unit"] == "percent"
    direct = [q for q in line["quotes"] if q["type"] == "direct"]
    assert direct and direct[0]["speaker"] == "Joan Pike"   # the name, not "she"
    assert {"start": 49, "end": 58, "text": "Joan Pike", "label": "PERSON"} in line["entities"]


def test_the_round_trip_scores_the_corrections(exported, tmp_path):
    tasks = json.loads(exported.read_text(encoding="utf-8"))
    result = _accept(tasks[0])
    # The user corrects in the tool: the second quantity's unit, a speaker's name, and
    # labels an entity claimx did not mark.
    areas = [r for r in result if r["type"] == "textarea"]
    unit = [r for r in areas if r["from_name"] == "unit"][1]
    unit["value"]["text"] = ["crossing"]
    name = next(r for r in areas if r["from_name"] == "name" and r["id"].startswith("q2"))
    name["value"]["text"] = ["Joan Pike (edited)"]
    start = ARTICLE.index("April")
    result.append({"id": "user1", "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": start, "end": start + 5, "text": "April",
                             "labels": ["EVENT"]}})
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks), encoding="utf-8")
    scores = import_and_score(export, tmp_path)
    assert_scored_corrections(scores)
    assert scores["quotes"]["speaker"]["recall"] < 1.0


@pytest.mark.parametrize(("raw", "value", "rng"), [
    ("12", 12.0, None),
    ("1,200", 1200.0, None),
    ("-3", -3.0, None),
    ("2-3", None, [2.0, 3.0]),
    ("", None, None),
])
def test_quantity_values_typed_in_the_tool_are_read(raw, value, rng):
    region = {"id": "r", "type": "labels", "from_name": "label", "to_name": "text",
              "value": {"start": 0, "end": 2, "text": "xx", "labels": ["Quantity"]}}
    area = {"id": "r", "type": "textarea", "from_name": "value", "to_name": "text",
            "value": {"start": 0, "end": 2, "text": [raw]}}
    (quantity,) = gold_line({"text": "xx", "id": "t"}, [region, area])["quantities"]
    assert (quantity["value"], quantity["range"]) == (value, rng)


def test_unannotated_and_cancelled_tasks_are_not_gold():
    tasks = [{"data": {"text": "a", "id": "1"}},
             {"data": {"text": "b", "id": "2"}, "annotations": [{"was_cancelled": True,
                                                                 "result": []}]},
             {"data": {"text": "c", "id": "3"}, "annotations": [{"result": []}]}]
    assert [line["id"] for line in gold_lines(tasks)] == ["3"]


def test_a_file_that_is_no_export_is_a_usage_error(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"not": "a list"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(path)])
    assert result.exit_code == 2
    assert "list of tasks" in result.stderr


def test_export_refuses_a_bad_date_and_an_existing_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Fares rose 2%.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["export", str(article), "-o", str(tmp_path / "t.json"),
                                 "--date", "2024-13-01"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr
    (tmp_path / "t.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["export", str(article), "-o", str(tmp_path / "t.json")])
    assert result.exit_code == 2 and "--force" in result.stderr
