"""The brief cache: an unchanged corpus is only laid out again, any change is composed afresh."""
from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import EXAMPLES, fresh_cache_root

from .conftest import briefgen


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """A cache root holding the examples' facts (and the session's fonts), made once: each test's
    cache starts as a copy of it, so its first build composes without extracting the examples
    again, while the brief and fit entries, what these tests are about, start empty."""
    root = fresh_cache_root(tmp_path_factory.mktemp("extracted") / "cache")
    briefgen("extract", str(EXAMPLES), "-o", str(root.parent / "facts.json"), "--cache-dir", str(root), "-q")
    assert not (root / "facts" / "briefs").exists()
    return root


@pytest.fixture
def cache(tmp_path, extracted):
    return shutil.copytree(extracted, tmp_path / "cache", symlinks=True)


def build(sources, out, cache, *more):
    briefgen("build", str(sources), "-o", str(out), "--cache-dir", str(fresh_cache_root(cache)), "-q", *more)
    return out.read_text(encoding="utf-8")


def entries(cache):
    return sorted(p for p in (cache / "facts" / "briefs").rglob("*.json") if not p.name.endswith(".fit.json"))


def test_unchanged_corpus_reuses_the_composed_brief(tmp_path, cache):
    first = build(EXAMPLES, tmp_path / "a.html", cache)
    [entry] = entries(cache)
    data = json.loads(entry.read_text())
    data["brief"]["place"] = "Cachetown"          # proof the entry is what the second build renders
    entry.write_text(json.dumps(data))
    second = build(EXAMPLES, tmp_path / "b.html", cache)
    assert "Cachetown" in second and "Cachetown" not in first
    fresh = build(EXAMPLES, tmp_path / "c.html", cache, "--no-cache")
    assert fresh == first


def test_same_output_from_the_cache(tmp_path, cache):
    assert build(EXAMPLES, tmp_path / "a.html", cache) == build(EXAMPLES, tmp_path / "b.html", cache)


def test_any_change_composes_again(tmp_path, cache):
    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    build(sources, tmp_path / "a.html", cache)
    wire = sources / "01-wire-valdera.txt"
    wire.write_text(wire.read_text(encoding="utf-8").replace("At least 27 people", "At least 29 people"),
                    encoding="utf-8")
    edited = build(sources, tmp_path / "b.html", cache)
    note = tmp_path / "note.md"
    note.write_text("Cache check: a note of the analyst.", encoding="utf-8")
    noted = build(sources, tmp_path / "c.html", cache, "--notes", str(note))
    (sources / "briefgen.toml").write_text('[outlets]\n"Northern Wire Service" = 1\n', encoding="utf-8")
    build(sources, tmp_path / "d.html", cache)
    assert len(entries(cache)) == 4
    assert "Cache check" in noted and "Cache check" not in edited


def test_no_cache_writes_no_brief(tmp_path, cache):
    build(EXAMPLES, tmp_path / "a.html", cache, "--no-cache")
    assert not (cache / "facts" / "briefs").exists()


def test_a_broken_entry_is_composed_again(tmp_path, cache):
    first = build(EXAMPLES, tmp_path / "a.html", cache)
    [entry] = entries(cache)
    entry.write_bytes(entry.read_bytes()[:100])
    assert build(EXAMPLES, tmp_path / "b.html", cache) == first
    assert json.loads(entries(cache)[0].read_text())["sources"] == 4


def report(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_fit_decision_is_reused_for_the_same_brief_theme_and_page(tmp_path, cache):
    """The examples with their note need two layout passes to fit; a rebuild of the same brief
    confirms last time's decision in one, and the PDF is byte-identical to a build without any cache."""
    note = ["--notes", str(EXAMPLES.parent / "notes.md")]
    args = ["build", str(EXAMPLES), "--cache-dir", str(fresh_cache_root(cache)), "-q", *note]
    briefgen(*args, "-o", str(tmp_path / "a.pdf"), "--report", str(tmp_path / "a.json"))
    briefgen(*args, "-o", str(tmp_path / "b.pdf"), "--report", str(tmp_path / "b.json"))
    briefgen("build", str(EXAMPLES), "-q", "--no-cache", "-o", str(tmp_path / "c.pdf"), *note)
    assert report(tmp_path / "a.json")["passes"] >= 2 and report(tmp_path / "b.json")["passes"] == 1
    assert (tmp_path / "b.pdf").read_bytes() == (tmp_path / "c.pdf").read_bytes()
    assert report(tmp_path / "b.json")["dropped"] == report(tmp_path / "a.json")["dropped"]


def test_a_theme_edit_searches_the_fit_again(tmp_path, cache):
    theme = tmp_path / "house"
    theme.mkdir()
    (theme / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    (theme / "style.css").write_text("/* nothing yet */\n", encoding="utf-8")
    note = ["--notes", str(EXAMPLES.parent / "notes.md")]   # with the note the fit must drop items
    args = ["build", str(EXAMPLES), "--theme", str(theme), "--cache-dir", str(fresh_cache_root(cache)), "-q", *note]
    briefgen(*args, "-o", str(tmp_path / "a.html"), "--report", str(tmp_path / "a.json"))
    (theme / "style.css").write_text("body { font-size: 6pt }\n", encoding="utf-8")   # room for more
    briefgen(*args, "-o", str(tmp_path / "b.html"), "--report", str(tmp_path / "b.json"))
    briefgen("build", str(EXAMPLES), "--theme", str(theme), "-q", "--no-cache", "-o", str(tmp_path / "c.html"), *note)
    assert (tmp_path / "b.html").read_text() == (tmp_path / "c.html").read_text()
    # the smaller type keeps more: last time's decision was not reused
    assert len(report(tmp_path / "b.json")["dropped"]) < len(report(tmp_path / "a.json")["dropped"])
