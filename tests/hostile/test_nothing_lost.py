"""Nothing lost: a build killed part-way leaves the previous brief byte-identical."""
from __future__ import annotations

import io
import signal
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from ..conftest import EXAMPLES

OLD = b"%PDF-1.7\n% the analyst's good brief from yesterday\n"


def build(out):
    return subprocess.Popen([sys.executable, "-m", "briefgen", "build", str(EXAMPLES), "-o", str(out), "-q",
                             "--no-cache"],  # every build does the whole work: kills land all through it
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_sigkill_mid_build_keeps_the_previous_brief(tmp_path):
    out = tmp_path / "brief.pdf"
    # How long a whole build takes here, so the kills land all through it, writing included. Timed
    # on the second build: the first also fills the caches that every later build reads.
    assert build(tmp_path / "timing.pdf").wait() == 0
    started = time.monotonic()
    assert build(tmp_path / "timing.pdf").wait() == 0
    duration = time.monotonic() - started
    killed = 0
    for fraction in (0.2, 0.4, 0.6, 0.75, 0.85, 0.9, 0.95, 0.98, 1.0):
        out.write_bytes(OLD)
        proc = build(out)
        started = time.monotonic()
        try:
            proc.wait(timeout=duration * fraction)
            # Done before its kill: builds run faster now than when timed (a busy machine grew
            # quiet, as when the other test worker finishes), so the later kills aim by this one.
            duration = min(duration, time.monotonic() - started)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        data = out.read_bytes()
        killed += code == -signal.SIGKILL
        # Either untouched, or (if the kill came after the rename) a complete one-page brief.
        if data != OLD:
            assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert killed >= 5, "the build finished too fast to be killed part-way"
    strays = [p.name for p in tmp_path.iterdir() if p.name not in ("brief.pdf", "timing.pdf")]
    assert all(name.startswith(".brief.pdf.") for name in strays)  # at most temp files, never a broken target
