"""Turn command-line inputs (files, folders, globs, stdin) into a stream of InputDocs.

Reading never raises for one bad document: a file that cannot be read, a binary file or a
broken JSONL line becomes an InputDoc with a fatal Problem, and the stream goes on.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimx.models import InputDoc, Problem

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Bytes sniffed for a NUL, the mark of a binary file (as git and grep do).
SNIFF_BYTES = 8192
STDIN = "-"


@dataclass(frozen=True)
class ReadOptions:
    input_format: str = "auto"  # auto | text | jsonl
    text_field: str = "text"
    id_field: str = "id"


def expand_paths(paths: Sequence[str]) -> Iterator[tuple[str, Path | None, str]]:
    """Yield ``(doc_id, path, source)`` for every input; path is None for stdin.

    Folders are walked recursively in sorted order, skipping hidden files and folders; a
    document's id is its path relative to the folder given. A path that does not exist but
    contains glob characters is expanded as a glob.
    """
    for given in paths:
        if given == STDIN:
            yield STDIN, None, STDIN
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                yield file.relative_to(path).as_posix(), file, str(file)
        elif path.exists() or not glob.has_magic(given):
            yield given, path, given
        else:
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield given, path, given  # reported as missing by the reader
            for match in matches:
                if Path(match).is_file() and not _hidden(Path(match)):
                    yield match, Path(match), match


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.parts)


def read_inputs(
    paths: Sequence[str], options: ReadOptions, stdin: BinaryIO | None = None
) -> Iterator[InputDoc]:
    """Stream every document of every input path, in order."""
    for doc_id, path, source in expand_paths(paths):
        as_jsonl = options.input_format == "jsonl" or (
            options.input_format == "auto" and path is not None and path.suffix in JSONL_SUFFIXES
        )
        if path is None:
            if stdin is None:
                raise ValueError("stdin requested but no stdin stream given")
            if as_jsonl:
                yield from _jsonl_docs(stdin, source, options)
            else:
                yield _text_doc(stdin.read(), doc_id, source)
        elif as_jsonl:
            yield from _jsonl_file(path, source, options)
        else:
            data = _read_bytes(path)
            if isinstance(data, Problem):
                yield InputDoc(id=doc_id, text=None, source=source, errors=(data,))
            else:
                yield _text_doc(data, doc_id, source)


def _jsonl_file(path: Path, source: str, options: ReadOptions) -> Iterator[InputDoc]:
    # Line by line, so a JSONL file of any size streams in constant memory.
    try:
        with path.open("rb") as handle:
            yield from _jsonl_docs(handle, source, options)
    except OSError as err:
        problem = _open_problem(path, err)
        yield InputDoc(id=source, text=None, source=source, errors=(problem,))


def _read_bytes(path: Path) -> bytes | Problem:
    try:
        return path.read_bytes()
    except OSError as err:
        return _open_problem(path, err)


def _open_problem(path: Path, err: OSError) -> Problem:
    if isinstance(err, FileNotFoundError):
        return Problem("not-found", f"{path}: no such file or folder")
    return Problem("unreadable", f"{path}: {err.strerror or err}")


def decode(data: bytes) -> tuple[str, tuple[Problem, ...]]:
    """UTF-8 text; invalid bytes become U+FFFD with a (non-fatal) warning."""
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as err:
        warning = Problem(
            "invalid-utf8",
            f"invalid UTF-8 at byte {err.start}; undecodable bytes replaced with U+FFFD",
            fatal=False,
        )
        return data.decode("utf-8", errors="replace"), (warning,)


def _text_doc(data: bytes, doc_id: str, source: str) -> InputDoc:
    if b"\x00" in data[:SNIFF_BYTES]:
        problem = Problem("binary", f"{source}: binary file skipped (not text)")
        return InputDoc(id=doc_id, text=None, source=source, errors=(problem,))
    text, warnings = decode(data)
    return InputDoc(id=doc_id, text=text, source=source, errors=warnings)


def _jsonl_docs(
    lines: Iterable[bytes], source: str, options: ReadOptions, first: int = 1
) -> Iterator[InputDoc]:
    # ``first``: the line number of the first line (a Dask partition starts mid-file).
    for number, raw in enumerate(lines, first):
        if not raw.strip():
            continue
        fallback_id = f"{source}:{number}"
        line, warnings = decode(raw)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problem = Problem("bad-jsonl", f"{fallback_id}: not valid JSON ({err.msg})")
            yield InputDoc(id=fallback_id, text=None, source=source, errors=(problem,))
            continue
        if not isinstance(record, dict):
            problem = Problem("bad-jsonl", f"{fallback_id}: a line must be a JSON object")
            yield InputDoc(id=fallback_id, text=None, source=source, errors=(problem,))
            continue
        raw_id = record.pop(options.id_field, None)
        doc_id = str(raw_id) if raw_id is not None else fallback_id
        text = record.pop(options.text_field, None)
        if not isinstance(text, str):
            found = "missing" if text is None else f"a {type(text).__name__}, not a string"
            message = f"{fallback_id}: field {options.text_field!r} is {found}"
            problem = Problem("bad-jsonl", message)
            yield InputDoc(id=doc_id, text=None, source=source, meta=record, errors=(problem,))
            continue
        yield InputDoc(id=doc_id, text=text, source=source, meta=record, errors=warnings)
