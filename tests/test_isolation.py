"""The test suite keeps out of the user's cache: one temporary cache root for the session."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from briefgen.cache import cache_root


def _users_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "briefgen"


def test_the_suite_caches_in_a_temporary_folder_not_the_users():
    root = cache_root()
    assert root != _users_cache_root()
    assert root.parent == Path(tempfile.gettempdir()) and root.name.startswith("briefgen-test-cache-")


def test_a_briefgen_subprocess_caches_in_the_same_temporary_folder():
    run = subprocess.run([sys.executable, "-c", "from briefgen.cache import cache_root; print(cache_root())"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(cache_root()) != str(_users_cache_root())
