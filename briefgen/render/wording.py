"""Word tables for fact sentences: groups, places and vague amounts the catalogs know.

The facts carry the source's own words ('civilians', 'east Aleppo', 'tens of thousands').
A word found here is said in the brief's language through the catalogs (msgctxt tells the
translator which form is wanted); a word not found stays verbatim, marked with its language,
in a construction that needs no grammar of it (see phrases.py). Every entry is a literal
marker call so `pybabel extract` sees it (-k NP_:1c,2 -k NNP_:1c,2,3).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.i18n import NNP_, NP_


@dataclass(frozen=True)
class GroupWords:
    counted: tuple[str, str]   # npgettext("counted", …): the noun after a number, by plural form
    label: str                 # pgettext("group", …): nominative plural, a heading ('civilians')
    of: str                    # pgettext("of group", …): after 'tens of thousands', preposition included
    gender: str                # pgettext("gender", …): 'm', 'f' or 'n' (participles agree with it)


def _group(singular: str, counted: tuple[str, str], label: str, of: str, gender: str) -> tuple[str, GroupWords]:
    return label, GroupWords(counted, label, of, gender)


# TRANSLATORS: context "gender": answer m, f or n, the grammatical gender of the plural noun.
GROUPS: dict[str, GroupWords] = dict([
    _group("person", NNP_("counted", "person", "people"), NP_("group", "people"),
           NP_("of group", "of people"), NP_("gender", "people")),
    _group("civilian", NNP_("counted", "civilian", "civilians"), NP_("group", "civilians"),
           NP_("of group", "of civilians"), NP_("gender", "civilians")),
    _group("child", NNP_("counted", "child", "children"), NP_("group", "children"),
           NP_("of group", "of children"), NP_("gender", "children")),
    _group("woman", NNP_("counted", "woman", "women"), NP_("group", "women"),
           NP_("of group", "of women"), NP_("gender", "women")),
    _group("man", NNP_("counted", "man", "men"), NP_("group", "men"),
           NP_("of group", "of men"), NP_("gender", "men")),
    _group("resident", NNP_("counted", "resident", "residents"), NP_("group", "residents"),
           NP_("of group", "of residents"), NP_("gender", "residents")),
    _group("soldier", NNP_("counted", "soldier", "soldiers"), NP_("group", "soldiers"),
           NP_("of group", "of soldiers"), NP_("gender", "soldiers")),
    _group("refugee", NNP_("counted", "refugee", "refugees"), NP_("group", "refugees"),
           NP_("of group", "of refugees"), NP_("gender", "refugees")),
])
GROUP_ALIASES = {
    "person": "people", "persons": "people", "individuals": "people",
    "civilian": "civilians", "child": "children", "kids": "children", "kid": "children",
    "woman": "women", "man": "men", "resident": "residents", "inhabitants": "residents",
    "soldier": "soldiers", "troops": "soldiers", "refugee": "refugees",
}


def _other_languages(path: Path = Path(__file__).with_name("data") / "group_words.toml") -> dict[str, str]:
    """The groups other languages' sources count ("человека", "personnes", "أشخاص"), onto ours."""
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    return {" ".join(word.lower().split()): group for group, languages in table.items()
            for words in languages.values() for word in words}


GROUP_ALIASES.update(_other_languages())


@dataclass(frozen=True)
class PlaceWords:
    name: str   # pgettext("place", …): nominative
    of: str     # pgettext("of place", …): after 'east of' etc., preposition included where needed
    in_: str    # pgettext("in place", …): locative, preposition included


PLACES: dict[str, PlaceWords] = {
    "aleppo": PlaceWords(NP_("place", "Aleppo"), NP_("of place", "Aleppo"), NP_("in place", "in Aleppo")),
    "damascus": PlaceWords(NP_("place", "Damascus"), NP_("of place", "Damascus"), NP_("in place", "in Damascus")),
    "homs": PlaceWords(NP_("place", "Homs"), NP_("of place", "Homs"), NP_("in place", "in Homs")),
    "mosul": PlaceWords(NP_("place", "Mosul"), NP_("of place", "Mosul"), NP_("in place", "in Mosul")),
    "gaza": PlaceWords(NP_("place", "Gaza"), NP_("of place", "Gaza"), NP_("in place", "in Gaza")),
    "kyiv": PlaceWords(NP_("place", "Kyiv"), NP_("of place", "Kyiv"), NP_("in place", "in Kyiv")),
    "old city": PlaceWords(NP_("place", "Old City"), NP_("of place", "the Old City"),
                           NP_("in place", "in the Old City")),
}
PLACE_ALIASES = {"kiev": "kyiv", "the old city": "old city", "gaza city": "gaza", "gaza strip": "gaza"}

# Part of a known place: (nominative pattern, locative pattern); %(of_place)s is the 'of place' form.
DIRECTIONS: dict[str, tuple[str, str]] = {
    "east": (NP_("place", "east %(of_place)s"), NP_("in place", "in east %(of_place)s")),
    "west": (NP_("place", "west %(of_place)s"), NP_("in place", "in west %(of_place)s")),
    "north": (NP_("place", "north %(of_place)s"), NP_("in place", "in north %(of_place)s")),
    "south": (NP_("place", "south %(of_place)s"), NP_("in place", "in south %(of_place)s")),
}
_DIRECTION = re.compile(r"^(?:the\s+)?(east|west|north|south)(?:ern)?\s+(.+)$", re.IGNORECASE)

# Vague amounts: the words printed instead of the policy's stand-in number.
VAGUE: dict[str, str] = {
    "dozens": NP_("vague amount", "dozens"),
    "hundreds": NP_("vague amount", "hundreds"),
    "thousands": NP_("vague amount", "thousands"),
    "tens of thousands": NP_("vague amount", "tens of thousands"),
    "hundreds of thousands": NP_("vague amount", "hundreds of thousands"),
    "millions": NP_("vague amount", "millions"),
}


def _norm(words: str | None) -> str:
    return " ".join((words or "").lower().split())


def find_group(words: str | None) -> GroupWords | None:
    key = _norm(words)
    return GROUPS.get(GROUP_ALIASES.get(key, key))


# Categories whose people have a noun of their own among the groups: a figure of that group in that
# category needs no verb ('8,000 refugees').
_CATEGORY_NOUNS = {"refugees": "refugees"}


def names_category(group: str | None, category: str) -> bool:
    """Whether the group's noun already says the category ('refugees' counted as refugees)."""
    noun = _CATEGORY_NOUNS.get(category)
    return noun is not None and find_group(group) is GROUPS[noun]


# The languages whose country names a source may use (the gazetteer's are English).
_NAMING_LANGUAGES = ("en", "fr", "es", "de", "pt", "ru", "uk", "ar")


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    from babel import Locale
    codes: dict[str, str] = {}
    for language in reversed(_NAMING_LANGUAGES):   # English last: its names win a clash
        codes.update({name.lower(): code for code, name in Locale(language).territories.items() if code.isalpha()})
    return codes


def country_code(words: str | None) -> str | None:
    """'Indonesia', 'Iraque', 'Türkei' -> 'ID', 'IQ', 'TR': a country as the gazetteer (English) or
    a source of a shipped language names it, so the brief can say it in its own language through
    Babel's territory names ('Индонезия')."""
    return _country_codes().get(" ".join((words or "").lower().split()))


def find_place(words: str | None) -> tuple[str | None, PlaceWords] | None:
    """('east', Aleppo's words) for 'eastern Aleppo'; (None, …) for 'Aleppo'; None if unknown."""
    key = _norm(words)
    key = PLACE_ALIASES.get(key, key)
    if key in PLACES:
        return None, PLACES[key]
    match = _DIRECTION.match(key)
    if match:
        base = PLACE_ALIASES.get(match.group(2), match.group(2))
        if base in PLACES:
            return match.group(1).lower(), PLACES[base]
    return None


def find_vague(words: str | None) -> str | None:
    return VAGUE.get(_norm(words))
