"""Where the CLI's output goes: a file written whole or not at all, and output errors.

``-o FILE`` is written to a temporary file beside the target and renamed over it when the run
ends, so a run that fails (no model, a full disk, Ctrl-C) leaves no empty or half-written
target, and the rerun is not refused for lack of ``--force``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import TextIO


class OutputError(Exception):
    """The output cannot be written: the message says why, in one line."""


def check_target(target: Path, force: bool) -> None:
    """Refuse, before any work, an output file that cannot be written where it is asked."""
    if target.exists() and not force:
        raise OutputError(f"{target} exists; use --force to overwrite it")
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name for -o")
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(f"cannot write {target}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {target}: folder {parent} is not writable")


class AtomicFile:
    """A text file that appears at ``target`` only on ``commit()``."""

    def __init__(self, target: Path) -> None:
        self.target = target
        # A device (-o /dev/full, -o /dev/stdout) cannot be renamed over: write it directly.
        self.direct = target.exists() and not target.is_file()
        if self.direct:
            self.path = target
            self.stream: TextIO = target.open("w", encoding="utf-8", newline="")
            return
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                    suffix=".part")
        self.path = Path(name)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(fd, 0o666 & ~umask)  # mkstemp's 0600 is for the temporary name only
        self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.stream.close()
        if not self.direct:
            os.replace(self.path, self.target)

    def abort(self) -> None:
        # A full disk refuses the last flush too; the file goes anyway.
        with contextlib.suppress(OSError):
            self.stream.close()
        if not self.direct:
            self.path.unlink(missing_ok=True)


def describe(err: OSError) -> str:
    """One line for an output error: "No space left on device (disk full)"."""
    reason = err.strerror or str(err)
    if err.errno == errno.ENOSPC:
        reason += " (disk full)"
    return f"cannot write output: {reason}"
