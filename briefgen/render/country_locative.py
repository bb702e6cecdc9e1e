"""'In <country>' in the brief's language: "au Mali", "en Turquie", "aux États-Unis", "in der
Türkei", "im Irak", "no Iraque", "na Síria", "в Индонезии", "в Індонезії".

The catalog's "in %(place)s" cannot say these: French, Portuguese and German put an article (and
its preposition) before most country names, Russian and Ukrainian decline the name. Country
names come from Babel (CLDR) in the brief's language; the article follows from the name's form
with the exceptions listed in data/country_locatives.toml; Russian and Ukrainian names are put in
the locative case by pymorphy3 (already there for reading those languages). A language without a
rule here gets None, and the caller keeps the catalog's "in %(place)s".
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from babel import Locale

from briefgen.extract.lang.morph import analyzer

_DATA = Path(__file__).with_name("data") / "country_locatives.toml"


@lru_cache(maxsize=1)
def _table() -> dict:
    return tomllib.loads(_DATA.read_text(encoding="utf-8"))


def country_in(code: str, language: str) -> str | None:
    """The locative phrase for country `code` in `language`, or None when there is no rule."""
    name = Locale.parse(language).territories.get(code.upper())
    if not name:
        return None
    rules = _table().get(language, {})
    if code.upper() in rules.get("fixed", {}):
        return rules["fixed"][code.upper()]
    if language == "fr":
        return _french(name, rules)
    if language == "pt":
        return _portuguese(name, rules)
    if language == "de":
        return f"in {name}"
    if language in ("ru", "uk"):
        return _slavic(name, language)
    if language in _PLAIN:
        return f"{_PLAIN[language]} {name}"
    return None   # English: the gazetteer's own English name after the catalog's "in"


# Languages whose "in" takes a country name as it is: only the name needs saying in the language.
_PLAIN = {"es": "en", "ar": "في"}


def _french(name: str, rules: dict) -> str:
    head = name.replace("-", " ").split()[0]
    if name in rules.get("plural", ()):
        return f"aux {name}"
    if name in rules.get("bare", ()):
        return f"à {name}"
    if head[:1] in "AEIOUÉÈÎ" or name in rules.get("feminine", ()) or (
            head.endswith("e") and name not in rules.get("masculine", ())):
        return f"en {name}"
    return f"au {name}"


def _portuguese(name: str, rules: dict) -> str:
    head = name.replace("-", " ").split()[0]
    if name in rules.get("bare", ()):
        return f"em {name}"
    if name in rules.get("plural_masculine", ()):
        return f"nos {name}"
    if name in rules.get("plural_feminine", ()):
        return f"nas {name}"
    if name in rules.get("feminine", ()) or (head.endswith("a") and name not in rules.get("masculine", ())):
        return f"na {name}"
    return f"no {name}"


def _slavic(name: str, language: str) -> str | None:
    """Each word of the name in the locative ('Южный Судан' -> 'Южном Судане'); None when the
    dictionary does not know a word's locative (the catalog's 'в <name>' is kept then)."""
    try:
        morph = analyzer(language)   # the one extraction loaded, if it read ru/uk
    except ImportError:  # pragma: no cover - a dependency of briefgen
        return None
    words = []
    for word in name.split():
        if word.isupper():
            words.append(word)   # an abbreviation ("КНДР") does not decline
            continue
        parse = morph.parse(word)[0]
        if parse.tag.POS not in _DECLINING:
            words.append(word)   # a word that does not decline ("и")
            continue
        form = _locative(parse, language)
        if form is None:
            return None
        words.append(_cased_like(word, form))
    phrase = " ".join(words)
    # Russian "во" before В or Ф and a consonant: "во Франции", "во Вьетнаме"
    if language == "ru" and phrase[:1] in "ВФ" and phrase[1:2].lower() not in "аеёиоуыэюя":
        return f"во {phrase}"
    return f"в {phrase}"


_DECLINING = ("NOUN", "ADJF", "PRTF")


def _locative(parse, language: str) -> str | None:
    """The locative of the parsed word in its own number. Ukrainian has two for many words:
    the common one ("в Іраку", "в Південному Судані"), not "Іракові", "Південнім"."""
    number = parse.tag.number
    forms = [f.word for f in parse.lexeme if "loct" in f.tag and f.tag.number == number
             and f.tag.gender == parse.tag.gender]
    if not forms:
        inflected = parse.inflect({"loct"})
        return inflected.word if inflected else None
    if language == "uk":
        forms.sort(key=lambda w: (w.endswith(("ові", "еві", "єві")), not w.endswith(("ому", "ій"))))
    return forms[0]


def _cased_like(word: str, form: str) -> str:
    """The declined form with the original's capitals, part by part ("Южно-Африканской")."""
    parts = form.split("-")
    originals = word.split("-")
    if len(parts) == len(originals):
        return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, originals))
    return form[:1].upper() + form[1:] if word[:1].isupper() else form
