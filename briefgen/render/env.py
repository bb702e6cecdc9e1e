"""The Jinja environment templates run in: sandboxed, autoescaped, strict, translated.

- SandboxedEnvironment: a theme is code from a user's folder; it gets data, not Python.
- autoescape on for every template: article text and notes are untrusted.
- StrictUndefined: a typo in a theme is an error naming file:line, not an empty string.
- jinja2.ext.i18n with newstyle gettext: `_()` and `{% trans %}` with `%(name)s` variables,
  escaped like everything else; plural forms through `ngettext`/`{% pluralize %}`.

One environment serves every language of a run: templates are compiled once, and the
language is a value of the render, not of the environment. The gettext callables and the
formatting filters read it from the context (under `L10N_KEY`, a name no template can write,
so a theme sees only the read-only `l10n` view), and a brief in five languages compiles its
templates once and never touches global state.
"""
from __future__ import annotations

import gettext as gettext_module
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemBytecodeCache, PrefixLoader, StrictUndefined, pass_context
from jinja2.sandbox import SandboxedEnvironment

from briefgen.cache import TEMPLATES, Store

from briefgen.i18n import Formatters, LocaleSpec, language_direction, load_translations, writing_direction
from briefgen.paths import LOCALES_DIR
from briefgen.render.bottom_line_text import bottom_line_sentences as _bottom_line_sentences
from briefgen.render.event_lines import event_line as _event_line
from briefgen.render.event_lines import line_language as _line_language
from briefgen.render.phrases import Phrases, capitalize_in, merge_marks, sentence
from briefgen.render.sandbox import GuardedEnvironment
from briefgen.render.theme_loader import ThemeLoader
from briefgen.render.theme import Theme
from briefgen.render.view import LocaleView, unwrapping

log = logging.getLogger(__name__)

# Where our filters find the render's Localization in the context: not an identifier, so no
# template can name it (templates get `l10n`, a read-only view: render/view.py).
L10N_KEY = "briefgen:l10n"

# Filters bound to the render's language: name -> (object in Localization, method name).
LOCALIZED_FILTERS = {
    "format_date": ("formatters", "format_date"),
    "format_day": ("formatters", "format_day"),
    "format_number": ("formatters", "format_number"),
    "format_percent": ("formatters", "format_percent"),
    "format_list": ("formatters", "format_list"),
    "format_date_range": ("formatters", "format_date_range"),
    "language_name": ("formatters", "language_name"),
    "territory_name": ("formatters", "territory_name"),
    "category_label": ("phrases", "category_label"),
    "category_heading": ("phrases", "category_heading"),
    "story_title": ("phrases", "story_title"),
    "story_kicker": ("phrases", "story_kicker"),
    "event_label": ("phrases", "event_label"),
    "scope_label": ("phrases", "scope_label"),
    "topic_label": ("phrases", "topic_label"),
    "amount": ("phrases", "amount"),
    "amount_parts": ("phrases", "amount_parts"),
    "figure_phrase": ("phrases", "figure_phrase"),
    "figure_detail": ("phrases", "figure_detail"),
    "subset_phrase": ("phrases", "subset_phrase"),
    "group_label": ("phrases", "group_label"),
    "place_name": ("phrases", "place_name"),
    "verbatim": ("phrases", "verbatim"),
    "quote_language": ("phrases", "quote_language"),
    "event_language": ("phrases", "event_language"),
    "quoted": ("phrases", "quoted"),
    "claimed": ("phrases", "claimed"),
    "language_tag": ("phrases", "language_tag"),
    "role_label": ("phrases", "role_label"),
}


@dataclass(frozen=True)
class Localization:
    """Everything language-specific of one render: handed to templates as `l10n`."""

    spec: LocaleSpec
    translations: gettext_module.NullTranslations
    formatters: Formatters
    phrases: Phrases

    @property
    def tag(self) -> str:
        return self.spec.html_lang

    @property
    def language(self) -> str:
        return self.spec.language

    @property
    def direction(self) -> str:
        return self.spec.direction

    def template_view(self) -> LocaleView:
        """What a template may read of the language (never the catalogs: `install()` is global)."""
        return LocaleView(self.tag, self.language, self.direction, self.phrases.source_language)

    def for_sources(self, source_language: str) -> "Localization":
        """The same language, with the facts' own words marked as `source_language`."""
        if source_language == self.phrases.source_language:
            return self
        phrases = Phrases(self.formatters, self.translations, self.language, source_language)
        return Localization(self.spec, self.translations, self.formatters, phrases)


def localization(spec: LocaleSpec, theme: Theme, source_language: str = "en") -> Localization:
    translations = load_translations(spec.locale, locales_dirs=theme_locale_dirs(theme))
    formatters = Formatters(spec.locale, spec.digits)
    return Localization(spec, translations, formatters,
                        Phrases(formatters, translations, spec.language, source_language))


def _localized(owner: str, method: str):
    @pass_context
    def call(context, *args, **kwargs):
        return getattr(getattr(context[L10N_KEY], owner), method)(*args, **kwargs)

    call.__name__ = method
    return call


@pass_context
def capitalize_first(context, text: str) -> str:
    # The brief's language decides the capital ('i' → 'İ' in Turkish).
    return capitalize_in(text, context[L10N_KEY].language)


@pass_context
def bottom_line_sentences(context, bottom_line):
    """The bottom line's sentences in the brief's language, each as (text, its marks)."""
    return _bottom_line_sentences(bottom_line, context[L10N_KEY].phrases)


@pass_context
def event_line(context, entry, sources):
    """A timeline or what-next line: generated in the brief's language for a typed event of a source in
    another language ('Séisme à Pokhara'), else the source's clause, marked with its language when it is
    not the brief's."""
    return _event_line(entry, sources, context[L10N_KEY].phrases)


@pass_context
def event_line_language(context, entry, sources):
    """The language of a line shown in another language's words, for its element's `lang`; else None."""
    return _line_language(entry, sources, context[L10N_KEY].phrases)


@pass_context
def _gettext(context, message: str) -> str:
    return context[L10N_KEY].translations.gettext(message)


@pass_context
def _ngettext(context, singular: str, plural: str, n: int) -> str:
    return context[L10N_KEY].translations.ngettext(singular, plural, n)


@pass_context
def _pgettext(context, ctx: str, message: str) -> str:
    return context[L10N_KEY].translations.pgettext(ctx, message)


@pass_context
def _npgettext(context, ctx: str, singular: str, plural: str, n: int) -> str:
    return context[L10N_KEY].translations.npgettext(ctx, singular, plural, n)


def make_environment(theme: Theme) -> SandboxedEnvironment:
    # ThemeLoader: includes and imports never leave the theme folders (symlinks resolved).
    loader = ChoiceLoader([
        ThemeLoader(theme.folders),
        # "default/base.html" reaches a named theme's file even when a derived theme overrides it.
        PrefixLoader({name: ThemeLoader([folder]) for name, folder in theme.names.items()}),
    ])
    # GuardedEnvironment: Jinja's sandbox plus time, loop and size caps (render/sandbox.py).
    env = GuardedEnvironment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True,  # type: ignore[attr-defined]
                                  pgettext=_pgettext, npgettext=_npgettext)
    # Our filters get models, not the views templates hold (render/view.py).
    env.filters.update({name: unwrapping(_localized(owner, method))
                        for name, (owner, method) in LOCALIZED_FILTERS.items()})
    env.filters.update(
        sentence=unwrapping(sentence),
        merge_marks=unwrapping(merge_marks),
        capitalize_first=capitalize_first,
        bottom_line_sentences=unwrapping(bottom_line_sentences),
        event_line=unwrapping(event_line),
        event_line_language=unwrapping(event_line_language),
        language_direction=language_direction,
        writing_direction=writing_direction,
    )
    return env


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates on disk: a cache that cannot be read or written only costs a compile.

    A cache entry is code (marshal): one planted by another user would run as ours. So an entry
    is loaded only from a file this user owns that nobody else can write, in a folder the same."""

    def load_bytecode(self, bucket) -> None:
        filename = self._get_cache_filename(bucket)
        try:
            with open(filename, "rb") as entry:
                if not (_private(os.fstat(entry.fileno())) and _private(os.stat(self.directory))):
                    log.debug("template cache entry not ours, ignored: %s", filename)
                    return
                bucket.load_bytecode(entry)
        except FileNotFoundError:
            return
        except (OSError, EOFError, ValueError, TypeError) as exc:
            log.debug("template cache not read: %s", exc)
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as exc:
            log.debug("template cache not written: %s", exc)


def _private(status: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (where the platform has owners)."""
    if not hasattr(os, "getuid"):
        return True
    return status.st_uid == os.getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiling the theme's templates took ~0.2 s of every build; Jinja checks each cached entry
    against its template's source. The folder is the cache's `templates` kind, named by this
    module and what it imports (the sandbox's tree rewriting and this environment's options are
    compiled in), Jinja's and Python's versions: another briefgen (or Jinja, or Python) never reads
    code compiled for a different sandbox."""
    # Entries are code: the folder is this user's only (0700, owner-checked: cache.private_folder).
    folder = Store(TEMPLATES).checked()
    if folder is None:
        log.debug("no template cache")
        return None
    return _QuietBytecodeCache(str(folder))


def theme_locale_dirs(theme: Theme) -> tuple[Path, ...]:
    """A theme may ship its own catalogs (locales/ next to theme.toml); the user's win."""
    return tuple(folder / "locales" for folder in theme.folders if (folder / "locales").is_dir()) + (LOCALES_DIR,)
