"""Fact extraction: one source's text in, its people, organisations, places, quotes,
figures and events out, each with citations into `source.text`.

Rule-based, offline and deterministic. The stages run in the order of `STAGES` (names
first, since quotes, figures and events look names up); each stage module keeps its own
ordered `RULES` chain. Anything unexpected becomes an `ExtractError` naming the source.
"""
from __future__ import annotations

from collections.abc import Callable

from .. import kinds
from ..errors import ExtractError
from ..model import (
    Event,
    Facts,
    Figure,
    Organization,
    Person,
    Place,
    Quote,
    Source,
    Subset,
)
from . import event_kinds, events, figures, lexicon, orgs, people, places, quotes, scope
from .story import tell as tell_story
from .doc import Doc
from .ruler import Ruler
from .lang import plug as intl

STAGES: Ruler[Callable[[Doc], None]] = Ruler([
    ("orgs", orgs.run),
    ("people", people.run),
    ("places", places.run),
    ("orgs_late", orgs.run_late),
])

__all__ = ["extract_source", "STAGES"]


def _cite(doc: Doc, start: int, end: int) -> dict:
    # A citation's fields as a dict, validated into a `Citation` by the fact model that holds it:
    # one validation in pydantic's core per fact instead of one Python-level model per citation
    # (a document has some fifty), with the same checks and the same result.
    return {"source": doc.source_id, "start": start, "end": end}


def _mentions(doc: Doc, kind: str, key: str, by_entity: dict | None = None) -> list[dict]:
    if by_entity is not None:
        return [_cite(doc, m.start, m.end) for m in by_entity.get((kind, key), ())]
    return [_cite(doc, m.start, m.end) for m in sorted(doc.mentions, key=lambda m: m.start)
            if m.kind == kind and m.key == key]


def _names(doc: Doc, facts: Facts) -> None:
    # the mentions sorted once and grouped by entity, not sorted and scanned again for each one
    by_entity: dict[tuple[str, str], list] = {}
    for m in sorted(doc.mentions, key=lambda m: m.start):
        by_entity.setdefault((m.kind, m.key), []).append(m)
    for e in doc.entities_of("person"):
        cites = _mentions(doc, "person", e.name, by_entity)
        if cites:
            facts.people.append(Person(name=e.name, role=e.role, aliases=e.aliases, citations=cites))
    for e in doc.entities_of("org"):
        cites = _mentions(doc, "org", e.name, by_entity)
        if cites:
            name, aliases = orgs.as_the_source_names(doc, e, by_entity[("org", e.name)])
            facts.organizations.append(Organization(name=name, aliases=aliases, citations=cites))
    for e in doc.entities_of("place"):
        cites = _mentions(doc, "place", e.name, by_entity)
        if cites:
            facts.places.append(Place(name=e.name, country=e.country, citations=cites))


def _quotes(doc: Doc, facts: Facts) -> None:
    for it in quotes.run(doc):
        q = it.quote
        speaker = it.speaker if isinstance(it.speaker, str) else None
        ent = doc.entities.get(("person", speaker)) if speaker else None
        # quotes stay verbatim in the article's language; the brief marks them with it
        found = it.how.replace(" ", "_") if speaker and it.how else None
        facts.quotes.append(Quote(text=doc.text[q.start:q.end], speaker=speaker, role=ent.role if ent else None,
                                  language=facts.sources[0].language, speaker_found=found,
                                  citations=[_cite(doc, q.start, q.end)]))


def _figures(doc: Doc, facts: Facts) -> None:
    for c in figures.run(doc):
        if not 0 <= c.num.value <= MAX_FIGURE:
            continue  # no crisis counts more people than live on Earth: a typo or a trap, not a figure
        group = None if c.head is None or c.head in figures.NOT_GROUPS else c.head
        subsets = [Subset(value=s.num.value, approx=bool(s.qualifier or s.num.vague), group=s.head,
                          text=doc.text[s.start:s.np_end].strip()) for s in c.subsets]
        facts.figures.append(Figure(
            value=c.num.value, approx=bool(c.qualifier or c.num.vague), vague=c.num.vague,
            qualifier=c.qualifier, text=doc.text[c.start:c.text_end or c.end], category=c.category, group=group,
            place=c.place, date=c.date, subsets=subsets, citations=[_cite(doc, c.start, c.text_end or c.end)]))


MAX_FIGURE = 10_000_000_000


def _events(doc: Doc, facts: Facts) -> None:
    for c in events.run(doc):
        facts.events.append(Event(date=c.date, precision=c.precision, status=c.status, description=c.description,
                                  text=doc.text[c.start:c.end], said_by=c.said_by,
                                  citations=[_cite(doc, c.start, c.end)]))


def extract_source(source: Source) -> Facts:
    """Facts read from one ingested source; `sources=[source]`, every citation
    {source: source.id, start, end} indexes source.text."""
    try:
        with lexicon.reading(source.language):  # every rule below reads this language's lists
            doc = Doc.build(source.text or "", source.id, source.published, source.dateline, source.title,
                            source.language)
            for _name, stage in STAGES:
                stage(doc)
            facts = Facts(sources=[source])
            _names(doc, facts)
            _quotes(doc, facts)
            for p in facts.people:  # a role noun resolved while reading quotes ("the Russian president said")
                role = p.role or doc.entities[("person", p.name)].role
                if role is not p.role:  # each assignment is validated: only a new value is set
                    p.role = role
            _figures(doc, facts)
            _events(doc, facts)
            facts.kinds = kinds.extract_all(doc)   # every registered kind's (briefgen.kinds)
            # ru/uk/ar: what only a reader of the language finds (names without capitals, case forms)
            intl.extend(facts, source.text or "", source.id, source.published, lexicon.current(),
                        doc.sentences)  # the same text split the same way: not again
            event_kinds.run(facts, lexicon.current())   # after both event chains: one rule types them all
            story = tell_story(facts, source)
            scope.run(facts, story, source.text or "", source.published)
            facts.stories.append(story)
            return facts
    except ExtractError:
        raise
    except Exception as exc:  # a bug must not take the whole build down: report it as this source's failure
        raise ExtractError(f"fact extraction failed: {type(exc).__name__}: {exc}", path=source.path) from exc
