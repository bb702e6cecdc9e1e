"""The facts model: one set of pydantic models that every stage passes along.

The field names and types below are the contract of ../shared/design/FACTS.md
(tools outside the project read them); add fields freely, never rename or
re-type the contract's ones. `briefgen schema` prints the JSON Schema of `Facts`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from briefgen.vocabulary import (  # noqa: F401  (re-exported: the model's vocabulary)
    ANALYST, CATEGORIES, EVENT_KINDS, EVENT_TYPES, QUALIFIER_OF, Category, DatePrecision, EventKind, EventStatus,
    EventType, Origin, Qualifier, Scope,
    ScopeReason, SpeakerFound, qualifier_of,
)

SCHEMA_VERSION = 1


class _Model(BaseModel):
    # Unknown keys are refused so a typo in a hand-edited facts file is an error, not a silent drop.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


ORIGIN_DOC = ("Who gave the fact: 'article' (extracted, with citations) or 'analyst' (added by hand; "
              "marked [analyst] in the brief).")


def legacy_source(data: Any) -> Any:
    """Facts files before `origin` said `source: analyst` (or `source: null`) on a fact: read
    them as `origin`. Any other value stays, for the model to refuse as an unknown key."""
    if isinstance(data, dict) and data.get("source", "") in (None, ANALYST) and "origin" not in data:
        data = {k: v for k, v in data.items() if k != "source"} | ({"origin": ANALYST} if data["source"] else {})
    return data


class _Fact(_Model):
    """A fact an analyst may also add by hand; each subclass declares `origin` where it reads best."""

    @model_validator(mode="before")
    @classmethod
    def _legacy_source(cls, data: Any) -> Any:
        return legacy_source(data)


class Citation(_Model):
    """Where a fact's words stand: `text[start:end]` of the source with id `source`."""

    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(_Model):
    """One article after ingest: cleaned text plus what we know about where it came from."""

    id: str = Field(description="Stable id derived from the content, not from file order.")
    path: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    language: str | None = "en"
    url: str | None = None
    dateline: str | None = Field(default=None, description="Place named in the dateline, if any.")
    tier: int | None = Field(default=None, ge=1, le=9, description="Outlet tier from briefgen.toml "
                             "(1 = most trusted); breaks ties between disputed values.")
    story: str | None = Field(default=None, description="Id of the first source of the same story when "
                              "this one is a syndicated copy or a light edit of it (set by merge).")
    text: str = Field(description="Cleaned article text; every citation indexes into it.")

    @field_validator("url")
    @classmethod
    def _web_link(cls, url: str | None) -> str | None:
        # The URL becomes a link in the brief: javascript:, file: or data: must never get there.
        if url is not None and not url.lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// link")
        return url


class Person(_Fact):
    name: str
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    origin: Origin = Field(default="article", description=ORIGIN_DOC)
    citations: list[Citation] = Field(default_factory=list)


class Organization(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)


class Place(_Model):
    name: str
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code.")
    citations: list[Citation] = Field(default_factory=list)


class Quote(_Fact):
    text: str = Field(description="The exact quoted words.")
    speaker: str | None = None
    speaker_found: SpeakerFound | None = Field(default=None, description="How the speaker rules found the "
                                               "speaker; None when the quote has no named speaker.")
    role: str | None = Field(default=None, description="The speaker's role, when known.")
    language: str | None = "en"
    date: dt.date | None = None
    agreement: int = Field(default=1, description="How many sources give this quote.")
    origin: Origin = Field(default="article", description=ORIGIN_DOC)
    citations: list[Citation] = Field(default_factory=list)


# A count of people: more than live on Earth is a typo (and would overflow number formatting).
PeopleCount = Field(ge=0, le=10_000_000_000)


class Subset(_Model):
    """Part of a figure: 'including 45 children'."""

    value: int | float = PeopleCount
    approx: bool = False
    group: str | None = None
    text: str | None = None


class Claim(_Model):
    """One value that some sources give for a quantity other sources put differently."""

    value: int | float = PeopleCount
    approx: bool = False
    vague: str | None = None
    qualifier: str | None = None
    text: str
    sources: list[str] = Field(default_factory=list, description="Ids of the sources that give this value.")
    published: dt.date | None = Field(default=None, description="Newest publication date among them.")
    newest: bool = Field(default=False, description="The most recent report of this quantity.")
    citations: list[Citation] = Field(default_factory=list)


class Figure(_Fact):
    value: int | float = Field(ge=0, le=10_000_000_000,
                               description="The number; for a vague quantity the policy's number.")
    approx: bool = False
    vague: str | None = Field(default=None, description="The vague words ('tens of thousands') when the "
                              "number is vague; the brief prints these, not the value.")
    qualifier: str | None = Field(default=None, description="'at least', 'more than', 'about' ...")
    text: str = Field(description="The words in the source.")
    category: Category = "other"
    group: str | None = None
    place: str | None = None
    date: dt.date | None = None
    subsets: list[Subset] = Field(default_factory=list)
    agreement: int = Field(default=1, description="Sources giving this value (syndicated copies included).")
    independent: int = Field(default=1, description="Distinct stories giving this value; >= 2 is confirmed.")
    disputed: bool = Field(default=False, description="Sources give different values; see `claims`.")
    revised: bool = Field(default=False, description="The values differ only between reports of different "
                          "days and the newest day agrees on one value: an update rather than a conflict.")
    claims: list[Claim] = Field(default_factory=list, description="Every value given, when disputed.")
    scope: Scope = Field(default="main", description="'main': counts the story's event; 'context': "
                         "background (see scope_reason), never a key figure.")
    scope_reason: ScopeReason | None = Field(default=None, description="Why a figure is context.")
    lead: bool = Field(default=False, description="The headline or the lead paragraph states it.")
    origin: Origin = Field(default="article", description=ORIGIN_DOC)
    citations: list[Citation] = Field(default_factory=list)


class Story(_Model):
    """What one source is about: its main event, where and when (from headline, lead, dateline)."""

    source: str = Field(description="Id of the source this reading is of.")
    type: EventType = "none"
    hazard: str | None = Field(default=None, description="The disease or hazard's name when the type has "
                               "one: 'cholera', 'Ebola', 'Tropical Storm Tembin'.")
    place: str | None = Field(default=None, description="The main place, as the text names it.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code of the main place.")
    date: dt.date | None = None
    headline: str | None = Field(default=None, description="The source's headline, the title of a "
                                 "story with no crisis event.")


class Event(_Fact):
    date: dt.date | None = None
    precision: DatePrecision = Field(default="day", description="How closely `date` is known; for week, "
                                     "month or year it is the first day of that stretch.")
    status: EventStatus = "past"
    description: str
    text: str | None = None
    kind: EventKind | None = Field(default=None, description="What the event is, when its clause clearly "
                                   "says so; None keeps the source clause as the event's line.")
    actor: str | None = Field(default=None, description="Who acts (a person or organisation of the facts), "
                              "as the facts name them.")
    place: str | None = Field(default=None, description="Where it happens (a place of the facts), as the "
                              "facts name it.")
    said_by: str | None = Field(default=None, description="Who the source says made this claim ('X said that "
                                "...'), as the text names them: a person, an organisation or a party (the "
                                "ministry, the army, rebels). None for a plain fact or generic sourcing "
                                "('officials said', 'police said'); the brief shows the claim as theirs.")
    agreement: int = Field(default=1, description="How many sources report this event.")
    origin: Origin = Field(default="article", description=ORIGIN_DOC)
    citations: list[Citation] = Field(default_factory=list)


class Facts(_Model):
    """Everything extracted from a set of sources; what `extract` writes and `render` reads."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, le=SCHEMA_VERSION,
                                description="The facts contract's version; a newer one is refused.")
    sources: list[Source] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list, description="Each source's main event; the "
                                 "brief's story is what most sources say.")
    warnings: list[str] = Field(default_factory=list, description="Sources skipped or partly used, and why.")
    kinds: dict[str, list[dict[str, Any]]] = Field(
        default_factory=dict, description="Items of the fact kinds registered in briefgen.kinds, by kind name; "
        "each checked by its kind's model.")

    @field_validator("kinds")
    @classmethod
    def _registered_kinds(cls, value: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
        from briefgen.kinds import validate_items  # the registry imports this module

        return {name: validate_items(name, items) for name, items in value.items()}

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


# --- The composed brief (what templates receive) ------------------------------------------
# Owned by compose (briefgen/compose/); defined here so every stage shares one model module.

class Mark(_Model):
    """A footnote mark: '[n]' pointing at source number n, with the sentence it came from; or the
    analyst's mark on a fact added by hand (`origin`; `source` then says "analyst" too, for themes
    written before `origin`)."""

    number: int
    source: str
    origin: Origin = "article"
    sentence: str = Field(description="The cited sentence, shown on hover in HTML.")


class SourceEntry(_Model):
    """One line of the sources list; `number` is the mark used everywhere above it."""

    number: int
    id: str
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    url: str | None = None


class KeyFigure(_Model):
    """A figure as the brief shows it: the words/number to print, never an average."""

    id: str
    category: Category
    value: int | float
    approx: bool = False
    vague: str | None = None
    qualifier: Qualifier | None = None
    group: str | None = None
    place: str | None = None
    date: dt.date | None = None
    subsets: list[Subset] = Field(default_factory=list)
    marks: list[Mark] = Field(default_factory=list)
    sources_count: int = Field(default=1, description="Independent sources that give this value.")
    agreement: int = Field(default=1, description="Sources giving this value, syndicated copies included.")
    scope: Scope = "main"
    scope_reason: ScopeReason | None = None
    disputed: bool = Field(default=False, description="Sources of the newest day disagree on the value.")
    revised: bool = Field(default=False, description="Earlier reports gave other values; the newest agree.")
    rank: int = Field(default=0, description="Selection order: 0 is the most important figure.")


class TimelineEntry(_Model):
    id: str
    date: dt.date | None = None
    precision: DatePrecision = "day"
    status: EventStatus = "past"
    description: str
    kind: EventKind | None = Field(default=None, description="Typed: render generates the line in the "
                                   "brief's language; None: the description is the line.")
    actor: str | None = None
    place: str | None = None
    said_by: str | None = Field(default=None, description="Whose claim this is (Event.said_by); the page "
                                "shows the line as theirs.")
    marks: list[Mark] = Field(default_factory=list)


class BriefQuote(_Model):
    id: str
    text: str
    speaker: str | None = None
    role: str | None = None
    language: str | None = None     # what it was said in (verbatim, never translated)
    date: dt.date | None = None
    marks: list[Mark] = Field(default_factory=list)


class DisputedValue(_Model):
    value: int | float
    approx: bool = False
    vague: str | None = None
    qualifier: Qualifier | None = None
    newest: bool = Field(default=False, description="The most recent report of this quantity.")
    published: dt.date | None = None
    marks: list[Mark] = Field(default_factory=list)


class Dispute(_Model):
    """Sources disagree on the same category+group+place: every value is kept, none averaged."""

    id: str
    revised: bool = Field(default=False, description="Only older reports differ: a revision, not a conflict.")
    category: Category
    group: str | None = None
    place: str | None = None
    values: list[DisputedValue] = Field(default_factory=list)
    more_values: int = Field(default=0, description="Further values reported, left off the page.")


class BottomLine(_Model):
    """The bottom line as data: the story's event, where and when, and its leading figures. No
    words: render phrases it in the brief's language (one catalog message per sentence shape)."""

    type: EventType | None = Field(default=None, description="The story's event type; 'none' for a "
                                   "story with no crisis event (its headline fact only).")
    hazard: str | None = Field(default=None, description="The storm's or the disease's name.")
    place: str | None = Field(default=None, description="Where the event happened, as the sources name it.")
    date: dt.date | None = Field(default=None, description="When it happened (the earliest source's date).")
    figures: list[KeyFigure] = Field(default_factory=list, description="The leading figures, one per "
                                     "category, most important first.")
    as_of: dt.date | None = Field(default=None, description="The newest source's date, when figures are given.")
    sources_count: int = Field(default=0, description="Sources the figures are cited from.")


class BriefStory(_Model):
    """The story of the brief: what most sources say happened, where and when. `type` is None
    when no source was read for its story (a facts file from before story reading)."""

    type: EventType | None = None
    hazard: str | None = None
    place: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code.")
    date: dt.date | None = None
    headline: str | None = Field(default=None, description="The newest source's headline (the title "
                                 "of a story with no crisis event).")


class SectionItem(_Model):
    """One item of a registered fact kind's section (briefgen.kinds), as its partial prints it."""

    id: str
    fields: dict[str, Any] = Field(default_factory=dict, description="The item's own fields, citations left out.")
    marks: list[Mark] = Field(default_factory=list)


class Section(_Model):
    """A registered fact kind's section: its items and the partial (a template name) that prints them."""

    kind: str
    label: str = Field(description="Catalog msgid of the section's heading.")
    partial: str
    items: list[SectionItem] = Field(default_factory=list)


class Brief(_Model):
    """The composed brief: what goes on the page, in priority order, never how it looks."""

    brief_id: str
    story: BriefStory = Field(default_factory=BriefStory)
    place: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 code.")
    topics: list[str] = Field(default_factory=list, description="casualties, displacement, ...")
    as_of: dt.date | None = None
    covers_from: dt.date | None = None
    covers_to: dt.date | None = None
    languages: list[str] = Field(default_factory=list)
    figures: list[KeyFigure] = Field(default_factory=list)
    bottom_line: BottomLine | None = Field(default=None, description="What happened, where, when, and the "
                                           "leading figures; render phrases it.")
    timeline: list[TimelineEntry] = Field(default_factory=list)
    quotes: list[BriefQuote] = Field(default_factory=list)
    next: list[TimelineEntry] = Field(default_factory=list)
    disputes: list[Dispute] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list, description="Registered fact kinds' sections "
                                    "(briefgen.kinds), in registration order.")
    context: list[KeyFigure] = Field(default_factory=list, description="Background figures (another time, "
                                     "event or place, rates, projections, populations): never key figures.")
    gaps: list[Category] = Field(default_factory=list, description="Main categories no source gives.")
    note_markdown: str | None = Field(default=None, description="The analyst note as written (Markdown).")
    note_html: str | None = Field(default=None, description="The analyst note, Markdown rendered "
                                  "with raw HTML off (made by render from `note_markdown`).")
    sources: list[SourceEntry] = Field(default_factory=list)
    compact_sources: bool = Field(default=False, description="Sources shrunk to outlet + date.")
    sources_total: int = Field(default=0, description="Sources the brief was built from; with many, "
                               "`sources` lists only those cited on the page.")
    build_date: dt.date | None = Field(default=None, description="From the facts, not the clock.")
    generator: str = "briefgen"
    version: str = ""
    dropped: list[str] = Field(default_factory=list, description="Items the one-page fit left out.")
