"""Trimming for the one-page fit: which item goes first is an editorial policy (BRIEF.md,
"Sections, in priority order"), not a layout one; the fit (briefgen/render/fit.py) only
measures how many go."""
from __future__ import annotations

import datetime as dt

from briefgen.compose.budget import Budget
from briefgen.compose.cite import cite_printed, shorten
from briefgen.compose.quotes import quote_substance
from briefgen.model import Brief, BriefQuote, KeyFigure, TimelineEntry

COMPACT_SOURCES = "sources:compact"


def trim_order(brief: Brief, budget: Budget | None = None) -> list[str]:
    """Ids of what may go, lowest priority first (BRIEF.md): sources shrink to outlet + date,
    then upcoming events beyond the first, quotes (longest first), timeline events (least
    sourced, then oldest), key figures down to the minimum (least important first).
    Header, bottom line, disputes, analyst note and footer are never trimmed. In each section
    the analyst's own facts go last: what the user wrote outranks what was extracted."""
    budget = budget or Budget()
    order: list[str] = [COMPACT_SOURCES] if brief.sources and not brief.compact_sources else []
    order += analyst_last(list(reversed(brief.next[1:])))
    order += analyst_last(brief.quotes, _quote_trim_order(brief.quotes))
    order += analyst_last(brief.timeline, timeline_trim_order(brief.timeline))
    # The minimum kept is counted after the analyst's figures move last, so one of low rank is
    # kept in place of an extracted figure rather than trimmed before it.
    figures = analyst_last(list(reversed(sorted(brief.figures, key=lambda f: f.rank))))
    order += figures[:max(0, len(figures) - budget.min_figures)]
    return order


def analyst_last(items: list, order: list[str] | None = None) -> list[str]:
    """Ids of `items` in `order` (default: as given), the analyst's own facts moved last."""
    analyst = {item.id for item in items if any(m.source == "analyst" for m in item.marks)}
    ids = order if order is not None else [item.id for item in items]
    return [i for i in ids if i not in analyst] + [i for i in ids if i in analyst]


def trim(brief: Brief, ids: list[str] | set[str]) -> Brief:
    """A copy of `brief` without the items `ids`; what went is listed in `dropped`."""
    ids = set(ids)
    dropped = list(brief.dropped)
    kept: dict[str, list] = {}
    for name in ("figures", "timeline", "quotes", "next"):
        items = getattr(brief, name)
        dropped += [describe(item) for item in items if item.id in ids]
        kept[name] = [item for item in items if item.id not in ids]
    compact = brief.compact_sources or COMPACT_SOURCES in ids
    if compact and not brief.compact_sources:
        dropped.append("sources: headlines left out")
    return cite_printed(brief.model_copy(update={**kept, "compact_sources": compact, "dropped": dropped}))


def _quote_trim_order(quotes: list[BriefQuote]) -> list[str]:
    """A speaker's second and later quotes go first (more voices beat more words from one), then
    the quotes of least substance (`quote_substance`), then the longest (BRIEF.md: shortest kept)."""
    seen: set[str | None] = set()
    repeat: dict[str, bool] = {}
    for q in sorted(quotes, key=lambda q: (-quote_substance(q), len(q.text), q.id)):
        repeat[q.id] = q.speaker in seen
        seen.add(q.speaker)
    return [q.id for q in sorted(quotes, key=lambda q: (not repeat[q.id], quote_substance(q), -len(q.text), q.id))]


def timeline_trim_order(timeline: list[TimelineEntry]) -> list[str]:
    """Least-sourced first, then oldest (undated count as oldest)."""
    return [e.id for e in sorted(timeline, key=lambda e: (len(e.marks), e.date or dt.date.min, e.id))]


def describe(item: KeyFigure | TimelineEntry | BriefQuote) -> str:
    """A short, locale-neutral line for `dropped` (shown by the CLI, logged)."""
    if isinstance(item, KeyFigure):
        what = " ".join(str(x) for x in (item.vague or item.value, item.group, item.place) if x)
        return f"figure ({item.category}): {what}"
    if isinstance(item, BriefQuote):
        return f"quote by {item.speaker or 'unknown speaker'}: {shorten(item.text)}"
    return f"event {item.date.isoformat() if item.date else 'undated'}: {shorten(item.description)}"
