"""Who gave a fact is a typed field (`origin: article | analyst`), not a magic string in `source`;
facts files written before it (`source: analyst`, `source: null`) still load."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.compose import compose
from briefgen.facts_io import load_facts
from briefgen.model import Citation, Facts, Figure, Source

TEXT = "Floods in Tamsin district killed 14 people on Monday, officials said."


def _facts(extra_figure: dict) -> dict:
    source = Source(id="s1", path="a.txt", title="Floods in Tamsin", text=TEXT, published="2026-03-04")
    extracted = Figure(value=14, text="killed 14 people", category="killed", group="people",
                       citations=[Citation(source="s1", start=25, end=41)])
    data = Facts(sources=[source], figures=[extracted]).model_dump(mode="json")
    data["figures"].append(extra_figure)
    return data


def test_an_extracted_fact_is_from_an_article_and_says_so():
    assert Figure(value=3, text="3 people", category="injured").origin == "article"


def test_an_analyst_fact_is_marked_analyst_in_the_brief():
    facts = Facts.model_validate(_facts({"value": 6, "text": "six pumps counted by our team", "category": "other",
                                         "origin": "analyst"}))
    brief = compose(facts)
    marks = [m for f in brief.figures for m in f.marks] + [m for s in brief.sections for i in s.items for m in i.marks]
    assert any(m.origin == "analyst" for m in marks), brief.figures


@pytest.mark.parametrize("legacy, origin", [({"source": "analyst"}, "analyst"), ({"source": None}, "article")])
def test_a_facts_file_from_before_origin_still_loads(tmp_path, legacy, origin):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(_facts({"value": 6, "text": "6 hurt", "category": "injured", **legacy})),
                    encoding="utf-8")
    assert load_facts(path).figures[-1].origin == origin


def test_an_unknown_origin_is_refused_in_one_line_naming_the_file(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(_facts({"value": 6, "text": "6 hurt", "category": "injured", "origin": "rumour"})),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "b.html")])
    assert result.exit_code != 0
    assert "facts.json" in result.output and "origin" in result.output
    assert "Traceback" not in result.output and result.output.strip().count("\n") == 0, result.output
