"""Run claimx's quote extraction over PolNeAR gold articles and write the scorer's predictions.

    python benchmarks/polnear.py --gold ../shared/bench/polnear/polnear-dev.jsonl --out pred.jsonl
    python ../shared/bench/quote_eval.py score --gold ../shared/bench/polnear/polnear-dev.jsonl \\
        --pred pred.jsonl --subset quoted,direct,all

Only claimx's public API is used (``claimx.Extractor(...).pipe``), with entities on, since
speakers are resolved against them. Each prediction carries the content spans, the resolved
speaker name, ``speaker_spans`` (the in-text mention, even a pronoun) and ``cue_spans``.

``--speed`` also times the same articles with quotes off and on (entities run in both) and
prints the share of the time that quote extraction adds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def prediction(doc_id: str, quotes: list[Any]) -> dict[str, Any]:
    out = []
    for quote in quotes:
        speaker = quote.speaker
        out.append(
            {
                "content": [[span.start, span.end] for span in quote.content],
                "type": quote.type,
                "speaker": speaker.name if speaker is not None else None,
                "speaker_spans": (
                    [[speaker.mention.start, speaker.mention.end]]
                    if speaker is not None and speaker.mention is not None
                    else []
                ),
                "cue_spans": [[quote.cue.start, quote.cue.end]] if quote.cue is not None else [],
            }
        )
    return {"id": doc_id, "quotes": out}


def run(gold: Path, out: Path, model: str | None) -> float:
    import claimx

    extractor = claimx.Extractor(model=model, only=("quotes", "entities"))
    items = [(doc["text"], {"id": doc["id"]}) for doc in read_gold(gold)]
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for doc in extractor.pipe(items):
            if doc.errors:
                print(f"{doc.id}: {[e.message for e in doc.errors]}", file=sys.stderr)
            handle.write(json.dumps(prediction(doc.id, list(doc.quotes))) + "\n")
    return time.perf_counter() - started


def speed(gold: Path, model: str | None, rounds: int) -> None:
    """Time the articles with quotes off and on, alternating, best of ``rounds``."""
    import claimx

    texts = [doc["text"] for doc in read_gold(gold)]
    words = sum(len(t.split()) for t in texts)
    without = claimx.Extractor(model=model, only=("entities",))
    with_quotes = claimx.Extractor(model=model, only=("entities", "quotes"))
    best = {"off": float("inf"), "on": float("inf")}
    for _ in range(rounds):
        for name, extractor in (("off", without), ("on", with_quotes)):
            started = time.perf_counter()
            for _doc in extractor.pipe(texts):
                pass
            best[name] = min(best[name], time.perf_counter() - started)
    added = best["on"] / best["off"] - 1
    print(
        f"{len(texts)} articles, {words} words: without quotes {best['off']:.2f}s, "
        f"with quotes {best['on']:.2f}s ({words / best['on']:.0f} words/s); "
        f"quote extraction adds {100 * added:.1f}%"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="PolNeAR gold JSONL")
    parser.add_argument("--out", type=Path, required=True, help="predictions JSONL to write")
    parser.add_argument("--model", default=None, help="spaCy model name or path")
    parser.add_argument("--speed", action="store_true", help="also measure the time quotes add")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds for --speed")
    args = parser.parse_args(argv)
    seconds = run(args.gold, args.out, args.model)
    print(f"wrote {args.out} in {seconds:.1f}s", file=sys.stderr)
    if args.speed:
        speed(args.gold, args.model, args.rounds)


if __name__ == "__main__":
    main()
