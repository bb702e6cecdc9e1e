"""Ingest + extract of many files at once: the unit of work and the local process pool.

The unit is one file's bytes in, one `FileFacts` JSON out. It is the same whether it runs in
this process, in a pool worker or on a Dask worker, and its JSON is what the facts cache
stores, so a cached file and a freshly read one give the very same facts.

Work goes to the pool in small batches, and only a few batches are in flight at a time: the
bytes of a large corpus are read as the workers need them, never held all at once.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from pydantic import BaseModel

from briefgen.display import shown
from briefgen.errors import BriefgenError, ExtractError, SourceError, SourceTimeout
from briefgen.model import Facts

Item = tuple[str, str, bytes, str | None]   # (cache key, path, file bytes, briefgen.toml language)
BATCH_FILES = 16                       # files per task: amortises the trip to a worker
MIN_PARALLEL = 24                      # fewer files than this: starting workers costs more than it saves


class FileFacts(BaseModel):
    """One source file's result: the facts of each article in it, or why it was skipped."""

    key: str = ""
    path: str
    parts: list[Facts] = []
    warnings: list[str] = []
    error: str | None = None
    cacheable: bool = True   # False: a timeout or a crash, which may not happen next time

    def moved_to(self, path: str) -> FileFacts:
        """The same result for the same bytes found under another name (copied or renamed file)."""
        if path == self.path:
            return self
        for part in self.parts:
            for source in part.sources:
                source.path = path
        self.warnings = [self._renamed(w, path) for w in self.warnings]
        if self.error:
            self.error = self._renamed(self.error, path)
        self.path = path
        return self

    def _renamed(self, line: str, path: str) -> str:
        # "old: reason" or, with a line number, "old:3: reason"; errors show the name escaped.
        for old, new in ((self.path, path), (shown(self.path), shown(path))):
            if line.startswith(f"{old}:"):
                return f"{new}{line[len(old):]}"
        return line


def default_jobs() -> int:
    """The cores this process may use (a container or taskset may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_one(key: str, path: str, data: bytes, timeout: float | None, language: str | None = None) -> str:
    """One file's `FileFacts` as JSON. Skips become `error` (never an exception), except errors
    that must stop the build; a timeout or a crash is marked not cacheable."""
    from briefgen.extract import extract_source
    from briefgen.ingest import read_data
    from briefgen.timelimit import time_limit

    where = Path(path)
    try:
        with time_limit(timeout, where):
            sources, warnings = read_data(data, where, language)
            parts = [extract_source(source) for source in sources]
        result = FileFacts(key=key, path=path, parts=parts, warnings=warnings)
    except SourceTimeout as exc:
        result = FileFacts(key=key, path=path, error=f"{exc} (skipped)", cacheable=False)
    except (SourceError, ExtractError) as exc:
        result = FileFacts(key=key, path=path, error=f"{exc} (skipped)")
    except BriefgenError:
        raise
    except Exception as exc:  # noqa: BLE001 — one bad file must not stop the build
        result = FileFacts(key=key, path=path, error=f"{path}: skipped: unexpected {type(exc).__name__}: {exc}",
                           cacheable=False)
    return result.model_dump_json()


def extract_batch(items: list[Item], timeout: float | None) -> list[str]:
    return [extract_one(key, path, data, timeout, lang) for key, path, data, lang in items]


def batches(items: Iterable[Item], size: int = BATCH_FILES) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_local(items: Iterable[Item], count: int, jobs: int, timeout: float | None) -> Iterator[str]:
    """`FileFacts` JSON for every item, in any order: in this process when the work is small or
    one job is asked for, else in a pool of `jobs` processes with a bounded window of batches."""
    if jobs <= 1 or count < MIN_PARALLEL:
        for key, path, data, lang in items:
            yield extract_one(key, path, data, timeout, lang)
        return
    size = max(1, min(BATCH_FILES, count // (jobs * 4)))
    yield from _pooled(batches(items, size), jobs, timeout)


def _pooled(work: Iterator[list[Item]], jobs: int, timeout: float | None) -> Iterator[str]:
    # forkserver: workers start from a clean process that has imported the extractor once, not
    # from a fork of this one (which may hold threads, e.g. the progress display's).
    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["briefgen.workers", "briefgen.extract", "briefgen.ingest"])
    window = jobs * 3
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_start,
                             initargs=(os.getpid(),)) as pool:
        pending: dict[Future, list[Item]] = {}
        for batch in work:
            try:
                pending[pool.submit(extract_batch, batch, timeout)] = batch
            except BrokenProcessPool:
                yield from _crashed(batch)
                continue
            if len(pending) >= window:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from _results(future, pending.pop(future))
        for future in _as_done(set(pending)):
            yield from _results(future, pending.pop(future))


def _results(future: Future, batch: list[Item]) -> Iterator[str]:
    """A batch's results; if its worker died (a segfault, the OOM killer), each of its files is
    skipped with a warning, not cached, and the build goes on with the others."""
    try:
        yield from future.result()
    except BrokenProcessPool:
        yield from _crashed(batch)


def _crashed(batch: list[Item]) -> Iterator[str]:

    for key, path, _data in batch:
        yield FileFacts(key=key, path=path, cacheable=False,
                        error=f"{path}: skipped: the worker process reading it died").model_dump_json()


def _as_done(pending: set[Future]) -> Iterator[Future]:
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from done


def _worker_start(parent: int) -> None:
    """Ctrl+C goes to the parent, which shuts the pool down, so workers ignore it. And a worker
    must not outlive its build: if the parent is killed (SIGKILL, OOM killer), nothing tells a
    pool worker, which would wait for work for ever; a watchdog thread ends it instead."""
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:   # the pid was reused by another user's process: ours is gone
                os._exit(1)

    if os.name == "posix":   # elsewhere os.kill(pid, 0) is not a liveness probe (on Windows it kills)
        threading.Thread(target=watch, name="briefgen-parent-watch", daemon=True).start()
