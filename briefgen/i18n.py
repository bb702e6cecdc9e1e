"""Babel/gettext glue: catalogs, locale objects and the formatters handed to templates.

No global state: every formatter gets its `Locale` explicitly (never `locale.setlocale`,
which depends on the OS), and catalogs are read per call site and cached by path+mtime.
Catalogs are read from `.po` at run time (compiled in memory) so a checkout works without a
build step; a `.mo` compiled at install time would be a later optimisation.
"""
from __future__ import annotations

import datetime as dt
import gettext
import io
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from briefgen.errors import ConfigError
from briefgen.paths import LOCALES_DIR

log = logging.getLogger(__name__)

DOMAIN = "briefgen"


def N_(message: str) -> str:
    """Mark a string for extraction (pybabel `-k N_`) without translating it yet.

    Used for module-level label tables: they are translated at render time, when the
    locale is known.
    """
    return message


def get_locale(tag: str) -> Locale:
    """Parse a locale tag such as 'en', 'en_GB', 'ar' or 'pt-BR'; a bad tag is a config error."""
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError) as exc:
        raise ConfigError(f"unknown locale {tag!r}: {exc}") from exc


def text_direction(locale: Locale) -> str:
    """'rtl' or 'ltr', for `<html dir=...>`; templates mirror their grid on it."""
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def catalog_path(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_translations(locale: Locale, locales_dirs: tuple[Path, ...] = (LOCALES_DIR,)
                      ) -> gettext.NullTranslations:
    """Translations for `locale`, merged over `locales_dirs` (earlier folders win).

    Looks for 'pt_BR' then 'pt'. A missing catalog gives null translations (the English
    msgids): `briefgen doctor` / the catalog check is where a missing language shows.
    """
    merged: gettext.NullTranslations | None = None
    candidates = [str(locale)] + ([locale.language] if locale.territory else [])
    for folder in locales_dirs:
        for lang in candidates:
            path = catalog_path(lang, folder)
            if path.is_file():
                found = _compiled_po(path, path.stat().st_mtime_ns)
                if merged is None:
                    merged = found
                else:
                    # Translations.merge would let the later catalog win; add_fallback keeps ours.
                    merged.add_fallback(found)
                break
    if merged is None:
        log.debug("no catalog for %s; using the msgids", locale)
        return gettext.NullTranslations()
    return merged


@lru_cache(maxsize=32)
def _compiled_po(path: Path, _mtime_ns: int) -> Translations:
    # mtime in the key: an edited .po is picked up without restarting a long-lived process.
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=path.parent.parent.name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@dataclass(frozen=True)
class Formatters:
    """Locale-bound formatting functions, registered as Jinja filters.

    Templates never format a number or a date by hand; they call these.
    """

    locale: Locale

    def format_date(self, value: dt.date | None, format: str = "medium") -> str:
        if value is None:
            return ""
        return babel_dates.format_date(value, format=format, locale=self.locale)

    def format_day(self, value: dt.date | None) -> str:
        """Day and month only ('Dec 8'), for timelines whose year is in the header."""
        if value is None:
            return ""
        return babel_dates.format_skeleton("MMMd", value, locale=self.locale)

    def format_number(self, value: int | float | None) -> str:
        if value is None:
            return ""
        return babel_numbers.format_decimal(value, locale=self.locale)

    def format_list(self, items: list[str], style: str = "standard") -> str:
        items = [str(item) for item in items if item]
        return babel_lists.format_list(items, style=style, locale=self.locale) if items else ""

    def format_date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        """'6–8 Dec 2016' style ranges, collapsed by Babel's interval rules."""
        if start is None or end is None:
            return self.format_date(start or end)
        if start == end:
            return self.format_date(start)
        return babel_dates.format_interval(start, end, skeleton="yMMMd", locale=self.locale)

    def language_name(self, code: str | None) -> str:
        if not code:
            return ""
        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.locale) or code
        except (ValueError, UnknownLocaleError):
            return code

    def territory_name(self, code: str | None) -> str:
        if not code:
            return ""
        return self.locale.territories.get(code.upper(), code)
