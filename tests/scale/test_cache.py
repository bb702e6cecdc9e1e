"""The facts cache: unchanged files are not read again, yet the facts never differ from a fresh read."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.cache import keys
from briefgen.factcache import FactCache, FileFacts
from briefgen.workers import extract_one

from .conftest import briefgen, facts_json


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "facts").rglob("*.json"))   # --cache-dir is the root; facts are in facts/


def extract(corpus: Path, out: Path, cache: Path, *more: str) -> dict:
    briefgen("extract", str(corpus), "-o", str(out), "--cache-dir", str(cache), "-q", *more)
    return facts_json(out)


@pytest.fixture(scope="module")
def first_run(corpus30, tmp_path_factory) -> tuple[Path, dict]:
    """A first run over the corpus into an empty cache: (that cache, its facts). Read it through
    `filled`, a copy: extracting thirty articles afresh for every test is most of their time."""
    cache = tmp_path_factory.mktemp("first") / "cache"
    return cache, extract(corpus30, cache.parent / "a.json", cache, "-j", "1")


@pytest.fixture
def filled(first_run, tmp_path) -> Path:
    """A copy of the first run's cache (this test's own: tests edit it)."""
    return Path(shutil.copytree(first_run[0], tmp_path / "cache", symlinks=True))


def test_second_run_comes_from_the_cache_with_the_same_facts(corpus30, first_run, filled, tmp_path):
    assert len(entries(filled)) == 30
    info = briefgen("cache", "info", "--cache-dir", str(filled)).stdout
    assert re.search(r"^facts +30 entries", info, re.M), info
    assert extract(corpus30, tmp_path / "b.json", filled) == first_run[1]


def test_a_cached_entry_is_what_the_build_uses(corpus30, filled, tmp_path):
    """Proof that the cache is read (not just written): an edited entry shows in the output."""
    cache = filled
    for entry in entries(cache):
        data = json.loads(entry.read_text())
        if data["parts"] and data["parts"][0]["figures"]:
            data["parts"][0]["figures"][0]["value"] = 987654
            entry.write_text(json.dumps(data))
            break
    again = extract(corpus30, tmp_path / "b.json", cache)
    assert 987654 in reported_values(again)
    fresh = extract(corpus30, tmp_path / "c.json", cache, "--no-cache")
    assert 987654 not in reported_values(fresh)


def reported_values(facts: dict) -> set:
    """Every value the merged facts hold: a figure's own, and each claim of a disputed one (the
    edited value may be an older report of a quantity that newer sources give otherwise)."""
    return {f["value"] for f in facts["figures"]} | {c["value"] for f in facts["figures"] for c in f["claims"]}


def test_torn_or_foreign_entries_are_read_again_and_rewritten(corpus30, first_run, filled, tmp_path):
    cache, first = filled, first_run[1]
    broken = entries(cache)
    for n, entry in enumerate(broken):   # half-written, not JSON, or another file's entry
        entry.write_bytes([entry.read_bytes()[:50], b"\x00\xff garbage", broken[0].read_bytes()][n % 3])
    assert extract(corpus30, tmp_path / "b.json", cache) == first
    for entry in entries(cache):
        assert FileFacts.model_validate_json(entry.read_bytes()).key == entry.stem


def test_no_cache_neither_reads_nor_writes(corpus30, tmp_path):
    cache = tmp_path / "cache"
    extract(corpus30, tmp_path / "a.json", cache, "--no-cache")
    assert entries(cache) == []


def test_an_edited_file_is_read_again_the_others_are_not(corpus30, filled, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus30, corpus)
    cache = filled                      # entries are keyed by content: the copy's are all there
    extract(corpus, tmp_path / "a.json", cache)
    before = {p.name: p.stat().st_mtime_ns for p in entries(cache)}
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("said", "stated", 1), encoding="utf-8")
    after_facts = extract(corpus, tmp_path / "b.json", cache)
    after = {p.name: p.stat().st_mtime_ns for p in entries(cache)}
    assert len(after) == 31 and set(before) < set(after)
    assert all(after[name] == stamp for name, stamp in before.items())   # old entries untouched
    assert len(after_facts["sources"]) == 30


def test_a_copied_file_gets_its_own_path(corpus30, filled, tmp_path):
    cache = filled
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    original = sorted(corpus30.glob("*.txt"))[0]
    copy = elsewhere / "renamed.txt"
    shutil.copy(original, copy)
    facts = extract(elsewhere, tmp_path / "b.json", cache)
    assert [s["path"] for s in facts["sources"]] == [str(copy)]
    assert len(entries(cache)) == 30    # same bytes: the same entry


def test_concurrent_runs_share_one_cache(corpus30, first_run, tmp_path):
    cache = tmp_path / "cache"
    expected = first_run[1]   # a lone run's facts
    runs = [subprocess.Popen([sys.executable, "-m", "briefgen", "extract", str(corpus30), "-o",
                              str(tmp_path / f"run{n}.json"), "--cache-dir", str(cache), "-q", "-j", "1"],
                             stderr=subprocess.PIPE, text=True) for n in range(3)]
    for run in runs:
        assert run.wait(timeout=600) == 0, run.stderr.read()
    for n in range(3):
        assert facts_json(tmp_path / f"run{n}.json") == expected
    assert len(entries(cache)) == 30
    assert not list(cache.rglob("*.tmp"))


def test_a_timeout_is_not_remembered(monkeypatch, tmp_path):
    import briefgen.extract as extract_module

    def slow(source):
        time.sleep(2)

    monkeypatch.setattr(extract_module, "extract_source", slow)
    result = FileFacts.model_validate_json(extract_one("k", str(tmp_path / "a.txt"), b"Some text.", 0.1))
    assert result.error and "took longer" in result.error and not result.cacheable


def test_a_skip_is_remembered_with_its_reason(tmp_path):
    result = FileFacts.model_validate_json(extract_one("k", str(tmp_path / "a.json"), b"{not json", 5))
    assert result.error and "a.json" in result.error and result.cacheable


def test_a_new_briefgen_version_does_not_read_old_entries(monkeypatch, tmp_path):
    old = FactCache(tmp_path)
    old.put("ab" * 20, FileFacts(key="ab" * 20, path="x.txt").model_dump_json())
    assert old.get("ab" * 20) is not None
    monkeypatch.setattr(keys, "__version__", "99.0")
    keys.fingerprint.cache_clear()
    try:
        assert FactCache(tmp_path).get("ab" * 20) is None
    finally:
        keys.fingerprint.cache_clear()


def test_cache_clear(filled):
    cache = filled
    briefgen("cache", "clear", "--cache-dir", str(cache))
    assert entries(cache) == []


def test_cache_clear_removes_only_what_briefgen_made(filled):
    cache = filled
    mine = cache / "myproject" / "src"
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    briefgen("cache", "clear", "--cache-dir", str(cache))
    assert entries(cache) == [] and (mine / "notes.txt").read_text() == "keep me"
