"""One key scheme for every cache: a kind's folder is named by the modules its step imports (found
by reading them, not listed by hand), so an edit to one of them is a new key and an edit elsewhere
is not; `cache info` and `cache clear` see every kind."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.cache import FACTS, FONTS, KINDS, PLACES, TEMPLATES, Kind, keys
from briefgen.cache.keys import PACKAGE
from tests.conftest import EXAMPLES, REPO, fresh_cache_root, run_cli


@pytest.fixture
def package(tmp_path) -> Path:
    """A copy of the briefgen package to edit: the keys of the real one stay as they are."""
    copy = tmp_path / "briefgen"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def fingerprint(kind: Kind, package: Path) -> str:
    # Keys are computed once per process; here the code changes within one.
    keys.fingerprint.cache_clear()
    keys.code_fingerprint.cache_clear()
    return keys.fingerprint(kind, package)


def edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")


@pytest.mark.parametrize("module", ["cache/folders.py", "timelimit.py", "extract/people.py", "ingest/html.py",
                                    "workers.py", "extract/data/countries.txt"])
def test_editing_what_extraction_imports_changes_the_facts_key(package, module):
    before = fingerprint(FACTS, package)
    edit(package / module)
    assert fingerprint(FACTS, package) != before


@pytest.mark.parametrize("module", ["render/pdf.py", "render/fonts.py", "compose/key_figures.py", "cli/run.py", "serve/preview.py"])
def test_editing_a_module_extraction_does_not_import_keeps_the_facts_key(package, module):
    before = fingerprint(FACTS, package)
    edit(package / module)
    assert fingerprint(FACTS, package) == before


def test_each_kind_follows_its_own_step(package):
    before = {kind: fingerprint(kind, package) for kind in KINDS}
    edit(package / "render" / "fonts.py")
    after = {kind: fingerprint(kind, package) for kind in KINDS}
    assert after[FONTS] != before[FONTS]
    assert after[PLACES] == before[PLACES] and after[FACTS] == before[FACTS]
    edit(package / "render" / "sandbox.py")
    assert fingerprint(TEMPLATES, package) != before[TEMPLATES]
    edit(package / "atomic.py")    # the font instances are written with it
    assert fingerprint(FONTS, package) != after[FONTS]


def briefgen(*args: str, process: bool = False) -> str:
    """`briefgen ARGS`, in this process unless `process`."""
    if process:
        result = subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True,
                                cwd=REPO, timeout=600)
    else:
        result = run_cli(*args, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def counts(info: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"^(\w+) +(\d+) entr", info, re.M)}


def test_cache_info_and_clear_see_every_kind(tmp_path):
    root = fresh_cache_root(tmp_path / "cache")
    # A fresh process: this one may hold the place table in memory already, and would not write it.
    briefgen("build", str(EXAMPLES), "-o", str(tmp_path / "brief.pdf"), "--cache-dir", str(root), "-q", process=True)
    filled = counts(briefgen("cache", "info", "--cache-dir", str(root)))
    assert set(filled) == {kind.name for kind in KINDS}
    assert all(filled.values()), filled
    assert "cleared" in briefgen("cache", "clear", "--cache-dir", str(root))
    assert set(counts(briefgen("cache", "info", "--cache-dir", str(root))).values()) == {0}
    assert not [p for p in root.rglob("*") if p.is_file() and p.name != "CACHEDIR.TAG"]
