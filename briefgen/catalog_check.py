"""`briefgen locales --check`: how complete each catalog is against the .pot template, and
whether its Plural-Forms matches CLDR's plural categories for the language.
`briefgen.i18n` re-exports `CatalogStatus` and `catalog_status`.
"""
from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from briefgen.display import shown
from briefgen.i18n import DOMAIN, catalog_path
from briefgen.paths import LOCALES_DIR


@dataclass
class CatalogStatus:
    """How complete one language's catalog is against the .pot template."""

    lang: str
    total: int
    translated: int
    missing: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # bad placeholders, wrong number of plural forms
    plural_forms: int = 2

    @property
    def complete(self) -> bool:
        return not (self.missing or self.fuzzy or self.errors)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _key(message) -> tuple[str, str | None]:
    msgid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
    return msgid, message.context


def catalog_status(lang: str, locales_dir: Path = LOCALES_DIR, template: Path | None = None) -> CatalogStatus:
    """Compare `lang`'s .po with the .pot: untranslated, fuzzy and malformed entries by msgid."""
    template = template or locales_dir / f"{DOMAIN}.pot"
    with template.open("rb") as fh:
        pot = read_po(fh)
    with catalog_path(lang, locales_dir).open("rb") as fh:
        po = read_po(fh, locale=lang)
    wanted = [_key(m) for m in pot if m.id]
    entries = {_key(m): m for m in po if m.id}
    status = CatalogStatus(lang, total=len(wanted), translated=0, plural_forms=po.num_plurals)
    for key in wanted:
        label = key[0] if key[1] is None else f"{key[1]}|{key[0]}"
        message = entries.get(key)
        strings = [] if message is None else (
            list(message.string) if isinstance(message.string, (tuple, list)) else [message.string])
        if message is None or not all(strings):
            status.missing.append(label)
        elif message.fuzzy:
            status.fuzzy.append(label)
        else:
            status.translated += 1
            if message.pluralizable and len(strings) != po.num_plurals:
                status.errors.append(f"{label}: {len(strings)} plural forms, the language has {po.num_plurals}")
    for message, errors in po.check():
        for error in errors:
            status.errors.append(f"{_key(message)[0]}: {error}")
    status.errors += plural_rule_problems(lang, po, catalog_path(lang, locales_dir))
    return status


# Integers whose CLDR category tells the rules apart: all of 0..1000 (the mod-10/mod-100 rules
# of Slavic and Arabic), and round and near-round large numbers (French 'many': a million).
_PLURAL_SAMPLES = (*range(1001), 10_000, 100_000, 1_000_000, 1_000_001, 2_000_000, 10_000_000, 1_000_000_000)


def plural_rule_problems(lang: str, po, path: Path) -> list[str]:
    """The catalog's `Plural-Forms` against CLDR's plural categories for `lang` (Babel's
    `Locale.plural_form`): one form per category an integer can take, each form one category."""
    try:
        rule = Locale.parse(lang).plural_form
        header = gettext.c2py(po.plural_expr)
    except (ValueError, UnknownLocaleError, SyntaxError) as exc:
        return [f"{shown(path)}: Plural-Forms not read ({exc})"]
    forms: dict[int, set[str]] = {}
    for n in _PLURAL_SAMPLES:
        forms.setdefault(header(n), set()).add(rule(n))
    categories = sorted({rule(n) for n in _PLURAL_SAMPLES})
    where = f"{shown(path)}:{_header_line(path)}"
    problems = []
    if po.num_plurals != len(categories) or any(len(cats) > 1 for cats in forms.values()) \
            or any(form >= po.num_plurals for form in forms):
        problems.append(f"{where}: Plural-Forms gives {po.num_plurals} forms; CLDR's {lang} numbers take "
                        f"{len(categories)} ({', '.join(categories)}): "
                        f"nplurals={get_plural(lang).num_plurals}; plural={get_plural(lang).plural_expr}")
    return problems


def _header_line(path: Path) -> int:
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if line.startswith('"Plural-Forms:'):
                return number
    return 1
