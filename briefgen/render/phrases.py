"""Wording that depends on the reader's locale: category labels, amounts, fact sentences.

Templates call these (registered as filters by env.py) instead of assembling words
themselves, so word order lives in the catalog ("%(count)s %(group)s killed") and numbers
go through Babel. Every msgid here is marked for extraction (`N_`, `NN_`, `NP_`, `NNP_`).

Fact sentences are generated from the structured facts, never machine-translated: a group,
place or vague amount the word tables know (wording.py) is said in the brief's language with
the right plural form and gender; one they do not know stays in the source's words, isolated
in `<bdi lang=…>`, inside a construction that needs no grammar of it ('369 personnes tuées
(Kurdish fighters)'). Return values are Markup: every source word is escaped here.
"""
from __future__ import annotations

import gettext as gettext_module
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefgen.errors import ConfigError
from briefgen.i18n import (
    N_, NNP_, NP_, SOURCE_LANGUAGE, Formatters, get_locale, language_direction, load_translations)
from briefgen.model import (
    Brief, BriefQuote, BriefStory, Dispute, DisputedValue, KeyFigure, Mark, SourceEntry, Subset, TimelineEntry)
from briefgen.render import roles, wording

CATEGORY_LABELS = {
    "killed": N_("killed"), "injured": N_("injured"), "missing": N_("missing"),
    "displaced": N_("displaced"), "evacuated": N_("evacuated"), "trapped": N_("trapped"),
    "refugees": N_("refugees"), "detained": N_("detained"), "released": N_("released"),
    "affected": N_("affected"), "in_need": N_("in need"), "assisted": N_("assisted"), "other": N_("other"),
}
# A figure's heading ('Killed' above '369 civilians'): its own message, cased as a heading (no CSS
# text-transform: upper-casing is not the same in every language), agreeing with the group's gender
# (Spanish 'Muertos' for civiles, 'Muertas' for mujeres).
CATEGORY_HEADINGS = {
    "killed": NP_("heading", "Killed"), "injured": NP_("heading", "Injured"), "missing": NP_("heading", "Missing"),
    "displaced": NP_("heading", "Displaced"), "evacuated": NP_("heading", "Evacuated"),
    "trapped": NP_("heading", "Trapped"), "refugees": NP_("heading", "Refugees"),
    "detained": NP_("heading", "Detained"), "released": NP_("heading", "Released"),
    "affected": NP_("heading", "Affected"), "in_need": NP_("heading", "In need"),
    "assisted": NP_("heading", "Assisted"), "other": NP_("heading", "Other"),
}
CATEGORY_HEADINGS_FEMININE = {
    "killed": NP_("heading, feminine", "Killed"), "injured": NP_("heading, feminine", "Injured"),
    "missing": NP_("heading, feminine", "Missing"), "displaced": NP_("heading, feminine", "Displaced"),
    "evacuated": NP_("heading, feminine", "Evacuated"), "trapped": NP_("heading, feminine", "Trapped"),
    "refugees": NP_("heading, feminine", "Refugees"), "detained": NP_("heading, feminine", "Detained"),
    "released": NP_("heading, feminine", "Released"), "affected": NP_("heading, feminine", "Affected"),
    "in_need": NP_("heading, feminine", "In need"), "assisted": NP_("heading, feminine", "Assisted"),
    "other": NP_("heading, feminine", "Other"),
}
# "%(count)s %(group)s <past participle>": the whole phrase is one msgid so word order can change;
# plural by the figure's value, and a second set for feminine groups (French 'personnes tuées').
CATEGORY_PHRASES = {
    "killed": NNP_("masculine", "%(count)s %(group)s killed", "%(count)s %(group)s killed"),
    "injured": NNP_("masculine", "%(count)s %(group)s injured", "%(count)s %(group)s injured"),
    "missing": NNP_("masculine", "%(count)s %(group)s missing", "%(count)s %(group)s missing"),
    "displaced": NNP_("masculine", "%(count)s %(group)s displaced", "%(count)s %(group)s displaced"),
    "evacuated": NNP_("masculine", "%(count)s %(group)s evacuated", "%(count)s %(group)s evacuated"),
    "trapped": NNP_("masculine", "%(count)s %(group)s trapped", "%(count)s %(group)s trapped"),
    "refugees": NNP_("masculine", "%(count)s %(group)s fled as refugees", "%(count)s %(group)s fled as refugees"),
    "detained": NNP_("masculine", "%(count)s %(group)s detained", "%(count)s %(group)s detained"),
    "released": NNP_("masculine", "%(count)s %(group)s released", "%(count)s %(group)s released"),
    "affected": NNP_("masculine", "%(count)s %(group)s affected", "%(count)s %(group)s affected"),
    "in_need": NNP_("masculine", "%(count)s %(group)s in need of aid", "%(count)s %(group)s in need of aid"),
    "assisted": NNP_("masculine", "%(count)s %(group)s assisted", "%(count)s %(group)s assisted"),
    "other": NNP_("masculine", "%(count)s %(group)s", "%(count)s %(group)s"),
}
CATEGORY_PHRASES_FEMININE = {
    "killed": NNP_("feminine", "%(count)s %(group)s killed", "%(count)s %(group)s killed"),
    "injured": NNP_("feminine", "%(count)s %(group)s injured", "%(count)s %(group)s injured"),
    "missing": NNP_("feminine", "%(count)s %(group)s missing", "%(count)s %(group)s missing"),
    "displaced": NNP_("feminine", "%(count)s %(group)s displaced", "%(count)s %(group)s displaced"),
    "evacuated": NNP_("feminine", "%(count)s %(group)s evacuated", "%(count)s %(group)s evacuated"),
    "trapped": NNP_("feminine", "%(count)s %(group)s trapped", "%(count)s %(group)s trapped"),
    "refugees": NNP_("feminine", "%(count)s %(group)s fled as refugees", "%(count)s %(group)s fled as refugees"),
    "detained": NNP_("feminine", "%(count)s %(group)s detained", "%(count)s %(group)s detained"),
    "released": NNP_("feminine", "%(count)s %(group)s released", "%(count)s %(group)s released"),
    "affected": NNP_("feminine", "%(count)s %(group)s affected", "%(count)s %(group)s affected"),
    "in_need": NNP_("feminine", "%(count)s %(group)s in need of aid", "%(count)s %(group)s in need of aid"),
    "assisted": NNP_("feminine", "%(count)s %(group)s assisted", "%(count)s %(group)s assisted"),
    "other": NNP_("feminine", "%(count)s %(group)s", "%(count)s %(group)s"),
}
TOPIC_LABELS = {
    "casualties": N_("casualties"), "displacement": N_("displacement"),
    "detentions": N_("detentions"), "needs": N_("humanitarian needs"),
}
QUALIFIER_FORMS = {
    "about": N_("about %(number)s"), "more_than": N_("more than %(number)s"),
    "at_least": N_("at least %(number)s"), "up_to": N_("up to %(number)s"),
    "nearly": N_("nearly %(number)s"), "fewer_than": N_("fewer than %(number)s"),
}
# The story's event in a title ("Valdera: floods"), one label per type of the taxonomy.
EVENT_LABELS = {
    "flood": N_("floods"), "earthquake": N_("earthquake"), "storm": N_("storm"), "wildfire": N_("wildfires"),
    "landslide": N_("landslide"), "drought": N_("drought and food insecurity"), "epidemic": N_("disease outbreak"),
    "armed_clashes": N_("armed clashes"), "air_strike": N_("air strikes"), "attack": N_("attack"),
    "mass_shooting": N_("mass shooting"), "protest": N_("protests and unrest"), "displacement": N_("displacement"),
    "accident": N_("accident"), "political_crisis": N_("political crisis"),
}
ACCIDENT_LABELS = {
    "plane crash": N_("plane crash"), "train crash": N_("train crash"), "road crash": N_("road crash"),
    "shipwreck": N_("shipwreck"), "building collapse": N_("building collapse"), "mine accident": N_("mine accident"),
    "fire": N_("fire"), "stampede": N_("stampede"), "industrial accident": N_("industrial accident"),
}
SCOPE_REASONS = {
    "another_time": N_("earlier"), "another_event": N_("another event"), "another_place": N_("elsewhere"),
    "rate": N_("rate"), "projection": N_("projection"), "population": N_("population"),
    "cumulative": N_("cumulative"),
}
# After a quote or role kept in another language: '(FR)'; the brackets are the catalog's.
LANGUAGE_TAG = NP_("language tag", "(%(code)s)")
_SENTINEL = "\x00"
_PEOPLE = wording.GROUPS["people"]


_RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "yi"}


@dataclass(frozen=True)
class Phrases:
    formatters: Formatters
    translations: gettext_module.NullTranslations
    language: str = "en"          # the brief's language
    source_language: str = "en"   # the language of the facts' own words (groups, places, events)

    def _(self, message: str) -> str:
        return self.translations.gettext(message)

    def _p(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def verbatim(self, text: str | None, language: str | None = None) -> Markup:
        """Source words kept as they are: isolated and marked with their language when it is
        not the brief's (a Latin name in an Arabic line must not scramble it)."""
        if not text:
            return Markup("")
        language = language or self.source_language
        if language.split("-")[0] == self.language:
            return escape(text)
        # An explicit dir as well: WeasyPrint 70 ignores the isolation <bdi> implies, but honours
        # dir as an embedding, which keeps an English clause's punctuation at its own end.
        direction = "rtl" if language.split("-")[0] in _RTL_LANGUAGES else "ltr"
        return Markup('<bdi lang="%s" dir="%s">%s</bdi>') % (language, direction, text)

    # --- quotes: the speaker's own words, never translated -----------------------------------

    def quote_language(self, quote: BriefQuote, sources: list[SourceEntry]) -> str:
        """The language a quote was said in: its own (extraction gives it its article's; an analyst
        may set another in the facts file), else its first cited source's."""
        return quote.language or self._reported_in(quote, sources)

    def _reported_in(self, quote: BriefQuote, sources: list[SourceEntry]) -> str:
        """The language of the article that reports the quote (its role words are in it)."""
        # Quote.language defaults to 'en' when extraction did not know it; the source knows better.
        return _cited_language(quote.marks, sources) or quote.language or self.source_language

    def event_language(self, event: TimelineEntry, sources: list[SourceEntry]) -> str:
        """The language of the article an event line's words come from (shown verbatim and marked
        when it is not the brief's, never mixed in silently): its first cited source's."""
        return _cited_language(event.marks, sources) or self.source_language

    def role_label(self, quote: BriefQuote, sources: list[SourceEntry]) -> Markup:
        """The speaker's role: a common title in the brief's language ('spokesperson' →
        'porte-parole'), any other in the source's words, marked with their language."""
        language = self._reported_in(quote, sources)
        if not quote.role or language.split("-")[0] == self.language:
            return escape(quote.role or "")
        msgid = roles.find_role(quote.role, _catalog(language))
        if msgid:
            return escape(self._p("role", msgid))
        return self.verbatim(quote.role, language)

    def quoted(self, text: str, language: str) -> Markup:
        """The quote's words in `<q lang=…>`, with `dir` when they run the other way from the brief."""
        own = language_direction(language)
        if own != language_direction(self.language):
            return Markup('<q lang="%s" dir="%s">%s</q>') % (language, own, text)
        return Markup('<q lang="%s">%s</q>') % (language, text)

    def language_tag(self, language: str | None) -> Markup:
        """'(FR)' after words kept in another language than the brief's; nothing in its own.

        The code is the ISO one (CLDR has no abbreviated language names); the full name, in the
        brief's language, is the tag's title."""
        if not language or language.split("-")[0] == self.language:
            return Markup("")
        code = language.replace("_", "-").split("-")[0].upper()
        text = self._p("language tag", LANGUAGE_TAG) % {"code": code}
        return Markup('<abbr class="lang-tag" title="%s">%s</abbr>') % (self.formatters.language_name(language), text)

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
        if country and country != brief.place:
            return Markup("%s · %s") % (kind, country)
        return kind

    def scope_label(self, reason: str | None) -> str:
        """Why a figure is context: 'earlier', 'rate', 'projection'…"""
        return self._(SCOPE_REASONS[reason]) if reason in SCOPE_REASONS else ""

    def category_label(self, category: str) -> str:
        return self._(CATEGORY_LABELS.get(category, CATEGORY_LABELS["other"]))

    def category_heading(self, figure: KeyFigure | Dispute) -> str:
        """A figure's heading, agreeing with its group: 'Killed' / 'Tués' / 'Muertas' (mujeres)."""
        words = wording.find_group(figure.group) if figure.group else _PEOPLE
        feminine = self._p("gender", (words or _PEOPLE).gender) == "f"
        table, context = (CATEGORY_HEADINGS_FEMININE, "heading, feminine") if feminine else (CATEGORY_HEADINGS, "heading")
        return self._p(context, table.get(figure.category, table["other"]))

    def topic_label(self, topic: str) -> str:
        return self._(TOPIC_LABELS[topic]) if topic in TOPIC_LABELS else topic

    # --- amounts ---------------------------------------------------------------------------

    def vague_words(self, vague: str) -> Markup:
        known = wording.find_vague(vague)
        return escape(self._p("vague amount", known)) if known else self.verbatim(vague)

    def amount_parts(self, figure: KeyFigure | DisputedValue | Subset) -> tuple[str, str, str]:
        """(before, number, after): 'about ' + '150' + '', so a theme can set the number large.

        A vague quantity gives its own words as the 'number' ('tens of thousands'): the brief
        never prints the policy's stand-in value for it.
        """
        vague = getattr(figure, "vague", None)
        if vague:
            return "", self.vague_words(vague), ""
        number = self.formatters.format_number(figure.value)
        qualifier = getattr(figure, "qualifier", None)
        if qualifier is None and figure.approx:
            qualifier = "about"
        if qualifier not in QUALIFIER_FORMS:
            return "", number, ""
        before, _, after = (self._(QUALIFIER_FORMS[qualifier]) % {"number": _SENTINEL}).partition(_SENTINEL)
        return before, number, after

    def amount(self, figure: KeyFigure | DisputedValue | Subset) -> Markup:
        return Markup("").join(escape(part) for part in self.amount_parts(figure))

    # --- groups and places -----------------------------------------------------------------

    def counted(self, group: str | None, value: float) -> tuple[Markup, str, Markup]:
        """(noun after the number, gender, source words kept aside) for `group`."""
        words = wording.find_group(group) if group else _PEOPLE
        n = int(value) if float(value).is_integer() else 2   # fractions take the 'other' form
        if words is None:
            # Unknown group: counted as people, its own words shown in parentheses.
            return (escape(self.translations.npgettext("counted", *_PEOPLE.counted, n)),
                    self._p("gender", _PEOPLE.gender), self.verbatim(group))
        return escape(self.translations.npgettext("counted", *words.counted, n)), self._p("gender", words.gender), Markup("")

    def group_label(self, group: str | None) -> Markup:
        words = wording.find_group(group)
        return escape(self._p("group", words.label)) if words else self.verbatim(group)

    def place_name(self, place: str | None) -> Markup:
        """The place in the nominative ('est d'Alep'), or the source's words."""
        found = wording.find_place(place)
        if not found:
            return self.verbatim(place)
        direction, words = found
        if direction is None:
            return escape(self._p("place", words.name))
        pattern = self._p("place", wording.DIRECTIONS[direction][0])
        return escape(pattern % {"of_place": self._p("of place", words.of)})

    def _with_place(self, what: Markup, place: str | None) -> Markup:
        found = wording.find_place(place)
        if not found:
            # No grammar of an unknown place is needed: it goes in parentheses.
            return Markup(escape(self._("%(what)s (%(place)s)"))) % {"what": what, "place": self.verbatim(place)}
        direction, words = found
        if direction is None:
            where = self._p("in place", words.in_)
        else:
            where = self._p("in place", wording.DIRECTIONS[direction][1]) % {
                "of_place": self._p("of place", words.of)}
        return Markup(escape(self._("%(what)s %(where)s"))) % {"what": what, "where": where}

    # --- fact sentences --------------------------------------------------------------------

    def figure_phrase(self, figure: KeyFigure, with_place: bool = True) -> Markup:
        """'369 civils tués dans l'est d'Alep' from category, value, group and place."""
        feminine = False
        if figure.vague:
            # "des dizaines de milliers de civils": a vague amount takes the 'of' form of its group.
            words = wording.find_group(figure.group) if figure.group else _PEOPLE
            # An unknown group: 'tens of thousands of people', its own words in parentheses.
            aside = Markup("") if words else self.verbatim(figure.group)
            words = words or _PEOPLE
            gender = self._p("gender", words.gender)
            count = Markup(escape(self._("%(vague)s %(of_group)s"))) % {
                "vague": self.vague_words(figure.vague), "of_group": self._p("of group", words.of)}
            noun = Markup("")
        else:
            noun, gender, aside = self.counted(figure.group, figure.value)
            count = self.amount(figure)
        feminine = gender == "f"
        table = CATEGORY_PHRASES_FEMININE if feminine else CATEGORY_PHRASES
        context = "feminine" if feminine else "masculine"
        template = self.translations.npgettext(context, *table.get(figure.category, table["other"]),
                                               int(figure.value) if float(figure.value).is_integer() else 2)
        phrase = Markup(_squash(escape(template))) % {"count": count, "group": noun}
        phrase = Markup(_squash(phrase))
        if aside:
            phrase = Markup(escape(self._("%(what)s (%(place)s)"))) % {"what": phrase, "place": aside}
        if with_place and figure.place:
            phrase = self._with_place(phrase, figure.place)
        if figure.disputed:
            phrase = Markup(escape(self._("%(what)s (disputed)"))) % {"what": phrase}
        elif getattr(figure, "revised", False):
            phrase = Markup(escape(self._("%(what)s (revised)"))) % {"what": phrase}
        return phrase

    def subset_phrase(self, subset: Subset) -> Markup:
        """'incl. 45 children' / 'dont 45 enfants' / 'в том числе 45 детей'."""
        noun, _gender, aside = self.counted(subset.group, subset.value)
        phrase = Markup(_squash(escape(self._("incl. %(count)s %(group)s")))) % {
            "count": self.amount(subset), "group": noun}
        if aside:
            phrase = Markup(escape(self._("%(what)s (%(place)s)"))) % {"what": phrase, "place": aside}
        return phrase

    def figure_detail(self, figure: KeyFigure) -> Markup:
        """The line under a key figure's number: who, where ('civils · est d'Alep')."""
        parts = [self.group_label(figure.group) if figure.group else None,
                 self.place_name(figure.place) if figure.place else None]
        return Markup(" · ").join(part for part in parts if part)


def _catalog(language: str):
    """The built-in catalog of `language` (its own titles are looked up in it), or None."""
    if language.split("-")[0] == SOURCE_LANGUAGE:
        return None
    try:
        return load_translations(get_locale(language))
    except ConfigError:
        return None


def _squash(text: str) -> str:
    """Drop the spaces an empty slot leaves ('%(count)s %(group)s' with no group); only ASCII
    spaces: the no-break spaces inside a number ('9 000') stay."""
    return re.sub(r" {2,}", " ", text).strip(" ")


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


def _cited_language(marks: list[Mark], sources: list[SourceEntry]) -> str | None:
    """The language of the first cited source that has one."""
    by_number = {source.number: source.language for source in sources}
    return next((by_number[m.number] for m in marks if by_number.get(m.number)), None)
