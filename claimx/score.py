"""Score claimx against a newsroom's own gold: precision, recall and F1 per kind of item.

Gold is JSONL, one article a line (the README's "Gold format"); predictions are claimx's own
JSONL records, matched to gold by ``id``. A gold line without a ``quantities``, ``quotes`` or
``entities`` key was not annotated for that kind, so that kind is not scored on it (an empty
list means "there are none": every prediction is then a false positive).

Items are matched one to one, each gold item to the first unmatched prediction that agrees:

- quantities: ``value`` when the spans overlap and the values are equal (a range's ends,
  for a range); ``value+unit`` when the units are equal as well;
- quotes: ``overlap`` when the content spans share a character; ``exact`` when the content
  spans are the same; ``speaker`` when they overlap and the speaker names agree (ignoring case);
- entities: ``exact`` when a mention's span and label are the gold span and label.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimx.models import InputDoc, Problem

Item = dict[str, Any]
Matcher = Callable[[Item, Item], bool]
KINDS = ("quantities", "quotes", "entities")


class GoldError(ValueError):
    """A gold or prediction file claimx cannot read: the message names path and line."""


@dataclass
class Metric:
    """Counts for one measure: matched predictions and gold items, and their totals."""

    predicted: int = 0
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "predicted": self.predicted, "gold": self.gold,
                "matched": self.matched_gold}


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file, or GoldError naming the bad line."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldError(f"{path}:{number}: not valid JSON ({err.msg})") from None
            if not isinstance(record, dict) or "id" not in record:
                raise GoldError(f"{path}:{number}: a line must be a JSON object with an id")
            yield record


# --- turning records into comparable items ------------------------------------------------


def _spans(value: Any) -> list[tuple[int, int]]:
    """Spans given as ``{"start", "end"}`` objects or ``[start, end]`` pairs."""
    if isinstance(value, dict):
        value = [value]
    spans = []
    for span in value or []:
        if isinstance(span, dict):
            spans.append((int(span["start"]), int(span["end"])))
        else:
            spans.append((int(span[0]), int(span[1])))
    return spans


def _speaker(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip().casefold() if isinstance(value, str) and value.strip() else None


def predicted_items(record: dict[str, Any]) -> dict[str, list[Item]]:
    """A claimx record's quantities, quotes and entity mentions, in the gold shape."""
    quantities = [q for claim in record.get("claims", []) for q in claim["quantities"]]
    mentions = [m for entity in record.get("entities", []) for m in entity["mentions"]]
    return {"quantities": [_quantity(q) for q in quantities],
            "quotes": [_quote(q) for q in record.get("quotes", [])],
            "entities": [_mention(m) for m in mentions]}


def gold_items(record: dict[str, Any]) -> dict[str, list[Item]]:
    """The annotated kinds of a gold line (a kind with no key is left out)."""
    shape = {"quantities": _quantity, "quotes": _quote, "entities": _mention}
    return {kind: [make(item) for item in record[kind]] for kind, make in shape.items()
            if isinstance(record.get(kind), list)}


def _quantity(item: Item) -> Item:
    rng = item.get("range")
    return {"span": (int(item["start"]), int(item["end"])), "value": item.get("value"),
            "range": tuple(rng) if rng else None, "unit": item.get("unit")}


def _quote(item: Item) -> Item:
    return {"content": _spans(item.get("content")), "speaker": _speaker(item.get("speaker"))}


def _mention(item: Item) -> Item:
    return {"span": (int(item["start"]), int(item["end"])), "label": item.get("label")}


# --- matching ------------------------------------------------------------------------------


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s < f and t < e for s, e in a for t, f in b)


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _value(gold: Item, pred: Item) -> bool:
    if not _overlap([gold["span"]], [pred["span"]]):
        return False
    if gold["range"] or pred["range"]:
        return bool(gold["range"] and pred["range"]) and all(
            _same_number(g, p) for g, p in zip(gold["range"], pred["range"], strict=True))
    return _same_number(gold["value"], pred["value"])


MEASURES: dict[str, dict[str, Matcher]] = {
    "quantities": {
        "value": _value,
        "value+unit": lambda g, p: _value(g, p) and g["unit"] == p["unit"],
    },
    "quotes": {
        "overlap": lambda g, p: _overlap(g["content"], p["content"]),
        "exact": lambda g, p: sorted(g["content"]) == sorted(p["content"]),
        "speaker": lambda g, p: _overlap(g["content"], p["content"])
        and g["speaker"] is not None and g["speaker"] == p["speaker"],
    },
    "entities": {"exact": lambda g, p: g["span"] == p["span"] and g["label"] == p["label"]},
}


def _count(metric: Metric, gold: list[Item], predicted: list[Item], agree: Matcher) -> None:
    used: set[int] = set()
    for item in gold:
        for index, candidate in enumerate(predicted):
            if index not in used and agree(item, candidate):
                used.add(index)
                break
    metric.gold += len(gold)
    metric.predicted += len(predicted)
    metric.matched_gold += len(used)
    metric.matched_predicted += len(used)


def score(gold: Iterable[dict[str, Any]],
          predictions: dict[str, dict[str, Any]]) -> dict[str, dict[str, Metric]]:
    """Metrics per kind and measure over every gold line; a gold id with no prediction
    counts as a document where claimx found nothing."""
    results = {kind: {name: Metric() for name in measures}
               for kind, measures in MEASURES.items()}
    for record in gold:
        wanted = gold_items(record)
        found = predicted_items(predictions.get(str(record["id"]), {}))
        for kind, items in wanted.items():
            for name, agree in MEASURES[kind].items():
                _count(results[kind][name], items, found[kind], agree)
    return results


def _scored(results: dict[str, dict[str, Metric]]) -> Iterator[tuple[str, str, Metric]]:
    # A kind no gold line annotates has nothing to say: it is left out.
    for kind, measures in results.items():
        for name, metric in measures.items():
            if metric.gold or metric.predicted:
                yield kind, name, metric


def to_json(results: dict[str, dict[str, Metric]]) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for kind, name, metric in _scored(results):
        shown.setdefault(kind, {})[name] = metric.to_dict()
    return shown


def gold_inputs(gold: Iterable[dict[str, Any]]) -> Iterator[InputDoc]:
    """The gold articles as claimx inputs (a gold ``date`` dates the article)."""
    for record in gold:
        text = record.get("text")
        problem = () if isinstance(text, str) else (
            Problem("bad-gold", f"gold {record['id']!r} has no text"),)
        meta = {"date": record["date"]} if "date" in record else {}
        yield InputDoc(id=str(record["id"]), text=text if not problem else None,
                       meta=meta, errors=problem)


def render(results: dict[str, dict[str, Metric]], console: Any) -> None:
    """The scores as one rich table."""
    from rich.table import Table

    table = Table(title="claimx on your gold", title_justify="left")
    for name in ("kind", "measure"):
        table.add_column(name)
    for name in ("precision", "recall", "F1", "gold", "predicted"):
        table.add_column(name, justify="right")
    for kind, name, m in _scored(results):
        table.add_row(kind, name, f"{m.precision:.1%}", f"{m.recall:.1%}", f"{m.f1:.1%}",
                      str(m.gold), str(m.predicted))
    console.print(table)
