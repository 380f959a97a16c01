"""Throughput and memory of claimx against bare spaCy, in one run on one machine.

    python benchmarks/speed.py [--corpus ../shared/bench/corpus/bbc-news.jsonl] [--limit 400]

Measures, alternating the two so that machine noise hits both alike:
  1. bare spaCy: the model's full default pipeline over the texts (nlp.pipe, batch 64);
  2. claimx end to end through its API (parse + every extractor + to_dict);
then the share of parse time each extractor adds (each timed alone on the parsed Docs), and
the CLI over the corpus as JSONL with -j 1 and -j 2 (throughput and peak memory).
``--long`` measures long articles instead (benchmarks/longdocs.py): 1 MB and 5 MB single
documents made at run time from the corpus (``--long-sizes 1,5,12,single``), each through
the CLI, against the same 1 MB as separate articles: error records, offsets, peak memory and
time per character.
Prints each figure next to its target; exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "corpus" / "bbc-news.jsonl"


def load_texts(corpus: Path, limit: int) -> list[str]:
    with corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return texts[:limit] if limit else texts


def words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def time_bare_spacy(nlp, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


def time_claimx(extractor, texts: list[str]) -> float:
    started = time.perf_counter()
    for doc in extractor.pipe(texts):
        doc.to_dict()
    return time.perf_counter() - started


def extractor_shares(extractor, texts: list[str]) -> dict[str, float]:
    """Each extractor's time as a share of claimx's own parse time on the same texts."""
    started = time.perf_counter()
    docs = list(extractor.nlp.pipe(texts, batch_size=extractor.batch_size))
    parse = time.perf_counter() - started
    spent = {"furniture": 0.0, "entities": 0.0, "claims": 0.0, "quotes": 0.0}
    for doc in docs:
        t0 = time.perf_counter()
        furniture = extractor._furniture(doc)
        t1 = time.perf_counter()
        entities = extractor._entities(doc, furniture=furniture)
        t2 = time.perf_counter()
        extractor._claims(doc, furniture=furniture)
        t3 = time.perf_counter()
        extractor._quotes(doc, entities=entities, furniture=furniture)
        t4 = time.perf_counter()
        spent["furniture"] += t1 - t0
        spent["entities"] += t2 - t1
        spent["claims"] += t3 - t2
        spent["quotes"] += t4 - t3
    return {name: seconds / parse for name, seconds in spent.items()}


def time_cli(corpus_jsonl: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB, largest single process) of the CLI over a JSONL file."""
    # A fresh wrapper process per run, so ru_maxrss covers this run's processes alone.
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [sys.executable, "-m", "claimx", "-q", "-j", str(jobs), "-o", os.devnull, "--force"]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command, str(corpus_jsonl)],
        capture_output=True, text=True, check=True,
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stdout.split()[-1]) / 1024


def report(name: str, value: float, target: float, unit: str = "x") -> bool:
    ok = value >= target if unit == "x" else value <= target
    shown = f"{value:.2f}x" if unit == "x" else f"{value:.1f} {unit}"
    sign = ">=" if unit == "x" else "<="
    print(f"  {name:<44} {shown:>10}   target {sign} {target}{'x' if unit == 'x' else ' ' + unit}"
          f"   {'ok' if ok else 'MISSED'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=400, help="articles for the API rounds")
    parser.add_argument("--cli-limit", type=int, default=0,
                        help="articles for the CLI -j 1 / -j 2 runs (default 0: the whole corpus)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-cli", action="store_true", help="skip the -j 1 / -j 2 runs")
    parser.add_argument("--long", action="store_true",
                        help="measure long articles (peak memory over 1 MB and 5 MB) instead")
    parser.add_argument("--long-sizes", default="1,5",
                        help="with --long: sizes in MB, and 'single' for a 2 MB single line")
    args = parser.parse_args()
    if args.long:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import longdocs

        texts = load_texts(args.corpus, 0)
        return 0 if longdocs.measure(texts, args.long_sizes.split(",")) else 1

    import spacy

    import claimx

    texts = load_texts(args.corpus, args.limit)
    n_words = words(texts)
    extractor = claimx.Extractor()
    # The same model package, with its full default pipeline.
    bare = spacy.load(extractor.nlp.meta["lang"] + "_" + extractor.nlp.meta["name"])
    print(f"{len(texts)} articles, {n_words:,} words, model {extractor.model}, "
          f"spaCy {spacy.__version__}, claimx {claimx.__version__}")
    print(f"bare spaCy pipeline: {bare.pipe_names}")
    print(f"claimx pipeline:     {extractor.nlp.pipe_names}")

    time_claimx(extractor, texts[:20])  # warm up both
    time_bare_spacy(bare, texts[:20])
    spacy_times, claimx_times = [], []
    for _ in range(args.rounds):
        spacy_times.append(time_bare_spacy(bare, texts))
        claimx_times.append(time_claimx(extractor, texts))
    spacy_wps = n_words / median(spacy_times)
    claimx_wps = n_words / median(claimx_times)
    print(f"\nbare spaCy {spacy_wps:,.0f} words/s, claimx {claimx_wps:,.0f} words/s "
          f"(median of {args.rounds} alternating rounds)")
    ok = report("claimx / bare spaCy throughput", claimx_wps / spacy_wps, 0.9)

    print("\ntime each extractor adds to claimx's parse:")
    for name, share in extractor_shares(extractor, texts).items():
        ok &= report(f"{name} extraction", share * 100, 10.0, unit="%")

    if not args.skip_cli:
        cli_texts = load_texts(args.corpus, args.cli_limit)
        cli_words = words(cli_texts)
        with tempfile.TemporaryDirectory() as folder:
            corpus_jsonl = Path(folder) / "corpus.jsonl"
            corpus_jsonl.write_text(
                "".join(json.dumps({"id": str(i), "text": t}) + "\n"
                        for i, t in enumerate(cli_texts)),
                encoding="utf-8",
            )
            env_jobs = os.cpu_count() or 1
            one, peak_one = time_cli(corpus_jsonl, 1)
            two, peak_two = time_cli(corpus_jsonl, 2)
        print(f"\nCLI over {len(cli_texts)} articles: -j 1 {one:.1f}s ({cli_words / one:,.0f} "
              f"words/s, peak {peak_one:.0f} MB); -j 2 {two:.1f}s ({cli_words / two:,.0f} words/s, "
              f"largest process {peak_two:.0f} MB); {env_jobs} cores")
        ok &= report("-j 2 / -j 1 throughput", one / two, 1.5)
        ok &= report("peak memory, -j 1", peak_one, 500.0, unit="MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
