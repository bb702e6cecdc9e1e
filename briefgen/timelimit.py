"""A wall-clock budget for one source, so a pathological article cannot hang a build.

Uses SIGALRM (an interval timer), which interrupts pure Python and the regex engine alike; it
only works in the main thread on POSIX, and elsewhere the budget is simply not enforced.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from briefgen.errors import SourceTimeout


class _Expired(BaseException):
    """BaseException so no `except Exception` inside a rule can swallow it."""


@contextmanager
def time_limit(seconds: float | None, path: Path | str) -> Iterator[None]:
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum, frame) -> NoReturn:  # noqa: ARG001
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise SourceTimeout(f"took longer than {seconds:g} s to read and extract", path) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
