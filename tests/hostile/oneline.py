"""Run the real CLI in a child process and check the untrusted-input promise: a non-zero exit
that is not "internal error", exactly one line on stderr naming the file (and line), no traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefgen.cli import EXIT_INTERNAL, EXIT_OK
from tests.conftest import fresh_cache_root

REPO = Path(__file__).resolve().parents[2]


def briefgen(tmp_path: Path, *args: str, timeout: float = 60, prelude: str = "") -> subprocess.CompletedProcess:
    """`python -m briefgen ARGS` in `tmp_path`, with its own cache. `prelude` runs first in
    the child (to shorten a timeout); the timeout keeps a hostile case from hanging the suite."""
    code = f"{prelude}\nfrom briefgen.cli import main\nmain(prog_name='briefgen')"
    # Its own cache, holding a copy of the session's fonts: making them would be ~1 min of CPU.
    cache = fresh_cache_root(tmp_path / "cache")
    env = {**os.environ, "PYTHONPATH": str(REPO), "BRIEFGEN_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=timeout)


def one_error_line(result: subprocess.CompletedProcess, where: str) -> str:
    """The single stderr line, which must start with `error: WHERE:` (file, or file:line)."""
    assert result.returncode not in (EXIT_OK, EXIT_INTERNAL), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {where}: "), lines[0]
    return lines[0]
