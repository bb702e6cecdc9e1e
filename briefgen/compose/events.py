"""Events: the timeline (what has happened) and what is next."""
from __future__ import annotations

import datetime as dt

from briefgen.compose.cite import MAX_ITEM_MARKS, Citer
from briefgen.compose.ids import item_id
from briefgen.model import Event, Facts, TimelineEntry


def timeline(facts: Facts, cite: Citer) -> list[TimelineEntry]:
    """Past and ongoing events, chronological (undated ones last, in article order)."""
    entries = _one_per_typed_event([_entry(e, cite) for e in facts.events
                                    if e.status in ("past", "ongoing") and cite.citable(e)])
    return sorted(entries, key=lambda e: (e.date is None, e.date or dt.date.min))


def upcoming(facts: Facts, cite: Citer, as_of: dt.date | None) -> list[TimelineEntry]:
    """Scheduled and expected events after the newest source, soonest first; scheduled before
    expected on one day. A plan dated on or before the "as of" date is stale: whether it happened
    is not known from the sources, so it is neither "next" nor history."""
    entries = _one_per_typed_event([_entry(e, cite) for e in facts.events
                                    if e.status in ("scheduled", "expected") and cite.citable(e)
                                    and (as_of is None or (e.date is not None and e.date > as_of))])
    return sorted(entries, key=lambda e: (e.date is None, e.date or dt.date.max, e.status != "scheduled"))


def _one_per_typed_event(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Typed events of one day, status, kind, actor and place are one event told twice (two
    clauses of an article about one strike): in a brief in another language they would print the
    same generated line twice. The first, in article order, stays; an event naming neither actor
    nor place goes when one of its day and kind names either (it tells less of the same)."""
    def day_kind(entry: TimelineEntry) -> tuple:
        return entry.date, entry.precision, entry.status, entry.kind

    told = {day_kind(e) for e in entries if e.kind is not None and (e.actor or e.place)}
    seen: set[tuple] = set()
    kept = []
    for entry in entries:
        key = (*day_kind(entry), entry.actor, entry.place)
        if entry.kind is not None and (key in seen or (not (entry.actor or entry.place) and day_kind(entry) in told)):
            continue
        seen.add(key)
        kept.append(entry)
    return kept


def _entry(event: Event, cite: Citer) -> TimelineEntry:
    return TimelineEntry(id=item_id("event", event.date, event.status, event.description), date=event.date,
                         precision=event.precision, status=event.status, description=event.description,
                         kind=event.kind, actor=event.actor, place=event.place, said_by=event.said_by,
                         marks=cite.fact_marks(event, MAX_ITEM_MARKS))
