"""Compose: decide what goes into the brief and in which priority, never how it looks.

Input is `Facts` (possibly from many sources, possibly unmerged); output is a `Brief` whose
lists are already selected, ordered and cited. Everything is derived from the facts, so the
same facts always give the same brief (the build date is the latest source date, not the
clock). Phrasing and formatting happen in the templates, in the reader's locale.

Trimming for the one-page fit lives here too (`trim_order`, `trim`): which item goes first is
an editorial policy (../shared/design/BRIEF.md, "Sections, in priority order"), not a layout one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from briefgen import __version__
from briefgen.model import (
    Brief, BottomLineSentence, BriefQuote, BriefStory, Citation, Dispute, DisputedValue, Event, Facts, Figure,
    KeyFigure, Mark, Qualifier, Quote, SourceEntry, TimelineEntry, qualifier_of,
)

# Category importance for key figures (BRIEF.md, "What leads"): lives lost, then lives at risk,
# then people who had to leave, then needs.
CATEGORY_RANK: dict[str, int] = {cat: rank for rank, cat in enumerate((
    "killed", "missing", "injured", "displaced", "refugees", "affected", "in_need", "evacuated",
    "trapped", "assisted", "detained", "released", "other"))}
# Categories a reader expects in any crisis brief; their absence is reported as a gap.
EXPECTED_CATEGORIES = ("killed", "injured", "missing", "displaced")
TOPIC_OF_CATEGORY = {
    "killed": "casualties", "injured": "casualties", "missing": "casualties",
    "displaced": "displacement", "refugees": "displacement", "evacuated": "displacement",
    "trapped": "displacement", "detained": "detentions", "released": "detentions",
    "affected": "needs", "in_need": "needs", "assisted": "needs",
}
COMPACT_SOURCES = "sources:compact"
# Past this many sources the list holds only the sources cited on the page (renumbered [1]..[k]);
# a 10,000-article archive cannot list every article on one page, and the facts file has them all.
LIST_ALL_SOURCES = 12
MAX_MARKS = 2              # marks printed per key figure: the most trusted, then newest
MAX_ITEM_MARKS = 1         # marks per event, quote and disputed value (each still names its source)
COMPACT_FROM = 20          # listed sources from which the list starts as outlet + date
MAX_DISPUTED_VALUES = 5    # values printed per dispute: the newest, the lowest, the highest, the most cited
MAX_CONTEXT = 3            # context figures printed (one small line), most important category first
MAX_DISPUTES = 4           # disputes printed, by category importance; the others are listed as dropped


@dataclass(frozen=True)
class Budget:
    """Caps applied before layout; the one-page fit trims further by priority."""

    max_figures: int = 6
    min_figures: int = 3
    max_timeline: int = 10
    max_quotes: int = 6
    max_next: int = 4
    bottom_line_figures: int = 2


def compose(facts: Facts, *, notes_markdown: str | None = None, budget: Budget | None = None) -> Brief:
    """Select, order and cite what the brief says; see BRIEF.md for the sections."""
    budget = budget or Budget()
    cite = _Citer(facts)
    dropped: list[str] = []

    story = _story(facts, cite)
    figures, disputes, context = _key_figures(facts, cite)
    if story.type == "none" and not any(f.category != "other" for f in figures):
        figures = []            # a story with no crisis event and no people count shows no key figures
    # Compose's own caps drop in the fit's order: the analyst's facts after the extracted ones.
    if len(figures) > budget.max_figures:
        keep = set(_analyst_last(list(reversed(figures)))[len(figures) - budget.max_figures:])
        dropped += [_describe(f) for f in figures if f.id not in keep]
        figures = [f for f in figures if f.id in keep]
    timeline = _timeline(facts, cite)
    if len(timeline) > budget.max_timeline:
        keep = set(_analyst_last(timeline, _timeline_trim_order(timeline))[len(timeline) - budget.max_timeline:])
        dropped += [_describe(e) for e in timeline if e.id not in keep]
        timeline = [e for e in timeline if e.id in keep]
    dates = sorted(s.published for s in facts.sources if s.published)
    upcoming = _upcoming(facts, cite, dates[-1] if dates else None)
    dropped += [_describe(e) for e in upcoming[budget.max_next:]]
    upcoming = upcoming[:budget.max_next]
    quotes = _quotes(facts, cite)
    if len(quotes) > budget.max_quotes:
        keep = set(_analyst_last(quotes, [q.id for q in sorted(quotes, key=lambda q: (quote_substance(q), -len(q.text)))])
                   [len(quotes) - budget.max_quotes:])
        dropped += [_describe(q) for q in quotes if q.id not in keep]
        quotes = [q for q in quotes if q.id in keep]

    disputes, left_out = _printed_disputes(disputes)
    dropped += left_out
    place, country = (story.place, story.country) if story.place else _main_place(facts)
    # On the page, in selection order with each category's figures side by side (the lead first).
    first_of = {}
    for f in sorted(figures, key=lambda f: f.rank):
        first_of.setdefault(f.category, f.rank)
    display_figures = sorted(figures, key=lambda f: (first_of[f.category], f.rank))
    brief = Brief(
        brief_id=_brief_id(facts, dates[-1] if dates else None),
        story=story.model_copy(update={"place": place, "country": country}),
        place=place, country=country,
        topics=list(dict.fromkeys(TOPIC_OF_CATEGORY[f.category] for f in display_figures
                                  if f.category in TOPIC_OF_CATEGORY)),
        as_of=dates[-1] if dates else None,
        covers_from=dates[0] if dates else None,
        covers_to=dates[-1] if dates else None,
        languages=sorted({s.language for s in facts.sources if s.language}),
        figures=display_figures,
        bottom_line=_bottom_line(figures, timeline, upcoming, cite, budget, dates[-1] if dates else None),
        timeline=timeline, quotes=quotes, next=upcoming, disputes=disputes, context=context,
        gaps=[c for c in EXPECTED_CATEGORIES if figures and not any(f.category == c for f in figures)
              and not any(d.category == c for d in disputes)],
        note_html=render_note(notes_markdown),
        sources=cite.entries,
        build_date=dates[-1] if dates else None,
        version=__version__,
        dropped=dropped,
        sources_total=len(cite.entries),
    )
    cite.fill_sentences(brief)
    brief = _cite_printed(brief)
    if len(brief.sources) >= COMPACT_FROM:   # so long a list always overflows first: skip that layout pass
        brief = brief.model_copy(update={"compact_sources": True,
                                         "dropped": [*brief.dropped, "sources: headlines left out"]})
    return brief


def render_note(markdown: str | None) -> str | None:
    """The analyst's Markdown as HTML; 'js-default' keeps raw HTML off and rejects javascript: links.
    Images are off too: a remote image in a self-contained brief is a tracking pixel, and the PDF
    renderer would refuse it anyway."""
    if not markdown or not markdown.strip():
        return None
    from markdown_it import MarkdownIt  # only with a note: 0.1 s of import otherwise spent for nothing

    return MarkdownIt("js-default").disable("image").render(markdown)


# --- Trimming -------------------------------------------------------------------------------

def trim_order(brief: Brief, budget: Budget | None = None) -> list[str]:
    """Ids of what may go, lowest priority first (BRIEF.md): sources shrink to outlet + date,
    then upcoming events beyond the first, quotes (longest first), timeline events (least
    sourced, then oldest), key figures down to the minimum (least important first).
    Header, bottom line, disputes, analyst note and footer are never trimmed. In each section
    the analyst's own facts go last: what the user wrote outranks what was extracted."""
    budget = budget or Budget()
    order: list[str] = [COMPACT_SOURCES] if brief.sources and not brief.compact_sources else []
    order += _analyst_last(list(reversed(brief.next[1:])))
    order += _analyst_last(brief.quotes, _quote_trim_order(brief.quotes))
    order += _analyst_last(brief.timeline, _timeline_trim_order(brief.timeline))
    # The minimum kept is counted after the analyst's figures move last, so one of low rank is
    # kept in place of an extracted figure rather than trimmed before it.
    figures = _analyst_last(list(reversed(sorted(brief.figures, key=lambda f: f.rank))))
    order += figures[:max(0, len(figures) - budget.min_figures)]
    return order


def _analyst_last(items: list, order: list[str] | None = None) -> list[str]:
    """Ids of `items` in `order` (default: as given), the analyst's own facts moved last."""
    analyst = {item.id for item in items if any(m.source == "analyst" for m in item.marks)}
    ids = order if order is not None else [item.id for item in items]
    return [i for i in ids if i not in analyst] + [i for i in ids if i in analyst]


def trim(brief: Brief, ids: list[str] | set[str]) -> Brief:
    """A copy of `brief` without the items `ids`; what went is listed in `dropped`."""
    ids = set(ids)
    dropped = list(brief.dropped)
    kept: dict[str, list] = {}
    for name in ("figures", "timeline", "quotes", "next"):
        items = getattr(brief, name)
        dropped += [_describe(item) for item in items if item.id in ids]
        kept[name] = [item for item in items if item.id not in ids]
    compact = brief.compact_sources or COMPACT_SOURCES in ids
    if compact and not brief.compact_sources:
        dropped.append("sources: headlines left out")
    return _cite_printed(brief.model_copy(update={**kept, "compact_sources": compact, "dropped": dropped}))


# --- Marks and the sources list for many sources ---------------------------------------------

def _all_marks(value: object) -> list[list[Mark]]:
    """Every list of marks in a brief (figures, events, quotes, disputed values, bottom line)."""
    found: list[list[Mark]] = []
    if isinstance(value, list):
        if value and isinstance(value[0], Mark):
            found.append(value)
        else:
            for item in value:
                found += _all_marks(item)
    elif isinstance(value, Brief | KeyFigure | TimelineEntry | BriefQuote | Dispute | DisputedValue
                    | BottomLineSentence):
        for name in type(value).model_fields:
            if name != "sources":
                found += _all_marks(getattr(value, name))
    return found


def _cite_printed(brief: Brief) -> Brief:
    """With many sources, a sources list of only the sources cited on the page (the marks are
    already few: `_Citer.marks`), numbered [1]..[k] by date. A few sources are all listed,
    whatever is cited. Works on a deep copy: the fit keeps the untrimmed brief to try again from."""
    if brief.sources_total <= LIST_ALL_SOURCES:
        return brief
    brief = brief.model_copy(deep=True)
    entries = {s.number: s for s in brief.sources}
    # A figure of the bottom line is the same object as in `figures`: renumber each mark once.
    marks = list({id(m): m for found in _all_marks(brief) for m in found if m.source != "analyst"}.values())
    renumber = {old: new for new, old in enumerate(sorted({m.number for m in marks}), start=1)}
    for mark in marks:
        mark.number = renumber[mark.number]
    brief.sources = [entries[old].model_copy(update={"number": new}) for old, new in renumber.items()
                     if old in entries]
    return brief


def _printed_disputes(disputes: list[Dispute]) -> tuple[list[Dispute], list[str]]:
    """At most MAX_DISPUTES disputes (most important category first, kept in their order) and
    MAX_DISPUTED_VALUES values each; how many values were left out is kept (`more_values`)."""
    ranked = sorted(range(len(disputes)), key=lambda i: (CATEGORY_RANK[disputes[i].category], i))
    keep = set(ranked[:MAX_DISPUTES])
    dropped = [f"dispute ({d.category}): {len(d.values)} values" for i, d in enumerate(disputes) if i not in keep]
    printed = []
    for i, dispute in enumerate(disputes):
        if i not in keep:
            continue
        values = dispute.values
        if len(values) > MAX_DISPUTED_VALUES:
            chosen = {id(v) for v in values if v.newest}
            chosen |= {id(values[0]), id(values[-1])}   # sorted by value: the lowest and the highest
            for v in sorted(values, key=lambda v: -len(v.marks)):
                if len(chosen) >= MAX_DISPUTED_VALUES:
                    break
                chosen.add(id(v))
            kept = [v for v in values if id(v) in chosen]
            dispute = dispute.model_copy(update={"values": kept, "more_values": len(values) - len(kept)})
        printed.append(dispute)
    return printed, dropped


def _quote_trim_order(quotes: list[BriefQuote]) -> list[str]:
    """A speaker's second and later quotes go first (more voices beat more words from one), then
    the quotes of least substance (`quote_substance`), then the longest (BRIEF.md: shortest kept)."""
    seen: set[str | None] = set()
    repeat: dict[str, bool] = {}
    for q in sorted(quotes, key=lambda q: (-quote_substance(q), len(q.text), q.id)):
        repeat[q.id] = q.speaker in seen
        seen.add(q.speaker)
    return [q.id for q in sorted(quotes, key=lambda q: (not repeat[q.id], quote_substance(q), -len(q.text), q.id))]


_NUMBER_IN_QUOTE = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|dozens?|tens)\b", re.I)
_DECISION_WORDS = re.compile(r"\b(?:will|must|need|needs|urge|urged|call on|calls on|appeal|decided|ordered|"
                             r"declared?|announce[ds]?|deploy\w*|evacuat\w*|suspend\w*|warn\w*|expect\w*|"
                             r"fear\w*|risk\w*|worst|critical|catastroph\w*|crisis|emergency)\b", re.I)
MIN_QUOTE_WORDS = 6


def quote_substance(quote: BriefQuote) -> int:
    """What a quote brings to the page: a speaker with a role (an official, an agency), a figure,
    a decision or an assessment; a fragment of a few words ("a tragedy") brings little."""
    words = len(quote.text.split())
    if words < MIN_QUOTE_WORDS:
        return 0
    return (1 + bool(quote.role) + 2 * bool(_NUMBER_IN_QUOTE.search(quote.text))
            + bool(_DECISION_WORDS.search(quote.text)))


def _timeline_trim_order(timeline: list[TimelineEntry]) -> list[str]:
    """Least-sourced first, then oldest (undated count as oldest)."""
    return [e.id for e in sorted(timeline, key=lambda e: (len(e.marks), e.date or dt.date.min, e.id))]


def _describe(item: KeyFigure | TimelineEntry | BriefQuote) -> str:
    """A short, locale-neutral line for `dropped` (shown by the CLI, logged)."""
    if isinstance(item, KeyFigure):
        what = " ".join(str(x) for x in (item.vague or item.value, item.group, item.place) if x)
        return f"figure ({item.category}): {what}"
    if isinstance(item, BriefQuote):
        return f"quote by {item.speaker or 'unknown speaker'}: {_shorten(item.text)}"
    return f"event {item.date.isoformat() if item.date else 'undated'}: {_shorten(item.description)}"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# --- Citations ------------------------------------------------------------------------------

class _Citer:
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
        return fact.source == "analyst" or any(c.source in self.sources for c in fact.citations)

    def fact_marks(self, fact: Figure | Event | Quote, limit: int = 0) -> list[Mark]:
        """Marks for a fact: its cited sources, or the analyst's mark for a fact added by hand."""
        if fact.source == "analyst":
            return [Mark(number=0, source="analyst", sentence="added by the analyst")]
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


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s+|$)|\n")
# A full stop after these does not end a sentence ("U.S. and Russian", "Mr. Kerry").
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|No|vs|etc|Jan|Feb|"
                           r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))$")


def _sentence_ends(text: str, begin: int, end: int) -> list[re.Match]:
    return [m for m in _SENTENCE_END.finditer(text, begin, end)
            if m.group().startswith("\n") or not _ABBREVIATION.search(text, max(0, m.start() - 6), m.start())]


def cited_sentence(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence(s) holding `text[start:end]`, for the hover title; clipped to `limit`."""
    before = _sentence_ends(text, 0, start)
    begin = before[-1].end() if before else 0
    after = _sentence_ends(text, max(end - 1, begin), len(text))
    stop = after[0].end() if after else len(text)
    sentence = " ".join(text[begin:stop].split())
    return _shorten(sentence, limit)


# --- Sections -------------------------------------------------------------------------------

def _norm(words: str | None) -> str:
    words = (words or "").lower().strip()
    words = re.sub(r"^(the)\s+", "", words)
    return re.sub(r"\b(east|west|north|south)ern\b", r"\1", words)


def _qualifier(figure: Figure) -> str | None:
    return _qualifier_words(figure.qualifier, figure.approx, figure.vague)


def _qualifier_words(qualifier: str | None, approx: bool, vague: str | None) -> Qualifier | None:
    if qualifier:
        return qualifier_of(qualifier)
    return "about" if approx and not vague else None


def _key_figures(facts: Facts, cite: _Citer) -> tuple[list[KeyFigure], list[Dispute], list[KeyFigure]]:
    """Key figures in selection order, disputes, and context figures (never key figures).

    Selection goes round robin over categories: the categories a headline or lead states
    first, then by importance (CATEGORY_RANK); within one, what the headline or lead states,
    then agreement, then the newest and largest report. Never by size alone. The merge stage
    has already folded equal values and kept different values as one disputed figure with its
    claims; compose only selects.
    """
    candidates: list[KeyFigure] = []
    cited: list[Figure] = []
    leads: set[str] = set()
    context: list[KeyFigure] = []
    disputes: list[Dispute] = []
    for figure in facts.figures:
        if not cite.citable(figure):
            continue
        if figure.scope == "context" and figure.source != "analyst":
            context.append(_key_figure(figure, cite))
            continue
        kf = _key_figure(figure, cite)
        candidates.append(kf)
        cited.append(figure)
        if figure.lead:
            leads.add(kf.id)
        if figure.disputed and figure.claims:
            disputes.append(Dispute(
                id=_item_id("dispute", figure.category, _norm(figure.group), _norm(figure.place)),
                category=figure.category, group=figure.group, place=figure.place, revised=figure.revised,
                values=[DisputedValue(value=c.value, approx=c.approx, vague=c.vague,
                                      qualifier=_qualifier_words(c.qualifier, c.approx, c.vague),
                                      newest=c.newest, published=c.published,
                                      marks=cite.marks(c.citations, limit=MAX_ITEM_MARKS))
                        for c in sorted(figure.claims, key=lambda c: c.value)]))

    first_at = {kf.id: min((c.start for c in f.citations), default=0) for kf, f in zip(candidates, cited)}
    by_category: dict[str, list[KeyFigure]] = defaultdict(list)
    for kf in sorted(candidates, key=lambda k: (k.id not in leads, -k.sources_count, -k.agreement,
                                                -(k.date or dt.date.min).toordinal(), first_at[k.id], -k.value, k.id)):
        by_category[kf.category].append(kf)
    for category, figures in by_category.items():
        by_category[category] = _one_count_per_place(figures, leads)
    led = {kf.category for kf in candidates if kf.id in leads}
    ordered_categories = sorted(by_category, key=lambda c: (c not in led, CATEGORY_RANK[c]))
    selection: list[KeyFigure] = []
    while any(by_category.values()):
        for category in ordered_categories:
            if by_category[category]:
                kf = by_category[category].pop(0)
                selection.append(kf.model_copy(update={"rank": len(selection)}))
    context.sort(key=lambda k: (CATEGORY_RANK[k.category], -k.value))
    return selection, disputes, context[:MAX_CONTEXT]


def _one_count_per_place(figures: list[KeyFigure], leads: set[str]) -> list[KeyFigure]:
    """One key figure a category, the best first: two "killed" tiles read as two tolls of one
    event. A second one only names another place (east and west Aleppo), and never beside a
    count the headline or lead states (that one is the story's toll). The analyst's own figures
    stand for the category: what the user wrote outranks what was extracted."""
    mine = [kf for kf in figures if any(m.source == "analyst" for m in kf.marks)]
    if mine:
        return mine
    if figures and figures[0].vague:
        figures = _precise_first(figures)
    if not figures or figures[0].id in leads:
        return figures[:1]
    kept = [figures[0]]
    for kf in figures[1:]:
        if kf.place and all(kf.place != k.place for k in kept) and all(k.place for k in kept):
            kept.append(kf)
    return kept


def _precise_first(figures: list[KeyFigure]) -> list[KeyFigure]:
    """"Scores were in hospital" in the lead, "51 people were in hospital" further down: an exact
    count of the same category and place, within the vague words' order of magnitude, says the
    same more precisely and stands for the category in its place."""
    vague = figures[0]
    for kf in figures[1:]:
        if not kf.vague and kf.place in (None, vague.place) and vague.value <= kf.value < 10 * vague.value:
            return [kf] + [k for k in figures if k is not kf]
    return figures


def _story(facts: Facts, cite: _Citer) -> BriefStory:
    """What most sources say happened (a crisis type beats "none"), where most of those say it
    happened, from the earliest of them; the newest one's headline."""
    stories = [s for s in facts.stories if s.source in cite.sources]
    if not stories:
        return BriefStory()
    order = {source_id: i for i, source_id in enumerate(cite.sources)}
    stories.sort(key=lambda s: order[s.source])
    typed = [s.type for s in stories if s.type != "none"]
    kind = max(typed, key=lambda t: (typed.count(t), -typed.index(t))) if typed else "none"
    chosen = [s for s in stories if s.type == kind] or stories
    places = [s.place for s in chosen if s.place]
    place = max(places, key=lambda p: (places.count(p), -places.index(p))) if places else None
    with_place = next((s for s in chosen if s.place == place), chosen[0])
    dates = [s.date for s in chosen if s.date]
    return BriefStory(type=kind, hazard=next((s.hazard for s in chosen if s.hazard), None), place=place,
                      country=with_place.country, date=min(dates) if dates else None,
                      headline=chosen[-1].headline)


def _key_figure(figure: Figure, cite: _Citer) -> KeyFigure:
    return KeyFigure(
        id=_item_id("figure", figure.category, figure.group, figure.place, figure.value, figure.vague),
        category=figure.category, value=figure.value,
        approx=(figure.approx and qualifier_of(figure.qualifier) is not None) or bool(figure.vague)
        or (figure.approx and not figure.qualifier),
        vague=figure.vague, qualifier=_qualifier(figure), group=figure.group, place=figure.place,
        date=figure.date, subsets=figure.subsets, marks=cite.fact_marks(figure),
        sources_count=max(figure.independent, 1), agreement=max(figure.agreement, 1),
        scope=figure.scope, scope_reason=figure.scope_reason,
        disputed=figure.disputed and not figure.revised, revised=figure.revised)


def _entry(event: Event, citations: list[Citation], cite: _Citer) -> TimelineEntry:
    return TimelineEntry(id=_item_id("event", event.date, event.status, event.description), date=event.date,
                         status=event.status, description=event.description,
                         marks=cite.fact_marks(event, MAX_ITEM_MARKS))


def _timeline(facts: Facts, cite: _Citer) -> list[TimelineEntry]:
    """Past and ongoing events, chronological (undated ones last, in article order)."""
    entries = [_entry(e, e.citations, cite) for e in facts.events
               if e.status in ("past", "ongoing") and cite.citable(e)]
    return sorted(entries, key=lambda e: (e.date is None, e.date or dt.date.min))


def _upcoming(facts: Facts, cite: _Citer, as_of: dt.date | None) -> list[TimelineEntry]:
    """Scheduled and expected events after the newest source, soonest first; scheduled before
    expected on one day. A plan dated on or before the "as of" date is stale: whether it happened
    is not known from the sources, so it is neither "next" nor history."""
    entries = [_entry(e, e.citations, cite) for e in facts.events
               if e.status in ("scheduled", "expected") and cite.citable(e)
               and (as_of is None or (e.date is not None and e.date > as_of))]
    return sorted(entries, key=lambda e: (e.date is None, e.date or dt.date.max, e.status != "scheduled"))


def _quotes(facts: Facts, cite: _Citer) -> list[BriefQuote]:
    roles = {p.name.lower(): p.role for p in facts.people if p.role}
    quotes = []
    for quote in facts.quotes:
        if not quote.speaker or not cite.citable(quote):
            continue  # "who said what" without a who: kept in the facts, not worth a line of the brief
        quotes.append(BriefQuote(
            id=_item_id("quote", quote.speaker, quote.text), text=quote.text, speaker=quote.speaker,
            # The people list is where an analyst fixes a role, so it wins over the quote's own.
            role=roles.get((quote.speaker or "").lower()) or quote.role, language=quote.language,
            date=quote.date, marks=cite.fact_marks(quote, MAX_ITEM_MARKS)))
    return quotes


def _bottom_line(figures: list[KeyFigure], timeline: list[TimelineEntry], upcoming: list[TimelineEntry],
                 cite: _Citer, budget: Budget, as_of: dt.date | None) -> list[BottomLineSentence]:
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


MAIN_PLACE_CANDIDATES = 8


def _main_place(facts: Facts) -> tuple[str | None, str | None]:
    """The place the sources talk about most: mentions in the texts, then citations. Only the
    places cited by the most sources compete: counting every place's mentions in every text
    of a 10,000-article archive would take minutes, and a place few sources cite is not the
    story's main place anyway."""
    if not facts.places:
        return None, None
    by_sources = sorted(facts.places, key=lambda p: (-len({c.source for c in p.citations}), p.name))
    candidates = by_sources[:MAIN_PLACE_CANDIDATES]
    corpus = "\n\n".join(s.text for s in facts.sources)   # a name never spans two texts

    def weight(place) -> tuple[int, int]:
        return _mentions(place.name, corpus), len(place.citations)

    best = max(candidates, key=weight)
    return best.name, best.country


def _mentions(name: str, text: str) -> int:
    """How often `name` stands as a whole word or phrase in `text` (what `\\bname\\b` finds).
    A pattern that starts with the name's letters lets the regex engine search for them as a
    literal, many times faster than one starting with \\b; the boundary before is checked here."""
    if not name:
        return 0
    pattern = re.compile(re.escape(name) + r"\b")
    before_word = bool(_WORD.match(name[0]))
    count = 0
    for match in pattern.finditer(text):
        start = match.start()
        prev_word = start > 0 and bool(_WORD.match(text[start - 1]))
        if prev_word != before_word:   # \b before a word character: a non-word one (or the start) before it
            count += 1
    return count


_WORD = re.compile(r"\w")


def _brief_id(facts: Facts, as_of: dt.date | None) -> str:
    digest = hashlib.sha1("\n".join(sorted(s.id for s in facts.sources)).encode()).hexdigest()[:6]
    return f"BG-{as_of:%Y%m%d}-{digest}" if as_of else f"BG-{digest}"


def _item_id(kind: str, *parts: object) -> str:
    """Stable ids (content-derived) so trimming and golden files do not depend on order."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:8]
    return f"{kind}:{digest}"

