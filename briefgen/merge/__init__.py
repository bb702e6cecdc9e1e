"""Merge per-source facts into one `Facts`: stories found, entities resolved, agreement counted.

Order matters: stories first (agreement counts distinct stories), then people (quote speakers
are renamed to the full name kept), then figures, quotes and the timeline.
"""
from __future__ import annotations

from collections.abc import Iterable

from briefgen.kinds import merge_all as merge_kinds
from briefgen.merge.copies import put
from briefgen.merge.entities import merge_organizations, merge_people, merge_places
from briefgen.merge.events import merge_events, merge_quotes
from briefgen.merge.figures import merge_figures
from briefgen.merge.place_keys import keyer
from briefgen.merge.stories import find_stories
from briefgen.model import Facts, Figure


def merge(parts: Iterable[Facts]) -> Facts:
    merged = Facts()
    seen: set[str] = set()
    for part in parts:
        fresh = [s for s in part.sources if s.id not in seen]
        if part.sources and not fresh:
            continue  # byte-for-byte the same article again: nothing new to count
        seen.update(s.id for s in fresh)
        merged.sources.extend(fresh)
        for kind in ("people", "organizations", "places", "quotes", "figures", "events", "stories", "warnings"):
            getattr(merged, kind).extend(getattr(part, kind))
        for name, items in part.kinds.items():  # registered kinds' (briefgen.kinds), checked on load
            merged.kinds.setdefault(name, []).extend(items)
    return resolve(merged)


def resolve(facts: Facts) -> Facts:
    """Fold what `facts` says twice; safe to run again on already merged facts."""
    story_of = find_stories(facts.sources)
    for source in facts.sources:
        put(source, story=story_of[source.id] if story_of[source.id] != source.id else None)
    published = {s.id: s.published for s in facts.sources}
    facts.people, renamed = merge_people(facts.people)
    facts.organizations = merge_organizations(facts.organizations)
    place_key = keyer(facts.sources)  # one place across languages: Alep, Aleppo, Алеппо
    facts.places = merge_places(facts.places, [s.title or "" for s in facts.sources], place_key)
    tiers = {s.id: s.tier for s in facts.sources}
    facts.figures = merge_figures(_undispute(facts.figures), story_of, published, tiers, place_key)
    facts.quotes = merge_quotes(facts.quotes, renamed)
    facts.events = merge_events(facts.events)
    facts.kinds = merge_kinds(facts.kinds)
    return facts


def _undispute(figures: list[Figure]) -> list[Figure]:
    """Split disputed figures back into one figure per claim, so merging again is idempotent."""
    out = []
    for fig in figures:
        if not fig.disputed:
            out.append(fig)
            continue
        for claim in fig.claims:
            out.append(fig.model_copy(update={
                "value": claim.value, "approx": claim.approx, "vague": claim.vague, "qualifier": claim.qualifier,
                "text": claim.text, "citations": claim.citations, "disputed": False, "revised": False,
                "claims": [],
                "subsets": fig.subsets if claim.newest else []}))
    return out
