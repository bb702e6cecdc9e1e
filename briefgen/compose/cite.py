"""Citations: sources numbered once, footnote marks for facts, and the cited sentence of each
printed mark; with many sources, a sources list of only the sources cited on the page."""
from __future__ import annotations

import datetime as dt

from briefgen.model import (
    ANALYST, Brief, BottomLine, BriefQuote, Citation, Dispute, DisputedValue, Event, Facts, Figure, KeyFigure,
    Mark, Quote, Section, SectionItem, SourceEntry, TimelineEntry,
)
from briefgen.sentences import sentence_span

# Past this many sources the list holds only the sources cited on the page (renumbered [1]..[k]);
# a 10,000-article archive cannot list every article on one page, and the facts file has them all.
LIST_ALL_SOURCES = 12
MAX_MARKS = 2              # marks printed per key figure: the most trusted, then newest
MAX_ITEM_MARKS = 1         # marks per event, quote and disputed value (each still names its source)


class Citer:
    """Numbers the sources once ([1] = oldest) and turns citations into footnote marks."""

    def __init__(self, facts: Facts) -> None:
        ordered = sorted(facts.sources, key=lambda s: (s.published or dt.date.max, s.outlet or "", s.id))
        self.sources = {s.id: s for s in ordered}
        self.numbers = {s.id: n for n, s in enumerate(ordered, start=1)}
        self.entries = [SourceEntry(number=self.numbers[s.id], id=s.id, outlet=s.outlet, title=s.title,
                                    published=s.published, language=s.language, url=s.url) for s in ordered]
        self._pending: dict[int, tuple[Mark, Citation]] = {}

    def citable(self, fact: Figure | Event | Quote) -> bool:
        """A fact the brief may print: cited in a source we still have (an analyst may have
        removed one from the facts file), or added by the analyst."""
        return fact.origin == ANALYST or any(c.source in self.sources for c in fact.citations)

    def fact_marks(self, fact: Figure | Event | Quote, limit: int = 0) -> list[Mark]:
        """Marks for a fact: its cited sources, or the analyst's mark for a fact added by hand."""
        if fact.origin == ANALYST:
            return [Mark(number=0, source=ANALYST, origin=ANALYST, sentence="added by the analyst")]
        return self.marks(fact.citations, limit)

    def marks(self, citations: list[Citation], limit: int = 0) -> list[Mark]:
        """One mark per cited source (several spans in one source share its number); with many
        sources, only the MAX_MARKS most trusted and newest. The cited sentence is filled in
        later (`fill_sentences`), only for the marks that reach the page."""
        first: dict[str, Citation] = {}
        for c in citations:
            if c.source in self.sources and c.source not in first:
                first[c.source] = c
        chosen = list(first.values())
        limit = limit or MAX_MARKS
        if len(self.sources) > LIST_ALL_SOURCES and len(chosen) > limit:
            chosen = sorted(chosen, key=self._priority)[:limit]
        marks = []
        for c in chosen:
            mark = Mark(number=self.numbers[c.source], source=c.source, sentence="")
            self._pending[id(mark)] = (mark, c)
            marks.append(mark)
        return sorted(marks, key=lambda m: m.number)

    def _priority(self, c: Citation) -> tuple:
        source = self.sources[c.source]
        return (source.tier or 10, -(source.published or dt.date.min).toordinal(), self.numbers[c.source])

    def fill_sentences(self, brief: Brief) -> None:
        """The cited sentence of every mark in `brief` (shown on hover): one scan of a source's
        text per printed mark, not per fact of the whole corpus."""
        for found in _all_marks(brief):
            for mark in found:
                pending = self._pending.pop(id(mark), None)
                if pending is not None:
                    c = pending[1]
                    mark.sentence = cited_sentence(self.sources[c.source].text, c.start, c.end)


def _all_marks(value: object) -> list[list[Mark]]:
    """Every list of marks in a brief (figures, events, quotes, disputed values, bottom line,
    registered kinds' sections)."""
    found: list[list[Mark]] = []
    if isinstance(value, list):
        if value and isinstance(value[0], Mark):
            found.append(value)
        else:
            for item in value:
                found += _all_marks(item)
    elif isinstance(value, Brief | KeyFigure | TimelineEntry | BriefQuote | Dispute | DisputedValue
                    | BottomLine | Section | SectionItem):
        for name in type(value).model_fields:
            if name != "sources":
                found += _all_marks(getattr(value, name))
    return found


def cite_printed(brief: Brief) -> Brief:
    """With many sources, a sources list of only the sources cited on the page (the marks are
    already few: `Citer.marks`), numbered [1]..[k] by date. A few sources are all listed,
    whatever is cited. Works on a deep copy: the fit keeps the untrimmed brief to try again from."""
    if brief.sources_total <= LIST_ALL_SOURCES:
        return brief
    brief = brief.model_copy(deep=True)
    entries = {s.number: s for s in brief.sources}
    # A figure of the bottom line is the same object as in `figures`: renumber each mark once.
    marks = list({id(m): m for found in _all_marks(brief) for m in found if m.origin != ANALYST}.values())
    renumber = {old: new for new, old in enumerate(sorted({m.number for m in marks}), start=1)}
    for mark in marks:
        mark.number = renumber[mark.number]
    brief.sources = [entries[old].model_copy(update={"number": new}) for old, new in renumber.items()
                     if old in entries]
    return brief


def cited_sentence(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence(s) holding `text[start:end]`, for the hover title; clipped to `limit`."""
    begin, stop = sentence_span(text, start, end)
    return shorten(" ".join(text[begin:stop].split()), limit)


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
