"""Merging across languages: a figure or a place reported in an English and a French (or German)
source is one fact with both sources behind it."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from briefgen.merge import merge
from briefgen.model import Citation, Facts, Figure, Place, Source
from tests.conftest import run_cli

ENGLISH = """---
title: Floods hit Lisbon after record rain
language: en
published: 2026-11-03
---
Floodwaters swept through low-lying districts of Lisbon on Monday after two days of heavy rain, local authorities said.

At least 12 people were killed in Lisbon and 3,400 people were displaced, the regional emergency service said in a statement on Tuesday.

Rescue teams were still searching flooded garages on Tuesday evening.
"""

FRENCH = """---
title: Inondations meurtrières à Lisbonne
language: fr
published: 2026-11-03
---
Des pluies torrentielles ont provoqué lundi des inondations dans plusieurs quartiers de Lisbonne, selon les autorités locales.

Au moins 12 personnes ont été tuées à Lisbonne et 3 400 personnes ont été déplacées, a indiqué mardi le service régional des urgences.

Les pompiers poursuivaient mardi soir leurs recherches dans les parkings inondés.
"""


def _briefgen(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    env = {"BRIEFGEN_CACHE_DIR": os.environ.get("BRIEFGEN_CACHE_DIR") or str(tmp / "cache")}
    return run_cli(*args, env=env)   # in this process: the merge is the point, not the process


def test_english_and_french_reports_of_one_flood_give_each_figure_and_the_place_once(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "01-wire.md").write_text(ENGLISH, encoding="utf-8")
    (folder / "02-depeche.md").write_text(FRENCH, encoding="utf-8")

    built = _briefgen("build", str(folder), "-o", str(tmp_path / "brief.json"), "-q", tmp=tmp_path)
    assert built.returncode == 0, built.stderr
    brief = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))
    both = {s["id"] for s in brief["sources"]}
    assert len(both) == 2
    figures = [(f["category"], f["value"]) for f in brief["key_figures"]]
    assert sorted(figures) == [("displaced", 3400), ("killed", 12)]  # each once
    for fig in brief["key_figures"]:
        assert {c["source"] for c in fig["citations"]} == both

    extracted = _briefgen("extract", str(folder), "-o", str(tmp_path / "facts.json"), "-q", tmp=tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    facts = json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in facts["places"]] == ["Lisbon"]  # "Lisbonne" folded into it
    assert {c["source"] for c in facts["places"][0]["citations"]} == both


def _report(source_id: str, lang: str, place: str) -> Facts:
    cite = Citation(source=source_id, start=0, end=5)
    return Facts(sources=[Source(id=source_id, path=f"{source_id}.md", text=place, language=lang)],
                 places=[Place(name=place, country="DE", citations=[cite])],
                 figures=[Figure(value=40, text="40", category="injured", place=place, citations=[cite])])


def test_koln_and_cologne_from_a_german_and_an_english_source_are_one_place_and_one_figure():
    merged = merge([_report("s1", "en", "Cologne"), _report("s2", "de", "Köln"), _report("s3", "de", "Köln")])
    assert len(merged.places) == 1 and merged.places[0].name == "Köln"  # the most used printed form
    assert len(merged.figures) == 1
    assert {c.source for c in merged.figures[0].citations} == {"s1", "s2", "s3"}

