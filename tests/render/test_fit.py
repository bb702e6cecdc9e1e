"""The one-page fit's search, on a stand-in layout: blocks stacked down pages of a fixed height
(fast and exact, so a test can say which item fits where)."""
from __future__ import annotations

import datetime as dt

from briefgen.compose import DropItem, TrimPlan
from briefgen.model import Brief, BriefQuote, TimelineEntry
from briefgen.render.fit import MAX_REFILL_PASSES, MAX_SEARCH_PASSES, fit

PAGE = 100.0
HEADER = 30.0   # what is never trimmed (title, bottom line): no data-item


class _Element:
    def __init__(self, tag: str, **attrs: str) -> None:
        self.tag, self.attrs = tag, attrs

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)


class _Box:
    def __init__(self, element: _Element, y: float, height: float, children=()) -> None:
        self.element, self.element_tag = element, element.tag
        self.position_y, self.height, self.children = y, height, list(children)

    def margin_height(self) -> float:
        return self.height

    def descendants(self):
        yield self
        for child in self.children:
            yield from child.descendants()


class _PageBox:
    def __init__(self, children) -> None:
        self.height, self.children = PAGE, children

    def content_box_y(self) -> float:
        return 0.0


class _Page:
    def __init__(self, blocks) -> None:
        self._page_box = _PageBox([_Box(_Element("html"), 0.0, PAGE, blocks)])


class _Document:
    def __init__(self, pages) -> None:
        self.pages = pages


def stacked(heights: dict[str, float]):
    """A `lay_out` that stacks the header and then each item (its height from `heights`), a block
    that does not fit at the foot of a page moving whole to the next one."""
    def lay_out(brief: Brief):
        blocks = [("", HEADER)] + [(item.id, heights[item.id]) for item in (*brief.quotes, *brief.timeline,
                                                                            *brief.next)]
        pages, page, y = [], [], 0.0
        for item, height in blocks:
            if y + height > PAGE and page:
                pages.append(_Page(page))
                page, y = [], 0.0
            element = _Element("div", **({"data-item": item} if item else {}))
            page.append(_Box(element, y, height))
            y += height
        pages.append(_Page(page))
        return "<html></html>", _Document(pages)
    return lay_out


def test_room_a_long_item_leaves_takes_back_a_short_item_of_another_section():
    day = dt.date(2026, 3, 1)
    brief = Brief(brief_id="BG-test",
                  quotes=[BriefQuote(id="quote:short", text="We are moving the families tonight.", speaker="A. Mayor")],
                  timeline=[TimelineEntry(id="event:long", date=day, description="A long account of the flood")],
                  next=[TimelineEntry(id="event:next", date=day, status="scheduled", description="Talks resume")])
    # 30 + 10 + 60 + 15 = 115: the next event spills 15. The quote (trimmed first) frees 10, not
    # enough, so the long event goes too; without the event, the quote fits again (30 + 10 + 15).
    heights = {"quote:short": 10.0, "event:long": 60.0, "event:next": 15.0}
    fitted = fit(brief, stacked(heights))
    assert len(fitted.document.pages) == 1
    assert [q.id for q in fitted.brief.quotes] == ["quote:short"] and fitted.brief.timeline == []
    assert fitted.trimmed == TrimPlan((DropItem("event:long"),))
    assert fitted.brief.dropped == ["event 2026-03-01: A long account of the flood"]
    assert fitted.passes <= MAX_SEARCH_PASSES + 1 + MAX_REFILL_PASSES
    again = fit(brief, stacked(heights))                     # deterministic: same input, same page
    assert (again.trimmed, again.brief, again.passes) == (fitted.trimmed, fitted.brief, fitted.passes)

