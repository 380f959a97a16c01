"""The brat round trip: export claimx's spans as a brat collection, correct the standoff
files as a user would in brat, import the collection as gold and score claimx against it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from roundtrip import assert_scored_corrections, import_and_score
from typer.testing import CliRunner

from claimx.cli import app
from claimx.io.brat import ANNOTATION_CONF, BRAT_LABELS, file_stem, fragments
from claimx.io.labelstudio import gold_lines as labelstudio_gold_lines

# Two paragraphs, so that the claim in the second starts after a line break.
ARTICLE = ("Harbour report\n\nFerry crossings fell 6% to 41,000 in April, said Joan Pike, the "
           "port manager.\n\u201cWinter storms kept boats in harbour,\u201d she said.\n")


@pytest.fixture
def collection(tmp_path: Path, extractor) -> Path:
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "brat"
    result = CliRunner().invoke(app, ["export", "--to", "brat", str(article), "-o", str(folder)])
    assert result.exit_code == 0, result.stderr
    return folder


def _ann(folder: Path) -> Path:
    (ann,) = folder.glob("*.ann")
    return ann


def test_export_writes_text_annotations_and_the_config(collection):
    ann = _ann(collection)
    assert ann.with_suffix(".txt").read_text(encoding="utf-8") == ARTICLE
    assert (collection / "annotation.conf").read_text(encoding="utf-8") == ANNOTATION_CONF
    spans = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines()
             if line.startswith("T")]
    labels = {fields[1].split()[0] for fields in spans}
    assert {"Claim", "Quantity", "Direct_quote", "Speaker", "Cue", "PERSON"} <= labels
    assert labels <= set(BRAT_LABELS)
    for _, where, covered in spans:
        pieces = [piece.split() for piece in where.partition(" ")[2].split(";")]
        texts = [ARTICLE[int(a):int(b)] for a, b in pieces]
        assert " ".join(texts) == covered
        assert not any("\n" in text for text in texts)  # brat spans do not cross lines


def test_an_untouched_collection_imports_as_label_studio_would(collection, tmp_path):
    result = CliRunner().invoke(app, ["import", str(collection)])
    assert result.exit_code == 0, result.stderr
    (line,) = [json.loads(row) for row in result.stdout.splitlines()]
    assert line["text"] == ARTICLE and line["id"].endswith("ferry.txt")
    assert [(q["value"], q["unit"]) for q in line["quantities"]] == [(6.0, "percent"),
                                                                    (41000.0, None)]
    direct = [q for q in line["quotes"] if q["type"] == "direct"]
    assert direct and direct[0]["speaker"] == "Joan Pike"   # the name box, not "she"
    start = ARTICLE.index("Joan Pike")
    assert {"start": start, "end": start + 9, "text": "Joan Pike", "label": "PERSON"} in (
        line["entities"])


def test_the_same_annotations_give_the_same_gold_from_either_tool(collection, tmp_path):
    brat_line = json.loads(CliRunner().invoke(app, ["import", str(collection)]).stdout)
    article = tmp_path / "ferry.txt"
    exported = tmp_path / "tasks.json"
    CliRunner().invoke(app, ["export", str(article), "-o", str(exported)])
    (task,) = json.loads(exported.read_text(encoding="utf-8"))
    task["annotations"] = [{"result": copy.deepcopy(task["predictions"][0]["result"])}]
    (studio_line,) = labelstudio_gold_lines([task])
    assert brat_line == studio_line


def test_the_round_trip_scores_the_corrections(collection, tmp_path):
    ann = _ann(collection)
    lines = ann.read_text(encoding="utf-8").splitlines()
    # The user corrects in brat: the second quantity's unit, and marks an entity claimx missed.
    notes = [n for n, line in enumerate(lines) if "unit=" in line]
    lines[notes[1]] = lines[notes[1]].replace("unit=", "unit=crossing")
    start = ARTICLE.index("April")
    lines.append(f"T999\tEVENT {start} {start + 5}\tApril")
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_scored_corrections(import_and_score(collection, tmp_path))


@pytest.mark.parametrize(("text", "pieces"), [
    ("one line only", [(0, 13)]),
    ("a headline\nand its body", [(0, 10), (11, 23)]),
    ("first\n\n  \nlast", [(0, 5), (10, 14)]),   # blank lines make no fragment
])
def test_a_span_over_line_breaks_becomes_one_fragment_a_line(text, pieces):
    assert fragments(text, 0, len(text)) == pieces


@pytest.mark.parametrize("doc_id", ["news/2024/ferry.txt", "corpus.jsonl:17", "-", "a b%c"])
def test_every_document_id_makes_one_file_name_and_comes_back(doc_id):
    from urllib.parse import unquote

    stem = file_stem(doc_id)
    assert "/" not in stem and unquote(stem) == doc_id


def test_a_folder_that_is_no_collection_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["import", str(tmp_path)])
    assert result.exit_code == 2
    assert "no .ann files" in result.stderr
    (tmp_path / "a.ann").write_text("T1\tPERSON five six\tJo\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Jo went home.", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(tmp_path)])
    assert result.exit_code == 2
    assert "a.ann:1: not a brat annotation" in result.stderr


def test_export_keeps_a_corrected_collection_unless_forced(collection, tmp_path):
    article = tmp_path / "ferry.txt"
    result = CliRunner().invoke(app, ["export", "--to", "brat", str(article),
                                      "-o", str(collection)])
    assert result.exit_code == 2 and "--force" in result.stderr
    result = CliRunner().invoke(app, ["export", "--to", "brat", str(article),
                                      "-o", str(collection), "--force"])
    assert result.exit_code == 0, result.stderr
