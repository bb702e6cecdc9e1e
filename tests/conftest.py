"""Shared test helpers: where the repo, the examples and the shared corpus are; the test cache."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
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
# static fonts, made there once (~10 s of CPU) when the run has workers. _OWNED_BY marks the value as ours, so a worker reuses it and
# only the process that made the folder removes it.
_OWNED_BY = "BRIEFGEN_TEST_CACHE_OWNER"
_made_here: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _made_here
    _subset_fonts_by_content()
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


def _subset_fonts_by_content() -> None:
    """Many tests build with a `--cache-dir` of their own (fresh_cache_root), each holding its
    own copy of the static fonts; the HTML output's font subsets are memoised by the font's path
    (render/fonts.py), so each such test would subset the very same bytes again, ~0.5 s of CPU a
    face. Memoised here by the font file's content instead: the same bytes and characters give
    the same subset, so what a test sees is unchanged (a font file edited in place is read anew)."""
    from briefgen.render import fonts

    subset = getattr(fonts, "_woff2_subset", None)
    if subset is None or getattr(subset, "by_content", False):
        return   # renamed (then this is only slower), or already wrapped in this process

    made: dict[tuple, bytes] = {}

    def by_content(path, *args):
        key = (hashlib.blake2b(Path(path).read_bytes(), digest_size=16).digest(), *args)
        if key not in made:
            made[key] = subset(path, *args)
        return made[key]

    by_content.by_content = True
    fonts._woff2_subset = by_content


def pytest_unconfigure(config: pytest.Config) -> None:
    if _made_here is not None:
        shutil.rmtree(_made_here, ignore_errors=True)


# The files that cost most, longest first (seconds each took on its worker, `-n 2`, 2026-12-07
# on a busy machine: 62, 65, 32, 29, 24, 23, 22, 20, 19, 18, 17, 16, 16, 15, 12, 12, 12, 11, 11,
# 10, 10; every other file under 10). The first holds the longest test (~35 s: it makes the
# fonts in an empty cache). Remeasure when one grows: pytest --durations=60 -n 2.
LONGEST_FIRST = (
    "render/test_reproducible_pdf.py", "scale/test_brief_cache.py", "scale/test_cache.py",
    "i18n/test_rtl_layout.py", "themes/test_hostile_theme.py", "themes/test_serve_browser.py",
    "themes/test_themes.py", "themes/test_broken_templates.py", "themes/test_value_caps.py",
    "themes/test_one_page.py", "hostile/test_bad_sources.py", "hostile/test_nothing_lost.py",
    "themes/test_html_sanitise.py", "hostile/test_hostile_facts.py", "scale/test_jobs.py",
    "scale/test_dask.py", "themes/test_hostile_css.py", "scale/test_dask_hostile.py",
    "hostile/test_hostile_cache.py", "hostile/test_hostile_config.py", "render/test_brief_corpus.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The costliest files first, longest first, then the other files holding a slow test, each
    file's own order kept. pytest-xdist hands out whole files (--dist loadfile, so a file's shared
    fixtures are built once) in this order (--no-loadscope-reorder: by default it reorders them by
    their number of tests, which put the one-test kill-mid-build file last), each to the worker
    that runs out first; a long file handed out last would end the run on one worker while the
    other waits."""
    rank = {REPO / "tests" / name: i for i, name in enumerate(LONGEST_FIRST)}
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: rank.get(item.path, len(rank) + (item.path not in slow)))

# Files that read one costly session fixture: handed out together, to one worker, so it is built
# once; two files on two workers would build it twice.
SHARE_A_WORKER = {
    # seed_briefs (tests/i18n/conftest.py): the seed brief in eight languages, ~13 s of CPU
    "tests/i18n/test_rtl_layout.py": "tests/i18n/ seed_briefs",
    "tests/i18n/test_briefs.py": "tests/i18n/ seed_briefs",
    # seed_result (tests/render/conftest.py): the seed brief's PDF and HTML, ~3 s
    "tests/render/test_pdf.py": "tests/render/ seed_result",
    "tests/render/test_html.py": "tests/render/ seed_result",
}


@pytest.hookimpl(optionalhook=True)   # a hook of pytest-xdist: unknown to pytest without it
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """--dist loadfile, with the files of SHARE_A_WORKER handed out as one unit (where the first
    of them comes in the order above)."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SharedFixtureFiles(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return SHARE_A_WORKER.get(path, path)

    return SharedFixtureFiles(config, log)


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(SHARED_REASON)
    return SEED


def fresh_cache_root(root: Path) -> Path:
    """A `--cache-dir` root, made as briefgen makes one when missing, holding a copy of the
    session's static fonts: --cache-dir moves every store, fonts included, and making them
    takes ~10 s of CPU."""
    from briefgen.cache import private_folder
    from briefgen.render.fonts import ensure_all, fonts_cache_dir

    if not (root / "fonts").exists() and private_folder(root) is not None:
        ensure_all()   # in the session's cache, once
        shutil.copytree(fonts_cache_dir(), root / "fonts", symlinks=True)
    return root


def run_cli(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess:
    """`briefgen ARGS` run in this process: the exit code, stdout and stderr a child process
    gives, without a fresh interpreter's imports and cold caches (~2 s of CPU a command).

    Captured at the file descriptors, as a child's would be: a render runs in a forked child
    (render/isolate.py) whose warnings go to fd 2, not to this process's sys.stderr. Neither is
    a terminal. The environment, working folder and logging are put back afterwards. Tests where
    the process boundary is the point (a signal, a timeout guarding a hostile input that could
    hang, what starting up imports, runs sharing a cache) start a real process instead."""
    import io
    import logging

    from briefgen.cli import main

    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    saved_streams, saved_fds = (sys.stdout, sys.stderr, sys.stdin), (os.dup(1), os.dup(2))
    root = logging.getLogger()
    saved_logging = root.handlers[:], root.level
    code = 0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, open(os.devnull, "rb") as nothing:
        for stream in saved_streams[:2]:
            stream.flush()
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        sys.stdout, sys.stderr = (io.TextIOWrapper(open(fd, "wb", closefd=False), encoding="utf-8",
                                                   errors="surrogateescape", write_through=True) for fd in (1, 2))
        sys.stdin = io.TextIOWrapper(nothing, encoding="utf-8")
        try:
            if cwd is not None:
                os.chdir(cwd)
            os.environ.update(env or {})
            main.main([str(a) for a in args], prog_name="briefgen", standalone_mode=True)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            sys.stdout, sys.stderr, sys.stdin = saved_streams
            for fd, saved in zip((1, 2), saved_fds):
                os.dup2(saved, fd)
                os.close(saved)
            os.chdir(saved_cwd)
            os.environ.clear()
            os.environ.update(saved_env)
            root.handlers[:] = saved_logging[0]
            root.setLevel(saved_logging[1])
        texts = []
        for captured in (out, err):
            captured.seek(0)
            texts.append(captured.read().decode("utf-8", errors="surrogateescape"))
    return subprocess.CompletedProcess(["briefgen", *map(str, args)], code, *texts)
