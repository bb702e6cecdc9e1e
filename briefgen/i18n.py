"""Babel/gettext glue: locale tags, catalogs, completeness, and the formatters handed to templates.

No global state: every formatter gets its `Locale` explicitly (never `locale.setlocale`,
which depends on the OS), and catalogs are read per call site and cached by path+mtime.
Catalogs are read from `.po` at run time (compiled in memory, ~5 ms each) so a checkout and a
plain `pip install` work without a build step; see docs/i18n.md for the choice.
"""
from __future__ import annotations

import datetime as dt
import gettext
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from markupsafe import Markup, escape

from briefgen.errors import ConfigError
from briefgen.paths import LOCALES_DIR

if TYPE_CHECKING:
    from briefgen.catalog_check import CatalogStatus

log = logging.getLogger(__name__)

DOMAIN = "briefgen"
SOURCE_LANGUAGE = "en"   # the msgids' language; the fallback when the sources' is not shipped
TEMPLATE_PATH = LOCALES_DIR / f"{DOMAIN}.pot"

# First digit of the numbering systems `-u-nu-…` may ask for (CLDR names).
_DIGIT_ZERO = {"arab": 0x0660, "arabext": 0x06F0, "deva": 0x0966, "beng": 0x09E6, "thai": 0x0E50,
               "mymr": 0x1040, "khmr": 0x17E0, "tibt": 0x0F20}


def N_(message: str) -> str:
    """Mark a string for extraction (pybabel `-k N_`) without translating it yet.

    Used for module-level label tables: they are translated at render time, when the
    locale is known.
    """
    return message


def NP_(context: str, message: str) -> str:
    """Mark a string with a context (pybabel `-k NP_:1c,2`); translate later with pgettext."""
    return message


def NNP_(context: str, singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair with a context (pybabel `-k NNP_:1c,2,3`); translate with npgettext."""
    return singular, plural


# --- Locale tags ------------------------------------------------------------------------------

@dataclass(frozen=True)
class LocaleSpec:
    """A brief language: 'fr', 'pt-BR', or 'ar-u-nu-arab' (Arabic with Arabic-Indic digits).

    The `-u-nu-<system>` part is BCP 47's numbering-system extension; `-u-nu-native` takes
    the locale's own native digits from CLDR.
    """

    tag: str                 # normalised: 'ar-u-nu-arab', used in output names ('brief.ar-u-nu-arab.pdf')
    locale: Locale
    digits: str | None = None

    @property
    def language(self) -> str:
        return self.locale.language

    @property
    def html_lang(self) -> str:
        return self.tag

    @property
    def direction(self) -> str:
        return text_direction(self.locale)


def parse_locale(tag: str) -> LocaleSpec:
    """Parse a locale tag; a bad tag or an unknown numbering system is a config error."""
    raw = tag.strip()
    base, _, extension = raw.replace("_", "-").partition("-u-")
    digits = None
    if extension:
        match = re.fullmatch(r"nu-([a-z]+)", extension.lower())
        if not match:
            raise ConfigError(f"unsupported locale extension in {tag!r} (only -u-nu-<digits>, e.g. ar-u-nu-arab)")
        digits = match.group(1)
    locale = get_locale(base)
    if digits == "native":
        digits = locale.other_numbering_systems.get("native")
    if digits == "latn":
        digits = None
    if digits is not None and digits not in _DIGIT_ZERO:
        raise ConfigError(f"unsupported numbering system {digits!r} in {tag!r} "
                          f"(known: {', '.join(sorted(_DIGIT_ZERO))}, native, latn)")
    normal = str(locale).replace("_", "-") + (f"-u-nu-{digits}" if digits else "")
    return LocaleSpec(normal, locale, digits)


def parse_locales(value: str | list[str] | tuple[str, ...]) -> list[LocaleSpec]:
    """'en,fr, ar' (or a list of tags) → specs, in the order given, duplicates dropped."""
    tags = value.split(",") if isinstance(value, str) else [t for v in value for t in v.split(",")]
    specs = [parse_locale(t) for t in tags if t.strip()]
    if not specs:
        raise ConfigError("--lang needs at least one language, e.g. --lang fr or --lang en,fr,ar")
    return list({spec.tag: spec for spec in specs}.values())


def get_locale(tag: str) -> Locale:
    """Parse a locale tag such as 'en', 'en_GB', 'ar' or 'pt-BR'; a bad tag is a config error."""
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError) as exc:
        raise ConfigError(f"unknown language {tag!r} (try en, fr, ar or pt-BR; see briefgen locales)") from exc


def text_direction(locale: Locale) -> str:
    """'rtl' or 'ltr', for `<html dir=...>`; templates mirror their grid on it."""
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def language_direction(code: str | None) -> str:
    """Direction of text in language `code` (for a quote's own `dir`); unknown codes read ltr."""
    try:
        return text_direction(Locale.parse((code or SOURCE_LANGUAGE).replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        return "ltr"


def writing_direction(text: str | None) -> str:
    """Direction of a text of unknown language (the analyst's note) from its first letter that
    has one: an English note in an Arabic brief keeps reading left to right."""
    import unicodedata

    for ch in text or "":
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "ltr"


# --- Catalogs ---------------------------------------------------------------------------------

def catalog_path(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_locales(locales_dir: Path = LOCALES_DIR) -> list[str]:
    """Languages with a catalog, sorted ('ar', 'de', 'en', …)."""
    if not locales_dir.is_dir():
        return []
    return sorted(p.name for p in locales_dir.iterdir() if catalog_path(p.name, locales_dir).is_file())


def catalog_for(spec: LocaleSpec, locales_dirs: tuple[Path, ...] = (LOCALES_DIR,)) -> str | None:
    """The catalog name that serves `spec` ('pt_BR', else 'pt'), or None."""
    candidates = [str(spec.locale)] + ([spec.locale.language] if spec.locale.territory else [])
    for lang in candidates:
        if any(catalog_path(lang, folder).is_file() for folder in locales_dirs):
            return lang
    return None


def load_translations(locale: Locale, locales_dirs: tuple[Path, ...] = (LOCALES_DIR,)
                      ) -> gettext.NullTranslations:
    """Translations for `locale`, merged over `locales_dirs` (earlier folders win).

    Looks for 'pt_BR' then 'pt'. A missing catalog gives null translations (the English
    msgids): `briefgen locales --check` is where a missing language shows, and the render
    refuses a language without a catalog before getting here.
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


# --- Formatting -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Formatters:
    """Locale-bound formatting functions, registered as Jinja filters.

    Templates never format a number or a date by hand; they call these. `digits` is a CLDR
    numbering system ('arab') when the brief asks for native digits, else Latin digits.
    """

    locale: Locale
    digits: str | None = None

    def _digits(self, text: str) -> str:
        return self._native(text)

    def _date(self, text: str) -> str:
        # A date never breaks across lines ('8 | décembre'); in a right-to-left line a break
        # inside '(8 ديسمبر 2016)' also strands the bracket in the wrong direction (WeasyPrint
        # lays each line's fragment out alone, so the bracket pair is not seen).
        return self._native(text.replace(" ", "\u00a0"))

    def _native(self, text: str) -> str:
        if not self.digits:
            return text
        zero = _DIGIT_ZERO[self.digits]
        return text.translate({ord("0") + i: zero + i for i in range(10)})

    def format_date(self, value: dt.date | None, format: str = "medium", precision: str = "day") -> str:
        """'long': '8 décembre 2016'; 'medium': abbreviated month ('8 déc. 2016', never '08.12.2016').
        A date known only to its week, month or year (model.DatePrecision) prints as that stretch."""
        if value is None:
            return ""
        if precision != "day":
            return self._stretch(value, precision, "yMMMd")
        if format == "medium":
            text = babel_dates.format_skeleton("yMMMd", value, locale=self.locale)
        else:
            text = babel_dates.format_date(value, format=format, locale=self.locale)
        return self._date(self._ordinal_first(text, value))

    def _ordinal_first(self, text: str, value: dt.date) -> str:
        """French writes the first of a month as an ordinal: '1er janvier 2019', not '1 janvier'
        (CLDR's patterns have the bare number)."""
        if value.day == 1 and self.locale.language == "fr" and text.startswith("1 "):
            return "1er" + text[1:]
        return text

    def format_day(self, value: dt.date | None, precision: str = "day") -> str:
        """Day and month only ('Dec 8'), for timelines whose year is in the header; a week as its
        days ('Nov 30 – Dec 6'), a month with its year ('October 2026'), a year alone."""
        if value is None:
            return ""
        if precision != "day":
            return self._stretch(value, precision, "MMMd")
        return self._date(self._ordinal_first(babel_dates.format_skeleton("MMMd", value, locale=self.locale), value))

    def _stretch(self, value: dt.date, precision: str, day_skeleton: str) -> str:
        # CLDR's own patterns, so every locale words them without a catalog entry: a week is the
        # Monday-to-Sunday interval holding the date, a month "October 2026", a year "2026".
        if precision == "week":
            monday = value - dt.timedelta(days=value.weekday())
            return self._date(babel_dates.format_interval(monday, monday + dt.timedelta(days=6),
                                                          skeleton=day_skeleton, locale=self.locale))
        skeleton = "yMMMM" if precision == "month" else "y"
        return self._date(babel_dates.format_skeleton(skeleton, value, locale=self.locale))

    def format_number(self, value: int | float | None) -> str:
        if value is None:
            return ""
        # Babel takes the numbering system's separators ('٬'), the digits are ours to swap.
        return self._native(babel_numbers.format_decimal(value, locale=self.locale,
                                                         numbering_system=self.digits or "latn"))

    def format_percent(self, value: float | None) -> str:
        """0.45 → '45 %' (fr, with the locale's no-break space), '45%' (en)."""
        if value is None:
            return ""
        return self._native(babel_numbers.format_percent(value, locale=self.locale,
                                                         numbering_system=self.digits or "latn"))

    def format_list(self, items: list[str], style: str = "standard") -> str:
        """'A, B et C'. Items may be markup (isolated names): they are escaped, the result is markup."""
        items = [escape(item) for item in items if item]
        if not items:
            return ""
        return Markup(babel_lists.format_list([str(i) for i in items], style=style, locale=self.locale))

    def format_date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        """'6–8 Dec 2016' style ranges, collapsed by Babel's interval rules."""
        if start is None or end is None:
            return self.format_date(start or end)
        if start == end:
            return self.format_date(start)
        return self._date(babel_dates.format_interval(start, end, skeleton="yMMMd", locale=self.locale))

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


def majority_language(languages: Iterable[str | None]) -> str | None:
    """The most common primary language subtag ('en-GB' counts as 'en'); ties go alphabetically."""
    tags = [lang.replace("_", "-").split("-")[0].lower() for lang in languages if lang]
    return max(sorted(set(tags)), key=tags.count) if tags else None


def sources_language(sources: Iterable) -> str:
    """The brief's default language: the sources' own when a catalog ships for it, else English."""
    found = majority_language(s.language for s in sources)
    return found if found in shipped_locales() else SOURCE_LANGUAGE


def catalog_status(lang: str, locales_dir: Path = LOCALES_DIR, template: Path | None = None) -> CatalogStatus:
    """See `briefgen.catalog_check.catalog_status` (kept here for its callers)."""
    from briefgen.catalog_check import catalog_status as status

    return status(lang, locales_dir, template)
