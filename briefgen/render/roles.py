"""Common titles a brief translates: 'spokesperson' in an English source is 'porte-parole' in a
French brief. Any other role is printed in the source's words, marked with their language.

Data, not code: one msgid per title with context "role" (the English generic form), filled in
every catalog. A role is matched whole (case and a leading 'the' aside), never word by word: a
title we half-know ('Russian Foreign Minister') stays as the source wrote it rather than half
translated. A source in another language than English is matched against its own catalog's
titles ('porte-parole' in a French source), so the lookup goes through the msgid either way.
"""
from __future__ import annotations

import gettext
import re

from briefgen.i18n import NP_

# The generic form where a language has no neutral one: sources rarely say the speaker's gender.
# TRANSLATORS: context "role": a title after a name ("Name, <title>"), cased as after a name.
ROLES: dict[str, str] = {
    "minister": NP_("role", "minister"),
    "prime minister": NP_("role", "prime minister"),
    "foreign minister": NP_("role", "foreign minister"),
    "defence minister": NP_("role", "defence minister"),
    "interior minister": NP_("role", "interior minister"),
    "health minister": NP_("role", "health minister"),
    "president": NP_("role", "president"),
    "vice-president": NP_("role", "vice-president"),
    "spokesperson": NP_("role", "spokesperson"),
    "spokeswoman": NP_("role", "spokeswoman"),
    "governor": NP_("role", "governor"),
    "mayor": NP_("role", "mayor"),
    "police chief": NP_("role", "police chief"),
    "director": NP_("role", "director"),
    "director-general": NP_("role", "director-general"),
    "secretary-general": NP_("role", "secretary-general"),
    "commander": NP_("role", "commander"),
    "army chief": NP_("role", "army chief"),
    "ambassador": NP_("role", "ambassador"),
    "envoy": NP_("role", "envoy"),
    "special envoy": NP_("role", "special envoy"),
    "humanitarian coordinator": NP_("role", "humanitarian coordinator"),
}
# English spellings of the same titles.
ROLE_ALIASES = {
    "spokesman": "spokesperson", "defense minister": "defence minister", "vice president": "vice-president",
    "secretary general": "secretary-general", "director general": "director-general",
    "chief of police": "police chief", "minister of foreign affairs": "foreign minister",
    "minister of defence": "defence minister", "minister of defense": "defence minister",
    "minister of the interior": "interior minister", "minister of health": "health minister",
}
# A known title of a named body ("spokesman for the IFRC", "porte-parole de la Croix-Rouge"): the
# title in the brief's language, the body in the source's words, side by side as an apposition,
# the one construction every language says without the preposition's grammar.
# TRANSLATORS: a title and the organisation it serves ("porte-parole, International Red Cross").
ROLE_OF = NP_("role", "%(role)s, %(organization)s")
# What links a title to the body it serves, per source language.
_ROLE_LINKS = {
    "en": r"for|of|at|with", "fr": r"de|du|des|d'|auprès\s+de", "es": r"de|del",
    "pt": r"de|do|da|dos|das", "de": r"der|des|von|vom|für",
}
# An article before the body's name, left out of the apposition ("porte-parole, Croix-Rouge").
_ARTICLES = {"en": r"the", "fr": r"la|le|les|l'", "es": r"la|el|los|las", "pt": r"a|o|os|as",
             "de": r"dem|den|die|das"}


def split_role(words: str | None, language: str = "en") -> tuple[str, str] | None:
    """(title, body) of 'spokesman for the IFRC' when the title is known and the body is a name
    (capitalised): ('spokesman', 'IFRC'). None for anything else ('director of operations')."""
    links = _ROLE_LINKS.get(language.split("-")[0])
    if not words or not links:
        return None
    m = re.match(rf"^(?P<title>.+?)\s+(?:{links})\s*(?P<body>.+)$", words.strip(), re.I)
    if m is None:
        return None
    article = _ARTICLES[language.split("-")[0]]
    body = re.sub(rf"^(?:{article})(?:\s+|(?<='))", "", m.group("body"), flags=re.I)
    if not body[:1].isupper():
        return None
    return m.group("title"), body


def _norm(words: str) -> str:
    words = " ".join(words.lower().replace("’", "'").split())
    # A leading article: 'the spokesperson', 'le porte-parole', 'l'ambassadeur'.
    return re.sub(r"^(?:(?:the|le|la|el|der|die|o|a)\s+|l')", "", words).strip(" ,.")


def find_role(words: str | None, translations: gettext.NullTranslations | None = None) -> str | None:
    """The msgid of `words` when it is a known title: English spellings, or (with the source
    language's `translations`) that language's own titles."""
    if not words:
        return None
    key = _norm(words)
    key = ROLE_ALIASES.get(key, key)
    if key in ROLES:
        return ROLES[key]
    if translations is not None:
        return _reverse(translations).get(key)
    return None


def _reverse(translations: gettext.NullTranslations) -> dict[str, str]:
    # Built per call: 22 lookups in an in-memory catalog, for the few roles a brief prints.
    return {_norm(translations.pgettext("role", msgid)): msgid for msgid in ROLES.values()}
