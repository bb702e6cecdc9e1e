"""Phrases.py's base: the catalog lookups, source words kept as they are (`verbatim`), and the
phrasing around a quote: its language, the speaker's role, the `<q>` and the '(FR)' language tag.

A quote is never translated: its words stay the speaker's, marked with their language; only a
common role title the catalogs know ('spokesperson' → 'porte-parole') is said in the brief's.
"""
from __future__ import annotations

import gettext as gettext_module
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefgen.errors import ConfigError
from briefgen.i18n import SOURCE_LANGUAGE, Formatters, get_locale, language_direction, load_translations
from briefgen.model import BriefQuote, Mark, SourceEntry, TimelineEntry
from briefgen.render import roles
from briefgen.render.phrase_labels import LANGUAGE_TAG

_RTL_LANGUAGES = {"ar", "he", "fa", "ur", "ps", "yi"}


@dataclass(frozen=True)
class QuotePhrases:
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
        catalog = _catalog(language)
        msgid = roles.find_role(quote.role, catalog)
        if msgid:
            return escape(self._p("role", msgid))
        split = roles.split_role(quote.role, language)
        title = roles.find_role(split[0], catalog) if split else None
        if split and title:
            return Markup(escape(self._p("role", roles.ROLE_OF))) % {
                "role": escape(self._p("role", title)), "organization": self.verbatim(split[1], language)}
        # A role the catalogs do not know stays in the source's words, marked like a quote.
        return Markup("%s %s") % (self.verbatim(quote.role, language), self.language_tag(language))

    def claimed(self, what: Markup | str, speaker: str | None, language: str | None = None) -> Markup:
        """An event line that is someone's claim (TimelineEntry.said_by), said as theirs: "…, the
        ministry said" / "…, selon …". The speaker's name stays as the source writes it; the
        catalog's wording takes it as is (no case or agreement), so every language can say it."""
        what = what if isinstance(what, Markup) else escape(what)
        if not speaker:
            return what
        said = self.verbatim(speaker, language)
        tag = self.language_tag(language) if speaker[:1].islower() else ""
        if tag:   # "the government" is no name: words of another language, marked like a quote's
            said = Markup("%s %s") % (said, tag)
        # TRANSLATORS: an event line that is someone's claim; %(speaker)s is a name or a party as the
        # article writes it ("the ministry"), untouched: choose a wording needing no case or agreement.
        return Markup(escape(self._("%(what)s, %(speaker)s said"))) % {"what": what, "speaker": said}

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


def _cited_language(marks: list[Mark], sources: list[SourceEntry]) -> str | None:
    """The language of the first cited source that has one."""
    by_number = {source.number: source.language for source in sources}
    return next((by_number[m.number] for m in marks if by_number.get(m.number)), None)


def _catalog(language: str) -> gettext_module.NullTranslations | None:
    """The built-in catalog of `language` (its own titles are looked up in it), or None."""
    if language.split("-")[0] == SOURCE_LANGUAGE:
        return None
    try:
        return load_translations(get_locale(language))
    except ConfigError:
        return None
