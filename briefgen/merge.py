"""Merge per-source facts into one `Facts`: identical copies folded, entities unified.

This is the first, conservative merge: a source whose content is identical to another is
counted once; people, organisations and places with the same name become one entry with
all citations; exact duplicate figures (same value, category, group, place) are folded.
Figures that differ are kept side by side — never averaged — so compose can show disputes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from briefgen.model import Facts, Figure, Organization, Person, Place

T = TypeVar("T", Person, Organization, Place)


def merge(parts: Iterable[Facts]) -> Facts:
    merged = Facts()
    seen_sources: set[str] = set()
    for part in parts:
        fresh = [s for s in part.sources if s.id not in seen_sources]
        if part.sources and not fresh:
            continue  # an identical copy of a source we already have
        seen_sources.update(s.id for s in fresh)
        merged.sources.extend(fresh)
        merged.people.extend(part.people)
        merged.organizations.extend(part.organizations)
        merged.places.extend(part.places)
        merged.quotes.extend(part.quotes)
        merged.figures.extend(part.figures)
        merged.events.extend(part.events)
        merged.warnings.extend(part.warnings)
    merged.people = _fold(merged.people, _name_key, _merge_person)
    merged.organizations = _fold(merged.organizations, _name_key, _merge_aliased)
    merged.places = _fold(merged.places, _name_key, _merge_place)
    merged.figures = _fold(merged.figures, _figure_key, _merge_figure)
    return merged


def _name_key(item: Person | Organization | Place) -> str:
    return " ".join(item.name.casefold().split())


def _figure_key(fig: Figure) -> tuple:
    return (fig.value, fig.approx, fig.category, (fig.group or "").casefold(), (fig.place or "").casefold())


def _fold(items: list, key: Callable, combine: Callable) -> list:
    out: dict = {}
    for item in items:
        k = key(item)
        out[k] = combine(out[k], item) if k in out else item.model_copy(deep=True)
    return list(out.values())


def _union_citations(a, b) -> list:
    seen = {(c.source, c.start, c.end) for c in a.citations}
    return a.citations + [c for c in b.citations if (c.source, c.start, c.end) not in seen]


def _merge_person(a: Person, b: Person) -> Person:
    a.citations = _union_citations(a, b)
    if not a.role or (b.role and len(b.role) > len(a.role)):
        a.role = b.role
    a.aliases = sorted(set(a.aliases) | set(b.aliases))
    return a


def _merge_aliased(a: Organization, b: Organization) -> Organization:
    a.citations = _union_citations(a, b)
    a.aliases = sorted(set(a.aliases) | set(b.aliases))
    return a


def _merge_place(a: Place, b: Place) -> Place:
    a.citations = _union_citations(a, b)
    a.country = a.country or b.country
    return a


def _merge_figure(a: Figure, b: Figure) -> Figure:
    a.citations = _union_citations(a, b)
    if not a.subsets:
        a.subsets = b.subsets
    return a
