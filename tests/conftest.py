"""Shared test helpers: where the repo, the examples and the shared corpus are; the test cache."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "sources"
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_67cf641d9ceb363f.txt"

SHARED_REASON = "needs ../shared (the corpus and scorers beside the repo)"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=SHARED_REASON)

# The session's cache root, shared by every test and every briefgen subprocess (they inherit the
# environment), so nothing lands in the user's ~/.cache/briefgen or their $BRIEFGEN_CACHE_DIR.
# Set in pytest_configure, before pytest-xdist starts its workers: they inherit it and share the
# static fonts, made there once (~30 s of CPU) when the run has workers. _OWNED_BY marks the value as ours, so a worker reuses it and
# only the process that made the folder removes it.
_OWNED_BY = "BRIEFGEN_TEST_CACHE_OWNER"
_made_here: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _made_here
    if os.environ.get(_OWNED_BY) and os.environ.get("BRIEFGEN_CACHE_DIR"):
        return  # a worker of a session that already made the folder
    _made_here = Path(tempfile.mkdtemp(prefix="briefgen-test-cache-"))
    os.environ["BRIEFGEN_CACHE_DIR"] = str(_made_here)
    os.environ[_OWNED_BY] = str(os.getpid())
    if config.getoption("numprocesses", None):
        # Several workers: make the fonts here, once, before they start; left to the first test
        # that needs them, every worker would make its own copy at the same time.
        from briefgen.render.fonts import ensure_all

        ensure_all()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _made_here is not None:
        shutil.rmtree(_made_here, ignore_errors=True)


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(SHARED_REASON)
    return SEED


def fresh_cache_root(root: Path) -> Path:
    """A `--cache-dir` root, made as briefgen makes one when missing, holding a copy of the
    session's static fonts: --cache-dir moves every store, fonts included, and making them
    takes ~30 s."""
    from briefgen.cache import private_folder
    from briefgen.render.fonts import ensure_all, fonts_cache_dir

    if not (root / "fonts").exists() and private_folder(root) is not None:
        ensure_all()   # in the session's cache, once
        shutil.copytree(fonts_cache_dir(), root / "fonts", symlinks=True)
    return root


def run_cli(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess:
    """`briefgen ARGS` run in this process by click's test runner: the exit code, stdout and
    stderr a child process gives (stderr is not a terminal either), without a fresh interpreter's
    imports and cold caches (~3 s of CPU a build). Tests where the process boundary is the point
    (a signal, a timeout, what starting up imports, runs sharing a cache) start a real process.
    The environment and working folder are put back afterwards, as a child's would never leak."""
    from click.testing import CliRunner

    from briefgen.cli import main

    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner().invoke(main, [str(a) for a in args], env=env, prog_name="briefgen",
                                    catch_exceptions=False)
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["briefgen", *map(str, args)], result.exit_code, result.stdout,
                                       result.stderr)
