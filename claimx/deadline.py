"""A per-document time budget: a safety net under the bounded passes of claimx/longdoc.py.

In a process's main thread the budget is a real-time timer (SIGALRM), which interrupts Python
code anywhere, the parse included, between two of its native calls. Signals reach only the
main thread, so in any other thread (a Dask worker runs its tasks in a thread pool) a timer
thread instead asks the interpreter to raise the timeout in the working thread
(``PyThreadState_SetAsyncExc``), which also lands between two bytecodes. Where neither
exists (no ``setitimer``, not CPython) the budget is a no-op and the parent's wait in
claimx/batch.py is the net.
"""

from __future__ import annotations

import ctypes
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


class _ThreadExpired(BaseException):
    """Raised inside a non-main thread by the timer; the interpreter raises it with no
    arguments, so ``deadline`` turns it into a DocTimeout that says the budget."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocTimeout in the block once ``seconds`` have passed (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _signal_deadline(seconds):
            yield
    elif hasattr(ctypes, "pythonapi"):
        with _thread_deadline(seconds):
            yield
    else:
        yield


@contextmanager
def _signal_deadline(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_deadline(seconds: float) -> Iterator[None]:
    ident = ctypes.c_ulong(threading.get_ident())
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc

    def expire() -> None:
        set_async(ident, ctypes.py_object(_ThreadExpired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _ThreadExpired:
        raise DocTimeout(seconds) from None
    finally:
        timer.cancel()
        timer.join()
        # The timer may have fired as the block ended: withdraw an exception not yet raised.
        set_async(ident, None)
