"""Ingest + extract as Dask tasks, for an archive too big for one machine (`--dask ADDRESS`).

The client (this process) reads each file, asks the facts cache, and sends the files it does not
know to the cluster in batches; every batch is one task running the very same unit of work as
the local pool (`briefgen.workers.extract_batch`), so the facts are identical whichever path ran
them. File bytes travel with the task, so workers need briefgen installed but not the files
themselves. Only a bounded window of batches is in flight, so the client never holds the
whole archive. "local" starts a `LocalCluster` of one single-threaded process per job.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from urllib.parse import urlsplit

from briefgen.errors import ClusterError, ConfigError
from briefgen.workers import Item, batches, extract_batch

DASK_BATCH_FILES = 64          # a Dask task costs ~1 ms of scheduling: batches keep that small
CONNECT_TIMEOUT = "20s"
SCHEMES = ("tcp", "tls")       # what `dask scheduler` listens on (docs/scaling.md)


def check_address(address: str) -> None:
    """Refuse, before any work, a `--dask` value that cannot name a scheduler briefgen can use:
    'local', or tcp:// or tls:// with a host and maybe a port. Other Dask schemes need what
    briefgen does not set up (ucx:// its own package, ws:// a server extra) or exist only inside
    one process (inproc://); distributed fails on them deep inside with a TypeError. Like an
    unreachable address this is a ClusterError (exit 1), not a usage error."""
    if address == "local":
        return
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number up to 65535)
    except ValueError:
        parts = None
    if (parts is None or parts.scheme not in SCHEMES or not parts.hostname or parts.path not in ("", "/")
            or parts.query or parts.fragment or parts.username is not None):
        raise ClusterError(f"--dask {address}: not a scheduler address "
                           f"(use tcp://HOST:PORT, tls://HOST:PORT or local)")


def _check_scheduler(address: str, seconds: float) -> None:
    """Complete Dask's handshake with `address` within `seconds`, or raise ClusterError.
    distributed's own timeout ends once TCP connects, so a server that accepts and then waits
    (an HTTP port) would hold `Client()` forever, and one that answers with something else makes
    it allocate a 'message' of exabytes (MemoryError). This first, bounded attempt is thrown away."""
    from distributed.comm import connect
    from distributed.security import Security

    async def handshake() -> None:
        comm = await asyncio.wait_for(connect(address, timeout=seconds,
                                              **Security().get_connection_args("client")), seconds)
        await comm.close()

    try:
        asyncio.run(handshake())
    except Exception as exc:  # noqa: BLE001  (whatever a non-scheduler makes distributed raise)
        reason = (f"no Dask scheduler answered within {seconds:g} s" if isinstance(exc, TimeoutError)
                  else f"{type(exc).__name__}: {exc}")
        raise ClusterError(f"--dask {address}: not a Dask scheduler ({reason})") from exc


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
            from dask.utils import parse_timedelta

            _check_scheduler(address, parse_timedelta(CONNECT_TIMEOUT))
            client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError, TypeError, MemoryError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"--dask {address}: cannot reach the Dask scheduler: {exc}") from exc
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
