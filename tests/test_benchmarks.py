"""The NewsQuant adapter maps claimx's output to the scorer's vocabulary by general rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "newsquant.py"
_SPEC = importlib.util.spec_from_file_location("newsquant_adapter", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
newsquant = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(newsquant)
ALIASES = newsquant.load_aliases()


@pytest.mark.parametrize(
    ("quantity", "unit"),
    [
        ({"unit": "percent", "text": "12%"}, "percentage"),
        ({"unit": "USD per share", "text": "$3 a share"}, "dollar per share"),
        ({"unit": None, "noun": "European countries", "text": "12"}, "european country"),
        ({"unit": None, "noun": "Americans", "text": "millions of"}, "americans"),
        ({"unit": None, "noun": "voters", "value": 1 / 3, "text": "a third of"}, "% voter"),
        ({"unit": None, "noun": "cup", "value": 0.5, "text": "half a"}, "cup"),
        ({"unit": None, "noun": None, "text": "12"}, None),
    ],
)
def test_units_reach_the_gold_vocabulary(quantity, unit):
    assert newsquant.gold_unit(quantity, ALIASES) == unit


def test_concept_is_the_subject_and_owner_less_the_counted_noun():
    claim = {"subject": {"text": "the region's new farms"}, "owner": {"text": "Norvik Ltd"}}
    assert newsquant.concept_words(claim, {"noun": None}) == ["region", "new", "farms",
                                                              "Norvik", "Ltd"]
    assert newsquant.concept_words(claim, {"noun": "farms"}) == ["region", "new", "Norvik",
                                                                 "Ltd"]
    assert newsquant.concept_words({"subject": None, "owner": None}, {}) is None
    # a word of the quantity itself is not what it measures
    assert newsquant.concept_words({"subject": {"text": "mile relay"}}, {"text": "a 4 mile"}) \
        == ["relay"]
    # "total" only sizes the word after it, as the gold's concepts never keep it
    assert newsquant.concept_words({"subject": {"text": "the total value"}}, {}) == ["value"]
    # a word named twice counts once, in its first place
    assert newsquant.concept_words({"subject": {"text": "top wind speeds on Mars"},
                                    "owner": {"text": "mars"}}, {}) == ["top", "wind",
                                                                        "speeds", "Mars"]


def test_a_from_to_pair_is_one_range_without_a_change():
    quantity = {"value": 90.0, "range": None, "unit": "kg", "noun": None, "bound": "=",
                "change": {"direction": "down", "from": 90.0, "to": 82.0},
                "text": "90kg", "start": 0, "end": 4}
    level = dict(quantity, value=82.0, change=None, text="82kg", start=8, end=12)
    record = {"claims": [{"subject": None, "owner": None, "quantities": [quantity, level]}]}
    out = newsquant.prediction(0, record, ALIASES)["quantities"]
    assert [(q["value"], q["change"]) for q in out] == [([90.0, 82.0], None)]
