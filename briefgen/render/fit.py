"""The one-page fit: lay out, measure the overflow, trim by priority, lay out again.

Trimming one item per pass would take dozens of layouts on a busy brief. Instead each
layout is measured: how tall is the content that spilled past the last allowed page, and
how much room would each droppable item free (templates tag items with `data-item="<id>"`
and their columns with `data-fit-column`)? Items chosen in priority order until the room
covers the spill give the next layout. Once one fits, what the last batch took beyond the
need is given back when its measured heights fit in the room left on the page (one more
layout confirms it). Then the room left is used before anything is reported dropped: what went,
the most important first, is put back one item at a time while the page still fits (`_refill`,
at most MAX_REFILL_PASSES layouts). Usually 1 layout, 2–3 on a busy brief.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from briefgen.compose import CompactSources, TrimPlan, TrimStep, trim, trim_order
from briefgen.errors import RenderError
from briefgen.model import Brief

log = logging.getLogger(__name__)

MAX_SEARCH_PASSES = 6
# Layouts spent putting back what the fit dropped but what may fit after all (`_refill`).
MAX_REFILL_PASSES = 3
# Share of the sources list that shrinking it to "outlet, date" is assumed to save.
COMPACT_SOURCES_SAVING = 0.4


@dataclass
class FitResult:
    brief: Brief
    document: object          # weasyprint Document of the chosen brief
    html: str                 # the HTML that was laid out
    passes: int
    trimmed: TrimPlan = field(default_factory=TrimPlan)   # what the fit did (its hint next time)


def fit(brief: Brief, lay_out: Callable[[Brief], tuple[str, object]], *, max_pages: int = 1,
        max_passes: int = 3, hint: TrimPlan | None = None) -> FitResult:
    """The brief with few low-priority items dropped that lays out on `max_pages`.

    `max_passes` bounds the give-back search only; finding a fit takes what it needs (each
    pass drops at least one item; after `MAX_SEARCH_PASSES` everything trimmable goes), and
    the refill at most MAX_REFILL_PASSES more.
    `hint`: what this search dropped for the very same brief, theme and page before (the
    build's fit cache); one layout confirms it, and if it does not fit the search runs as usual.
    """
    candidates = list(trim_order(brief))
    if hint is not None and set(hint) <= set(candidates):
        hinted = trim(brief, hint)
        html, document = lay_out(hinted)
        if len(document.pages) <= max_pages:
            return FitResult(hinted, document, html, 1, hint)
    tried: dict[tuple[TrimStep, ...], tuple[str, object]] = {}
    dropped: list[TrimStep] = []
    gains: dict[TrimStep, float] = {}      # what each dropped step was measured to free

    def attempt(steps: list[TrimStep]) -> tuple[str, object]:
        key = tuple(steps)
        if key not in tried:
            tried[key] = lay_out(trim(brief, key))
        return tried[key]

    def fits(steps: list[TrimStep]) -> bool:
        return len(attempt(steps)[1].pages) <= max_pages

    overflowing = -1                       # largest prefix of `dropped` known to overflow
    while not fits(dropped):
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
            chosen = _choose(attempt(dropped)[1], remaining, max_pages)
            gains.update(chosen)
            dropped += list(chosen) or remaining
    hi = len(dropped)
    # The last batch may hold more than was needed: give back, from its end, what was measured
    # to take less height than the fitting page has left (one layout to confirm), while passes remain.
    if overflowing >= 0 and len(tried) < max_passes:
        room = _room(attempt(dropped)[1], max_pages)
        back = 0
        for item in reversed(dropped[overflowing:hi]):
            if item not in gains or gains[item] > room:
                break
            room -= gains[item]
            back += 1
        if back and fits(dropped[:hi - back]):
            hi -= back
    left_out = _refill(dropped[:hi], candidates, gains, fits, lambda steps: _room(attempt(steps)[1], max_pages))
    html, document = attempt(left_out)
    if left_out:
        log.info("one-page fit: dropped %d item(s) in %d layout pass(es)", len(left_out), len(tried))
    return FitResult(trim(brief, left_out), document, html, len(tried), TrimPlan(tuple(left_out)))


def _refill(left_out: list[TrimStep], candidates: list[TrimStep], gains: dict[TrimStep, float],
            fits: Callable[[list[TrimStep]], bool], room: Callable[[list[TrimStep]], float]) -> list[TrimStep]:
    """`left_out` (which fits) less what fits back on the page: the room a long item left may
    take a short one of another section, and only what truly does not fit is reported dropped.

    Tried one at a time, the most important first (reverse trim order, any section), each
    confirmed by a layout, at most MAX_REFILL_PASSES of them. A step measured to free more
    height than the page has left is not tried: it would not fit back."""
    order = {step: i for i, step in enumerate(candidates)}
    passes = 0
    for step in sorted(left_out, key=order.__getitem__, reverse=True):
        if passes >= MAX_REFILL_PASSES:
            break
        if step in gains and gains[step] > room(left_out):
            continue
        passes += 1
        trial = [s for s in left_out if s != step]
        if fits(trial):
            left_out = trial
    return left_out


def _room(document, max_pages: int) -> float:
    """Height left free at the foot of the last page of a document that fits."""
    last = document.pages[min(len(document.pages), max_pages) - 1]
    return max(0.0, last._page_box.height - _used_height(last))


def _choose(document, remaining: list[TrimStep], max_pages: int) -> dict[TrimStep, float]:
    """Which of `remaining` to drop, in priority order, so the height they free covers the spill:
    {item: height it frees}, in the order chosen.

    Items in a column (an ancestor with `data-fit-column`) free height only while their
    column is the longest one: the grid row is as tall as its longest column. Such an item
    that would free nothing is kept, even though it ranks lower than what goes: dropping it
    would lose content and gain no room. Kept for now only: once the other column is shorter
    it frees height, so the list is swept again, lowest first, until the spill is covered (one
    sweep left the rest of a column that stopped being the longest for the next layout pass).
    Items in a row grid (`data-fit-row-of="3"`) free a row only when the row empties: count a third.
    """
    spill = sum(_used_height(page) for page in document.pages[max_pages:])
    # Room left at the foot of the last allowed page (a block that did not fit moved on whole).
    last = document.pages[max_pages - 1]
    spill -= max(0.0, last._page_box.height - _used_height(last))
    measure = _measure(document)
    columns = dict(measure.columns)
    freed, chosen = 0.0, {}
    pending = list(remaining)
    while pending and freed < spill:
        before_sweep = len(chosen)
        for step in pending:
            if isinstance(step, CompactSources):
                gain = measure.items.get("sources", 0.0) * COMPACT_SOURCES_SAVING
            elif step.id in measure.column_of:
                before = max(columns.values())
                after = dict(columns)
                after[measure.column_of[step.id]] -= measure.items.get(step.id, 0.0)
                gain = before - max(after.values())
                if gain > 0:
                    columns = after
            else:
                gain = measure.items.get(step.id, 0.0) / measure.row_of.get(step.id, 1)
            if gain <= 0:
                continue
            chosen[step] = gain
            freed += gain
            if freed >= spill:
                break
        if len(chosen) == before_sweep:
            break
        pending = [step for step in pending if step not in chosen]
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
