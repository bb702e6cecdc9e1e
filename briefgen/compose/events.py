"""Events: the timeline (what has happened) and what is next."""
from __future__ import annotations

import datetime as dt

from briefgen.compose.cite import MAX_ITEM_MARKS, Citer
from briefgen.compose.ids import item_id
from briefgen.model import Event, Facts, TimelineEntry


def timeline(facts: Facts, cite: Citer) -> list[TimelineEntry]:
    """Past and ongoing events, chronological (undated ones last, in article order)."""
    entries = [_entry(e, cite) for e in facts.events if e.status in ("past", "ongoing") and cite.citable(e)]
    return sorted(entries, key=lambda e: (e.date is None, e.date or dt.date.min))


def upcoming(facts: Facts, cite: Citer, as_of: dt.date | None) -> list[TimelineEntry]:
    """Scheduled and expected events after the newest source, soonest first; scheduled before
    expected on one day. A plan dated on or before the "as of" date is stale: whether it happened
    is not known from the sources, so it is neither "next" nor history."""
    entries = [_entry(e, cite) for e in facts.events
               if e.status in ("scheduled", "expected") and cite.citable(e)
               and (as_of is None or (e.date is not None and e.date > as_of))]
    return sorted(entries, key=lambda e: (e.date is None, e.date or dt.date.max, e.status != "scheduled"))


def _entry(event: Event, cite: Citer) -> TimelineEntry:
    return TimelineEntry(id=item_id("event", event.date, event.status, event.description), date=event.date,
                         precision=event.precision, status=event.status, description=event.description,
                         said_by=event.said_by, marks=cite.fact_marks(event, MAX_ITEM_MARKS))
