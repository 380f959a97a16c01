"""Long articles through the CLI: error records, exact offsets, peak memory, time per char.

    python benchmarks/speed.py --long [--sizes 1,5]      (or run this module directly)

The long articles are made at run time by joining many different corpus articles with blank
lines (never stored): N MB from the corpus in order; past the corpus's size it is taken again
in another order, so no piece repeats. ``single`` is 2 MB with every line break made a space.
Each is one JSONL document. The baseline is the same 1 MB as separate articles.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MB = 1_000_000
PEAK_MB, TIME_RATIO = 1000, 2.0  # the targets: peak memory, time per char against normal


def long_text(texts: list[str], size: int) -> str:
    parts: list[str] = []
    total, rounds = 0, 0
    while total < size:
        order = list(texts)
        random.Random(rounds).shuffle(order) if rounds else None
        for text in order:
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
        rounds += 1
    return "\n\n".join(parts)[:size]


def _spans(record: Any) -> Iterator[dict[str, Any]]:
    if isinstance(record, dict):
        if {"start", "end", "text"} <= set(record) and isinstance(record["start"], int):
            yield record
        for value in record.values():
            yield from _spans(value)
    elif isinstance(record, list):
        for value in record:
            yield from _spans(value)


def run_cli(docs: list[str]) -> dict[str, float]:
    """Seconds, peak RSS (MB), error records and offset mismatches of one CLI run."""
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    with tempfile.TemporaryDirectory() as folder:
        given, out = Path(folder) / "in.jsonl", Path(folder) / "out.jsonl"
        with given.open("w", encoding="utf-8") as handle:
            for number, text in enumerate(docs):
                handle.write(json.dumps({"id": str(number), "text": text}) + "\n")
        command = [sys.executable, "-m", "claimx", "-q", "-o", str(out), str(given)]
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", wrapper, *command],
                              capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
        errors = mismatches = spans = 0
        with out.open(encoding="utf-8") as handle:
            for line, text in zip(handle, docs, strict=True):
                record = json.loads(line)
                errors += sum(p["fatal"] for p in record["errors"])
                for span in _spans(record):
                    spans += 1
                    mismatches += text[span["start"]:span["end"]] != span["text"]
    return {"seconds": seconds, "peak_mb": int(done.stdout.split()[-1]) / 1024,
            "errors": errors, "mismatches": mismatches, "spans": spans,
            "chars": sum(map(len, docs))}


def measure(texts: list[str], sizes: list[str]) -> bool:
    """Run the baseline and each size, printing each figure as it comes; True if all hold."""
    normal, total = [], 0
    for text in texts:
        if total >= MB:
            break
        normal.append(text)
        total += len(text)
    base = report_one("1 MB as separate articles", run_cli(normal), None)
    ok = True
    for size in sizes:
        if size == "single":
            docs = [long_text(texts, 2 * MB).replace("\n", " ")]
            name = "2 MB single line"
        else:
            docs, name = [long_text(texts, int(size) * MB)], f"{size} MB article"
        ok &= report_one(name, run_cli(docs), base) is not None
    return ok


def report_one(name: str, r: dict[str, float], base: float | None) -> float | None:
    """Print one run's figures; the time per character, or None when a target is missed."""
    per_char = r["seconds"] / r["chars"]
    ratio = per_char / base if base else 1.0
    fine = (r["errors"] == 0 and r["mismatches"] == 0 and r["peak_mb"] < PEAK_MB
            and ratio <= TIME_RATIO)
    print(f"  {name:<28} {r['seconds']:7.1f}s  peak {r['peak_mb']:6.0f} MB  "
          f"errors {r['errors']:.0f}  offsets wrong {r['mismatches']:.0f}/{r['spans']:.0f}  "
          f"time/char {ratio:.2f}x   {'ok' if fine else 'MISSED'}", flush=True)
    return per_char if fine else None


if __name__ == "__main__":
    corpus = Path(__file__).resolve().parent.parent.parent / "shared/bench/corpus/bbc-news.jsonl"
    with corpus.open(encoding="utf-8") as handle:
        corpus_texts = [json.loads(line)["text"] for line in handle if line.strip()]
    chosen = sys.argv[1].split(",") if len(sys.argv) > 1 else ["1", "5"]
    sys.exit(0 if measure(corpus_texts, chosen) else 1)
