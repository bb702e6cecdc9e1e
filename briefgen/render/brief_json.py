"""`-o brief.json`: what the page shows, as data, in page order, after the one-page fit.

Tools outside the project read it (score_facts.py `--brief`, dashboards); the keys are the
contract of ../shared/design/BRIEF.md ("brief.json"); `briefgen schema --brief` prints the JSON
Schema of `BriefJson` below, and docs/story.md says what the story and scope fields mean. The title, kicker
and bottom line are the page's own words in the brief's language (the same phrases the theme
prints); every figure, event and quote keeps its citations (source id, list number, the
cited sentence).
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field

from briefgen.model import (
    Brief, BriefQuote, Category, DatePrecision, Dispute, EventKind, EventStatus, EventType, KeyFigure, Mark, Qualifier,
    Scope, ScopeReason, TimelineEntry,
)
from briefgen.render.event_lines import shown_line
from briefgen.render.phrases import sentence

if TYPE_CHECKING:
    from briefgen.render.env import Localization

BRIEF_JSON_VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class JsonCitation(_Out):
    source: str = Field(description="Id of the source (see `sources`).")
    number: int = Field(description="The source's number in the list; 0 for the analyst's own facts.")
    sentence: str = Field(description="The cited sentence.")


class JsonSubset(_Out):
    value: int | float
    approx: bool
    group: str | None


class JsonFigure(_Out):
    value: int | float
    approx: bool
    vague: str | None = Field(description="The vague words ('tens of thousands'); the page prints these.")
    qualifier: Qualifier | None
    category: Category
    group: str | None
    place: str | None
    date: str | None
    scope: Scope
    scope_reason: ScopeReason | None
    text: str = Field(description="The figure as the page phrases it, in the brief's language.")
    subsets: list[JsonSubset]
    sources_count: int
    disputed: bool
    revised: bool
    citations: list[JsonCitation]


class JsonEvent(_Out):
    date: str | None
    precision: DatePrecision = Field(default="day", description="How closely `date` is known; for week, month "
                                     "or year it is the first day of that stretch.")
    status: EventStatus
    description: str = Field(description="The source's clause, verbatim, in its own language.")
    kind: EventKind | None = Field(default=None, description="What the event is; None when its clause "
                                   "says it too loosely to type it.")
    actor: str | None = None
    place: str | None = None
    text: str = Field(description="The line as the page shows it: generated in the brief's language for a "
                      "typed event of a source in another language, else the description; a claim said as its "
                      "speaker's.")
    said_by: str | None = Field(default=None, description="Whose claim the line is, as the source names "
                                "them; the page says it as theirs. null for a plain fact.")
    citations: list[JsonCitation]


class JsonQuote(_Out):
    speaker: str | None
    role: str | None
    text: str = Field(description="Verbatim, in its own language.")
    language: str | None
    date: str | None
    citations: list[JsonCitation]


class JsonValue(_Out):
    value: int | float
    approx: bool
    vague: str | None
    qualifier: Qualifier | None
    newest: bool
    published: str | None
    citations: list[JsonCitation]


class JsonDispute(_Out):
    category: Category
    group: str | None
    place: str | None
    revised: bool
    more_values: int
    values: list[JsonValue]


class JsonStory(_Out):
    type: EventType | None = Field(description="The main event (docs/story.md); null when no source's "
                                   "story was read.")
    hazard: str | None
    place: str | None
    country: str | None
    date: str | None


class JsonSource(_Out):
    number: int
    id: str
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    url: str | None


class BriefJson(_Out):
    """What the page shows, in page order, after the one-page fit (`-o brief.json`)."""

    brief_json_version: int = BRIEF_JSON_VERSION
    brief_id: str
    title: str = Field(description="The page's title, in the brief's language.")
    kicker: str = Field(description="The line above the title.")
    language: str = Field(description="BCP 47 tag of the brief's language.")
    as_of: str | None
    covers: list[str | None] = Field(description="[first, last] publication date of the sources.")
    story: JsonStory
    key_figures: list[JsonFigure]
    bottom_line: list[str] = Field(description="The bottom line's sentences as printed, without marks.")
    events: list[JsonEvent]
    next: list[JsonEvent]
    quotes: list[JsonQuote]
    disputes: list[JsonDispute]
    gaps: list[Category]
    context: list[JsonFigure] = Field(description="Background figures: never key figures.")
    sources: list[JsonSource]
    sources_total: int
    dropped: list[str] = Field(description="What the one-page fit left out.")
    generator: str


def brief_json(brief: Brief, l10n: Localization, page_html: str | None = None) -> bytes:
    """The fitted `brief` as JSON bytes (UTF-8, keys in page order)."""
    phrases = l10n.phrases
    data = BriefJson(
        brief_id=brief.brief_id,
        title=_plain(phrases.story_title(brief)),
        kicker=_plain(phrases.story_kicker(brief)),
        language=l10n.tag,
        as_of=_date(brief.as_of),
        covers=[_date(brief.covers_from), _date(brief.covers_to)],
        story=JsonStory(type=brief.story.type, hazard=brief.story.hazard, place=brief.place,
                        country=brief.country, date=_date(brief.story.date)),
        key_figures=[_figure(f, phrases) for f in brief.figures],
        bottom_line=bottom_line_sentences(page_html) if page_html else [],
        events=[_event(e, brief, phrases) for e in brief.timeline],
        next=[_event(e, brief, phrases) for e in brief.next],
        quotes=[_quote(q) for q in brief.quotes],
        disputes=[_dispute(d) for d in brief.disputes],
        gaps=list(brief.gaps),
        context=[_figure(f, phrases) for f in brief.context],
        sources=[JsonSource(number=s.number, id=s.id, outlet=s.outlet, title=s.title, published=_date(s.published),
                            language=s.language, url=s.url) for s in brief.sources],
        sources_total=brief.sources_total,
        dropped=list(brief.dropped),
        generator=f"{brief.generator} {brief.version}".strip(),
    )
    return (json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def bottom_line_sentences(page_html: str) -> list[str]:
    """The bottom line's sentences as the page prints them (elements of class `sentence` inside
    the one of class `bottom-line`), without their source marks."""
    import lxml.etree
    import lxml.html

    try:
        # Bytes: a theme's page may open with an XML declaration, which lxml refuses in a str.
        root = lxml.html.document_fromstring(page_html.encode("utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return []                   # an empty page (a theme of only a comment) has no bottom line
    sentences = []
    for node in root.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " bottom-line ")]'
                           '//*[contains(concat(" ", normalize-space(@class), " "), " sentence ")]'):
        for mark in node.xpath('.//sup'):
            mark.drop_tree()
        text = " ".join(node.text_content().split())
        if text:
            sentences.append(text)
    return sentences


def _plain(markup: Markup) -> str:
    """The text of a phrase's markup (its <bdi> isolates dropped); no-break spaces kept, unlike
    Markup.striptags, which turns them into plain ones ("Valdera\u00a0: inondations")."""
    return html.unescape(_TAG.sub("", str(markup)))


_TAG = re.compile(r"<[^>]*>")


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _citations(marks: list[Mark]) -> list[JsonCitation]:
    return [JsonCitation(source=m.source, number=m.number, sentence=m.sentence) for m in marks]


def _figure(figure: KeyFigure, phrases) -> JsonFigure:
    return JsonFigure(value=figure.value, approx=figure.approx, vague=figure.vague, qualifier=figure.qualifier,
                      category=figure.category, group=figure.group, place=figure.place, date=_date(figure.date),
                      scope=figure.scope, scope_reason=figure.scope_reason,
                      text=_plain(phrases.figure_phrase(figure)),
                      subsets=[JsonSubset(value=s.value, approx=s.approx, group=s.group) for s in figure.subsets],
                      sources_count=figure.sources_count, disputed=figure.disputed, revised=figure.revised,
                      citations=_citations(figure.marks))


def _event(event: TimelineEntry, brief: Brief, phrases) -> JsonEvent:
    return JsonEvent(date=_date(event.date), precision=event.precision, status=event.status, description=event.description,
                     kind=event.kind, actor=event.actor, place=event.place, said_by=event.said_by,
                     text=_plain(shown_line(event, brief.sources, phrases)), citations=_citations(event.marks))


def _quote(quote: BriefQuote) -> JsonQuote:
    return JsonQuote(speaker=quote.speaker, role=quote.role, text=quote.text, language=quote.language,
                     date=_date(quote.date), citations=_citations(quote.marks))


def _dispute(dispute: Dispute) -> JsonDispute:
    return JsonDispute(category=dispute.category, group=dispute.group, place=dispute.place, revised=dispute.revised,
                       more_values=dispute.more_values,
                       values=[JsonValue(value=v.value, approx=v.approx, vague=v.vague, qualifier=v.qualifier,
                                         newest=v.newest, published=_date(v.published), citations=_citations(v.marks))
                               for v in dispute.values])
