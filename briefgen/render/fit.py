"""The one-page fit: lay out, measure the overflow, trim by priority, lay out again.

Trimming one item per pass would take dozens of layouts on a busy brief. Instead each
layout is measured: how tall is the content that spilled past the last allowed page, and
how tall is each droppable item (templates tag them with `data-item="<id>"`)? Dropping
items in priority order until their height covers the spill gives the next guess; the
search then narrows between the largest cut known to overflow and the smallest known to
fit. Usually 2–3 layouts; never more than `max_passes`.
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
        max_passes: int = 6) -> FitResult:
    """The brief with the fewest low-priority items dropped that lays out on `max_pages`."""
    order = trim_order(brief)
    tried: dict[int, tuple[str, object]] = {}

    def attempt(k: int) -> tuple[str, object]:
        if k not in tried:
            tried[k] = lay_out(trim(brief, order[:k]))
        return tried[k]

    def fits(k: int) -> bool:
        return len(attempt(k)[1].pages) <= max_pages

    lo, hi = -1, None            # lo: largest cut known to overflow; hi: smallest known to fit
    k = 0
    while len(tried) < max_passes:
        if fits(k):
            hi = k
        else:
            lo = k
        if hi is not None and hi - lo <= 1:
            break
        if hi is None:
            if k >= len(order):
                break
            k = max(k + 1, min(len(order), k + _estimate(attempt(k)[1], order[k:], max_pages)))
        else:
            k = (lo + hi) // 2
    if hi is None:
        raise RenderError(
            f"the brief does not fit on {max_pages} page(s) even with every trimmable item left out "
            f"({len(order)} items); shorten the analyst note or use a theme with smaller type")
    html, document = attempt(hi)
    chosen = trim(brief, order[:hi])
    if hi:
        log.info("one-page fit: dropped %d item(s) in %d layout pass(es)", hi, len(tried))
    return FitResult(chosen, document, html, len(tried), order[:hi])


def _estimate(document, remaining: list[str], max_pages: int) -> int:
    """How many of `remaining` (in order) to drop so their height covers the spill."""
    spill = sum(_used_height(page) for page in document.pages[max_pages:])
    heights = _item_heights(document)
    covered, count = 0.0, 0
    for item in remaining:
        count += 1
        if item == COMPACT_SOURCES:
            covered += heights.get("sources", 0.0) * COMPACT_SOURCES_SAVING
        else:
            covered += heights.get(item, 0.0)
        if covered >= spill:
            break
    return count


def _item_heights(document) -> dict[str, float]:
    """Total laid-out height per data-item id (fragments on several pages added up)."""
    heights: dict[str, float] = defaultdict(float)
    for page in document.pages:
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or box.element_tag.startswith("::") or "::" in box.element_tag:
                continue
            item = element.get("data-item")
            if item and element.tag != "html" and box.element_tag == element.tag:
                heights[item] += box.margin_height()
            elif element.get("class", "").split()[:1] == ["sources"] and element.tag == "section":
                heights["sources"] += box.margin_height()
    return heights


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
