"""Reproducible PDFs: the same input gives the same bytes on any machine, with any cache,
whichever font subsetter WeasyPrint finds (HarfBuzz-subset or the fontTools fallback)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.compose import compose
from briefgen.render import render
from briefgen.render import pdf
from tests.conftest import EXAMPLES, REPO, run_cli

from .conftest import load_facts


BUILD_EXAMPLE = ("build", str(EXAMPLES), "--notes", str(REPO / "examples" / "notes.md"), "-q")


def _build_example(out, cache) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["BRIEFGEN_CACHE_DIR"] = str(cache)
    run = subprocess.run([sys.executable, "-m", "briefgen", *BUILD_EXAMPLE, "-o", str(out)],
                         capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr
    return out.read_bytes()


@pytest.mark.slow
def test_two_empty_caches_give_byte_identical_pdfs(tmp_path, monkeypatch):
    """Two machines (or a cleared cache) make their own static font instances: same PDF anyway.

    The first cache is the session's (empty when the session began, filled by whichever test
    first needed fonts): making the instances costs ~10 s of CPU, so the test makes them once more only.
    The first machine is this process; the second a fresh one, so nothing in memory carries over.
    """
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    session_cache = Path(os.environ["BRIEFGEN_CACHE_DIR"])
    run = run_cli(*BUILD_EXAMPLE, "-o", tmp_path / "a.pdf")
    assert run.returncode == 0, run.stderr
    first = (tmp_path / "a.pdf").read_bytes()
    time.sleep(1.1)  # fontTools' timestamps have a one-second resolution
    second = _build_example(tmp_path / "b.pdf", tmp_path / "empty-cache")
    fonts_a = sorted((session_cache / "fonts").rglob("*.ttf"))
    fonts_b = sorted((tmp_path / "empty-cache" / "fonts").rglob("*.ttf"))
    assert fonts_a and [f.read_bytes() for f in fonts_a] == [f.read_bytes() for f in fonts_b]
    assert first == second


def test_fonttools_subsetting_gives_byte_identical_pdfs(monkeypatch):
    """A machine without libharfbuzz-subset: WeasyPrint subsets with fontTools, same bytes anyway."""
    import weasyprint.pdf.fonts as weasy_fonts

    # WeasyPrint picks the subsetter in Font.subset: HarfBuzz when its module-level
    # `harfbuzz_subset` library handle is set, else fontTools.
    monkeypatch.setattr(weasy_fonts, "harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    calls = []
    original = weasy_fonts.Font._fonttools_subset
    monkeypatch.setattr(weasy_fonts.Font, "_fonttools_subset",
                        lambda self, *args: (calls.append(self.family), original(self, *args))[1])
    facts = load_facts("seed")
    first = render(compose(facts), formats=["pdf"]).outputs["pdf"]
    time.sleep(1.1)  # a clock stamp would now differ
    second = render(compose(facts), formats=["pdf"]).outputs["pdf"]
    assert calls, "the fontTools subsetter was not used"
    assert first == second


def test_subset_date_is_set_only_during_the_write_and_a_users_value_wins(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pdf.font_subset_date("2016-12-08"):
        assert os.environ["SOURCE_DATE_EPOCH"] == "1481155200"
    assert "SOURCE_DATE_EPOCH" not in os.environ
    with pdf.font_subset_date(None):
        assert os.environ["SOURCE_DATE_EPOCH"] == "0"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with pdf.font_subset_date("2016-12-08"):
        assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"


@pytest.mark.parametrize("when", ["not a date", "1950-01-01"])
def test_an_odd_facts_date_still_gives_a_valid_subset_date(monkeypatch, when):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pdf.font_subset_date(when):
        assert os.environ["SOURCE_DATE_EPOCH"] == "0"


def test_doctor_says_a_missing_harfbuzz_subset_only_makes_pdfs_slower(monkeypatch):
    import weasyprint.text.ffi as ffi

    from briefgen.doctor import run_checks

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    check = next(c for c in run_checks() if c.name == "HarfBuzz subset")
    assert not check.ok
    assert "the same PDFs" in check.detail and "instead of ~2 s" in check.detail
    assert "libharfbuzz-subset0" in check.fix
