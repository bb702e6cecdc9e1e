"""The one-page fit: lay out, measure the overflow, trim by priority, lay out again.

Trimming one item per pass would take dozens of layouts on a busy brief. Instead each
layout is measured: how tall is the content that spilled past the last allowed page, and
how much room would each droppable item free (templates tag items with `data-item="<id>"`
and their columns with `data-fit-column`)? Items chosen in priority order until the room
covers the spill give the next layout; once one fits, a bisection over the last batch gives
back what was not needed while passes remain. Usually 2–3 layouts.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from briefgen.compose import COMPACT_SOURCES, trim, trim_order
from briefgen.errors import RenderError
from briefgen.model import Brief

log = logging.getLogger(__name__)

MAX_SEARCH_PASSES = 6
# Share of the sources list that shrinking it to "outlet, date" is assumed to save.
COMPACT_SOURCES_SAVING = 0.4


@dataclass
class FitResult:
    brief: Brief
    document: object          # weasyprint Document of the chosen brief
    html: str                 # the HTML that was laid out
    passes: int
    dropped_ids: list[str] = field(default_factory=list)


def fit(brief: Brief, lay_out: Callable[[Brief], tuple[str, object]], *, max_pages: int = 1,
        max_passes: int = 3) -> FitResult:
    """The brief with few low-priority items dropped that lays out on `max_pages`.

    `max_passes` bounds the give-back search only; finding a fit takes what it needs (each
    pass drops at least one item; after `MAX_SEARCH_PASSES` everything trimmable goes).
    """
    candidates = trim_order(brief)
    tried: dict[int, tuple[str, object]] = {}
    dropped: list[str] = []

    def attempt(count: int) -> tuple[str, object]:
        if count not in tried:
            tried[count] = lay_out(trim(brief, dropped[:count]))
        return tried[count]

    def fits(count: int) -> bool:
        return len(attempt(count)[1].pages) <= max_pages

    overflowing = -1                       # largest prefix of `dropped` known to overflow
    while not fits(len(dropped)):
        overflowing = len(dropped)
        remaining = [c for c in candidates if c not in dropped]
        if not remaining:
            raise RenderError(
                f"the brief does not fit on {max_pages} page(s) even with every trimmable item left out "
                f"({len(candidates)} items); shorten the analyst note or use a theme with smaller type")
        if len(tried) >= MAX_SEARCH_PASSES:
            dropped += remaining
        else:
            # Nothing that would free room: try the page with everything trimmable gone.
            dropped += _choose(attempt(len(dropped))[1], remaining, max_pages) or remaining
    # The last batch may be more than needed: give items back while passes remain.
    lo, hi = overflowing, len(dropped)
    while hi - lo > 1 and len(tried) < max_passes:
        middle = (lo + hi) // 2
        lo, hi = (lo, middle) if fits(middle) else (middle, hi)
    html, document = attempt(hi)
    if hi:
        log.info("one-page fit: dropped %d item(s) in %d layout pass(es)", hi, len(tried))
    return FitResult(trim(brief, dropped[:hi]), document, html, len(tried), dropped[:hi])


def _choose(document, remaining: list[str], max_pages: int) -> list[str]:
    """Which of `remaining` to drop, in priority order, so the height they free covers the spill.

    Items in a column (an ancestor with `data-fit-column`) free height only while their
    column is the longest one: the grid row is as tall as its longest column. Such an item
    that would free nothing is kept, even though it ranks lower than what goes: dropping it
    would lose content and gain no room. Items in a row grid (`data-fit-row-of="3"`) free a
    row only when the row empties: count a third.
    """
    spill = sum(_used_height(page) for page in document.pages[max_pages:])
    # Room left at the foot of the last allowed page (a block that did not fit moved on whole).
    last = document.pages[max_pages - 1]
    spill -= max(0.0, last._page_box.height - _used_height(last))
    measure = _measure(document)
    columns = dict(measure.columns)
    freed, chosen = 0.0, []
    for item in remaining:
        if item == COMPACT_SOURCES:
            gain = measure.items.get("sources", 0.0) * COMPACT_SOURCES_SAVING
        elif item in measure.column_of:
            before = max(columns.values())
            after = dict(columns)
            after[measure.column_of[item]] -= measure.items.get(item, 0.0)
            gain = before - max(after.values())
            if gain > 0:
                columns = after
        else:
            gain = measure.items.get(item, 0.0) / measure.row_of.get(item, 1)
        if gain <= 0:
            continue
        chosen.append(item)
        freed += gain
        if freed >= spill:
            break
    return chosen


@dataclass
class _Measure:
    items: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    columns: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    column_of: dict[str, str] = field(default_factory=dict)
    row_of: dict[str, int] = field(default_factory=dict)


def _measure(document) -> _Measure:
    """Laid-out heights of items, columns and the sources list, fragments on all pages added up."""
    measure = _Measure()
    for page in document.pages:
        for root in page._page_box.children:
            if getattr(root, "element_tag", None) == "html":
                _walk(root, measure, column=None, row_of=1)
    return measure


def _walk(box, measure: _Measure, column: str | None, row_of: int) -> None:
    element = getattr(box, "element", None)
    # Only the box an element generates itself, not its ::before/::marker pseudo-boxes.
    own = element is not None and box.element_tag == element.tag
    if own:
        if element.get("data-fit-column"):
            column = element.get("data-fit-column")
            # The content's height, not the box's: grid items stretch to the row's height.
            measure.columns[column] += sum(child.margin_height() for child in getattr(box, "children", ()))
        if element.get("data-fit-row-of", "").isdigit():
            row_of = int(element.get("data-fit-row-of"))
        item = element.get("data-item")
        if item:
            measure.items[item] += box.margin_height()
            if column:
                measure.column_of[item] = column
            if row_of > 1:
                measure.row_of[item] = row_of
            return
        if element.tag == "section" and "sources" in element.get("class", "").split():
            measure.items["sources"] += box.margin_height()
            return
    for child in getattr(box, "children", ()):
        _walk(child, measure, column, row_of)


def _used_height(page) -> float:
    """Height of the document content on a page (margin boxes such as the footer excluded)."""
    page_box = page._page_box
    top = page_box.content_box_y()
    bottom = top
    for root in page_box.children:
        if getattr(root, "element_tag", None) != "html":
            continue  # margin boxes: the running footer lives there
        for box in root.descendants():
            if box.element is None or box.element.tag in ("html", "body", "main"):
                continue
            bottom = max(bottom, box.position_y + box.margin_height())
    return max(0.0, bottom - top)
