"""The bottom line's sentences, in the brief's language, from the typed `BottomLine`.

Compose gives the story's event, place and date and the leading figures; this module phrases
them through the catalogs, one message per sentence shape (context "bottom line"), so a
translator sees whole sentences and word order is theirs. The event sentence has a message per
event type (an earthquake 'struck', armed clashes 'broke out'); the figures sentence wraps the
figures' own phrases (phrases.figure_phrase: plural forms, gender, vague words, qualifiers) in a
frame whose plural follows the number of sources. Numbers and dates go through Babel in the
brief's locale. A vague figure keeps its words: no number is ever made up for it.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from briefgen.i18n import NNP_, NP_
from briefgen.model import BottomLine, Mark
from briefgen.render import wording
from briefgen.render.country_locative import country_in
from briefgen.render.phrases import Phrases, capitalize_in, merge_marks

# What happened, where and when: one sentence per event type. %(where)s is a locative phrase,
# preposition included ('in Valdera', 'à Valdera', 'в Valdera'), so no language needs the
# place's case; %(date)s is Babel's long date.
EVENT_SENTENCES = {
    "flood": NP_("bottom line", "Floods struck %(where)s on %(date)s."),
    "earthquake": NP_("bottom line", "An earthquake struck %(where)s on %(date)s."),
    "storm": NP_("bottom line", "A storm struck %(where)s on %(date)s."),
    "wildfire": NP_("bottom line", "Wildfires broke out %(where)s on %(date)s."),
    "landslide": NP_("bottom line", "A landslide struck %(where)s on %(date)s."),
    "drought": NP_("bottom line", "Drought and food insecurity were reported %(where)s on %(date)s."),
    "epidemic": NP_("bottom line", "A disease outbreak was reported %(where)s on %(date)s."),
    "armed_clashes": NP_("bottom line", "Armed clashes broke out %(where)s on %(date)s."),
    "air_strike": NP_("bottom line", "Air strikes hit targets %(where)s on %(date)s."),
    "attack": NP_("bottom line", "An attack took place %(where)s on %(date)s."),
    "mass_shooting": NP_("bottom line", "A mass shooting took place %(where)s on %(date)s."),
    "protest": NP_("bottom line", "Protests and unrest broke out %(where)s on %(date)s."),
    "displacement": NP_("bottom line", "Mass displacement was reported %(where)s on %(date)s."),
    "accident": NP_("bottom line", "An accident took place %(where)s on %(date)s."),
    "political_crisis": NP_("bottom line", "A political crisis broke out %(where)s on %(date)s."),
}
# A storm's or a disease's own name, kept in the source's words.
NAMED_STORM = NP_("bottom line", "%(storm)s struck %(where)s on %(date)s.")
NAMED_OUTBREAK = NP_("bottom line", "An outbreak of %(disease)s was reported %(where)s on %(date)s.")
# A place the word tables do not know: its own words after the language's 'in'.
IN_PLACE = NP_("bottom line", "in %(place)s")
# The leading figures, with the number of sources that give them (the plural follows it).
FIGURES_AS_OF = NNP_("bottom line", "As of %(date)s, %(count)s source reports %(what)s.",
                     "As of %(date)s, %(count)s sources report %(what)s.")
FIGURES = NNP_("bottom line", "%(count)s source reports %(what)s.", "%(count)s sources report %(what)s.")


def bottom_line_sentences(bottom_line: BottomLine | None, phrases: Phrases) -> list[tuple[Markup, list[Mark]]]:
    """The bottom line's sentences, each with the marks of the facts it states."""
    if bottom_line is None:
        return []
    sentences = []
    event = event_sentence(bottom_line, phrases)
    if event:
        sentences.append((event, []))
    if bottom_line.figures:
        sentences.append((figures_sentence(bottom_line, phrases),
                          merge_marks(f.marks for f in bottom_line.figures)))
    return sentences


def event_sentence(bottom_line: BottomLine, phrases: Phrases) -> Markup | None:
    """'An earthquake struck in Valdera on 16 April 2026.'; None without a crisis event, a place
    or a date (a sentence missing its where or when is not said)."""
    if bottom_line.type not in EVENT_SENTENCES or not bottom_line.place or not bottom_line.date:
        return None
    values = {"where": where(bottom_line.place, phrases),
              "date": escape(phrases.formatters.format_date(bottom_line.date, "long"))}
    message = EVENT_SENTENCES[bottom_line.type]
    if bottom_line.hazard and bottom_line.type == "storm":
        message, values["storm"] = NAMED_STORM, phrases.verbatim(bottom_line.hazard)
    elif bottom_line.hazard and bottom_line.type == "epidemic":
        message, values["disease"] = NAMED_OUTBREAK, phrases.verbatim(bottom_line.hazard)
    text = Markup(escape(phrases._p("bottom line", message))) % values
    return Markup(capitalize_in(text, phrases.language))


def figures_sentence(bottom_line: BottomLine, phrases: Phrases) -> Markup:
    """'As of 18 April 2026, 3 sources report at least 587 people killed and 155 missing.' A
    figure's place is said when it is not the event's own."""
    what = phrases.formatters.format_list([
        phrases.figure_phrase(f, with_place=bool(f.place) and f.place != bottom_line.place)
        for f in bottom_line.figures])
    count = max(bottom_line.sources_count, 1)
    values = {"count": escape(phrases.formatters.format_number(count)), "what": what}
    if bottom_line.as_of:
        message = phrases.translations.npgettext("bottom line", *FIGURES_AS_OF, count)
        values["date"] = escape(phrases.formatters.format_date(bottom_line.as_of, "long"))
    else:
        message = phrases.translations.npgettext("bottom line", *FIGURES, count)
    return Markup(capitalize_in(Markup(escape(message)) % values, phrases.language))


def where(place: str, phrases: Phrases, language: str | None = None) -> Markup:
    """The locative 'in <place>': the word tables' form for a place they know ('dans l'est
    d'Alep'), else the catalog's 'in' before the source's words (marked with `language`, by
    default the facts' main one)."""
    found = wording.find_place(place)
    if not found:
        code = wording.country_code(place)
        said = country_in(code, phrases.language) if code else None
        if said:   # "au Mali", "in der Türkei", "в Индонезии": a country in the brief's language
            return escape(said)
        return Markup(escape(phrases._p("bottom line", IN_PLACE))) % {"place": phrases.verbatim(place, language)}
    direction, words = found
    if direction is None:
        return escape(phrases._p("in place", words.in_))
    return escape(phrases._p("in place", wording.DIRECTIONS[direction][1]) % {
        "of_place": phrases._p("of place", words.of)})
