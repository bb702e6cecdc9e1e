"""Wording that depends on the reader's locale: category labels, amounts, fact sentences.

Templates call these (registered as filters by env.py) instead of assembling words
themselves, so word order lives in the catalog ("%(count)s %(group)s killed") and numbers
go through Babel. Every msgid (here and in phrase_labels.py) is marked for extraction (`N_`, `NN_`,
`NP_`, `NNP_`).

Fact sentences are generated from the structured facts, never machine-translated: a group,
place or vague amount the word tables know (wording.py) is said in the brief's language with
the right plural form and gender; one they do not know stays in the source's words, isolated
in `<bdi lang=…>`, inside a construction that needs no grammar of it ('369 personnes tuées
(Kurdish fighters)'). Return values are Markup: every source word is escaped here.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from briefgen.model import Brief, BriefStory, Dispute, KeyFigure, Mark
from briefgen.render import wording
from briefgen.render.phrase_labels import (
    ACCIDENT_LABELS, CATEGORY_HEADINGS, CATEGORY_HEADINGS_FEMININE, CATEGORY_LABELS, CATEGORY_PHRASES,
    CATEGORY_PHRASES_FEMININE, CONFLICT_EVENTS, EVENT_LABELS, LANGUAGE_TAG, QUALIFIER_FORMS, SCOPE_REASONS, TOPIC_LABELS,
    WITH_DISPLACEMENT)
from briefgen.render.phrases_figures import _PEOPLE, FigurePhrases

__all__ = ["ACCIDENT_LABELS", "CATEGORY_HEADINGS", "CATEGORY_HEADINGS_FEMININE", "CATEGORY_LABELS", "CATEGORY_PHRASES",
           "CATEGORY_PHRASES_FEMININE", "EVENT_LABELS", "LANGUAGE_TAG", "QUALIFIER_FORMS", "SCOPE_REASONS",
           "TOPIC_LABELS", "Phrases", "capitalize_first", "capitalize_in", "merge_marks", "sentence"]


class Phrases(FigurePhrases):
    """Every phrase a template asks for: quotes and language tags (phrases_quotes.py), amounts and
    fact sentences (phrases_figures.py), and here the story's title and the labels."""

    # --- the story ---------------------------------------------------------------------------

    def event_label(self, story: BriefStory) -> Markup:
        """What happened, in a title's words: 'floods', 'cholera outbreak', 'train crash'."""
        if story.type == "epidemic" and story.hazard:
            return Markup(escape(self._("%(disease)s outbreak"))) % {"disease": self.verbatim(story.hazard)}
        if story.type == "storm" and story.hazard:
            return self.verbatim(story.hazard)          # a storm's own name: "Tropical Storm Tembin"
        if story.type == "accident" and story.hazard in ACCIDENT_LABELS:
            return escape(self._(ACCIDENT_LABELS[story.hazard]))
        return escape(self._(EVENT_LABELS.get(story.type, EVENT_LABELS["displacement"])))

    def story_title(self, brief: Brief) -> Markup:
        """'<main place>: <what happened>'; a story with no crisis event: its headline, as written."""
        story = brief.story
        if story.type is None:
            return self._untold_title(brief)
        if story.type == "none":
            if story.headline:
                # The place too when the headline does not name it: the title says where.
                if brief.place and brief.place.lower() not in story.headline.lower():
                    return Markup(escape(self._("%(place)s: %(event)s"))) % {
                        "place": self.place_name(brief.place), "event": self.verbatim(story.headline)}
                return self.verbatim(story.headline)
            return self.place_name(brief.place) if brief.place else escape(self._("Situation update"))
        what = self.event_label(story)
        if story.type in CONFLICT_EVENTS and brief.figures and brief.figures[0].category in ("displaced", "refugees"):
            what = Markup(escape(self._(WITH_DISPLACEMENT))) % {"event": what}
        if not brief.place:
            return Markup(capitalize_in(what, self.language))
        return Markup(escape(self._("%(place)s: %(event)s"))) % {"place": self.place_name(brief.place), "event": what}

    def _untold_title(self, brief: Brief) -> Markup:
        """A brief whose story was not read (older facts files): the place and the topics."""
        if brief.place and brief.topics:
            topics = self.formatters.format_list([self.topic_label(t) for t in brief.topics])
            return Markup(escape(self._("%(place)s: %(topics)s"))) % {"place": self.place_name(brief.place),
                                                                      "topics": topics}
        if brief.place:
            return Markup(escape(self._("%(place)s: situation update"))) % {"place": self.place_name(brief.place)}
        return escape(self._("Situation update"))

    def story_kicker(self, brief: Brief) -> Markup:
        """The line above the title: the kind of brief, and the country when the title does not name it."""
        kind = escape(self._("Situation brief") if brief.story.type != "none" else self._("News brief"))
        country = self.formatters.territory_name(brief.country) if brief.country else None
        if country and country != brief.place and wording.country_code(brief.place) != brief.country:
            return Markup("%s · %s") % (kind, country)
        return kind

    def scope_label(self, reason: str | None) -> str:
        """Why a figure is context: 'earlier', 'rate', 'projection'…"""
        return self._(SCOPE_REASONS[reason]) if reason in SCOPE_REASONS else ""

    def category_label(self, category: str) -> str:
        return self._(CATEGORY_LABELS.get(category, CATEGORY_LABELS["other"]))

    def category_heading(self, figure: KeyFigure | Dispute) -> str:
        """A figure's heading, agreeing with its group: 'Killed' / 'Tués' / 'Muertas' (mujeres).

        A heading over people in general is the generic masculine ('Muertos', 'Tués', 'Mortos')
        although 'personas', 'personnes' and 'pessoas' are feminine nouns: native readers take
        'Muertas' over 'personas' for 'dead women'. Only a group of women or girls makes it feminine."""
        words = wording.find_group(figure.group) if figure.group else _PEOPLE
        feminine = words not in (None, _PEOPLE) and self._p("gender", words.gender) == "f"
        table, context = (CATEGORY_HEADINGS_FEMININE, "heading, feminine") if feminine else (CATEGORY_HEADINGS, "heading")
        return self._p(context, table.get(figure.category, table["other"]))

    def topic_label(self, topic: str) -> str:
        return self._(TOPIC_LABELS[topic]) if topic in TOPIC_LABELS else topic


def sentence(text: str) -> str:
    """Article-side descriptions end without a full stop; the template adds its own."""
    return text.strip().rstrip(".").strip()


def merge_marks(mark_lists) -> list[Mark]:
    """One mark per source across several facts (a sentence citing two figures of [1] shows [1] once)."""
    merged: dict[int, Mark] = {}
    for marks in mark_lists:
        for mark in marks:
            merged.setdefault(mark.number, mark)
    return [merged[n] for n in sorted(merged)]


# Languages whose capital of 'i' is the dotted 'İ' (str.upper gives the dotless 'I').
_DOTTED_I = {"tr", "az", "crh", "kk", "tt"}
# Leading markup and punctuation a capital steps over: '<bdi lang="en">tens…', '« tens…', '¿…'.
_BEFORE_FIRST_LETTER = re.compile(r"(?:<[^>]*>|&[#\w]+;|[^\w<&])*")


def capitalize_first(text: str) -> str:
    """Upper-cases the first letter only ('tens of thousands' → 'Tens of thousands'), by the
    brief language's rules ('ijssel' → 'IJssel' in Dutch, 'i' → 'İ' in Turkish)."""
    # The filter of that name passes the brief's language (env.py); this is its documented face.
    return capitalize_in(text, None)


def capitalize_in(text: str, language: str | None) -> str:
    """`capitalize_first` by the rules of `language` (a tag such as 'tr' or 'nl-BE')."""
    if not text:
        return text
    plain = str(text)
    start = _BEFORE_FIRST_LETTER.match(plain).end()
    if start >= len(plain) or not plain[start].isalpha():
        return text
    primary = (language or "").replace("_", "-").split("-")[0].lower()
    first = plain[start]
    if primary == "nl" and plain[start:start + 2].lower() == "ij":
        capital, first = "IJ", plain[start:start + 2]
    elif primary in _DOTTED_I and first == "i":
        capital = "İ"
    else:
        # Title case, not upper: one letter's capital, even for digraph letters ('ǆ' → 'ǅ').
        capital = first.title()
    result = plain[:start] + capital + plain[start + len(first):]
    return Markup(result) if isinstance(text, Markup) else result
