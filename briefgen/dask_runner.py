"""Ingest + extract as Dask tasks, for an archive too big for one machine (`--dask ADDRESS`).

The client (this process) reads each file, asks the facts cache, and sends the files it does not
know to the cluster in batches; every batch is one task running the very same unit of work as
the local pool (`briefgen.workers.extract_batch`), so the facts are identical whichever path ran
them. File bytes travel with the task, so workers need briefgen installed but not the files
themselves. Only a bounded window of batches is in flight, so the client never holds the
whole archive. "local" starts a `LocalCluster` of one single-threaded process per job.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator

from briefgen.errors import ConfigError
from briefgen.workers import Item, batches, extract_batch

DASK_BATCH_FILES = 64          # a Dask task costs ~1 ms of scheduling: batches keep that small
CONNECT_TIMEOUT = "20s"


def run_dask(items: Iterator[Item], address: str, jobs: int, timeout: float | None) -> Iterator[str]:
    """`FileFacts` JSON for every item, in any order, computed on the Dask cluster at `address`.
    Note that the per-source timeout cannot be enforced on Dask workers (tasks run in worker
    threads, and the timer needs the main thread); the cluster's own limits apply instead."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("--dask needs Dask: pip install 'briefgen[dask]'") from None

    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address="127.0.0.1:0",  # loopback, any free port: never a fixed 8787
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = workers * 4
        work = batches(items, DASK_BATCH_FILES)
        running = as_completed()
        for batch in work:
            running.add(client.submit(extract_batch, batch, timeout, pure=False))
            if running.count() >= window:
                yield from next(running).result()
        for future in running:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
