"""Trimming for the one-page fit: which item goes first is an editorial policy (BRIEF.md,
"Sections, in priority order"), not a layout one; the fit (briefgen/render/fit.py) only
measures how many go."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from briefgen.compose.budget import Budget
from briefgen.compose.cite import cite_printed, shorten
from briefgen.compose.quotes import quote_substance
from briefgen.model import ANALYST, Brief, BriefQuote, KeyFigure, TimelineEntry


@dataclass(frozen=True)
class DropItem:
    """Leave one item out: a key figure, a timeline or next event, a quote (by its `id`)."""

    id: str

    @property
    def key(self) -> str:
        return self.id


@dataclass(frozen=True)
class CompactSources:
    """Shrink the sources list to outlet + date (the headlines go)."""

    # Item ids are "<kind>:<hash>" with kind figure, event, quote or dispute: this never is one.
    key: ClassVar[str] = "sources:compact"


TrimStep = DropItem | CompactSources


@dataclass(frozen=True)
class TrimPlan:
    """Steps of the one-page fit, lowest priority first: what may go (`trim_order`), or what went.
    Iterates over its steps; a slice is the plan of its first steps."""

    steps: tuple[TrimStep, ...] = ()

    def __iter__(self) -> Iterator[TrimStep]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, index: slice) -> TrimPlan:
        return TrimPlan(self.steps[index])

    def keys(self) -> list[str]:
        """The steps as readable strings (item ids, "sources:compact"): the fit cache's format."""
        return [step.key for step in self.steps]

    @classmethod
    def from_keys(cls, keys: Iterable[str]) -> TrimPlan:
        return cls(tuple(CompactSources() if key == CompactSources.key else DropItem(key) for key in keys))


COMPACT_SOURCES = CompactSources()


def trim_order(brief: Brief, budget: Budget | None = None) -> TrimPlan:
    """Ids of what may go, lowest priority first (BRIEF.md): sources shrink to outlet + date,
    then upcoming events beyond the first, quotes (longest first), timeline events (least
    sourced, then oldest), key figures down to the minimum (least important first).
    Header, bottom line, disputes, analyst note and footer are never trimmed. In each section
    the analyst's own facts go last: what the user wrote outranks what was extracted."""
    budget = budget or Budget()
    order: list[str] = analyst_last(list(reversed(brief.next[1:])))
    order += analyst_last(brief.quotes, _quote_trim_order(brief.quotes))
    order += analyst_last(brief.timeline, timeline_trim_order(brief.timeline))
    # The minimum kept is counted after the analyst's figures move last, so one of low rank is
    # kept in place of an extracted figure rather than trimmed before it.
    figures = analyst_last(list(reversed(sorted(brief.figures, key=lambda f: f.rank))))
    order += figures[:max(0, len(figures) - budget.min_figures)]
    compact: tuple[TrimStep, ...] = (COMPACT_SOURCES,) if brief.sources and not brief.compact_sources else ()
    return TrimPlan(compact + tuple(DropItem(i) for i in order))


def analyst_last(items: list, order: list[str] | None = None) -> list[str]:
    """Ids of `items` in `order` (default: as given), the analyst's own facts moved last."""
    analyst = {item.id for item in items if any(m.origin == ANALYST for m in item.marks)}
    ids = order if order is not None else [item.id for item in items]
    return [i for i in ids if i not in analyst] + [i for i in ids if i in analyst]


def trim(brief: Brief, steps: Iterable[TrimStep]) -> Brief:
    """A copy of `brief` with `steps` (a `TrimPlan` or some of its steps) done; what went is
    listed in `dropped`."""
    steps = set(steps)
    ids = {step.id for step in steps if isinstance(step, DropItem)}
    dropped = list(brief.dropped)
    kept: dict[str, list] = {}
    for name in ("figures", "timeline", "quotes", "next"):
        items = getattr(brief, name)
        dropped += [describe(item) for item in items if item.id in ids]
        kept[name] = [item for item in items if item.id not in ids]
    compact = brief.compact_sources or COMPACT_SOURCES in steps
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
