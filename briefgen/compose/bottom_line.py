"""The bottom line: what happened (the top figures), the latest development, and what is next."""
from __future__ import annotations

import datetime as dt
import re

from briefgen.compose.budget import Budget
from briefgen.model import BottomLineSentence, KeyFigure, TimelineEntry


def bottom_line(figures: list[KeyFigure], timeline: list[TimelineEntry], upcoming: list[TimelineEntry],
                budget: Budget, as_of: dt.date | None) -> list[BottomLineSentence]:
    """What happened (the top figures), the latest development, and what is next: facts only."""
    sentences = []
    if figures:
        lead = figures[:budget.bottom_line_figures]
        sentences.append(BottomLineSentence(kind="figures", figures=lead,
                                            sources_count=len({m.source for f in lead for m in f.marks})))
    # "Latest" is the newest thing that has happened: nothing dated after the newest source. The
    # bottom line is never a raw fragment: an event it names must read as a sentence of its own.
    dated = [e for e in timeline if e.date and (as_of is None or e.date <= as_of) and reads_alone(e.description)]
    if dated:
        latest = max(dated, key=lambda e: (e.date, len(e.marks)))
        sentences.append(BottomLineSentence(kind="latest", event=latest))
    clean = [e for e in upcoming if reads_alone(e.description)]
    if clean:
        sentences.append(BottomLineSentence(kind="next", event=clean[0]))
    return sentences


_PRONOUN_START = re.compile(r"(?:he|she|it|they|his|her|its|their|this|these|those|we|i|you|which|who)\b", re.I)
_LOOSE_END = re.compile(r"\b(?:a|an|the|of|to|in|on|at|for|by|with|and|or|but|from|as|that|which|who|its|their|"
                        r"his|her)$", re.I)
_DATELINE_GLUE = re.compile(r"^[A-Z]{3,}\b")          # "NAIROBI Heavy rains…"


def reads_alone(description: str) -> bool:
    """A clause the bottom line may repeat: it opens on its own subject (not a pronoun, not a
    participle, not a dateline glued to the first word), ends on a word that can end a sentence,
    and is a sentence's length (4 to 35 words)."""
    text = description.strip().rstrip(".")
    words = text.split()
    if not 4 <= len(words) <= 35 or not text[:1].isupper():
        return False
    if _PRONOUN_START.match(text) or _DATELINE_GLUE.match(text) or words[0].endswith("ing"):
        return False
    return not _LOOSE_END.search(text) and text.count('"') % 2 == 0 and text.count("“") == text.count("”")
