"""Throughput, start-up and memory of claimx against bare spaCy, side by side in one run.

    python benchmarks/speed.py [--corpus ../shared/bench/corpus/bbc-news.jsonl] [--limit 400]
        [--cli-limit 0] [--cli-rounds 3] [--repeat 10] [--skip-api] [--skip-cli]
        [--skip-dask] [--skip-agreement] [--agreement-limit 0]
    python benchmarks/speed.py --agreement [--agreement-limit 0]

Measures, in this order:
  1. start-up: ``claimx --version`` and ``--help`` (best of 5), and loading the Extractor
     (model plus compiled rules) in a fresh process;
  2. API rounds over ``--limit`` articles, alternating so that machine noise hits all alike:
     bare spaCy (the same model's full default pipeline, nlp.pipe), claimx end to end, and the
     ``--only claims --fast`` path (claimx.fastpath), by wall clock and by CPU time; then the
     share of parse time each extractor adds;
  3. the CLI over ``--cli-limit`` articles (0: all) as JSONL: ``-j 1`` (with its peak memory),
     ``-j 2`` and ``--dask local:2``, interleaved ``--cli-rounds`` times (median and spread of
     the ratios, and each run's CPU time over all its processes); with ``--repeat N`` also
     ``-j 1`` over the corpus repeated N times, whose peak memory must stay that of one pass;
  4. the fast path's agreement: the share of the full run's claims (``--only claims``) the
     fast path gives identically, over ``--agreement-limit`` articles (0: all).
``--agreement`` runs step 4 alone.
The load average is printed with the figures: on a busy machine ratios between processes
(-j 2, Dask) are depressed, and single-process ratios are best read by CPU time.
``--long`` measures long articles instead (benchmarks/longdocs.py): 1 MB and 5 MB single
documents made at run time from the corpus (``--long-sizes 1,5,12,single``), each through
the CLI, against the same 1 MB as separate articles: error records, offsets, peak memory and
time per character.
Exits 1 if a target is missed.
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
CLAIMX = [sys.executable, "-m", "claimx"]


def load_texts(corpus: Path, limit: int) -> list[str]:
    with corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    return texts[:limit] if limit else texts


def words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


def time_bare_spacy(nlp, texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of the bare pipeline over the texts."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def time_claimx(extractor, texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of claimx end to end (records made) over the texts."""
    started, cpu = time.perf_counter(), time.process_time()
    for doc in extractor.pipe(texts):
        doc.to_dict()
    return time.perf_counter() - started, time.process_time() - cpu


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


def startup_seconds(args: list[str], runs: int = 5) -> tuple[float, float]:
    """Best wall time of a fresh process (the least disturbed by other load), and its CPU
    time (user + system), which a busy machine does not inflate."""
    import resource

    best, cpu = float("inf"), float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best, cpu


def extractor_load_seconds() -> float:
    """Loading the Extractor (spaCy, the model, claimx's compiled rules) in a fresh process."""
    code = ("import time; t = time.perf_counter(); import claimx; claimx.Extractor(); "
            "print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return float(done.stdout.split()[-1])


def time_cli(corpus_jsonl: Path, *options: str) -> tuple[float, float, float]:
    """Seconds, peak RSS (MB, largest single process) and CPU seconds (all its processes) of
    the CLI over a JSONL file."""
    # A fresh wrapper process per run, so the rusage covers this run's processes alone.
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False); "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(u.ru_maxrss, u.ru_utime + u.ru_stime)"
    )
    with tempfile.TemporaryDirectory() as out:
        target = ["-o", str(Path(out) / "parts")] if "--dask" in options else [
            "-o", os.devnull, "--force"]
        command = [*CLAIMX, "-q", *options, *target, str(corpus_jsonl)]
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", wrapper, *command],
                              capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
    peak, cpu = done.stdout.split()[-2:]
    return seconds, int(peak) / 1024, float(cpu)


def report(name: str, value: float, target: float, unit: str = "x", *,
           at_least: bool | None = None) -> bool:
    """Print a figure next to its target; ratios (and ``at_least``) must reach it, the rest
    must stay under it."""
    at_least = unit == "x" if at_least is None else at_least
    ok = value >= target if at_least else value <= target
    shown = f"{value:.2f}x" if unit == "x" else f"{value:.1f} {unit}"
    sign = ">=" if at_least else "<="
    print(f"  {name:<44} {shown:>10}   target {sign} {target}{'x' if unit == 'x' else ' ' + unit}"
          f"   {'ok' if ok else 'MISSED'}")
    return ok


def startup() -> bool:
    print(f"start-up ({load()}):")
    ok = True
    for flag in ("--version", "--help"):
        wall, cpu = startup_seconds([*CLAIMX, flag])
        ok &= report(f"claimx {flag} (CPU time {cpu:.2f} s)", wall, 0.3, unit="s")
    print(f"  {'Extractor load (model + rules), fresh process':<44} "
          f"{extractor_load_seconds():>8.2f} s")
    return ok


def api_rounds(texts: list[str], rounds: int) -> bool:
    import spacy

    import claimx

    n_words = words(texts)
    extractor = claimx.Extractor()
    fast = claimx.Extractor(only=["claims"], fast=True)
    # The same model package, with its full default pipeline.
    bare = spacy.load(extractor.nlp.meta["lang"] + "_" + extractor.nlp.meta["name"])
    print(f"\n{len(texts)} articles, {n_words:,} words, model {extractor.model}, "
          f"spaCy {spacy.__version__}, claimx {claimx.__version__}")
    print(f"bare spaCy pipeline: {bare.pipe_names}")
    print(f"claimx pipeline:     {extractor.nlp.pipe_names}")
    for warm in (lambda: time_claimx(extractor, texts[:20]), lambda: time_claimx(fast, texts[:20]),
                 lambda: time_bare_spacy(bare, texts[:20])):
        warm()
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "full": [], "fast": []}
    for _ in range(rounds):
        times["bare"].append(time_bare_spacy(bare, texts))
        times["full"].append(time_claimx(extractor, texts))
        times["fast"].append(time_claimx(fast, texts))
    wps = {name: n_words / median(wall for wall, _ in spent) for name, spent in times.items()}
    cpu = {name: median(used for _, used in spent) for name, spent in times.items()}
    print(f"\nbare spaCy {wps['bare']:,.0f} words/s, claimx {wps['full']:,.0f} words/s, "
          f"claimx --only claims fast path {wps['fast']:,.0f} words/s "
          f"(median of {rounds} alternating rounds; {load()})")
    ok = report("claimx / bare spaCy throughput", wps["full"] / wps["bare"], 1.1)
    ok &= report("fast path (--only claims) / bare spaCy", wps["fast"] / wps["bare"], 3.0)
    # CPU time is what a loaded machine distorts least: other jobs stretch the wall clock.
    print(f"  by CPU time (median s: bare {cpu['bare']:.1f}, claimx {cpu['full']:.1f}, "
          f"fast path {cpu['fast']:.1f}): claimx {cpu['bare'] / cpu['full']:.2f}x, "
          f"fast path {cpu['bare'] / cpu['fast']:.2f}x bare spaCy")
    print("\ntime each extractor adds to claimx's parse:")
    for name, share in extractor_shares(extractor, texts).items():
        ok &= report(f"{name} extraction", share * 100, 10.0, unit="%")
    return ok


def write_corpus(path: Path, texts: list[str], repeat: int = 1) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for i, text in enumerate(texts):
                handle.write(json.dumps({"id": f"{copy}-{i}", "text": text}) + "\n")


def cli_runs(texts: list[str], repeat: int, dask: bool, rounds: int = 1) -> bool:
    """-j 1, -j 2 and --dask local:2, interleaved ``rounds`` times: wall-clock ratios need a
    quiet machine, so each is shown as the median with the spread of the rounds."""
    n_words = words(texts)
    variants = {"-j 1": ("-j", "1"), "-j 2": ("-j", "2")}
    if dask:
        variants["--dask local:2"] = ("--dask", "local:2")
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, texts)
        for _ in range(rounds):
            for name, options in variants.items():
                runs[name].append(time_cli(corpus, *options))
        print(f"\nCLI over {len(texts)} articles, {rounds} interleaved round(s) ({load()}; "
              f"{os.cpu_count()} cores; Dask's cluster start-up included):")
        for name, done in runs.items():
            wall = median(seconds for seconds, _, _ in done)
            print(f"  {name:<15} {wall:6.1f} s ({n_words / wall:,.0f} words/s), CPU "
                  f"{median(cpu for *_, cpu in done):.1f} s, largest process "
                  f"{max(peak for _, peak, _ in done):.0f} MB")
        ok = True
        for name, target in (("-j 2", 1.8), ("--dask local:2", 1.7)):
            if name in runs:
                ratios = [one[0] / other[0] for one, other in zip(runs["-j 1"], runs[name],
                                                                  strict=True)]
                ok &= report(f"{name} / -j 1 throughput", median(ratios), target)
                if rounds > 1:
                    print(f"    rounds: {', '.join(f'{r:.2f}x' for r in ratios)}")
        peak_one = max(peak for _, peak, _ in runs["-j 1"])
        ok &= report("peak memory, -j 1", peak_one, 500.0, unit="MB")
        if repeat > 1:
            write_corpus(corpus, texts, repeat)
            many, peak_many, _ = time_cli(corpus, "-j", "1")
            print(f"  -j 1 over the corpus repeated {repeat}x: {many:.1f}s, peak {peak_many:.0f} MB"
                  f" (one pass: {peak_one:.0f} MB)")
            ok &= report(f"peak memory, -j 1, {repeat}x corpus", peak_many, 500.0, unit="MB")
    return ok


def agreement(texts: list[str]) -> bool:
    """The share of the full run's claims that the fast path gives identically (ids aside:
    a claim's id is its rank in the document, which one missing claim shifts)."""
    import claimx

    full = claimx.Extractor(only=["claims"])
    fast = claimx.Extractor(only=["claims"], fast=True)

    def keys(doc) -> list[str]:
        return [json.dumps({k: v for k, v in claim.items() if k != "id"}, sort_keys=True)
                for claim in doc.to_dict()["claims"]]

    same = total = extra = 0
    for done, (a, b) in enumerate(zip(full.pipe(texts), fast.pipe(texts), strict=True), 1):
        expected, got = keys(a), set(keys(b))
        total += len(expected)
        same += sum(key in got for key in expected)
        extra += len(got - set(expected))
        if done % 100 == 0:  # a long run shows where it stands
            print(f"  {done} articles: {same}/{total} identical", flush=True)
    print(f"fast path over {len(texts)} articles: {same:,} of the full run's {total:,} claims "
          f"identical, {extra:,} fast-path claims not in the full run")
    return report("claims identical to the full run", 100 * same / max(1, total), 99.0,
                  unit="%", at_least=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=400, help="articles for the API rounds")
    parser.add_argument("--cli-limit", type=int, default=0,
                        help="articles for the CLI runs (default 0: the whole corpus)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1,
                        help="also run -j 1 over the CLI corpus repeated this many times")
    parser.add_argument("--skip-api", action="store_true",
                        help="skip start-up and the API rounds (CLI runs only)")
    parser.add_argument("--skip-cli", action="store_true", help="skip the CLI runs")
    parser.add_argument("--skip-dask", action="store_true", help="skip --dask local:2")
    parser.add_argument("--cli-rounds", type=int, default=1,
                        help="interleaved rounds of the CLI runs (their spread is printed)")
    parser.add_argument("--skip-agreement", action="store_true",
                        help="skip the fast path's agreement with the full run")
    parser.add_argument("--agreement", action="store_true",
                        help="only measure the fast path's claims against the full run's")
    parser.add_argument("--agreement-limit", type=int, default=0,
                        help="articles for --agreement (default 0: the whole corpus)")
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

    if args.agreement:
        return 0 if agreement(load_texts(args.corpus, args.agreement_limit)) else 1
    ok = True
    if not args.skip_api:
        ok &= startup()
        ok &= api_rounds(load_texts(args.corpus, args.limit), args.rounds)
    if not args.skip_cli:
        ok &= cli_runs(load_texts(args.corpus, args.cli_limit), args.repeat, not args.skip_dask,
                       args.cli_rounds)
    if not args.skip_agreement:
        print()
        ok &= agreement(load_texts(args.corpus, args.agreement_limit))
    print(f"\n{load()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
