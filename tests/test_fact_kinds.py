"""A fact kind registered in briefgen.kinds flows through extract, merge, compose and both themes
with no edit anywhere else: the toy kind "road closures" below is all a new kind needs (its model,
its rule, its partial in a theme folder that extends a built-in one)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen import kinds
from briefgen.cli import main
from briefgen.errors import BriefgenError
from briefgen.facts_io import load_facts

# --- the toy kind: everything it takes --------------------------------------------------------

CLOSED_RE = re.compile(r"\b[Tt]he (?P<road>[A-Z][\w-]*(?: [A-Z][\w-]*)*) road was closed\b")


class RoadClosure(kinds.KindItem):
    road: str


def closed_roads(doc) -> list[RoadClosure]:
    return [RoadClosure(road=m["road"], citations=[kinds.cite(doc, m.start(), m.end())])
            for m in CLOSED_RE.finditer(doc.text)]


ROAD_CLOSURES = kinds.FactKind(name="road_closures", model=RoadClosure, extract=closed_roads,
                               partial="partials/road_closures.html", label="Road closures",
                               key=lambda item: item.road.lower())

PARTIAL = """<section class="road-closures">
<h2>{{ _(section.label) }}</h2>
<ul>{% for item in section.items %}<li class="road">{{ item.fields.road }}{{ cite.marks(item.marks) }}</li>{% endfor %}</ul>
</section>
"""

# --- the articles -----------------------------------------------------------------------------

FIRST = """Title: Mudslide cuts off hill villages
Outlet: Valley Courier
Date: 2026-03-04

MERROW, March 4 - Heavy rain brought down a slope above the village of Merrow on Wednesday, and
the Old Quarry road was closed after the mud buried a stretch of it, the district office said.
Crews expect to clear it within a week.
"""

SECOND = """Title: Hill villages still cut off after mudslide
Outlet: Ridge Daily
Date: 2026-03-05

MERROW, March 5 - Families in Merrow waited for supplies on Thursday. The Old Quarry road was closed
for a second day, and the Fenwick Pass road was closed too as a precaution, officials said.
"""


@pytest.fixture
def road_closures():
    kinds.register(ROAD_CLOSURES)
    yield ROAD_CLOSURES
    kinds.unregister(ROAD_CLOSURES.name)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "courier.txt").write_text(FIRST, encoding="utf-8")
    (folder / "ridge.txt").write_text(SECOND, encoding="utf-8")
    return folder


def theme_with_partial(tmp_path: Path, extends: str) -> Path:
    theme = tmp_path / f"roads-{extends}"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text(f'name = "roads-{extends}"\nextends = "{extends}"\n', encoding="utf-8")
    (theme / "partials" / "road_closures.html").write_text(PARTIAL, encoding="utf-8")
    return theme


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_a_registered_kind_is_extracted_and_merged_into_the_facts_file_with_citations(road_closures, sources,
                                                                                       tmp_path):
    out = tmp_path / "facts.json"
    result = run("extract", sources, "-o", out, "--jobs", 1, "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    items = {item["road"]: item for item in data["kinds"]["road_closures"]}
    assert sorted(items) == ["Fenwick Pass", "Old Quarry"]
    # the same road closed in both articles is one item citing both
    texts = {s["id"]: s["text"] for s in data["sources"]}
    quarry = items["Old Quarry"]["citations"]
    assert len({c["source"] for c in quarry}) == 2
    assert all(texts[c["source"]][c["start"]:c["end"]].endswith("Old Quarry road was closed") for c in quarry)
    assert load_facts(out).kinds == data["kinds"]   # the file reads back through the kind's model


@pytest.mark.parametrize("extends", ["default", "flash"])
def test_a_registered_kind_shows_on_the_page_through_its_partial_with_its_marks(road_closures, sources,
                                                                                 tmp_path, extends):
    page = tmp_path / "brief.html"
    theme = theme_with_partial(tmp_path, extends)
    result = run("build", sources, "-o", page, "--theme", theme, "--jobs", 1, "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    section = re.search(r'<section class="road-closures">.*?</section>', html, re.S)
    assert section, "no road closures section on the page"
    assert "<h2>Road closures</h2>" in section[0]
    roads = re.findall(r'<li class="road">(.*?)<sup', section[0])
    assert sorted(roads) == ["Fenwick Pass", "Old Quarry"]
    # each item is cited: a mark linking to the sources list, its hover the cited sentence
    for item in re.findall(r'<li class="road">.*?</li>', section[0]):
        marks = re.findall(r'<a href="#source-(\d+)" title="([^"]*)">', item)
        assert marks and all("road was closed" in sentence for _n, sentence in marks)
        assert {n for n, _s in marks} <= set(re.findall(r'id="source-(\d+)"', html))


def test_facts_cached_before_a_kind_was_registered_are_extracted_again(sources, tmp_path):
    cache = tmp_path / "cache"
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    assert run("extract", sources, "-o", before, "--jobs", 1, "--cache-dir", cache, "-q").exit_code == 0
    kinds.register(ROAD_CLOSURES)
    try:
        assert run("extract", sources, "-o", after, "--jobs", 1, "--cache-dir", cache, "-q").exit_code == 0
    finally:
        kinds.unregister(ROAD_CLOSURES.name)
    assert "kinds" not in json.loads(before.read_text(encoding="utf-8"))
    assert json.loads(after.read_text(encoding="utf-8"))["kinds"]["road_closures"]


def test_a_facts_file_with_an_unregistered_kind_is_refused_naming_it(sources, tmp_path):
    facts = tmp_path / "facts.json"
    assert run("extract", sources, "-o", facts, "--jobs", 1, "--no-cache", "-q").exit_code == 0
    data = json.loads(facts.read_text(encoding="utf-8"))
    assert "kinds" not in data   # no kind registered: the file reads as before the registry
    data["kinds"] = {"road_closures": [{"road": "Old Quarry", "citations": []}]}
    facts.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BriefgenError, match="unknown fact kind 'road_closures'"):
        load_facts(facts)


class FakeEntryPoint:
    def __init__(self, name: str, value: str, loaded: object) -> None:
        self.name, self.value, self._loaded = name, value, loaded

    def load(self) -> object:
        if isinstance(self._loaded, Exception):
            raise self._loaded
        return self._loaded


def installed(monkeypatch, *points: FakeEntryPoint) -> None:
    monkeypatch.setattr(kinds, "entry_points", lambda group: list(points) if group == kinds.ENTRY_POINTS else [])
    monkeypatch.setattr(kinds, "_loaded", False)


def test_a_kind_an_installed_package_offers_is_extracted(monkeypatch, sources, tmp_path):
    installed(monkeypatch, FakeEntryPoint("roads", "roads_plugin:ROAD_CLOSURES", ROAD_CLOSURES))
    out = tmp_path / "facts.json"
    try:
        result = run("extract", sources, "-o", out, "--jobs", 1, "--no-cache", "-q")
    finally:
        kinds.unregister(ROAD_CLOSURES.name)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["kinds"]["road_closures"]


@pytest.mark.parametrize("loaded, said", [(ImportError("no module named roads_plugin"), "cannot be loaded"),
                                          ("not a kind", "is not a briefgen.kinds.FactKind")])
def test_a_broken_kind_plugin_stops_the_run_with_one_line_naming_it(monkeypatch, sources, tmp_path, loaded, said):
    installed(monkeypatch, FakeEntryPoint("roads", "roads_plugin:ROAD_CLOSURES", loaded))
    result = CliRunner().invoke(main, ["extract", str(sources), "-o", str(tmp_path / "facts.json"), "-q"])
    assert result.exit_code != 0
    assert "fact kind plugin 'roads' (roads_plugin:ROAD_CLOSURES)" in result.output and said in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "facts.json").exists()

