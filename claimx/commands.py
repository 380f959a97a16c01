"""The fact-checker's loop on the command line: `claimx score`, `claimx export` and
`claimx import`. ``claimx.cli`` registers these typer commands; like it, this module imports
spaCy only once a command runs."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from claimx.models import Document, InputDoc

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


class ExportFormat(str, Enum):
    labelstudio = "labelstudio"
    brat = "brat"


DEFAULT_EXPORT = {ExportFormat.labelstudio: Path("tasks.json"), ExportFormat.brat: Path("brat")}


def export(  # noqa: PLR0913, PLR0917 (typer: a parameter per option)
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or - for stdin.")],
    to: Annotated[ExportFormat, typer.Option("--to", help="The annotation tool.")] = (
        ExportFormat.labelstudio),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Label Studio: the tasks file to import into the "
                     "tool (default tasks.json). brat: the collection folder (default brat).")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="Where to write the labelling config (default: beside the tasks, "
                     "FILE.config.xml)."),
    ] = None,
    date: Annotated[str | None, typer.Option(help="The articles' date, YYYY-MM-DD.")] = None,
    model: Annotated[str | None, typer.Option("--model", "-m", help="spaCy model.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the tasks file.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Write claimx's output as annotation tasks (claimx's spans as predictions) and the
    labelling config, to correct in Label Studio or brat and read back with `claimx import`."""
    output = output or DEFAULT_EXPORT[to]
    _check_export_target(output, to, force)
    pairs = _extracted(paths, date, model)
    if to is ExportFormat.brat:
        from claimx.io.brat import write_collection

        count = write_collection(pairs, output)
        if not quiet:
            noun = "article" if count == 1 else "articles"
            typer.echo(f"claimx: {count} {noun} in the brat collection {output}", err=True)
        return
    _write_tasks(pairs, output, config, quiet)


def _check_export_target(output: Path, to: ExportFormat, force: bool) -> None:
    if to is ExportFormat.brat:
        if output.exists() and not output.is_dir():
            raise _fail(f"{output} is a file; a brat collection is a folder")
        if output.is_dir() and any(output.glob("*.ann")) and not force:
            raise _fail(f"{output} holds .ann files; use --force to overwrite them")
    elif output.exists() and not force:
        raise _fail(f"{output} exists; use --force to overwrite it")


def _extracted(paths: list[str], date: str | None,
               model: str | None) -> Iterator[tuple[str, Document]]:
    """(text, Document) for every input: the annotation tools need the text beside the spans."""
    import itertools
    from collections import deque

    from claimx.batch import ExtractorOptions, run
    from claimx.dates import dated_inputs
    from claimx.io.readers import ReadOptions, read_inputs

    try:
        inputs = dated_inputs(read_inputs(paths, ReadOptions(), sys.stdin.buffer), date)
        first = next(inputs, None)  # a bad --date shows here, before the model loads
    except ValueError:
        raise _fail(f"--date: {date!r} is not a date of the form YYYY-MM-DD") from None
    texts: deque[str] = deque()

    def remember(inputs: Iterable[InputDoc]) -> Iterator[InputDoc]:
        for item in inputs:  # documents come back in input order, one per input
            texts.append(item.text or "")
            yield item

    every = itertools.chain([first] if first is not None else [], inputs)
    return ((texts.popleft(), doc) for doc in run(remember(every), ExtractorOptions(model=model)))


def _write_tasks(pairs: Iterable[tuple[str, Document]], output: Path, config: Path | None,
                 quiet: bool) -> None:
    import json

    from claimx.io.labelstudio import CONFIG, tasks

    written = list(tasks(pairs))
    output.write_text(json.dumps(written, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config = config or output.with_suffix(".config.xml")
    config.write_text(CONFIG, encoding="utf-8")
    if not quiet:
        typer.echo(f"claimx: {len(written)} tasks in {output}, labelling config in {config}",
                   err=True)


def import_(
    export_file: Annotated[Path, typer.Argument(
        help="Label Studio's JSON export, or a brat collection folder.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Gold JSONL (default: stdout).")
    ] = None,
) -> None:
    """Read a corrected Label Studio export or brat collection back into claimx's gold JSONL."""
    import json

    from claimx.io import brat, labelstudio

    try:
        if export_file.is_dir():
            gold = list(brat.gold_lines(export_file))
        else:
            gold = list(labelstudio.gold_lines(
                json.loads(export_file.read_text(encoding="utf-8"))))
        lines = [json.dumps(line, ensure_ascii=False) + "\n" for line in gold]
    except (OSError, ValueError, KeyError, TypeError) as err:
        # The readers' errors and json's are ValueErrors; a task missing a key is a KeyError.
        known = isinstance(err, labelstudio.ExportError | brat.CollectionError)
        kind = "" if known else f"{type(err).__name__}: "
        raise _fail(f"{export_file}: {kind}{err}") from None
    if output is None:
        sys.stdout.write("".join(lines))
    else:
        output.write_text("".join(lines), encoding="utf-8")
