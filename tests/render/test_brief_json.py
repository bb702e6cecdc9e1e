"""`-o brief.json`: what the page shows, in page order, after the fit; its schema from the CLI."""
from __future__ import annotations

import json

from click.testing import CliRunner
from pypdf import PdfReader

from briefgen.cli import main

from ..conftest import EXAMPLES


def test_brief_json_is_the_page_after_the_fit(tmp_path):
    out_json, out_pdf = tmp_path / "brief.json", tmp_path / "brief.pdf"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(out_json), "-o", str(out_pdf), "-q"])
    assert result.exit_code == 0, result.output
    brief = json.loads(out_json.read_text(encoding="utf-8"))
    assert brief["title"] == "Valdera: floods" and brief["story"]["type"] == "flood"
    assert brief["language"] == "en" and brief["kicker"].startswith("Situation brief")
    page = " ".join(PdfReader(out_pdf).pages[0].extract_text().split())
    # Every key figure the JSON lists is on the page, in the same order, and the lead is a main count.
    assert brief["key_figures"] and brief["key_figures"][0]["scope"] == "main"
    assert brief["key_figures"][0]["category"] == "killed"
    for figure in brief["key_figures"]:
        assert figure["citations"] and figure["citations"][0]["sentence"]
    for sentence in brief["bottom_line"]:
        assert sentence.split(":")[0].split(",")[0] in page
    assert all(quote["text"] for quote in brief["quotes"])
    assert {s["number"] for s in brief["sources"]} == {1, 2, 3, 4}
    listed = set(brief["dropped"])
    assert not any(q["text"] in " ".join(listed) for q in brief["quotes"])   # nothing both shown and dropped


def test_brief_json_in_another_language_says_it_in_that_language(tmp_path):
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "--lang", "fr", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    brief = json.loads(out.read_text(encoding="utf-8"))
    assert brief["title"] == "Valdera\u00a0: inondations" and brief["language"] == "fr"
    assert brief["bottom_line"][0].startswith("Des inondations") and brief["bottom_line"][1].startswith("Au ")


def test_schema_of_brief_json_lists_the_page_keys():
    result = CliRunner().invoke(main, ["schema", "--brief"])
    schema = json.loads(result.output)
    for key in ("title", "kicker", "language", "story", "key_figures", "bottom_line", "events", "next", "quotes",
                "disputes", "context", "sources", "dropped"):
        assert key in schema["properties"], key
