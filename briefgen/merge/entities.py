"""One person, organisation or place per real-world entity, across sources.

"Kerry", "John Kerry" and "Secretary of State John Kerry" are one person: names fold on their
normalised form, then a name that is only a surname joins the one full name ending with it.
Organisations fold on a shared name or alias (ICRC and its full name); places on a spelling
without case or accents, or across languages on the gazetteer's name (merge/place_keys.py).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from briefgen.merge.copies import clone, put
from briefgen.model import ANALYST, Citation, Organization, Person, Place


@lru_cache(maxsize=1 << 16)  # names, places and groups repeat across thousands of articles
def norm(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("-", " ").replace("’", "'").split())


def union_citations(a: list[Citation], b: Iterable[Citation]) -> list[Citation]:
    return unique_citations([*a, *b])


def unique_citations(citations: Iterable[Citation]) -> list[Citation]:
    """Citations in order, each (source, start, end) once; one pass, so folds stay linear.
    Each stands where it last occurs, as the first object given for it."""
    return list({(c.source, c.start, c.end): c for c in reversed(list(citations))}.values())[::-1]


def merge_people(people: list[Person]) -> tuple[list[Person], dict[str, str]]:
    """Folded people, and a map from every folded-away name to the name kept (for quote speakers)."""
    by_name: dict[str, Person] = {}
    # Citations and aliases are gathered, then made unique once per person: folding them on every
    # mention is quadratic in mentions, and gives the same lists (see unique_citations).
    gathered: dict[str, tuple[list[Citation], set[str]]] = {}
    renamed: dict[str, str] = {}
    for person in people:
        key = norm(person.name)
        if key in by_name:
            if key not in gathered:
                gathered[key] = ([*by_name[key].citations], {*by_name[key].aliases})
            citations, aliases = gathered[key]
            citations.extend(person.citations)
            aliases.update(person.aliases)
            _take_role(by_name[key], person)
        else:
            by_name[key] = clone(person)
    for key, (citations, aliases) in gathered.items():  # only the people met more than once
        put(by_name[key], citations=unique_citations(citations), aliases=sorted(aliases))
    by_surname: dict[str, list[Person]] | None = None
    for key, person in list(by_name.items()):
        if len(person.name.split()) != 1:
            continue
        if by_surname is None:
            by_surname = {}
            for p in by_name.values():
                if len(p.name.split()) > 1:
                    by_surname.setdefault(norm(p.name).split()[-1], []).append(p)
        matches = by_surname.get(key, [])
        if len(matches) == 1:  # an ambiguous surname stays on its own rather than join the wrong person
            _absorb_person(matches[0], person)
            put(matches[0], aliases=sorted(set(matches[0].aliases) | {person.name}))
            renamed[person.name] = matches[0].name
            del by_name[key]
    for person in by_name.values():
        for alias in person.aliases:
            renamed.setdefault(alias, person.name)
    return list(by_name.values()), renamed


def _absorb_person(keep: Person, other: Person) -> None:
    put(keep, citations=union_citations(keep.citations, other.citations))
    _take_role(keep, other)
    put(keep, aliases=sorted(set(keep.aliases) | set(other.aliases)))


def _take_role(keep: Person, other: Person) -> None:
    # The first role stays (in an update, that is the analyst's reviewed one) unless the other is
    # a fuller form of it: "spokeswoman" -> "ICRC spokeswoman".
    if not keep.role or (other.role and keep.origin != ANALYST and norm(keep.role) in norm(other.role)):
        put(keep, role=other.role or keep.role)


def merge_organizations(orgs: list[Organization]) -> list[Organization]:
    """One entry per organisation: entries sharing a name or alias are joined (union-find, so an
    alias that links two entries joins both), named by the longest name, the rest as aliases."""
    parent = list(range(len(orgs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, org in enumerate(orgs):
        for key in sorted({norm(org.name), *(norm(a) for a in org.aliases)}):
            if key in first_with:
                a, b = sorted((root(i), root(first_with[key])))
                parent[b] = a
            else:
                first_with[key] = i
    groups: dict[int, list[Organization]] = {}
    for i, org in enumerate(orgs):
        groups.setdefault(root(i), []).append(org)
    merged = []
    for members in groups.values():
        names = {n for org in members for n in (org.name, *org.aliases)}
        # The longest of the names the sources gave (an alias the sources never used, such as a
        # list's full name for "UNHCR", does not become the name); ties broken by the text itself,
        # never by set order.
        name = max(sorted({org.name for org in members}), key=lambda n: (len(n.split()), len(n)))
        merged.append(Organization(name=name, aliases=sorted(names - {name}),
                                   citations=unique_citations(c for org in members for c in org.citations)))
    return merged


def merge_places(places: list[Place], titles: list[str] | None = None,
                 key_of: Callable[[str, list[Citation]], str] | None = None) -> list[Place]:
    """One place per key (`key_of`, by default the spelling without case or accents; across
    languages, place_keys.keyer); citations gathered and made unique once (a place named in
    thousands of articles would make pairwise folding quadratic), the first country given kept."""
    out: dict[str, Place] = {}
    gathered: dict[str, list[Citation]] = {}
    spellings: dict[str, dict[str, int]] = {}  # key -> spelling -> mentions, in first-seen order
    for place in places:
        key = key_of(place.name, place.citations) if key_of else norm(place.name)
        counts = spellings.setdefault(key, {})
        counts[place.name] = counts.get(place.name, 0) + len(place.citations)
        if key not in out:
            out[key] = clone(place)
            continue
        keep = out[key]
        if key not in gathered:
            gathered[key] = [*keep.citations]
        gathered[key].extend(place.citations)
        put(keep, country=keep.country or place.country)
    for key, citations in gathered.items():
        put(out[key], citations=unique_citations(citations))
    for key, counts in spellings.items():
        if len(counts) > 1:  # "Mánchester" four times, "Manchester" once: the spelling the sources use most,
            # on a tie the one a headline prints
            put(out[key], name=max(counts, key=lambda n: (counts[n], any(n in t for t in titles or ()))))
    return list(out.values())
