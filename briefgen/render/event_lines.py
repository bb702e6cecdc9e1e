"""An event's line in the brief's language, from its kind, actor and place (context "event line").

A timeline or what-next line is the source's clause. When the source is in another language
than the brief's, a typed event (extract/event_kinds.py) is said in the brief's language instead:
one catalog message per kind and slot combination, headline style and tense-free ('Earthquake
in Valdera', 'UNICEF: statement'), so the one message serves what happened and what is next
(the date and the 'scheduled' tag are the template's). Names stay the source's words, marked
with its language; a place the word tables know is said in the brief's language (bottom_line_text.where).
An untyped event, or one whose kind needs a slot it lacks (a statement by no one named), keeps
its clause, verbatim and tagged with its language. In the brief's own language the clause stays:
it says more than any generated line.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from briefgen.i18n import NP_
from briefgen.model import SourceEntry, TimelineEntry
from briefgen.render.bottom_line_text import where
from briefgen.render.phrases import Phrases, capitalize_in, sentence


def _impersonal(bare: str, in_place: str) -> dict[str, str]:
    return {"bare": bare, "where": in_place}


# By kind, the messages by the slots they take: "bare" (none), "where" (%(where)s, a locative
# with its preposition), "actor" (%(actor)s, a name as the source prints it), "actor_where".
EVENT_LINES: dict[str, dict[str, str]] = {
    "flood": _impersonal(NP_("event line", "Flooding"), NP_("event line", "Flooding %(where)s")),
    "earthquake": _impersonal(NP_("event line", "Earthquake"), NP_("event line", "Earthquake %(where)s")),
    "storm": _impersonal(NP_("event line", "Storm"), NP_("event line", "Storm %(where)s")),
    "wildfire": _impersonal(NP_("event line", "Wildfire"), NP_("event line", "Wildfire %(where)s")),
    "landslide": _impersonal(NP_("event line", "Landslide"), NP_("event line", "Landslide %(where)s")),
    "drought": _impersonal(NP_("event line", "Drought and food crisis"),
                           NP_("event line", "Drought and food crisis %(where)s")),
    "epidemic": _impersonal(NP_("event line", "Disease outbreak"), NP_("event line", "Disease outbreak %(where)s")),
    "armed_clashes": _impersonal(NP_("event line", "Armed clashes"), NP_("event line", "Armed clashes %(where)s")),
    "air_strike": _impersonal(NP_("event line", "Air strike"), NP_("event line", "Air strike %(where)s")),
    "attack": _impersonal(NP_("event line", "Attack"), NP_("event line", "Attack %(where)s")),
    "mass_shooting": _impersonal(NP_("event line", "Shooting"), NP_("event line", "Shooting %(where)s")),
    "protest": _impersonal(NP_("event line", "Protests"), NP_("event line", "Protests %(where)s")),
    "displacement": _impersonal(NP_("event line", "Displacement"), NP_("event line", "Displacement %(where)s")),
    "accident": _impersonal(NP_("event line", "Accident"), NP_("event line", "Accident %(where)s")),
    "evacuation": _impersonal(NP_("event line", "Evacuation"), NP_("event line", "Evacuation %(where)s")),
    "aid_delivery": _impersonal(NP_("event line", "Aid delivery"), NP_("event line", "Aid delivery %(where)s")),
    "arrest": _impersonal(NP_("event line", "Arrests"), NP_("event line", "Arrests %(where)s")),
    "ceasefire": _impersonal(NP_("event line", "Ceasefire"), NP_("event line", "Ceasefire %(where)s")),
    "election": _impersonal(NP_("event line", "Election"), NP_("event line", "Election %(where)s")),
    "rescue": _impersonal(NP_("event line", "Search and rescue"), NP_("event line", "Search and rescue %(where)s")),
    "talks": _impersonal(NP_("event line", "Talks"), NP_("event line", "Talks %(where)s")),
    # What someone does: said only with who does it.
    "statement": {"actor": NP_("event line", "%(actor)s: statement")},
    "decision": {"actor": NP_("event line", "%(actor)s: decision")},
    "appeal": {"actor": NP_("event line", "%(actor)s: appeal")},
    "report": {"actor": NP_("event line", "%(actor)s: report")},
    "meeting": {"actor": NP_("event line", "%(actor)s: meeting"), "where": NP_("event line", "Meeting %(where)s"),
                "actor_where": NP_("event line", "%(actor)s: meeting %(where)s")},
    "deployment": {"actor": NP_("event line", "%(actor)s: deployment of forces"),
                   "where": NP_("event line", "Deployment of forces %(where)s"),
                   "actor_where": NP_("event line", "%(actor)s: deployment of forces %(where)s")},
}


def _message(entry: TimelineEntry) -> tuple[str, str] | None:
    """(form, msgid) of the richest message the entry's slots fill, or None."""
    forms = EVENT_LINES.get(entry.kind or "", {})
    wanted = ("actor_where" if entry.actor and entry.place else None, "actor" if entry.actor else None,
              "where" if entry.place else None, "bare")
    return next(((form, forms[form]) for form in wanted if form in forms), None)


def generated_line(entry: TimelineEntry, phrases: Phrases, language: str) -> Markup | None:
    """The entry's line from its kind and slots in the brief's language; None when it has none.
    `language` is the source's: the names keep its words, marked with it."""
    found = _message(entry)
    if found is None:
        return None
    form, msgid = found
    values = {}
    if "actor" in form:
        values["actor"] = phrases.verbatim(entry.actor, language)
    if "where" in form:
        values["where"] = where(entry.place or "", phrases, language)
    text = Markup(escape(phrases._p("event line", msgid))) % values if values else \
        escape(phrases._p("event line", msgid))
    return Markup(capitalize_in(text, phrases.language))


def translated_line(entry: TimelineEntry, sources: list[SourceEntry], phrases: Phrases) -> Markup | None:
    """The generated line of a typed event whose source is in another language than the brief's;
    None when the clause is the line."""
    language = phrases.event_language(entry, sources)
    if language.split("-")[0] == phrases.language:
        return None
    return generated_line(entry, phrases, language)


def line_language(entry: TimelineEntry, sources: list[SourceEntry], phrases: Phrases) -> str | None:
    """The language of a line shown in its source's words when that is not the brief's (the
    line's element is marked with it: an English line in an Arabic brief keeps Latin line height);
    None for a line in the brief's language."""
    language = phrases.event_language(entry, sources)
    if language.split("-")[0] == phrases.language or translated_line(entry, sources, phrases) is not None:
        return None
    return language


def shown_line(entry: TimelineEntry, sources: list[SourceEntry], phrases: Phrases) -> Markup:
    """What a timeline or what-next line says, without its language tag: generated in the brief's
    language for a typed event from a source in another language, else the source's clause
    verbatim; someone's claim (`said_by`) said as theirs, in the brief's language."""
    language = phrases.event_language(entry, sources)
    line = translated_line(entry, sources, phrases)
    if line is None:
        line = phrases.verbatim(sentence(entry.description), language)
    return phrases.claimed(line, entry.said_by, language)


def event_line(entry: TimelineEntry, sources: list[SourceEntry], phrases: Phrases) -> Markup:
    """The line as the page prints it: `shown_line`, with the source language's tag when the
    clause is shown in a language other than the brief's."""
    text = shown_line(entry, sources, phrases)
    if line_language(entry, sources, phrases) is None:
        return text
    tag = phrases.language_tag(phrases.event_language(entry, sources))
    return Markup("%s %s") % (text, tag) if tag else text
