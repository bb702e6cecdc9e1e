"""A right-to-left brief is mirrored on the page, laid out by WeasyPrint as the PDF is: the first
key figure, the header's title, the events column and an event's date stand on the right. Source
words in a Latin-script language keep the Latin line height in an Arabic brief."""
from __future__ import annotations

import pytest

from tests.i18n.conftest import SHIPPED  # noqa: F401  (the shared seed render lives there)


def _boxes(html: bytes) -> list:
    from weasyprint import HTML

    document = HTML(string=html.decode("utf-8")).render()
    out = []

    def walk(box):
        out.append(box)
        for child in getattr(box, "children", ()):
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return out


def _first_x(boxes: list, css_class: str, nth: int = 0) -> float:
    own = [b for b in boxes if getattr(b, "element", None) is not None and getattr(b, "element_tag", None)
           and css_class in (b.element.get("class") or "").split() and not getattr(b, "pseudo_type", None)]
    seen, firsts = set(), []
    for b in own:  # the first box each element generates
        if id(b.element) not in seen:
            seen.add(id(b.element))
            firsts.append(b)
    return firsts[nth].position_x


@pytest.fixture(scope="module")
def laid_out(seed_briefs) -> dict[str, list]:
    return {lang: _boxes(seed_briefs[lang].outputs["html"]) for lang in ("ar", "en")}


def test_right_to_left_the_first_figure_the_title_the_events_and_the_dates_stand_on_the_right(laid_out):
    ar, en = laid_out["ar"], laid_out["en"]
    assert _first_x(ar, "figure", 0) > _first_x(ar, "figure", 1)
    assert _first_x(ar, "band-main") > _first_x(ar, "band-meta")
    assert _first_x(ar, "column-events") > _first_x(ar, "column-voices")
    assert _first_x(ar, "when") > _first_x(ar, "what")
    # left to right, the same page is not touched
    assert _first_x(en, "figure", 0) < _first_x(en, "figure", 1)
    assert _first_x(en, "column-events") < _first_x(en, "column-voices")
    assert _first_x(en, "when") < _first_x(en, "what")


def test_an_english_event_line_in_an_arabic_brief_keeps_the_latin_line_height(laid_out):
    lines = [b for b in laid_out["ar"] if getattr(b, "element", None) is not None
             and "what" in (b.element.get("class") or "").split()]
    english = [b for b in lines if b.element.get("lang") == "en"]
    assert english, "the seed brief has an event line from an English source"
    assert english[0].style["line_height"] == pytest.approx(1.32)  # a unitless factor: not Arabic's 1.45
