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
