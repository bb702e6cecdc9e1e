"""Many sources, one page: the list holds the sources cited on the page, every mark resolves."""
from __future__ import annotations

import re

from pypdf import PdfReader

from .conftest import briefgen


def test_thirty_sources_fit_one_page_and_every_mark_points_into_the_list(corpus30, tmp_path):
    pdf, html = tmp_path / "brief.pdf", tmp_path / "brief.html"
    briefgen("build", str(corpus30), "-o", str(pdf), "-o", str(html), "-q")
    assert len(PdfReader(pdf).pages) == 1
    page = html.read_text(encoding="utf-8")
    listed = [int(n) for n in re.findall(r'<li id="source-(\d+)"', page)]
    assert listed == list(range(1, len(listed) + 1))           # renumbered [1]..[k], no gaps
    assert 0 < len(listed) < 30
    targets = {int(n) for n in re.findall(r'href="#source-(\d+)"', page)}
    assert targets == set(listed)                               # nothing listed uncited, no dangling mark
    more = 30 - len(listed)
    assert f"{more} more sources are not cited on this page (30 in all)." in page
    # at most two marks per fact (the bottom line's sentence joins two figures: their marks)
    body = re.sub(r'<section class="bottom-line".*?</section>', "", page, flags=re.S)
    for group in re.findall(r'((?:<sup class="mark">.*?</sup>)+)', body):
        assert group.count('<sup class="mark">') <= 2


def test_a_few_sources_are_all_listed(tmp_path):
    from tests.conftest import EXAMPLES

    html = tmp_path / "brief.html"
    briefgen("build", str(EXAMPLES), "-o", str(html), "-q")
    page = html.read_text(encoding="utf-8")
    assert len(re.findall(r'<li id="source-(\d+)"', page)) == 4
    assert "not cited on this page" not in page
