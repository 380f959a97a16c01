"""claimx on Dask: past one machine, with Dask as the engine (``pip install "claimx[dask]"``).

Two ways in:

- ``claimx extract corpus/ --dask tcp://scheduler:8786 -o out/`` (or ``--dask local:N`` for a
  ``LocalCluster`` of N worker processes): the client only plans partitions (groups of text
  files, or byte ranges of a JSONL file found by counting lines); each worker reads its
  partitions, extracts, and writes ``out/part-00000.jsonl`` (or, with ``--format parquet``,
  ``out/claims.parquet/part-00000.parquet`` and the other tables), returning only counts. A
  worker that dies has its partition retried by Dask; a partition that still fails is written
  by the client as error records, one per document, as ``-j N`` does.
- ``claimx.dask.extract(bag_or_dataframe, ...)`` for users already in Dask: a bag of JSON lines
  or dicts (``read_jsonl``) or a dataframe with a text column (``read_parquet``) becomes a bag
  of records, or a dataframe with one row per document (``id``, ``failed``, ``record`` as
  JSON). Nothing is computed on the client.

Each worker process builds its Extractor once (``worker_extractor``), never once per task.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.batch import COUNTED, ExtractorOptions, count_document, shared_extractor
from claimx.io import readers
from claimx.io.readers import ReadOptions
from claimx.models import Document, InputDoc, Problem

INSTALL_HINT = 'the Dask engine needs dask and distributed: pip install "claimx[dask]"'
PARTITION_DOCS = 64
RETRIES = 2
_lock = threading.RLock()
# Dask's defaults suit many short tasks and a dashboard; claimx runs a few long ones. The
# workers' statistical profiler samples the running task's stack every 10 ms while holding
# the GIL (15% of a worker's CPU time on claimx's deep Python stacks); the nanny starts
# workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory back to the system
# and faults it in again on each batch (sys time 0.8 s in every 5 s partition, 0.1 s
# without); and the event-loop ticks, monitors and work stealing woke every process dozens
# of times a second (an idle 2-worker cluster used 11% of a core; 1% with these settings).
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}


@dataclass(frozen=True)
class Partition:
    """A slice of the input a worker reads itself: text files, or lines of one JSONL file."""

    number: int
    files: tuple[tuple[str, str, str], ...] = ()  # (doc id, path, source) of text files
    jsonl: str | None = None  # a JSONL file, read from byte ``start`` to ``end``
    start: int = 0
    end: int = 0
    first_line: int = 1

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"


@dataclass(frozen=True)
class Job:
    """How to read, extract and write: the same for every partition of a run (picklable)."""

    read_options: ReadOptions
    options: ExtractorOptions
    out: str
    fmt: str = "jsonl"  # jsonl | parquet
    flat: bool = False


@dataclass
class Outcome:
    """What a partition's task sends back: counts and the messages the CLI prints."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    failed: bool = False
    messages: list[tuple[str, str, str]] = field(default_factory=list)  # level, doc id, text

    def add(self, doc: Document) -> None:
        count_document(self.counts, doc)
        self.failed |= doc.failed
        for problem in doc.errors:
            level = "error" if problem.fatal else "warning"
            self.messages.append((level, doc.id, problem.message))


# --- planning (client side: paths and byte offsets only, never the texts) ------------------


def plan(paths: Sequence[str], options: ReadOptions, size: int = PARTITION_DOCS
         ) -> Iterator[Partition]:
    """Partitions of at most ``size`` documents over every input path, in input order."""
    number = 0
    files: list[tuple[str, str, str]] = []
    for doc_id, path, source in readers.expand_paths(paths):
        if path is None:
            raise ValueError("--dask reads files and folders, not stdin")
        if not _is_jsonl(path, options):
            files.append((doc_id, str(path), source))
            if len(files) == size:
                yield Partition(number, files=tuple(files))
                number, files = number + 1, []
            continue
        for start, end, first_line in _line_ranges(path, size):
            yield Partition(number, jsonl=source, start=start, end=end, first_line=first_line)
            number += 1
    if files:
        yield Partition(number, files=tuple(files))


def _is_jsonl(path: Path, options: ReadOptions) -> bool:
    return options.input_format == "jsonl" or (
        options.input_format == "auto" and path.suffix in readers.JSONL_SUFFIXES)


def _line_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """Byte ranges of ``size`` lines each, and the number of each range's first line."""
    try:
        handle = path.open("rb")
    except OSError:
        yield 0, 0, 1  # the worker's reader reports the file as missing or unreadable
        return
    with handle:
        start, line, count = 0, 1, 0
        for _ in handle:
            count += 1
            if count == size:
                end = handle.tell()
                yield start, end, line
                start, line, count = end, line + size, 0
        if count:
            yield start, handle.tell(), line


def read_partition(part: Partition, options: ReadOptions) -> Iterator[InputDoc]:
    """The documents of one partition, read the way the local CLI reads them."""
    if part.jsonl is None:
        for doc_id, path, source in part.files:
            data = readers._read_bytes(Path(path))
            if isinstance(data, Problem):
                yield InputDoc(id=doc_id, text=None, source=source, errors=(data,))
            else:
                yield readers._text_doc(data, doc_id, source)
        return
    try:
        with Path(part.jsonl).open("rb") as handle:
            handle.seek(part.start)
            lines = _lines_until(handle, part.end)
            yield from readers._jsonl_docs(lines, part.jsonl, options, part.first_line)
    except OSError as err:  # as the local reader does: the file becomes one error record
        problem = readers._open_problem(err)
        yield InputDoc(id=part.jsonl, text=None, source=part.jsonl, errors=(problem,))


def _lines_until(handle: Any, end: int) -> Iterator[bytes]:
    while handle.tell() < end and (raw := handle.readline()):
        yield raw


# --- worker side ---------------------------------------------------------------------------


def worker_extractor(options: ExtractorOptions) -> Any:
    """This process's Extractor for these options, built on its first task only."""
    with _lock:
        return shared_extractor(options)


def _load_extractor(options: ExtractorOptions) -> None:
    """Build this worker's Extractor; returns nothing, so the model never travels back."""
    worker_extractor(options)


def process_partition(part: Partition, job: Job) -> Outcome:
    """Extract one partition and write its part file(s) under ``job.out``; runs on a worker."""
    extractor = worker_extractor(job.options)
    with _lock:  # one partition at a time per process: spaCy pipelines are not thread-safe
        return write_part(part, extractor.process(read_partition(part, job.read_options)), job)


def write_part(part: Partition, docs: Iterable[Document], job: Job) -> Outcome:
    """Write one partition's documents; a retried partition overwrites its own files."""
    outcome = Outcome()
    if job.fmt == "parquet":
        from claimx.io.parquet import ParquetWriter

        writer = ParquetWriter(Path(job.out), part=part.name)
        for doc in docs:
            writer.write(doc)
            outcome.add(doc)
        writer.close()
        return outcome
    from claimx.io.writers import JsonlWriter

    final = Path(job.out) / f"{part.name}.jsonl"
    partial = final.with_suffix(".jsonl.partial")
    with partial.open("w", encoding="utf-8", newline="") as stream:
        writer_ = JsonlWriter(stream, flat=job.flat)
        for doc in docs:
            writer_.write(doc)
            outcome.add(doc)
    # A part file appears whole or not at all, so a crash mid-way leaves no half file behind.
    os.replace(partial, final)
    return outcome


# --- client side ---------------------------------------------------------------------------


def connect(address: str) -> Any:
    """A Client for ``tcp://host:port``, or for a new LocalCluster with ``local:N``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError(INSTALL_HINT) from None
    if address.startswith("local:"):
        import dask

        workers = int(address.removeprefix("local:") or "1")
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        return Client(cluster)
    return Client(address)


def run_from_cli(address: str, paths: Sequence[str], job: Job,
                 report: Callable[[str, str, str], None]) -> Outcome:
    """``claimx extract PATH... --dask ADDRESS``: ``report(level, doc_id, message)`` hears of
    each document's problems as its partition finishes."""
    if job.fmt not in ("jsonl", "parquet"):
        raise ValueError("--dask writes --format jsonl or parquet part files")
    client = connect(address)
    try:
        # A missing model or a bad pattern file is a setup error (exit 2), found before any
        # work. Every worker loads at once, rather than one now and the others on their first
        # partition, behind it.
        client.run(_load_extractor, job.options)
        return run_on_cluster(client, plan(paths, job.read_options), job,
                              on_outcome=lambda done: _report_all(done, report))
    finally:
        cluster = getattr(client, "cluster", None)  # the LocalCluster of local:N
        client.close()
        if cluster is not None:
            cluster.close()


def _report_all(outcome: Outcome, report: Callable[[str, str, str], None]) -> None:
    for level, doc_id, message in outcome.messages:
        report(level, doc_id, message)


def run_on_cluster(
    client: Any, partitions: Iterable[Partition], job: Job,
    on_outcome: Callable[[Outcome], None] = lambda outcome: None,
) -> Outcome:
    """Run every partition on the cluster, a few per worker in flight; the merged counts."""
    from distributed import as_completed

    Path(job.out).mkdir(parents=True, exist_ok=True)
    total = Outcome()
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    todo = iter(partitions)
    running = as_completed()
    by_future: dict[Any, Partition] = {}

    def submit_next() -> None:
        part = next(todo, None)
        if part is not None:
            future = client.submit(process_partition, part, job, retries=RETRIES, pure=False)
            by_future[future] = part
            running.add(future)

    for _ in range(window):
        submit_next()
    for future in running:
        part = by_future.pop(future)
        try:
            outcome = future.result()
        except Exception as err:  # retries used up: the partition's documents become errors
            outcome = _failed_partition(part, job, err)
        _merge(total, outcome)
        on_outcome(outcome)
        submit_next()
    return total


def _failed_partition(part: Partition, job: Job, err: BaseException) -> Outcome:
    from claimx import __version__

    problem = Problem("worker-crashed", f"the partition failed on the cluster: "
                      f"{type(err).__name__}: {err}")
    docs = (Document(item.id, item.source, item.meta, errors=(*item.errors, problem),
                     version=__version__) for item in read_partition(part, job.read_options))
    return write_part(part, docs, job)


def _merge(total: Outcome, outcome: Outcome) -> None:
    for name, count in outcome.counts.items():
        total.counts[name] += count
    total.failed |= outcome.failed


# --- the Python entry point for Dask users ------------------------------------------------


def read_jsonl(urlpath: str | Sequence[str], blocksize: str | int = "16MiB") -> Any:
    """A bag of a JSONL corpus's lines, read lazily by the workers (``dask.bag.read_text``)."""
    import dask.bag

    return dask.bag.read_text(urlpath, blocksize=blocksize)


def read_parquet(path: str, **kwargs: Any) -> Any:
    """A dataframe of a Parquet corpus, read lazily by the workers."""
    import dask.dataframe

    return dask.dataframe.read_parquet(path, **kwargs)


def extract(collection: Any, options: ExtractorOptions | None = None, *,
            text_field: str = "text", id_field: str = "id") -> Any:
    """Records for a bag (of JSON lines or dicts) or a dataframe (one document a row).

    ``options`` chooses the model, patterns, kinds and so on (``claimx.batch.ExtractorOptions``).
    A bag gives a bag of document records (``Document.to_dict()``); a dataframe gives a
    dataframe of ``id``, ``failed`` and ``record`` (the record as JSON).
    """
    import dask.bag

    options = options or ExtractorOptions()
    fields = ReadOptions("jsonl", text_field, id_field)
    if isinstance(collection, dask.bag.Bag):
        return collection.map_partitions(_bag_records, options, fields)
    import pandas

    meta = pandas.DataFrame({"id": pandas.Series(dtype=object),
                             "failed": pandas.Series(dtype=bool),
                             "record": pandas.Series(dtype=object)})
    return collection.map_partitions(_frame_records, options, fields, meta=meta)


def _bag_records(items: Iterable[Any], options: ExtractorOptions, fields: ReadOptions
                 ) -> list[dict[str, Any]]:
    lines = (item.encode("utf-8") if isinstance(item, str) else json.dumps(item).encode("utf-8")
             for item in items)
    inputs = readers._jsonl_docs(lines, "bag", fields)
    with _lock:
        return [doc.to_dict() for doc in worker_extractor(options).process(inputs)]


def _frame_records(frame: Any, options: ExtractorOptions, fields: ReadOptions) -> Any:
    import pandas

    rows = frame.to_dict(orient="records")
    lines = (json.dumps(row, default=str).encode("utf-8") for row in rows)
    inputs = readers._jsonl_docs(lines, "dataframe", fields)
    with _lock:
        docs = list(worker_extractor(options).process(inputs))
    return pandas.DataFrame({
        "id": [d.id for d in docs],
        "failed": [d.failed for d in docs],
        "record": [json.dumps(d.to_dict(), ensure_ascii=False) for d in docs],
    }, index=frame.index)
