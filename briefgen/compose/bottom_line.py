"""The bottom line, as data: the story's event, where and when, and the leading figures.

Compose decides what the bottom line says, never its words: render phrases it in the brief's
language through the catalogs (render/bottom_line_text.py). No source clause is repeated, so
the bottom line never reads as a raw fragment, and its figures are the story's own key figures
(context figures never are), so it never merges two events.
"""
from __future__ import annotations

import datetime as dt

from briefgen.compose.budget import Budget
from briefgen.model import BottomLine, BriefStory, KeyFigure


def bottom_line(story: BriefStory, figures: list[KeyFigure], budget: Budget,
                as_of: dt.date | None) -> BottomLine | None:
    """The story and its leading figures (in selection order, one per category: two tolls of one
    category read as two events). A story with no crisis event says its headline fact only (the
    first people count), or nothing."""
    lead: list[KeyFigure] = []
    for figure in sorted(figures, key=lambda f: f.rank):
        if figure.category != "other" and all(f.category != figure.category for f in lead):
            lead.append(figure)
    crisis = story.type != "none"          # None: a story not read (older facts), told by its figures
    lead = lead[:budget.bottom_line_figures if crisis else 1]
    if not lead and not (crisis and story.place):
        return None
    return BottomLine(type=story.type, hazard=story.hazard if crisis else None,
                      place=story.place if crisis else None, date=story.date if crisis else None,
                      figures=lead, as_of=as_of if lead else None,
                      sources_count=len({m.source for f in lead for m in f.marks}))
