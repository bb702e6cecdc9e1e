"""--jobs: a process pool gives the very same facts, warnings and exit code as one process."""
from __future__ import annotations

import shutil

from .conftest import briefgen, facts_json


def test_pool_and_single_process_agree(corpus30, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus30, corpus)
    (corpus / "broken.json").write_text("{ not json", encoding="utf-8")   # one bad file among 31
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.json"
        result = briefgen("extract", str(corpus), "-o", str(out), "--no-cache", "-j", jobs)
        assert "broken.json" in result.stderr and "skipped" in result.stderr
        runs[jobs] = facts_json(out)
    assert runs["1"] == runs["2"]
    assert len(runs["1"]["sources"]) == 30


def test_build_with_jobs_writes_one_page(corpus30, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "brief.pdf"
    briefgen("build", str(corpus30), "-o", str(out), "-j", "2", "--no-cache", "-q")
    assert len(PdfReader(out).pages) == 1


def test_a_dead_worker_skips_its_files_with_a_warning_not_the_build():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from briefgen.factcache import FileFacts
    from briefgen.workers import _results

    died: Future = Future()
    died.set_exception(BrokenProcessPool("killed"))
    results = [FileFacts.model_validate_json(r) for r in _results(died, [("k1", "a.txt", b"x"), ("k2", "b.txt", b"y")])]
    assert [r.path for r in results] == ["a.txt", "b.txt"]
    assert all(r.error and "worker process" in r.error and not r.cacheable for r in results)
