"""The CLI end to end: exit codes, messages, outputs (PDF read back with pypdf)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from briefgen import __version__
from briefgen.cli import main

from .conftest import EXAMPLES, SEED, SHARED_REASON


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    if not SEED.exists():
        pytest.skip(SHARED_REASON)
    out = tmp_path_factory.mktemp("seed")
    sources = out / "sources"
    sources.mkdir()
    shutil.copy(SEED, sources / SEED.name)
    result = run("build", sources, "-o", out / "brief.pdf", "-o", out / "brief.html")
    return out, result


def test_seed_build_writes_one_page_pdf_and_html(seed_build):
    out, result = seed_build
    assert result.exit_code == 0, result.output
    pages, text = pdf_text(out / "brief.pdf")
    assert pages == 1
    html = (out / "brief.html").read_text(encoding="utf-8")
    for body in (squash(text), squash(html)):
        assert "369" in body and "45" in body          # killed in east Aleppo, of them children
        assert "Geneva" in body and ("Dec 10" in body or "December 10, 2016" in body)
        assert "VOA News" in body
        for chrome in ("UNITED24", "mailing list", "Weapons of Mass Destruction"):
            assert chrome not in body


def test_html_is_self_contained(seed_build):
    out, _ = seed_build
    html = (out / "brief.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for remote in ('src="http', "href=\"http://", "url(http", '<link rel="stylesheet"'):
        assert remote not in html


def test_extract_then_render_equals_build(seed_build, tmp_path):
    out, _ = seed_build
    facts = tmp_path / "facts.json"
    assert run("extract", out / "sources", "-o", facts).exit_code == 0
    data = json.loads(facts.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["sources"][0]["outlet"] == "VOA News"
    assert run("render", facts, "-o", tmp_path / "b.html").exit_code == 0
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == (out / "brief.html").read_text(encoding="utf-8")


def test_examples_build_to_one_page_with_notes(tmp_path):
    result = run("build", EXAMPLES, "--notes", EXAMPLES.parent / "notes.md", "-o", tmp_path / "b.pdf", "-q")
    assert result.exit_code == 0, result.output
    pages, text = pdf_text(tmp_path / "b.pdf")
    assert pages == 1
    assert "analyst note" in text.lower()


def test_letter_page_size(seed_build, tmp_path):
    out, _ = seed_build
    assert run("build", out / "sources", "--page-size", "Letter", "-o", tmp_path / "l.pdf", "-q").exit_code == 0
    box = PdfReader(str(tmp_path / "l.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_nothing_usable_exits_1_names_file_and_keeps_old_brief(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    old = tmp_path / "brief.pdf"
    old.write_bytes(b"%PDF-1.7 a good old brief")
    result = run("build", sources, "-o", old)
    assert result.exit_code == 1
    assert "photo.txt" in result.output and "not a text file" in result.output
    assert "Traceback" not in result.output
    assert old.read_bytes() == b"%PDF-1.7 a good old brief"


def test_skipped_source_is_a_warning_not_a_failure(seed_build, tmp_path):
    out, _ = seed_build
    sources = tmp_path / "sources"
    shutil.copytree(out / "sources", sources)
    (sources / "broken.json").write_text('{"title": "cut', encoding="utf-8")
    result = run("build", sources, "-o", tmp_path / "b.html", "-q")
    assert result.exit_code == 0
    assert "warning:" in result.output and "broken.json" in result.output and "invalid JSON" in result.output


def test_unknown_output_format_is_a_usage_error(tmp_path):
    result = run("build", EXAMPLES, "-o", tmp_path / "brief.docx")
    assert result.exit_code == 2
    assert "brief.docx" in result.output and "output format" in result.output
    assert not (tmp_path / "brief.docx").exists()


def test_broken_facts_file_names_file_line_and_field(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text('{\n  "schema_version": 1,\n  "figures": [\n    {"value": "many", "text": "x"}\n  ]\n}\n',
                     encoding="utf-8")
    result = run("render", facts, "-o", tmp_path / "b.pdf")
    assert result.exit_code == 1
    assert f"{facts}:" in result.output and "figures.0.value" in result.output
    invalid = tmp_path / "cut.json"
    invalid.write_text('{\n  "sources": [\n', encoding="utf-8")
    result = run("render", invalid, "-o", tmp_path / "b.pdf")
    assert result.exit_code == 1 and f"{invalid}:3" in result.output


def test_missing_source_folder_exits_1(tmp_path):
    result = run("build", tmp_path / "nope", "-o", tmp_path / "b.pdf")
    assert result.exit_code == 1 and "nope" in result.output and "no such file" in result.output


def test_schema_and_version():
    schema = json.loads(run("schema").output)
    assert {"sources", "figures", "quotes", "events"} <= set(schema["properties"])
    assert __version__ in run("--version").output


def test_console_script_prints_one_line_without_traceback(tmp_path):
    exe = Path(sys.executable).with_name("briefgen")
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    proc = subprocess.run([str(exe), "build", str(tmp_path / "missing"), "-o", str(tmp_path / "b.pdf")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
