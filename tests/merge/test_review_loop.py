"""The analyst's review loop: extract to YAML, edit by hand, render, update with new sources."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfReader

from briefgen.cli import main

from ..conftest import SEED, SHARED_REASON, needs_shared
from .corpora import UPDATE


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def edit(facts_file: Path) -> None:
    """What an analyst does by hand: drop a figure, fix a role, add a fact of their own."""
    data = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
    data["figures"] = [f for f in data["figures"] if f["value"] != 92]
    for person in data["people"]:
        if person["name"] == "Jan Egeland":
            person["role"] = "UN humanitarian adviser"
    data["figures"].append({"value": 12, "category": "injured", "group": "aid workers",
                            "text": "12 aid workers injured", "origin": "analyst"})
    facts_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def assert_edits_show(text: str) -> None:
    assert "92" not in text                       # the dropped figure (and its subset) is gone
    assert "UN humanitarian adviser" in text       # the corrected role
    assert "aid workers" in text and "[analyst]" in text
    assert "369" in text                           # what was not touched stays


@pytest.fixture
def sources(tmp_path) -> Path:
    if not SEED.exists():
        pytest.skip(SHARED_REASON)
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@needs_shared
def test_edit_render_update_keeps_every_edit(sources, tmp_path):
    facts = tmp_path / "facts.yaml"
    run("extract", sources, "-o", facts, "-q")
    edit(facts)
    run("render", facts, "-o", tmp_path / "brief.pdf", "-q")
    assert_edits_show(pdf_text(tmp_path / "brief.pdf"))

    (sources / "update.txt").write_text(UPDATE, encoding="utf-8")
    output = run("extract", sources, "--update", facts)
    assert "1 new source added" in output
    assert (tmp_path / "facts.yaml.bak").exists()
    data = yaml.safe_load(facts.read_text(encoding="utf-8"))
    assert len(data["sources"]) == 2
    run("render", facts, "-o", tmp_path / "updated.pdf", "-q")
    text = pdf_text(tmp_path / "updated.pdf")
    assert_edits_show(text)
    assert "415" in text                           # the new source's toll is in


@needs_shared
def test_a_broken_edit_names_file_line_and_field(sources, tmp_path):
    facts = tmp_path / "facts.yaml"
    run("extract", sources, "-o", facts, "-q")
    lines = facts.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("category: killed"))
    lines[at] = lines[at].replace("killed", "kiled")
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(facts), "-o", str(tmp_path / "b.pdf")])
    assert result.exit_code == 1
    assert f"{facts}:{at + 1}:" in result.output and "category" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "b.pdf").exists()
