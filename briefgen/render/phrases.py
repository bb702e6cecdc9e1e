"""Wording that depends on the reader's locale: category labels, amounts, figure phrases.

Templates call these (registered as globals/filters by env.py) instead of assembling words
themselves, so word order lives in the catalog ("%(count)s %(group)s killed") and numbers
go through Babel. Every msgid here is marked for extraction (`gettext`/`N_`).
Return values are plain strings: Jinja's autoescape escapes them, article words included.
"""
from __future__ import annotations

import gettext as gettext_module
from dataclasses import dataclass

from briefgen.i18n import N_, Formatters
from briefgen.model import DisputedValue, KeyFigure, Mark, Subset

CATEGORY_LABELS = {
    "killed": N_("killed"), "injured": N_("injured"), "missing": N_("missing"),
    "displaced": N_("displaced"), "evacuated": N_("evacuated"), "trapped": N_("trapped"),
    "refugees": N_("refugees"), "detained": N_("detained"), "released": N_("released"),
    "affected": N_("affected"), "in_need": N_("in need"), "assisted": N_("assisted"), "other": N_("other"),
}
# "%(count)s %(group)s <past participle>": the whole phrase is one msgid so word order can change.
CATEGORY_PHRASES = {
    "killed": N_("%(count)s %(group)s killed"), "injured": N_("%(count)s %(group)s injured"),
    "missing": N_("%(count)s %(group)s missing"), "displaced": N_("%(count)s %(group)s displaced"),
    "evacuated": N_("%(count)s %(group)s evacuated"), "trapped": N_("%(count)s %(group)s trapped"),
    "refugees": N_("%(count)s %(group)s fled as refugees"), "detained": N_("%(count)s %(group)s detained"),
    "released": N_("%(count)s %(group)s released"), "affected": N_("%(count)s %(group)s affected"),
    "in_need": N_("%(count)s %(group)s in need of aid"), "assisted": N_("%(count)s %(group)s assisted"),
    "other": N_("%(count)s %(group)s"),
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
_SENTINEL = "\x00"


@dataclass(frozen=True)
class Phrases:
    formatters: Formatters
    translations: gettext_module.NullTranslations

    def _(self, message: str) -> str:
        return self.translations.gettext(message)

    def category_label(self, category: str) -> str:
        return self._(CATEGORY_LABELS.get(category, CATEGORY_LABELS["other"]))

    def topic_label(self, topic: str) -> str:
        return self._(TOPIC_LABELS[topic]) if topic in TOPIC_LABELS else topic

    def amount_parts(self, figure: KeyFigure | DisputedValue | Subset) -> tuple[str, str, str]:
        """(before, number, after): 'about ' + '150' + '', so a theme can set the number large.

        A vague quantity gives its own words as the 'number' ('tens of thousands'): the brief
        never prints the policy's stand-in value for it.
        """
        vague = getattr(figure, "vague", None)
        if vague:
            return "", vague, ""
        number = self.formatters.format_number(figure.value)
        qualifier = getattr(figure, "qualifier", None)
        if qualifier is None and figure.approx:
            qualifier = "about"
        if qualifier not in QUALIFIER_FORMS:
            return "", number, ""
        before, _, after = (self._(QUALIFIER_FORMS[qualifier]) % {"number": _SENTINEL}).partition(_SENTINEL)
        return before, number, after

    def amount(self, figure: KeyFigure | DisputedValue | Subset) -> str:
        return "".join(self.amount_parts(figure))

    def figure_phrase(self, figure: KeyFigure, with_place: bool = True) -> str:
        """'369 civilians killed in east Aleppo' (the group and place are the source's words)."""
        template = self._(CATEGORY_PHRASES.get(figure.category, CATEGORY_PHRASES["other"]))
        group = figure.group or self.translations.gettext("people")
        count = self.amount(figure)
        if figure.vague:
            # "tens of thousands of civilians": a vague amount takes a partitive before its group.
            count = self.translations.gettext("%(vague)s of") % {"vague": count}
        phrase = " ".join((template % {"count": count, "group": group}).split())
        if with_place and figure.place:
            phrase = self.translations.gettext("%(what)s in %(place)s") % {"what": phrase, "place": figure.place}
        if figure.disputed:
            phrase = self.translations.gettext("%(what)s (disputed)") % {"what": phrase}
        return phrase

    def subset_phrase(self, subset: Subset) -> str:
        """'incl. 45 children'."""
        group = subset.group or ""
        return " ".join((self.translations.gettext("incl. %(count)s %(group)s")
                         % {"count": self.amount(subset), "group": group}).split())

    def figure_detail(self, figure: KeyFigure) -> str:
        """The line under a key figure's number: who, where ('civilians · east Aleppo')."""
        return " · ".join(part for part in (figure.group, figure.place) if part)


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


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
