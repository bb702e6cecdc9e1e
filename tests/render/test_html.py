"""The HTML output: self-contained, escaped, linked marks; and its golden snapshot.

Regenerate the golden file after an intended change, then review the diff:
    BRIEFGEN_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_html.py
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from briefgen.compose import compose
from briefgen.render import render

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seed.html"


def normalise(html: str) -> str:
    # Embedded font subsets depend on the fontTools version; the page does not.
    return re.sub(r"data:font/woff2;base64,[A-Za-z0-9+/=]+", "data:font/woff2;base64,…", html)


def test_seed_html_matches_golden(seed_result):
    html = normalise(seed_result.outputs["html"].decode("utf-8"))
    if os.environ.get("BRIEFGEN_REGEN_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8"), (
        "HTML differs from tests/golden/seed.html; if intended: BRIEFGEN_REGEN_GOLDEN=1 pytest tests/render")


def test_html_is_self_contained(seed_result):
    html = seed_result.outputs["html"].decode("utf-8")
    assert '<html lang="en" dir="ltr">' in html
    assert "<link" not in html and "<script" not in html
    assert "data:font/woff2;base64," in html
    urls = re.findall(r'(?:src|href)="([^"]+)"|url\("?([^")]+)', html)
    for url in (u for pair in urls for u in pair if u):
        assert url.startswith(("#", "data:")), url


def test_marks_link_to_sources_and_carry_the_sentence(seed_result):
    html = seed_result.outputs["html"].decode("utf-8")
    assert 'id="source-1"' in html
    assert re.search(r'<a href="#source-1" title="[^"]*369 civilians have been killed[^"]*">\[1\]</a>', html)


def test_article_text_and_note_are_escaped(seed_facts):
    facts = seed_facts.model_copy(deep=True)
    facts.quotes[0].text = '<script>alert("x")</script>'
    note = "**Watch** <img src=x onerror=alert(1)> [link](javascript:alert(1))"
    html = render(compose(facts, notes_markdown=note), formats=["html"]).outputs["html"].decode("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and 'href="javascript' not in html
    assert "<strong>Watch</strong>" in html
