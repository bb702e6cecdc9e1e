"""Figures across sources: the same quantity becomes one fact; values are never averaged.

A quantity is (category, group, place). Every source giving the same value adds to its
agreement (copies included) and to its independent count (distinct stories only). When
different stories give different values, the figure is *disputed*: it keeps one claim per
value with the sources behind it, shows the newest report's value and marks that claim newest.
Different values that one source gives side by side (an old and a new toll in the same article)
are left as separate figures: a source does not dispute itself.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from briefgen.merge.copies import clone, put
from briefgen.merge.entities import norm, unique_citations
from briefgen.model import ANALYST, Claim, Figure


# Group words that only say "humans": "35 missing" and "35 people missing" count the same thing.
_PLAIN_GROUPS = {"", "people", "person", "persons", "individuals"}


def quantity_key(fig: Figure, place_key: Callable[[str, list], str] | None = None) -> tuple[str, str, str]:
    group = norm(fig.group or "")
    group = "" if group in _PLAIN_GROUPS else group
    group = group[:-1] if group.endswith("s") and not group.endswith("ss") else group
    place = norm(fig.place or "").removeprefix("the ")
    if place_key and place:  # sources in several languages: "Köln" and "Cologne" are one place
        place = place_key(fig.place or "", fig.citations).removeprefix("the ")
    return fig.category, group, place


def _attach_placeless(by_quantity: dict[tuple, list[Figure]]) -> None:
    """'At least 31 killed' without a place counts the same thing as '29 killed in Valdera' when
    the sources name exactly one place for that category and group; with two or more places
    (east and west Aleppo) a place-less figure cannot be assigned and stays on its own."""
    placed_for: dict[tuple, list[tuple]] = defaultdict(list)  # one pass, not one per place-less key
    for key in by_quantity:
        if key[2]:
            placed_for[key[:2]].append(key)
    for key in [k for k in by_quantity if not k[2]]:
        placed = placed_for.get(key[:2], [])
        if len(placed) == 1:
            by_quantity[placed[0]].extend(by_quantity.pop(key))


def _value_key(fig: Figure) -> tuple:
    return (fig.value, fig.approx, fig.vague)


def merge_figures(figures: list[Figure], story_of: dict[str, str],
                  published: dict[str, dt.date | None], tiers: dict[str, int | None],
                  place_key: Callable[[str, list], str] | None = None) -> list[Figure]:
    by_quantity: dict[tuple, list[Figure]] = defaultdict(list)
    out: list[Figure] = []
    for fig in figures:
        # Context figures (another time, event or place...) are never folded into the story's
        # counts: a war's total is not a different report of this week's toll.
        if fig.origin == ANALYST or not fig.citations or fig.scope == "context":
            out.append(fig)
        else:
            by_quantity[quantity_key(fig, place_key)].append(fig)
    _attach_placeless(by_quantity)
    for group in by_quantity.values():
        by_value: dict[tuple, list[Figure]] = defaultdict(list)
        for fig in group:
            by_value[_value_key(fig)].append(fig)
        folded = [_fold_same_value(figs, story_of) for figs in by_value.values()]
        per_value = [{c.source for c in f.citations} for f in folded]
        gives_all = set.intersection(*per_value)
        if len(folded) > 1 and not gives_all:
            out.append(_disputed(folded, story_of, published, tiers))
        else:
            out.extend(folded)
    return out


def _fold_same_value(figs: list[Figure], story_of: dict[str, str]) -> Figure:
    keep = clone(figs[0])
    citations = unique_citations(c for f in figs for c in f.citations)
    sources = {c.source for c in citations}
    put(keep, citations=citations, subsets=list(next((f.subsets for f in figs if f.subsets), [])),
        date=next((f.date for f in figs if f.date), None), agreement=len(sources), lead=any(f.lead for f in figs),
        independent=len({story_of.get(s, s) for s in sources}))
    return keep


def _disputed(folded: list[Figure], story_of: dict[str, str],
              published: dict[str, dt.date | None], tiers: dict[str, int | None]) -> Figure:
    def newest_date(fig: Figure) -> dt.date:
        dates = [published.get(c.source) for c in fig.citations]
        return max((d for d in dates if d), default=dt.date.min)

    def best_tier(fig: Figure) -> int:
        return min((tiers.get(c.source) or 5 for c in fig.citations), default=5)

    # Newest report first; on the same day the better outlet tier (briefgen.toml), then agreement.
    ordered = sorted(folded, key=lambda f: (newest_date(f), -best_tier(f), f.agreement), reverse=True)
    head = clone(ordered[0])  # agreement/independent already set by _fold_same_value
    claims = []
    for n, fig in enumerate(ordered):
        sources = sorted({c.source for c in fig.citations})
        claims.append(Claim(value=fig.value, approx=fig.approx, vague=fig.vague, qualifier=fig.qualifier,
                            text=fig.text, sources=sources, newest=(n == 0 and newest_date(fig) > dt.date.min),
                            published=newest_date(fig) if newest_date(fig) > dt.date.min else None,
                            citations=fig.citations))
    newest_day = claims[0].published
    put(head, disputed=True, claims=claims, lead=any(f.lead for f in folded),
        revised=newest_day is not None and len({c.value for c in claims if c.published == newest_day}) == 1)
    # The head keeps its own (newest) value's citations, agreement and subsets: a citation must
    # hold its figure's words, and a subset belongs to the total it was reported with.
    return head
