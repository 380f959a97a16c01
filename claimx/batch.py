"""Run an Extractor over a stream of documents, in this process or in worker processes.

Output keeps input order; memory stays flat because at most a few chunks are in flight.
A worker that dies takes no document with it: its chunk comes back as error records and a
fresh pool carries on.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path

from claimx import __version__
from claimx.api import DEFAULT_BATCH_SIZE, KINDS, Extractor
from claimx.models import Document, InputDoc, Problem


@dataclass(frozen=True)
class ExtractorOptions:
    """Everything a worker needs to build its own Extractor (picklable)."""

    model: str | None = None
    patterns: tuple[str, ...] = ()
    only: tuple[str, ...] = KINDS
    entity_labels: tuple[str, ...] | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    fast: bool = False  # parse only the sentences that can hold the kinds asked
    doc_timeout: float | None = None  # seconds a document may take (None: no limit)

    def build(self) -> Extractor:
        extractor = Extractor(
            model=self.model,
            patterns=[Path(p) for p in self.patterns],
            only=self.only,
            entity_labels=self.entity_labels,
            batch_size=self.batch_size,
            fast=self.fast,
        )
        extractor.doc_timeout = self.doc_timeout
        return extractor


def run(
    inputs: Iterable[InputDoc], options: ExtractorOptions, *, jobs: int = 1
) -> Iterator[Document]:
    """Documents for every input, in input order. Setup errors (no model, bad patterns)
    raise before the first document."""
    if jobs <= 1:
        yield from shared_extractor(options).process(inputs)
        return
    chunks, jobs = _capped(_chunks(inputs, options.batch_size), jobs)
    if jobs <= 1:  # one chunk: a worker would only add its start-up
        yield from shared_extractor(options).process(item for c in chunks for item in c)
        return
    yield from _run_parallel(chunks, options, jobs)


def _capped(
    chunks: Iterator[list[InputDoc]], jobs: int
) -> tuple[Iterator[list[InputDoc]], int]:
    """The chunks, and no more workers than there are chunks to give them."""
    head = list(islice(chunks, jobs))
    return chain(head, chunks), max(1, len(head))


# What a run counts, in the order its summary line says them.
COUNTED = ("documents", "claims", "quotes", "entities", "errors")


def count_document(totals: dict[str, int], doc: Document) -> None:
    """Add one document to a run's counts (keys: COUNTED)."""
    totals["documents"] += 1
    totals["claims"] += len(doc.claims)
    totals["quotes"] += len(doc.quotes)
    totals["entities"] += len(doc.entities)
    totals["errors"] += sum(p.fatal for p in doc.errors)


@lru_cache(maxsize=2)
def shared_extractor(options: ExtractorOptions) -> Extractor:
    """One Extractor per set of options in this process: loading a model takes seconds."""
    return options.build()


# --- worker side ---------------------------------------------------------------------------

_worker_extractor: Extractor | None = None
_worker_error: Exception | None = None


def _init_worker(options: ExtractorOptions) -> None:
    global _worker_extractor, _worker_error
    # The parent handles Ctrl-C; workers must not die half-way through a chunk on their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _worker_extractor = shared_extractor(options)
    except Exception as err:  # reported to the parent with the first chunk
        _worker_error = err


def _work(chunk: list[InputDoc]) -> list[Document]:
    if _worker_extractor is None:
        raise _worker_error or RuntimeError("worker has no extractor")
    return list(_worker_extractor.process(chunk))


# --- parent side ---------------------------------------------------------------------------


def _chunks(inputs: Iterable[InputDoc], size: int) -> Iterator[list[InputDoc]]:
    iterator = iter(inputs)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _new_pool(options: ExtractorOptions, jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=get_context("spawn"),
        initializer=_init_worker,
        initargs=(options,),
    )


def _run_parallel(
    chunks: Iterable[list[InputDoc]], options: ExtractorOptions, jobs: int
) -> Iterator[Document]:
    pool = _new_pool(options, jobs)
    pending: deque[tuple[list[InputDoc], Future[list[Document]]]] = deque()
    finished = False
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_work, chunk)))
            # Two chunks a worker keep every core busy while bounding memory.
            while len(pending) >= 2 * jobs:
                docs, pool = _collect(pending, pool, options, jobs)
                yield from docs
        while pending:
            docs, pool = _collect(pending, pool, options, jobs)
            yield from docs
        finished = True
    finally:
        for _, future in pending:
            future.cancel()
        # After a full run the workers are idle: wait for them, or the pool's manager thread
        # can outlive the run and race the interpreter's exit ("Bad file descriptor"). A run
        # cut short (a closed pipe, Ctrl-C) must not wait on chunks still in flight.
        pool.shutdown(wait=finished, cancel_futures=True)


def _collect(
    pending: deque[tuple[list[InputDoc], Future[list[Document]]]],
    pool: ProcessPoolExecutor,
    options: ExtractorOptions,
    jobs: int,
) -> tuple[list[Document], ProcessPoolExecutor]:
    chunk, future = pending.popleft()
    try:
        return future.result(timeout=_chunk_budget(options, chunk)), pool
    except FutureTimeout:
        # A worker is stuck where its own timer cannot reach (native code): replace the pool.
        _kill(pool)
        return _resubmitted(pending, options, jobs, chunk, Problem(
            "timeout", f"the worker was stuck past --doc-timeout ({options.doc_timeout:g}s a "
            "document) and was replaced"))
    except BrokenProcessPool:
        # A worker died (out of memory, a crash in native code). Report this chunk, and
        # resubmit the chunks queued behind it to a fresh pool.
        pool.shutdown(wait=False, cancel_futures=True)
        problem = Problem("worker-crashed", "the worker process died while processing this chunk")
        return _resubmitted(pending, options, jobs, chunk, problem)


def _resubmitted(
    pending: deque[tuple[list[InputDoc], Future[list[Document]]]],
    options: ExtractorOptions,
    jobs: int,
    chunk: list[InputDoc],
    problem: Problem,
) -> tuple[list[Document], ProcessPoolExecutor]:
    """Error records for the lost chunk; the chunks queued behind it go to a fresh pool."""
    pool = _new_pool(options, jobs)
    for index, (queued, _) in enumerate(pending):
        pending[index] = (queued, pool.submit(_work, queued))
    return [_failed(item, problem) for item in chunk], pool


def _chunk_budget(options: ExtractorOptions, chunk: list[InputDoc]) -> float | None:
    """How long the parent waits for a chunk: the worker's own per-document timer fires well
    before, so this is only reached by a worker that timer cannot interrupt. The first
    chunk of a worker also loads its model."""
    if not options.doc_timeout:
        return None
    return options.doc_timeout * (len(chunk) + 1) + 60


def _kill(pool: ProcessPoolExecutor) -> None:
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()


def _failed(item: InputDoc, problem: Problem) -> Document:
    errors = (*item.errors, problem)
    return Document(item.id, item.source, item.meta, errors=errors, version=__version__)
