"""Write files atomically: temp files in the target's folder, fsync, then rename over the targets.

A build that fails or is killed part-way therefore never leaves a half-written brief where a
good one stood: readers see either the old file or the complete new one. Several outputs of one
build are all written to temp files first and renamed only when every one of them is complete,
so a failure writing the second output does not leave the first replaced.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefgen.display import shown
from briefgen.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    write_all_atomic({Path(path): data})


def write_all_atomic(outputs: dict[Path, bytes]) -> None:
    """Write every output or none: temp files first, renames last. An error names the output
    being written (an OSError names the temp file or a parent folder, which the user never asked for)."""
    staged: list[tuple[str, Path]] = []
    replaced: list[Path] = []
    target = None
    try:
        for path, data in outputs.items():
            target = Path(path)
            staged.append((_stage(target, data), target))
        for tmp, path in staged:
            target = path
            os.replace(tmp, path)
            replaced.append(path)
    except OSError as exc:
        done = ("; ".join(f"{shown(p)} was written" for p in replaced) if replaced else "nothing was replaced")
        raise OutputError(f"{exc.strerror or exc}; {done}", target) from exc
    finally:
        for tmp, _ in staged:
            try:
                os.unlink(tmp)
            except OSError:
                pass   # renamed into place


def _stage(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes 0600 files; a brief is a document to share: keep the old file's mode,
        # or use what the umask gives a new file.
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
