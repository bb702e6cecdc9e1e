"""Compose: decide what goes into the brief and in which priority, never how it looks.

Input is `Facts` (possibly from many sources, possibly unmerged); output is a `Brief` whose
lists are already selected, ordered and cited. Everything is derived from the facts, so the
same facts always give the same brief (the build date is the latest source date, not the
clock). Phrasing and formatting happen in the templates, in the reader's locale.

One module per concern: the story (`story`), key figures and their ranking (`key_figures`),
disputes, events, quotes, the bottom line, citations (`cite`), and the trim order of the
one-page fit (`trim`): which item goes first is an editorial policy (../shared/design/BRIEF.md,
"Sections, in priority order"), not a layout one.
"""
from __future__ import annotations

from briefgen import __version__
from briefgen.compose.bottom_line import bottom_line
from briefgen.compose.budget import Budget
from briefgen.compose.cite import Citer, cite_printed, cited_sentence
from briefgen.compose.disputes import printed_disputes
from briefgen.compose.events import timeline as timeline_of, upcoming as upcoming_of
from briefgen.compose.ids import brief_id
from briefgen.compose.key_figures import CATEGORY_RANK, EXPECTED_CATEGORIES, TOPIC_OF_CATEGORY, key_figures
from briefgen.compose.quotes import quote_substance, quotes as quotes_of
from briefgen.compose.story import main_place, story as story_of
from briefgen.compose.trim import (
    COMPACT_SOURCES, CompactSources, DropItem, TrimPlan, TrimStep, analyst_last, describe, timeline_trim_order, trim,
    trim_order,
)
from briefgen.kinds import sections as kind_sections
from briefgen.model import Brief, Facts

__all__ = ["CATEGORY_RANK", "COMPACT_SOURCES", "Budget", "CompactSources", "DropItem", "TrimPlan", "TrimStep",
           "compose", "cited_sentence", "quote_substance", "trim", "trim_order"]

COMPACT_FROM = 20          # listed sources from which the list starts as outlet + date


def compose(facts: Facts, *, notes_markdown: str | None = None, budget: Budget | None = None) -> Brief:
    """Select, order and cite what the brief says; see BRIEF.md for the sections."""
    budget = budget or Budget()
    cite = Citer(facts)
    dropped: list[str] = []

    story = story_of(facts, cite)
    figures, disputes, context = key_figures(facts, cite, story.place)
    if story.type == "none" and not any(f.category != "other" for f in figures):
        figures = []            # a story with no crisis event and no people count shows no key figures
    # Compose's own caps drop in the fit's order: the analyst's facts after the extracted ones.
    if len(figures) > budget.max_figures:
        keep = set(analyst_last(list(reversed(figures)))[len(figures) - budget.max_figures:])
        dropped += [describe(f) for f in figures if f.id not in keep]
        figures = [f for f in figures if f.id in keep]
    timeline = timeline_of(facts, cite)
    if len(timeline) > budget.max_timeline:
        keep = set(analyst_last(timeline, timeline_trim_order(timeline))[len(timeline) - budget.max_timeline:])
        dropped += [describe(e) for e in timeline if e.id not in keep]
        timeline = [e for e in timeline if e.id in keep]
    dates = sorted(s.published for s in facts.sources if s.published)
    upcoming = upcoming_of(facts, cite, dates[-1] if dates else None)
    dropped += [describe(e) for e in upcoming[budget.max_next:]]
    upcoming = upcoming[:budget.max_next]
    quotes = quotes_of(facts, cite)
    if len(quotes) > budget.max_quotes:
        keep = set(analyst_last(quotes, [q.id for q in sorted(quotes, key=lambda q: (quote_substance(q), -len(q.text)))])
                   [len(quotes) - budget.max_quotes:])
        dropped += [describe(q) for q in quotes if q.id not in keep]
        quotes = [q for q in quotes if q.id in keep]

    disputes, left_out = printed_disputes(disputes)
    dropped += left_out
    place, country = (story.place, story.country) if story.place else main_place(facts)
    story = story.model_copy(update={"place": place, "country": country})
    # On the page, in selection order with each category's figures side by side (the lead first).
    first_of = {}
    for f in sorted(figures, key=lambda f: f.rank):
        first_of.setdefault(f.category, f.rank)
    display_figures = sorted(figures, key=lambda f: (first_of[f.category], f.rank))
    brief = Brief(
        brief_id=brief_id(facts, dates[-1] if dates else None),
        story=story,
        place=place, country=country,
        topics=list(dict.fromkeys(TOPIC_OF_CATEGORY[f.category] for f in display_figures
                                  if f.category in TOPIC_OF_CATEGORY)),
        as_of=dates[-1] if dates else None,
        covers_from=dates[0] if dates else None,
        covers_to=dates[-1] if dates else None,
        languages=sorted({s.language for s in facts.sources if s.language}),
        figures=display_figures,
        bottom_line=bottom_line(story, figures, budget, dates[-1] if dates else None),
        timeline=timeline, quotes=quotes, next=upcoming, disputes=disputes, context=context,
        sections=kind_sections(facts.kinds, cite),
        gaps=[c for c in EXPECTED_CATEGORIES if figures and not any(f.category == c for f in figures)
              and not any(d.category == c for d in disputes)],
        note_markdown=notes_markdown,
        sources=cite.entries,
        build_date=dates[-1] if dates else None,
        version=__version__,
        dropped=dropped,
        sources_total=len(cite.entries),
    )
    cite.fill_sentences(brief)
    brief = cite_printed(brief)
    if len(brief.sources) >= COMPACT_FROM:   # so long a list always overflows first: skip that layout pass
        brief = brief.model_copy(update={"compact_sources": True,
                                         "dropped": [*brief.dropped, "sources: headlines left out"]})
    return brief

