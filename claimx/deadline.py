"""A per-document time budget: a safety net under the bounded passes of claimx/longdoc.py.

The budget is a real-time timer (SIGALRM), so it interrupts Python code anywhere, the parse
included, between two of its native calls. It runs only in a process's main thread (signals
are delivered there); elsewhere, and on platforms without ``setitimer``, it is a no-op and the
parent's wait in claimx/batch.py is the net.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocTimeout(BaseException):
    """A document ran past its budget. A BaseException, so that no extractor's broad
    ``except Exception`` can swallow it and carry on with the document."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"processing took longer than {seconds:g}s (--doc-timeout)")
        self.seconds = seconds


def _usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocTimeout in the block once ``seconds`` have passed (None or 0: no limit)."""
    if not seconds or seconds <= 0 or not _usable():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
