"""Nothing lost: a build killed part-way leaves the previous brief byte-identical."""
from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from ..conftest import EXAMPLES

OLD = b"%PDF-1.7\n% the analyst's good brief from yesterday\n"

# Run in the build's own process, before the CLI: it stops itself (SIGSTOP) at one point of
# writing brief.pdf, so that the test's SIGKILL lands exactly there. A kill aimed by the clock
# almost never hits the write itself: it lasts a few milliseconds of a build of seconds.
#   written: the temp file holds the whole brief, not yet synced to disk;
#   staged:  the temp file is synced and closed, not yet renamed over the target.
_STOP_IN_THE_WRITE = """
import os, signal, sys, types
import briefgen.atomic as atomic

where = sys.argv.pop(1)
writing = []

def stop(path):
    if path.name == "brief.pdf":
        os.kill(os.getpid(), signal.SIGSTOP)

def _stage(path, data, stage=atomic._stage):
    writing.append(path)
    tmp = stage(path, data)
    if where == "staged":
        stop(path)
    return tmp

def fsync(fd, fsync=os.fsync):
    if where == "written":
        stop(writing[-1])
    fsync(fd)

atomic._stage = _stage
atomic.os = types.SimpleNamespace(**{**vars(os), "fsync": fsync})
from briefgen.cli import main
main(prog_name="briefgen")
"""


def build(sources, out, stop_at: str | None = None):
    # --no-cache: every build does the whole work, so the kills land all through it.
    args = ["build", str(sources), "-o", str(out), "-q", "--no-cache"]
    start = ["-c", _STOP_IN_THE_WRITE, stop_at] if stop_at else ["-m", "briefgen"]
    return subprocess.Popen([sys.executable, *start, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_stopped(proc: subprocess.Popen, timeout: float = 300) -> None:
    """Until the build stops itself in the write (a generous limit keeps a broken hook from
    hanging the suite)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid, status = os.waitpid(proc.pid, os.WUNTRACED | os.WNOHANG)
        if pid:
            assert os.WIFSTOPPED(status), "the build ended without reaching the write of brief.pdf"
            return
        time.sleep(0.02)
    proc.kill()
    pytest.fail("the build neither stopped in the write nor ended")


def check_brief(data: bytes) -> None:
    """Either untouched, or (if the kill came after the rename) a complete one-page brief."""
    if data != OLD:
        assert len(PdfReader(io.BytesIO(data)).pages) == 1


@pytest.mark.slow
def test_sigkill_mid_build_keeps_the_previous_brief(tmp_path):
    # One article: each build is ~1/3 cheaper than the four examples' and goes through the same
    # stages (read, extract, merge, compose, fit, render, write).
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(EXAMPLES / "01-wire-valdera.txt", sources)
    out = tmp_path / "brief.pdf"
    killed = 0
    # In the write itself: every byte of the new brief is in its temp file, yet the target is
    # still the old brief. The time to the first stop is how long a build takes up to its write.
    duration = None
    for stop_at in ("written", "staged"):
        out.write_bytes(OLD)
        started = time.monotonic()
        proc = build(sources, out, stop_at)
        wait_until_stopped(proc)
        duration = duration or time.monotonic() - started
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".brief.pdf.")]
        proc.send_signal(signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL
        killed += 1
        assert out.read_bytes() == OLD, stop_at
        assert temps and all(p.exists() for p in temps), "killed in the write: its temp file is left"
    # By the clock, all through the build before it: start-up, extraction, composing, layout.
    for fraction in (0.25, 0.5, 0.75):
        out.write_bytes(OLD)
        proc = build(sources, out)
        started = time.monotonic()
        try:
            proc.wait(timeout=duration * fraction)
            # Done before its kill: builds run faster now than when timed (a busy machine grew
            # quiet, as when the other test worker finishes), so the later kills aim by this one.
            duration = min(duration, time.monotonic() - started)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        killed += proc.wait() == -signal.SIGKILL
        check_brief(out.read_bytes())
    assert killed >= 4, "the build finished too fast to be killed part-way"
    strays = [p.name for p in tmp_path.iterdir() if p.name not in ("brief.pdf", "sources")]
    assert all(name.startswith(".brief.pdf.") for name in strays)  # at most temp files, never a broken target
