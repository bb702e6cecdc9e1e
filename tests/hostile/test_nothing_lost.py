"""Nothing lost: a build killed part-way leaves the previous brief byte-identical."""
from __future__ import annotations

import io
import signal
import subprocess
import sys
import time

from pypdf import PdfReader

from ..conftest import EXAMPLES

OLD = b"%PDF-1.7\n% the analyst's good brief from yesterday\n"


def test_sigkill_mid_build_keeps_the_previous_brief(tmp_path):
    out = tmp_path / "brief.pdf"
    killed = 0
    for delay in (0.4, 0.9, 1.4, 2.0):
        out.write_bytes(OLD)
        proc = subprocess.Popen([sys.executable, "-m", "briefgen", "build", str(EXAMPLES), "-o", str(out), "-q"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        data = out.read_bytes()
        if code == -signal.SIGKILL:
            killed += 1
        # Either untouched, or (if the kill came after the rename) a complete one-page brief.
        if data != OLD:
            assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert killed >= 2, "the build finished too fast to be killed part-way"
    finished = [p.name for p in tmp_path.iterdir() if p.name != "brief.pdf"]
    assert all(name.startswith(".brief.pdf.") for name in finished)  # only stray temp files, never the target
