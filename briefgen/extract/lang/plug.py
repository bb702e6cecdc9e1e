"""Facts from the Russian, Ukrainian and Arabic readers, added to what the shared rules found.

The shared (English-shaped) rules still run on these texts, and find what is written in Latin
script ("Associated Press", "Reuters"); this module adds what only a reader of the language
finds, never a second copy of a fact already there.
"""
from __future__ import annotations

import datetime as dt
import re

from ...sentences import sentences
from ...model import Citation, Event, Facts, Figure, Organization, Person, Place, Quote, Subset
from . import dates_intl, found, morph, quotes_intl

LANGS = ("ru", "uk", "ar")
MAX_FIGURE = 10_000_000_000  # the model's bound (extract/__init__.py MAX_FIGURE)
def extend(facts: Facts, text: str, source_id: str, published: dt.date | None, lang: str,
           sents: list[tuple[int, int]] | None = None) -> None:
    """Add this language's figures and events to `facts` (read from `text`, cited in `source_id`).
    `sents`: the text's sentences (`sentences(text)`), when the caller split it already; the
    readers below all read them, and splitting is a tenth of their time."""
    if lang not in LANGS:
        return
    sents = sentences(text) if sents is None else sents
    cite = lambda s, e: Citation(source=source_id, start=s, end=e)  # noqa: E731
    published = published or _header_date(text, lang)
    names = _names(facts, text, lang, cite, sents)
    _quotes(facts, text, lang, names, cite, sents)
    _figures(facts, text, lang, cite, sents)
    _events(facts, text, lang, published, cite, sents)


def _header_date(text: str, lang: str) -> dt.date | None:
    """"РБК | 1 июля 2025" at the top when ingest read no date (it knows English months only):
    the first calendar date with its year in the opening lines."""
    head = text[:300]
    for d in dates_intl.find(head, lang, dt.date(1900, 1, 1), 0, len(head)):
        if d.date.year > 1900:
            return d.date
    return None


def _names(facts: Facts, text: str, lang: str, cite, sents: list[tuple[int, int]]) -> list[found.FoundName]:
    if lang == "ar":
        from . import names_ar
        names = names_ar.find(text)
    else:
        from . import names_cyrillic
        names = names_cyrillic.find(text, lang, sents)
    have = {(k, x.name.lower()) for k, xs in (("person", facts.people), ("org", facts.organizations),
                                              ("place", facts.places)) for x in xs}
    for n in names:
        if (n.kind, n.name.lower()) in have or not n.mentions:
            continue
        cites = [cite(s, e) for s, e in sorted(n.mentions)]
        if n.kind == "person":
            facts.people.append(Person(name=n.name, role=n.role, citations=cites))
        elif n.kind == "org":
            facts.organizations.append(Organization(name=n.name, citations=cites))
        else:
            facts.places.append(Place(name=n.name, country=n.country, citations=cites))
    return names


def _quotes(facts: Facts, text: str, lang: str, names: list[found.FoundName], cite,
            sents: list[tuple[int, int]]) -> None:
    roles = {n.name: n.role for n in names if n.kind == "person"}
    for q in quotes_intl.find(text, lang, names, sents):
        words = text[q.start:q.end]
        facts.quotes = [x for x in facts.quotes if not (x.text.strip() == words.strip() and not x.speaker)]
        if any(x.text.strip() == words.strip() for x in facts.quotes):
            continue
        facts.quotes.append(Quote(text=words, speaker=q.speaker, role=roles.get(q.speaker), language=lang,
                                  citations=[cite(q.start, q.end)]))


def _figures(facts: Facts, text: str, lang: str, cite, sents: list[tuple[int, int]]) -> None:
    if lang == "ar":
        from . import figures_ar
        figs = figures_ar.find(text, sents)
    else:
        from . import figures_cyrillic
        figs = figures_cyrillic.find(text, lang, sents)
    exact = [f for f in figs if not f.num.vague]
    for f in figs:
        if f.num.vague and any(e.category == f.category and e.num.value >= f.num.value for e in exact):
            continue  # "десятки ранены" beside "35 госпитализированы": the same people, told loosely
        if not 0 <= f.num.value <= MAX_FIGURE:
            continue  # more people than live on Earth: a typo or a trap, as for English
        if any(x.value == f.num.value and x.category == f.category for x in facts.figures):
            continue
        facts.figures.append(Figure(
            value=f.num.value, approx=f.approx, vague=f.num.vague, qualifier=f.qualifier,
            text=text[f.start:f.end], category=f.category, group=f.group,
            subsets=[Subset(value=s.num.value, group=s.group, text=text[s.start:s.end]) for s in f.subsets],
            citations=[cite(f.start, f.end)]))


def _past(text: str, lang: str, span: tuple[int, int]) -> bool | None:
    if lang == "ar":
        return None
    words = re.findall(r"[^\W\d_]+", text[span[0]:span[1]])
    return True if any(morph.has(lang, w, "past") and (morph.first(lang, w) or morph.Parse("", None, frozenset())).pos
                       == "VERB" for w in words) else None


_DESCRIPTION_MAX_CHARS = 240


def _short(words: str) -> str:
    """The sentence as the event's line; a long one cut at a word with '…', never inside a word
    ("لتشمل مدينة د" read as a word of its own)."""
    if len(words) <= _DESCRIPTION_MAX_CHARS:
        return words
    return words[:_DESCRIPTION_MAX_CHARS].rsplit(None, 1)[0].rstrip(" ,;:،؛") + "…"


def _events(facts: Facts, text: str, lang: str, published: dt.date | None, cite,
            sents: list[tuple[int, int]]) -> None:
    seen = {(e.date, e.text) for e in facts.events}
    for sent in sents:
        dates = dates_intl.find(text, lang, published, *sent, past=_past(text, lang, sent))
        words = text[sent[0]:sent[1]].strip()
        for d in dates:
            if (d.date, words) in seen:
                continue
            seen.add((d.date, words))
            status = "scheduled" if published and d.date > published else "past"
            facts.events.append(Event(date=d.date, status=status, description=_short(words), text=words,
                                      citations=[cite(sent[0], sent[1])]))
