"""--dask against addresses that are not a Dask scheduler one can trust: a peer that accepts the
connection and never speaks, one that answers with something else, and a plain tcp:// address
to another machine (a warning: whoever answers there can run code here)."""
from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.conftest import REPO

pytest.importorskip("distributed")

EXAMPLES = REPO / "examples" / "sources"
DEADLINE = 3          # BRIEFGEN_DASK_CONNECT_TIMEOUT for these runs (the default is 20 s)


@contextmanager
def listener(greeting: bytes = b"") -> Iterator[int]:
    """A TCP listener on 127.0.0.1 that accepts every connection, sends `greeting`, then says
    nothing more and never closes while the test runs. Yields its port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not done.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            if greeting:
                connection.sendall(greeting)
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        done.set()
        thread.join(timeout=10)
        for connection in held:
            connection.close()
        server.close()


def extract_on(address: str, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "BRIEFGEN_DASK_CONNECT_TIMEOUT": str(DEADLINE)}
    return subprocess.run([sys.executable, "-m", "briefgen", "extract", str(EXAMPLES), "-o",
                           str(tmp_path / "facts.json"), "--no-cache", "--dask", address],
                          capture_output=True, text=True, env=env, timeout=90)


def test_a_scheduler_that_never_speaks_is_given_up_in_one_line(tmp_path):
    with listener() as port:
        run = extract_on(f"tcp://127.0.0.1:{port}", tmp_path)
    assert run.returncode == 1, run.stderr   # the cluster, not the command line (exit 2)
    assert run.stderr == f"error: --dask tcp://127.0.0.1:{port}: no Dask scheduler answered within {DEADLINE} s\n"
    assert not (tmp_path / "facts.json").exists()


def test_a_peer_that_answers_something_else_is_one_line(tmp_path):
    with listener(b"SSH-2.0-NotDask_1.0\r\n" + b"\x00" * 64) as port:
        run = extract_on(f"tcp://127.0.0.1:{port}", tmp_path)
    assert run.returncode == 1, run.stderr   # the cluster, not the command line (exit 2)
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.startswith(f"error: --dask tcp://127.0.0.1:{port}: ")
    assert not (tmp_path / "facts.json").exists()


@pytest.mark.parametrize(("address", "warned"), [
    ("tcp://10.20.30.40:8786", True),
    ("scheduler.example.org:8786", True),        # no scheme: Dask reads it as tcp://
    ("tcp://[2001:db8::5]:8786", True),
    ("tcp://127.0.0.1:8786", False),
    ("tcp://127.8.9.10:8786", False),
    ("tcp://localhost:8786", False),
    ("tcp://[::1]:8786", False),
    ("tls://10.20.30.40:8786", False),
])
def test_plain_tcp_to_another_host_is_warned(address, warned, caplog):
    from briefgen.dask_runner import warn_if_plain_tcp

    with caplog.at_level(logging.WARNING, logger="briefgen.dask_runner"):
        warn_if_plain_tcp(address)
    expected = [f"--dask {address}: plain tcp:// to a non-local host: the cluster can run code on this "
                "machine; use tls:// (docs/scaling.md, Security)"]
    assert [r.getMessage() for r in caplog.records] == (expected if warned else [])


def test_the_warning_shows_on_the_command_line_before_connecting(tmp_path):
    run = extract_on("tcp://192.0.2.1:8786", tmp_path)     # TEST-NET-1: nothing of ours answers
    lines = run.stderr.splitlines()
    assert run.returncode == 1, run.stderr   # the cluster, not the command line (exit 2)
    assert lines[0] == ("WARNING: briefgen.dask_runner: --dask tcp://192.0.2.1:8786: plain tcp:// to a "
                        "non-local host: the cluster can run code on this machine; use tls:// "
                        "(docs/scaling.md, Security)")
    assert len(lines) == 2 and lines[1].startswith("error: ") and "Traceback" not in run.stderr
