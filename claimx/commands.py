"""The fact-checker's loop on the command line: `claimx score`, `claimx export` and
`claimx import`. ``claimx.cli`` registers these typer commands; like it, this module imports
spaCy only once a command runs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

EXIT_USAGE = 2


def _fail(message: str) -> typer.Exit:
    from rich.console import Console

    Console(stderr=True, highlight=False).print(f"Error: {message}", markup=False, style="red",
                                                soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def score(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: one annotated article a line.")],
    predictions: Annotated[
        Path | None,
        typer.Argument(help="claimx JSONL output for the gold articles (default: run claimx)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    model: Annotated[str | None, typer.Option("--model", "-m", help="spaCy model.")] = None,
    patterns: Annotated[
        list[Path] | None, typer.Option("--patterns", help="Add pattern files or folders.")
    ] = None,
) -> None:
    """Precision, recall and F1 of claimx on your own gold articles (see the README)."""
    import json

    from claimx import score as scoring

    try:
        gold_records = list(scoring.read_jsonl(gold))
        if predictions is not None:
            found = {str(r["id"]): r for r in scoring.read_jsonl(predictions)}
        else:
            found = _predict(gold_records, model, tuple(str(p) for p in patterns or ()))
    except (OSError, scoring.GoldError) as err:
        raise _fail(str(err)) from None
    results = scoring.score(gold_records, found)
    if as_json:
        typer.echo(json.dumps(scoring.to_json(results), indent=2))
        return
    from rich.console import Console

    scoring.render(results, Console(highlight=False))


def _predict(gold: list[dict[str, Any]], model: str | None,
             patterns: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    from claimx.batch import ExtractorOptions, run
    from claimx.pipeline import ModelError
    from claimx.rules.loader import PatternError
    from claimx.score import gold_inputs

    try:
        docs = run(gold_inputs(gold), ExtractorOptions(model=model, patterns=patterns))
        return {doc.id: doc.to_dict() for doc in docs}
    except (ModelError, PatternError) as err:
        raise _fail(str(err)) from None
