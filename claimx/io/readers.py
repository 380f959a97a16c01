"""Turn command-line inputs (files, folders, globs, stdin) into a stream of InputDocs.

Reading never raises for one bad document: a file that cannot be read, a binary file or a
broken JSONL line becomes an InputDoc with a fatal Problem, and the stream goes on.
"""

from __future__ import annotations

import codecs
import glob
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from claimx.models import InputDoc, Problem

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Bytes sniffed for control bytes: a file where more than one byte in a hundred is one
# (NUL, the C0 controls but tab and line breaks) is binary; fewer are stray bytes in a text.
SNIFF_BYTES = 65536
CONTROL_SHARE = 0.01
_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")
_NOT_CONTROLS = bytes(b for b in range(256) if b not in _CONTROLS)
# Byte-order marks, longest first (UTF-32 LE starts with UTF-16 LE's). UTF-8's is kept in the
# text as read, as it always was; the others are consumed by their codec.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
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
    handle = _open_regular(path)
    if isinstance(handle, Problem):
        yield InputDoc(id=source, text=None, source=source, errors=(handle,))
        return
    try:
        with handle:
            yield from _jsonl_docs(handle, source, options)
    except OSError as err:
        problem = _open_problem(err)
        yield InputDoc(id=source, text=None, source=source, errors=(problem,))


def _open_regular(path: Path) -> BinaryIO | Problem:
    """The file opened for reading, or why not. Opening never blocks: a FIFO or a device is
    opened non-blocking, seen not to be a regular file, and skipped with a warning."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        return _open_problem(err)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a FIFO, socket or device)"
        return Problem("not-a-file", f"skipped: {what}", fatal=False)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _read_bytes(path: Path) -> bytes | Problem:
    handle = _open_regular(path)
    if isinstance(handle, Problem):
        return handle
    try:
        with handle:
            return handle.read()
    except OSError as err:
        return _open_problem(err)


def _open_problem(err: OSError) -> Problem:
    # The path is the document's id and source already: the message does not repeat it.
    if isinstance(err, FileNotFoundError):
        return Problem("not-found", "no such file or folder")
    return Problem("unreadable", f"cannot read: {err.strerror or err}")


def decode(data: bytes) -> tuple[str, tuple[Problem, ...]]:
    """Text by its byte-order mark (UTF-16 or UTF-32), else UTF-8; invalid bytes become
    U+FFFD with a (non-fatal) warning."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding), ()
    except UnicodeDecodeError as err:
        warning = Problem(
            "invalid-utf8" if encoding == "utf-8" else "invalid-encoding",
            f"invalid {encoding.upper()} at byte {err.start}; undecodable bytes replaced with"
            " U+FFFD",
            fatal=False,
        )
        return data.decode(encoding, errors="replace"), (warning,)


def _control_bytes(data: bytes) -> int:
    return len(data[:SNIFF_BYTES].translate(None, delete=_NOT_CONTROLS))


def _text_doc(data: bytes, doc_id: str, source: str) -> InputDoc:
    if any(data.startswith(bom) for bom, _ in _BOMS):
        text, warnings = decode(data)
        return InputDoc(id=doc_id, text=text, source=source, errors=warnings)
    controls = _control_bytes(data)
    if controls > CONTROL_SHARE * min(len(data), SNIFF_BYTES):
        problem = Problem("binary", "binary file skipped (not text)")
        return InputDoc(id=doc_id, text=None, source=source, errors=(problem,))
    text, warnings = decode(data)
    if controls:
        note = Problem("control-bytes", f"{controls} stray control byte(s) kept in the text",
                       fatal=False)
        warnings = (*warnings, note)
    return InputDoc(id=doc_id, text=text, source=source, errors=warnings)


def _clean_surrogates(value: object) -> tuple[object, int]:
    """The JSON value with lone surrogates (valid JSON escapes, not text) made U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, dict):
        pairs = [(k, _clean_surrogates(v)) for k, v in value.items()]
        return {k: v for k, (v, _) in pairs}, sum(n for _, (_, n) in pairs)
    if isinstance(value, list):
        items = [_clean_surrogates(v) for v in value]
        return [v for v, _ in items], sum(n for _, n in items)
    return value, 0


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
            problem = Problem("bad-jsonl", f"not valid JSON ({err.msg})")
            yield InputDoc(id=fallback_id, text=None, source=source, errors=(problem,))
            continue
        if not isinstance(record, dict):
            problem = Problem("bad-jsonl", "a line must be a JSON object")
            yield InputDoc(id=fallback_id, text=None, source=source, errors=(problem,))
            continue
        if "\\u" in line:  # only an escape can make a lone surrogate
            cleaned, replaced = _clean_surrogates(record)
            if replaced and isinstance(cleaned, dict):
                record = cleaned
                warnings = (*warnings, Problem(
                    "invalid-unicode", f"{replaced} lone surrogate escape(s) replaced with U+FFFD",
                    fatal=False))
        raw_id = record.pop(options.id_field, None)
        doc_id = str(raw_id) if raw_id is not None else fallback_id
        present = options.text_field in record
        text = record.pop(options.text_field, None)
        if not isinstance(text, str):
            found = (("null" if present else "missing") if text is None
                     else f"a {type(text).__name__}, not a string")
            where = "" if doc_id == fallback_id else f" (line {number})"
            message = f"field {options.text_field!r} is {found}{where}"
            problem = Problem("bad-jsonl", message)
            yield InputDoc(id=doc_id, text=None, source=source, meta=record, errors=(problem,))
            continue
        yield InputDoc(id=doc_id, text=text, source=source, meta=record, errors=warnings)


def count_documents(paths: Sequence[str], options: ReadOptions) -> int | None:
    """How many documents the paths hold, when that is known without reading them: text
    files and folders of them (one document each); None with stdin or JSONL in them."""
    count = 0
    for _, path, _ in expand_paths(paths):
        if path is None or options.input_format == "jsonl" or (
            options.input_format == "auto" and path.suffix in JSONL_SUFFIXES
        ):
            return None
        count += 1
    return count
