"""Score claimx's entity mentions against hand-annotated JSONL, exact spans, per label.

Gold format, one JSON object a line::

    {"id": "...", "text": "...", "entities": [{"start": 0, "end": 5, "label": "LOC"}, ...]}

Every mention of every entity claimx finds counts as one prediction (span + label), scored like
CoNLL: a prediction is right only when its start, end and label all equal a gold mention's.

    python benchmarks/entities.py benchmarks/data/entities-sample.jsonl --map conll
    python benchmarks/entities.py GOLD.jsonl --map conll --errors   # list misses and extras
    python benchmarks/entities.py --speed ../shared/bench/corpus/bbc-news.jsonl --limit 200

``--map conll`` maps spaCy's labels to CoNLL's four types (PERSON to PER; GPE, LOC and FAC to
LOC; ORG to ORG; NORP, EVENT, WORK_OF_ART, LAW, LANGUAGE and PRODUCT to MISC) on both sides, so
gold in either scheme works. ``--speed`` times spaCy's parse against claimx's furniture and
entity passes on the same texts and prints the share entity work adds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

CONLL = {
    "PERSON": "PER",
    "PER": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
    "MISC": "MISC",
}

Mention = tuple[str, int, int, str]  # doc id, start, end, label


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def map_label(label: str, scheme: str | None) -> str | None:
    """The label under the chosen scheme; None drops the mention (a type the scheme lacks)."""
    if scheme == "conll":
        return CONLL.get(label)
    return label


def predict(records: list[dict], extractor) -> dict[str, list[tuple[int, int, str]]]:
    """claimx's mentions per document id, through the public API."""
    texts = [(r["text"], {"id": str(r["id"])}) for r in records]
    out: dict[str, list[tuple[int, int, str]]] = {}
    for doc in extractor.pipe(texts):
        out[doc.id] = [(m.start, m.end, m.label) for e in doc.entities for m in e.mentions]
        for problem in doc.errors:  # a failed document scores no mention: say so
            print(f"{doc.id}: {problem.code}: {problem.message}", file=sys.stderr)
    return out


def raw_entities(records: list[dict], nlp) -> dict[str, list[tuple[int, int, str]]]:
    """The bare model's entities, for a baseline."""
    docs = nlp.pipe(r["text"] for r in records)
    return {str(r["id"]): [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for r, doc in zip(records, docs, strict=True)}


def score(gold: set[Mention], pred: set[Mention]) -> dict[str, tuple[int, int, int]]:
    """Per label (and "micro"): true positives, predictions, gold mentions."""
    labels = sorted({m[3] for m in gold} | {m[3] for m in pred})
    table = {}
    for label in [*labels, "micro"]:
        g = {m for m in gold if label in ("micro", m[3])}
        p = {m for m in pred if label in ("micro", m[3])}
        table[label] = (len(g & p), len(p), len(g))
    return table


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


def print_table(table: dict[str, tuple[int, int, int]]) -> None:
    print(f"{'label':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}")
    for label, (tp, n_pred, n_gold) in table.items():
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{label:<12} {p:6.1f} {r:6.1f} {f:6.1f} {tp:6d} {n_pred:6d} {n_gold:6d}")


def print_errors(records: list[dict], gold: set[Mention], pred: set[Mention]) -> None:
    texts = {str(r["id"]): r["text"] for r in records}
    for kind, items in (("missed", gold - pred), ("extra", pred - gold)):
        counts = Counter((texts[d][s:e], label) for d, s, e, label in items)
        print(f"\n{kind} ({sum(counts.values())}):")
        for (text, label), n in counts.most_common():
            print(f"  {n:3d}  {label:<6} {text!r}")


def evaluate(args: argparse.Namespace) -> int:
    from claimx import Extractor

    records = list(read_jsonl(args.gold, args.limit))
    extractor = Extractor(model=args.model, patterns=args.patterns or ())
    predicted = raw_entities(records, extractor.nlp) if args.raw else predict(records, extractor)
    gold: set[Mention] = set()
    pred: set[Mention] = set()
    for record in records:
        doc_id = str(record["id"])
        for ent in record.get("entities", []):
            label = map_label(ent["label"], args.map)
            if label is not None:
                gold.add((doc_id, ent["start"], ent["end"], label))
        for start, end, raw in predicted.get(doc_id, []):
            label = map_label(raw, args.map)
            if label is not None:
                pred.add((doc_id, start, end, label))
    print(f"{len(records)} documents, {len(gold)} gold mentions, {len(pred)} predicted")
    print_table(score(gold, pred))
    if args.errors:
        print_errors(records, gold, pred)
    return 0


def speed(args: argparse.Namespace) -> int:
    """Time the parse and claimx's furniture + entity passes separately on the same docs."""
    from claimx.extractors.entities import EntityExtractor
    from claimx.extractors.furniture import FurnitureFinder
    from claimx.pipeline import load_model
    from claimx.rules.loader import load_patterns

    nlp = load_model(args.model)
    patterns = load_patterns(args.patterns or ())
    furniture = FurnitureFinder(nlp, patterns)
    entities = EntityExtractor(nlp, patterns)
    texts = [r.get(args.text_field, "") for r in read_jsonl(args.speed, args.limit)]
    words = sum(len(t.split()) for t in texts)
    for _ in nlp.pipe(texts[:8]):  # warm up
        pass
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    count = 0
    for doc in docs:
        count += len(entities(doc, furniture=furniture(doc)))
    extra = time.perf_counter() - t0
    print(f"{len(texts)} texts, {words} words, {count} entities")
    print(f"spaCy parse:               {parse:7.2f} s ({words / parse:,.0f} words/s)")
    print(f"furniture + entity passes: {extra:7.2f} s")
    print(f"entity work adds {100 * extra / parse:.1f}% to the parse time")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, help="gold JSONL to score")
    parser.add_argument("--map", choices=["conll"], help="map labels to a smaller scheme")
    parser.add_argument("--raw", action="store_true", help="score the bare model instead")
    parser.add_argument("--errors", action="store_true", help="list missed and extra mentions")
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--model", help="spaCy model name or path")
    parser.add_argument("--patterns", action="append", help="extra pattern file or folder")
    parser.add_argument("--speed", type=Path, help="time entity work on this JSONL corpus")
    parser.add_argument("--text-field", default="text", help="text field for --speed")
    args = parser.parse_args(argv)
    if args.speed:
        return speed(args)
    if not args.gold:
        parser.error("give a gold JSONL file, or --speed CORPUS")
    return evaluate(args)


if __name__ == "__main__":
    sys.exit(main())
