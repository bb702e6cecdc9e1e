"""Where the per-file unit of work (`briefgen.workers.extract_one`: bytes in, `FileFacts` JSON out)
runs: this process or a local process pool (`--jobs`), or a Dask cluster (`--dask`).

An executor takes the (key, path, bytes) items and how many there are, and yields one JSON
result per item, in any order. The pipeline is handed one, so a caller (a test, another
scheduler) can pass its own.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from briefgen.config import Settings
from briefgen.workers import Item, default_jobs, run_local

Executor = Callable[[Iterator[Item], int], Iterator[str]]


def executor_for(settings: Settings) -> Executor:
    """The local pool, or Dask when `settings.dask` names a scheduler (imported only then)."""
    jobs = settings.jobs or default_jobs()
    timeout = settings.source_timeout
    if settings.dask:
        address = settings.dask

        def on_dask(items: Iterator[Item], count: int) -> Iterator[str]:
            from briefgen.dask_runner import run_dask

            return run_dask(items, address, jobs, timeout)

        return on_dask

    def local(items: Iterator[Item], count: int) -> Iterator[str]:
        return run_local(items, count, jobs, timeout)

    return local
