"""Where briefgen keeps what it derives once per machine (static fonts, the place table):
$BRIEFGEN_CACHE_DIR, else $XDG_CACHE_HOME/briefgen, else ~/.cache/briefgen. Every file in it is
written atomically and named by what it was built from, so a stale entry is never read."""
from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    override = os.environ.get("BRIEFGEN_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "briefgen"
