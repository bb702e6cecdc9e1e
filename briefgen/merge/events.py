"""Quotes and timeline events across sources: the same one reported twice is one entry.

Quotes fold on their normalised words. Events fold when they share a date and status and
their descriptions overlap strongly; the timeline is ordered by resolved date (undated last).
"""
from __future__ import annotations

import datetime as dt
import re

from briefgen.merge.entities import norm, unique_citations
from briefgen.model import Event, Quote

SAME_EVENT = 0.5
_WORD = re.compile(r"\w+")


def merge_quotes(quotes: list[Quote], renamed: dict[str, str]) -> list[Quote]:
    kept: dict[str, Quote] = {}
    for quote in quotes:
        quote = quote.model_copy(deep=True)
        if quote.speaker in renamed:
            quote.speaker = renamed[quote.speaker]
        key = norm(quote.text)
        if key in kept:
            keep = kept[key]
            keep.citations.extend(quote.citations)
            keep.speaker = keep.speaker or quote.speaker
            keep.role = keep.role or quote.role
        else:
            kept[key] = quote
    for quote in kept.values():
        quote.citations = unique_citations(quote.citations)
        quote.agreement = max(1, len({c.source for c in quote.citations}))
    return list(kept.values())


def _words(event: Event) -> set[str]:
    return set(_WORD.findall(norm(event.description)))


def merge_events(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    # Blocking keeps this linear: an event is compared only with events of the same day and
    # status that share its longest word (two reports of one event share their key noun).
    blocks: dict[tuple, list[tuple[Event, set[str]]]] = {}
    for event in events:
        words = _words(event)
        # Sorted before max: on a set, ties would be broken by the hash seed.
        block = blocks.setdefault((event.date, event.status, max(sorted(words), key=len, default="")), [])
        match = next((k for k, kw in block if _overlap(words, kw) >= SAME_EVENT), None)
        if match is not None and event.source != "analyst":
            match.citations.extend(event.citations)
            continue
        copy = event.model_copy(deep=True)
        block.append((copy, words))
        kept.append(copy)
    for event in kept:
        event.citations = unique_citations(event.citations)
        event.agreement = max(1, len({c.source for c in event.citations}))
    return sorted(kept, key=lambda e: (e.date is None, e.date or dt.date.min))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
