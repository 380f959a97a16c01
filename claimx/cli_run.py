"""The command line's run loop: documents from the batch runner to a writer, with progress,
warnings and the summary on stderr, and the run's exit code.

``run_to_stream`` writes one stream or file (tables, JSONL, JSON, CSV, a SQLite database);
``run_to_folder`` writes a folder (Parquet tables, or a Dask cluster's part files).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from claimx.batch import ExtractorOptions
    from claimx.io.output import AtomicFile
    from claimx.io.readers import ReadOptions
    from claimx.io.writers import Writer
    from claimx.models import Document

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _counts() -> dict[str, int]:
    from claimx.batch import COUNTED

    return dict.fromkeys(COUNTED, 0)


class RunError(Exception):
    """A setup or output problem the command reports as ``Error: ...`` with exit 2."""


@dataclass(frozen=True)
class StreamRun:
    """What one ``claimx extract`` run reads, how it extracts and where it writes."""

    paths: list[str]
    read_options: ReadOptions
    options: ExtractorOptions
    jobs: int
    fmt: str  # table | jsonl | json | csv | sqlite
    flat: bool
    output: Path | None
    dating: tuple[str | None, str] = (None, "date")  # --date, --date-field


def stderr_console(quiet: bool) -> Console:
    from rich.console import Console

    if sys.stderr is None:  # `2>&-`: nothing to say anything on
        return Console(file=open(os.devnull, "w"), quiet=True)
    return Console(stderr=True, quiet=quiet, highlight=False, soft_wrap=True)


def make_writer(fmt: str, stream: TextIO, flat: bool) -> Writer:
    from claimx.io import writers

    if fmt == "table":
        from rich.console import Console

        from claimx.io.table import TableWriter

        return TableWriter(Console(file=stream, highlight=False))
    if fmt == "csv":
        return writers.CsvWriter(stream)
    if fmt == "json":
        return writers.JsonWriter(stream, flat=flat)
    return writers.JsonlWriter(stream, flat=flat)


def run_to_stream(run: StreamRun, console: Console) -> int:
    """Extract every input and write it; the exit code. Raises RunError for exit 2."""
    from claimx.batch import run as run_batch
    from claimx.dates import dated_inputs
    from claimx.io.output import describe
    from claimx.io.readers import count_documents, read_inputs
    from claimx.pipeline import ModelError
    from claimx.rules.loader import PatternError

    totals = _counts()
    started = time.perf_counter()
    writer: Writer | None = None
    sink: AtomicFile | None = None
    try:
        writer, sink = _open_writer(run)
        inputs = read_inputs(run.paths, run.read_options, sys.stdin.buffer if sys.stdin else None)
        docs = run_batch(dated_inputs(inputs, *run.dating), run.options, jobs=run.jobs)
        total = None if console.quiet else count_documents(run.paths, run.read_options)
        pause = run.fmt == "table" and run.output is None  # else it is drawn into the table
        failed = write_all(with_progress(docs, console, total, pause), writer, console, totals)
        writer.close()
        if sink is not None:
            sink.commit()
            sink = None
    except (ModelError, PatternError) as err:
        raise RunError(str(err)) from None
    except BrokenPipeError:
        # `claimx ... | head -1`: the reader has gone; stop quietly, as other filters do.
        drop_stdout()
        return EXIT_OK
    except OSError as err:  # a full disk, a file system gone read-only
        if run.output is None:
            drop_stdout()
        raise RunError(describe(err)) from None
    except KeyboardInterrupt:
        _keep_what_is_done(writer, sink)
        sink = None
        console.print("Interrupted.", style="yellow")
        return 130
    finally:
        if sink is not None:
            sink.abort()
    return summary(console, totals, started, failed)


def _open_writer(run: StreamRun) -> tuple[Writer, AtomicFile | None]:
    """The writer, and the temporary file it writes that becomes ``-o FILE`` at the end."""
    from claimx.io.output import AtomicFile

    if run.fmt == "sqlite":  # a database is appended to in place, one document at a time
        from claimx.io.sqlite import SqliteWriter

        assert run.output is not None  # the command asks for a file
        return SqliteWriter(run.output), None
    sink = AtomicFile(run.output) if run.output is not None else None
    stream: TextIO = sink.stream if sink is not None else sys.stdout
    return make_writer(run.fmt, stream, run.flat), sink


def _keep_what_is_done(writer: Writer | None, sink: AtomicFile | None) -> None:
    """On Ctrl-C the documents done so far stay, as a whole file: complete lines, a closed
    JSON array."""
    if writer is not None and sink is not None:
        with contextlib.suppress(OSError, KeyboardInterrupt):
            writer.close()
            sink.commit()


def run_to_folder(paths: list[str], job: Any, jobs: int, console: Console,
                  dask: str | None) -> int:
    """--format parquet (a folder of tables) and --dask (a folder of part files)."""
    from claimx.pipeline import ModelError
    from claimx.rules.loader import PatternError

    started = time.perf_counter()
    try:
        if dask is None:
            totals, failed = _parquet_locally(paths, job, jobs, console)
        else:
            from claimx.dask import run_from_cli

            outcome = run_from_cli(dask, paths, job, lambda level, doc_id, text: print_problem(
                console, level == "error", doc_id, text))
            totals, failed = outcome.counts, outcome.failed
    except (ModelError, PatternError, RuntimeError, ValueError, OSError) as err:
        raise RunError(str(err)) from None
    except KeyboardInterrupt:
        console.print("Interrupted.", style="yellow")
        return 130
    return summary(console, totals, started, failed)


def _parquet_locally(paths: list[str], job: Any, jobs: int, console: Console
                     ) -> tuple[dict[str, int], bool]:
    from claimx.batch import run
    from claimx.io.parquet import ParquetWriter
    from claimx.io.readers import read_inputs

    writer = ParquetWriter(Path(job.out))
    totals = _counts()
    inputs = read_inputs(paths, job.read_options, sys.stdin.buffer if sys.stdin else None)
    docs = run(inputs, job.options, jobs=jobs)
    failed = write_all(with_progress(docs, console, None, False), writer, console, totals)
    writer.close()
    return totals, failed


def write_all(docs: Iterable[Document], writer: Writer, console: Console,
              totals: dict[str, int]) -> bool:
    """Write and count every document, reporting its problems; True if any failed."""
    from claimx.batch import count_document

    failed = False
    for doc in docs:
        writer.write(doc)
        failed |= doc.failed
        count_document(totals, doc)
        for problem in doc.errors:
            print_problem(console, problem.fatal, doc.id, problem.message)
    return failed


def print_problem(console: Console, fatal: bool, doc_id: str, message: str) -> None:
    level = "error" if fatal else "warning"
    console.print(f"{level}: {doc_id}: {message}", markup=False,
                  style="red" if fatal else "yellow")


def summary(console: Console, totals: dict[str, int], started: float, failed: bool) -> int:
    """The one-line summary every run ends with, and the run's exit code."""
    seconds = time.perf_counter() - started
    counts = ", ".join(_plural(n, name) for name, n in totals.items())
    console.print(f"claimx: {counts} in {seconds:.1f}s", markup=False)
    return EXIT_FAILED if failed else EXIT_OK


def drop_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _plural(count: int, plural: str) -> str:
    singular = {"documents": "document", "entities": "entity"}.get(plural, plural[:-1])
    return f"{count} {singular if count == 1 else plural}"


def with_progress(docs: Iterable[Document], console: Console, total: int | None,
                  pause: bool) -> Iterator[Document]:
    """A live count on stderr, only when a person is watching it: documents done (of the
    total, when the inputs tell it), the time and the rate. With ``pause`` it is taken off
    the screen while each document is written."""
    if console.quiet or not console.is_terminal:
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
