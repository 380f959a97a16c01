"""Run claimx's quote extraction over PolNeAR gold articles and write the scorer's predictions.

    python benchmarks/polnear.py --gold ../shared/bench/polnear/polnear-dev.jsonl --out pred.jsonl
    python ../shared/bench/quote_eval.py score --gold ../shared/bench/polnear/polnear-dev.jsonl \\
        --pred pred.jsonl --subset quoted,direct,all

Only claimx's public API is used (``claimx.Extractor(...).pipe``), with entities on, since
speakers are resolved against them. Each prediction carries the content spans, the resolved
speaker name, ``speaker_spans`` (the in-text mention, even a pronoun) and ``cue_spans``.

``--speed`` also times spaCy's pipeline and the quote extractor alone on the same parsed
articles and prints the share of the pipeline's time that quote extraction adds.
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
    """Time spaCy's pipeline and the quote extractor on the same parsed articles, best of
    ``rounds``: the quote extractor's share is what it adds to the pipeline."""
    import claimx
    from claimx.extractors.quotes import QuoteExtractor

    texts = [doc["text"] for doc in read_gold(gold)]
    words = sum(len(t.split()) for t in texts)
    extractor = claimx.Extractor(model=model, only=("quotes",))
    quotes = QuoteExtractor(extractor.nlp, extractor.patterns)
    best_parse = best_quotes = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        docs = list(extractor.nlp.pipe(texts, batch_size=32))
        best_parse = min(best_parse, time.perf_counter() - started)
        started = time.perf_counter()
        for doc in docs:
            quotes(doc)
        best_quotes = min(best_quotes, time.perf_counter() - started)
    print(
        f"{len(texts)} articles, {words} words: spaCy pipeline {best_parse:.2f}s "
        f"({words / best_parse:.0f} words/s), quote extraction {best_quotes:.2f}s: "
        f"adds {100 * best_quotes / best_parse:.1f}%"
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
