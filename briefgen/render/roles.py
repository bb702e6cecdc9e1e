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
