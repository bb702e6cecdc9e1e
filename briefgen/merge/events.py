"""Quotes and timeline events across sources: the same one reported twice is one entry.

Quotes fold on their normalised words. Events fold when they share a date and status and
their descriptions overlap strongly; the timeline is ordered by resolved date (undated last).
"""
from __future__ import annotations

import datetime as dt
import re

from briefgen.merge.copies import clone, put
from briefgen.merge.entities import norm, unique_citations
from briefgen.model import ANALYST, Event, Quote

SAME_EVENT = 0.5
_WORD = re.compile(r"\w+")


def merge_quotes(quotes: list[Quote], renamed: dict[str, str]) -> list[Quote]:
    kept: dict[str, Quote] = {}
    for quote in quotes:
        speaker = renamed.get(quote.speaker, quote.speaker)
        key = norm(quote.text)
        if key in kept:
            keep = kept[key]
            keep.citations.extend(quote.citations)
            put(keep, speaker=keep.speaker or speaker, role=keep.role or quote.role)
        else:
            kept[key] = keep = clone(quote)
            if quote.speaker in renamed:
                put(keep, speaker=speaker)
    for quote in kept.values():
        citations = unique_citations(quote.citations)
        put(quote, citations=citations, agreement=max(1, len({c.source for c in citations})))
    return list(kept.values())


def _words(event: Event) -> set[str]:
    return set(_WORD.findall(norm(event.description)))


def merge_events(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    # Blocking keeps this linear: an event is compared only with events of the same day (as
    # closely known: "in October" is not October 1) and status that share its longest word (two reports of one event share their key noun).
    blocks: dict[tuple, list[tuple[Event, set[str]]]] = {}
    # Per block, the first entry that matches a set of words: entries are only ever appended, so
    # once found it stays the first match, and a long block is not scanned again for a repeat.
    first_match: dict[tuple, dict[frozenset[str], Event]] = {}
    for event in events:
        words = _words(event)
        # Sorted before max: on a set, ties would be broken by the hash seed.
        key = (event.date, event.precision, event.status, max(sorted(words), key=len, default=""))
        block = blocks.setdefault(key, [])
        found = first_match.setdefault(key, {})
        frozen = frozenset(words)
        match = found.get(frozen)
        if match is None:
            match = next((k for k, kw in block if _overlap(words, kw) >= SAME_EVENT), None)
            if match is not None:
                found[frozen] = match
        if match is not None and event.origin != ANALYST:
            match.citations.extend(event.citations)
            continue
        copy = clone(event)
        block.append((copy, words))
        kept.append(copy)
        if match is None and words:  # an event's words always match themselves (overlap 1)
            found[frozen] = copy
    for event in kept:
        citations = unique_citations(event.citations)
        put(event, citations=citations, agreement=max(1, len({c.source for c in citations})))
    return sorted(kept, key=lambda e: (e.date is None, e.date or dt.date.min))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
