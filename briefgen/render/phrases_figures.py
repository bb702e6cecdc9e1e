"""Phrases of figures: amounts ('about 150', 'tens of thousands'), counted groups and places in
the brief's language with the right plural and gender, and the fact sentences built from them
('369 civils tués dans l'est d'Alep'). A group or place the word tables (wording.py) do not know
stays in the source's words, in a construction that needs no grammar of it.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from briefgen.model import DisputedValue, KeyFigure, Subset
from briefgen.render import wording
from briefgen.render.phrase_labels import (
    CATEGORY_PHRASES,
    CATEGORY_PHRASES_FEMININE,
    QUALIFIER_FORMS,
    genitive_counts,
)
from briefgen.render.phrases_quotes import QuotePhrases

_SENTINEL = "\x00"
_PEOPLE = wording.GROUPS["people"]


class FigurePhrases(QuotePhrases):
    # --- amounts ---------------------------------------------------------------------------

    def vague_words(self, vague: str) -> Markup:
        known = wording.find_vague(vague)
        return escape(self._p("vague amount", known)) if known else self.verbatim(vague)

    @staticmethod
    def qualifier_key(figure: KeyFigure | DisputedValue | Subset) -> str | None:
        """The figure's qualifier ('at_least'); an approximate figure without one is 'about'."""
        qualifier = getattr(figure, "qualifier", None)
        return "about" if qualifier is None and figure.approx else qualifier

    def _counts(self, figure: KeyFigure | DisputedValue | Subset) -> tuple[float, float]:
        """The counts choosing the plural forms of the counted noun and of the verb: the value,
        unless a qualifier puts the number in the genitive (phrase_labels.genitive_counts)."""
        if getattr(figure, "vague", None):
            return figure.value, figure.value
        return genitive_counts(self.language, self.qualifier_key(figure), figure.value) or (figure.value, figure.value)

    def amount_parts(self, figure: KeyFigure | DisputedValue | Subset) -> tuple[str, str, str]:
        """(before, number, after): 'about ' + '150' + '', so a theme can set the number large.

        A vague quantity gives its own words as the 'number' ('tens of thousands'): the brief
        never prints the policy's stand-in value for it.
        """
        vague = getattr(figure, "vague", None)
        if vague:
            return "", self.vague_words(vague), ""
        number = self.formatters.format_number(figure.value)
        qualifier = self.qualifier_key(figure)
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

    def _group_under(self, figure: KeyFigure) -> Markup:
        """The group under a key figure's number agrees with it, as a noun after a numeral does
        ('18 человек', '80 осіб', not the nominative 'люди'); a vague figure keeps the label."""
        words = wording.find_group(figure.group)
        if words is None or figure.vague:
            return self.group_label(figure.group)
        return self.counted(figure.group, self._counts(figure)[0])[0]

    def group_label(self, group: str | None) -> Markup:
        words = wording.find_group(group)
        return escape(self._p("group", words.label)) if words else self.verbatim(group)

    def place_name(self, place: str | None) -> Markup:
        """The place in the nominative ('est d'Alep'), or the source's words."""
        found = wording.find_place(place)
        if not found:
            return self._unknown_place(place)
        direction, words = found
        if direction is None:
            return escape(self._p("place", words.name))
        pattern = self._p("place", wording.DIRECTIONS[direction][0])
        return escape(pattern % {"of_place": self._p("of place", words.of)})

    def _unknown_place(self, place: str | None) -> Markup:
        """A place the wording tables lack: a country in the brief's language ('Indonésie'), any
        other place in the source's words."""
        code = wording.country_code(place)
        return escape(self.formatters.territory_name(code)) if code else self.verbatim(place)

    def _with_place(self, what: Markup, place: str | None) -> Markup:
        found = wording.find_place(place)
        if not found:
            # No grammar of an unknown place is needed: it goes in parentheses.
            return Markup(escape(self._("%(what)s (%(place)s)"))) % {"what": what, "place": self._unknown_place(place)}
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
        noun_count, verb_count = self._counts(figure)
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
            noun, gender, aside = self.counted(figure.group, noun_count)
            count = self.amount(figure)
        feminine = gender == "f"
        table = CATEGORY_PHRASES_FEMININE if feminine else CATEGORY_PHRASES
        context = "feminine" if feminine else "masculine"
        # A group that is the category's own noun says it alone: '8,000 refugees', not '8,000
        # refugees fled as refugees'.
        category = "other" if wording.names_category(figure.group, figure.category) else figure.category
        template = self.translations.npgettext(context, *table.get(category, table["other"]),
                                               int(verb_count) if float(verb_count).is_integer() else 2)
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
        noun, _gender, aside = self.counted(subset.group, self._counts(subset)[0])
        phrase = Markup(_squash(escape(self._("incl. %(count)s %(group)s")))) % {
            "count": self.amount(subset), "group": noun}
        if aside:
            phrase = Markup(escape(self._("%(what)s (%(place)s)"))) % {"what": phrase, "place": aside}
        return phrase

    def figure_detail(self, figure: KeyFigure) -> Markup:
        """The line under a key figure's number: who, where ('civils · est d'Alep')."""
        parts = [self._group_under(figure) if figure.group else None,
                 self.place_name(figure.place) if figure.place else None]
        return Markup(" · ").join(part for part in parts if part)


def _squash(text: str) -> str:
    """Drop the spaces an empty slot leaves ('%(count)s %(group)s' with no group); only ASCII
    spaces: the no-break spaces inside a number ('9 000') stay."""
    return re.sub(r" {2,}", " ", text).strip(" ")
