"""What the command-timing benchmarks share: the seed article, the CLI as a fresh process, a
timer, and a scratch sources folder holding one article."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed" / "000_67cf641d9ceb363f.txt"
BRIEFGEN = [sys.executable, "-m", "briefgen"]


def timed(cmd: list[str]) -> float:
    """Seconds one fresh process of `cmd` takes (what a user waits for)."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


@contextmanager
def one_article_workspace(article: Path) -> Iterator[tuple[Path, Path]]:
    """(scratch folder, sources folder holding a copy of `article`), removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = work / "sources"
        src.mkdir()
        shutil.copy(article, src / article.name)
        yield work, src


def _tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measured(cmd: list[str], interval: float = 0.05) -> tuple[float, float]:
    """(seconds, peak MB of resident memory of the whole process tree: main process and workers)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss_kib(proc.pid))
        time.sleep(interval)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    return seconds, peak / 1024
