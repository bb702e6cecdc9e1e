"""The Jinja environment templates run in: sandboxed, autoescaped, strict, translated.

- SandboxedEnvironment: a theme is code from a user's folder; it gets data, not Python.
- autoescape on for every template: article text and notes are untrusted.
- StrictUndefined: a typo in a theme is an error naming file:line, not an empty string.
- jinja2.ext.i18n with newstyle gettext: `_()` and `{% trans %}` with `%(name)s` variables,
  escaped like everything else; plural forms through `ngettext`/`{% pluralize %}`.
Formatting filters are bound to the locale (passed explicitly, never the OS locale).
"""
from __future__ import annotations

import gettext as gettext_module
from pathlib import Path

from babel import Locale
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from briefgen.i18n import Formatters, load_translations, text_direction
from briefgen.paths import LOCALES_DIR
from briefgen.render.phrases import Phrases, capitalize_first, merge_marks, sentence
from briefgen.render.theme import Theme


def make_environment(theme: Theme, locale: Locale,
                     translations: gettext_module.NullTranslations | None = None) -> SandboxedEnvironment:
    if translations is None:
        translations = load_translations(locale, locales_dirs=theme_locale_dirs(theme))
    loader = ChoiceLoader([
        FileSystemLoader([str(folder) for folder in theme.folders]),
        # "default/base.html" reaches a named theme's file even when a derived theme overrides it.
        PrefixLoader({name: FileSystemLoader(str(folder)) for name, folder in theme.names.items()}),
    ])
    env = SandboxedEnvironment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(translations, newstyle=True)  # type: ignore[attr-defined]

    formatters = Formatters(locale)
    phrases = Phrases(formatters, translations)
    env.filters.update(
        format_date=formatters.format_date,
        format_day=formatters.format_day,
        format_number=formatters.format_number,
        format_list=formatters.format_list,
        format_date_range=formatters.format_date_range,
        language_name=formatters.language_name,
        territory_name=formatters.territory_name,
        category_label=phrases.category_label,
        topic_label=phrases.topic_label,
        amount=phrases.amount,
        amount_parts=phrases.amount_parts,
        figure_phrase=phrases.figure_phrase,
        figure_detail=phrases.figure_detail,
        subset_phrase=phrases.subset_phrase,
        sentence=sentence,
        merge_marks=merge_marks,
        capitalize_first=capitalize_first,
    )
    env.globals.update(
        locale_tag=str(locale).replace("_", "-"),
        direction=text_direction(locale),
    )
    return env


def theme_locale_dirs(theme: Theme) -> tuple[Path, ...]:
    """A theme may ship its own catalogs (locales/ next to theme.toml); the user's win."""
    return tuple(folder / "locales" for folder in theme.folders if (folder / "locales").is_dir()) + (LOCALES_DIR,)
