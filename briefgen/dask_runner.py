"""Ingest + extract as Dask tasks, for an archive too big for one machine (`--dask ADDRESS`).

The client (this process) reads each file, asks the facts cache, and sends the files it does not
know to the cluster in batches; every batch is one task running the very same unit of work as
the local pool (`briefgen.workers.extract_batch`), so the facts are identical whichever path ran
them. File bytes travel with the task, so workers need briefgen installed but not the files
themselves. Only a bounded window of batches is in flight, so the client never holds the
whole archive. "local" starts a `LocalCluster` of one single-threaded process per job.

Dask sends pickles both ways: the cluster (and anyone who can pose as its scheduler) can run code
in this process. `--dask` therefore trusts the cluster completely; a plain tcp:// address to
another machine gets a warning, and docs/scaling.md shows how to use tls:// instead. Connecting
has one deadline for all of it (TCP, Dask's handshake, the first exchange with the scheduler):
distributed's own timeout covers only the TCP connect, and an address that accepts but never
speaks would otherwise hang the build for as long as the operating system keeps the socket.
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
        if isinstance(exc, TimeoutError):
            raise ClusterError(f"--dask {address}: no Dask scheduler answered within {seconds:g} s") from exc
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())
        raise ClusterError(f"--dask {address}: not a Dask scheduler ({detail})") from exc


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
            warn_if_plain_tcp(address)
            _check_scheduler(address, connect_seconds())
            client = connect(Client, address)
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


def connect_seconds() -> float:
    """The deadline for reaching a scheduler: CONNECT_TIMEOUT, or $BRIEFGEN_DASK_CONNECT_TIMEOUT
    (seconds) when it is set to a positive number."""
    import os

    from dask.utils import parse_timedelta

    value = os.environ.get("BRIEFGEN_DASK_CONNECT_TIMEOUT", "").strip()
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    return seconds if seconds > 0 else parse_timedelta(CONNECT_TIMEOUT)


def connect(client_class, address: str):
    """A connected Client, or a one-line ClusterError, within `connect_seconds()`. The Client is
    made in a thread this one stops waiting for: a peer that accepts the connection but never
    answers leaves that thread blocked in Dask's handshake, which no Dask timeout covers. The
    thread is a daemon, so it does not keep the process alive, and should the peer ever answer,
    the late Client is closed."""
    import gc
    import threading

    seconds = connect_seconds()
    outcome: dict = {}
    given_up = threading.Event()

    def attempt() -> None:
        try:
            client = client_class(address, timeout=seconds)
        except (OSError, TimeoutError, ValueError) as exc:
            outcome["error"] = ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}")
        except Exception as exc:  # noqa: BLE001 — Dask's configuration (TLS), or a peer that is not Dask
            detail = " ".join(str(exc).split())
            outcome["error"] = ClusterError(
                f"cannot connect to the Dask scheduler at {address}: {type(exc).__name__}: {detail}" if detail
                else f"--dask {address}: what answered is not a Dask scheduler ({type(exc).__name__})")
        if "error" in outcome:
            # The half-made Client closes itself when collected, through its event loop: now,
            # while that loop runs, not at exit, where the close would wait its full timeout.
            gc.collect()
            return
        outcome["client"] = client
        if given_up.is_set():
            client.close()

    thread = threading.Thread(target=attempt, name="briefgen-dask-connect", daemon=True)
    thread.start()
    thread.join(seconds + 1)    # a second past Dask's own timeout: its error, when it has one, is better
    given_up.set()
    if "client" in outcome:
        return outcome["client"]
    if "error" in outcome:
        raise outcome["error"]
    raise ClusterError(f"--dask {address}: no Dask scheduler answered within {seconds:g} s")


def warn_if_plain_tcp(address: str) -> None:
    """Warn when `address` is plain tcp:// (or has no scheme, which Dask reads as tcp) to a host
    that is not this machine: whoever answers there, or sits between, can run code here."""
    import ipaddress

    from distributed.comm.addressing import parse_address, parse_host_port

    scheme, location = parse_address(address)
    if scheme != "tcp":
        return
    try:
        host = parse_host_port(location, default_port=8786)[0]
    except ValueError:
        return                  # Dask names the bad address when it connects
    try:
        local = ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = host.lower() == "localhost"
    if not local:
        logging.getLogger(__name__).warning(
            "--dask %s: plain tcp:// to a non-local host: the cluster can run code on this machine; "
            "use tls:// (docs/scaling.md, Security)", address)
