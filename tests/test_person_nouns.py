"""The person nouns generated from WordNet (tools/build_person_nouns.py): the committed list is
what the generator writes, and it keeps a noun's usual sense, not any sense."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOUNS_FILE = ROOT / "patterns" / "quotes" / "speaker_person_nouns.txt"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "build_person_nouns", ROOT / "tools" / "build_person_nouns.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_person_nouns"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_list_is_what_the_generator_writes():
    module = _generator()
    if not (module.WORDNET / "index.noun").exists():
        pytest.skip("WordNet (Debian's wordnet-base) is not installed")
    assert module.build() == NOUNS_FILE.read_text(encoding="utf-8")


def _nouns():
    lines = NOUNS_FILE.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


@pytest.mark.parametrize("noun", ["nurse", "economist", "plumber", "brazilian", "widow"])
def test_nouns_whose_usual_sense_is_a_person_are_listed(noun):
    assert noun in _nouns()


@pytest.mark.parametrize("noun", ["letter", "source", "statement", "company", "report"])
def test_nouns_that_are_mostly_things_are_not(noun):
    assert noun not in _nouns()
