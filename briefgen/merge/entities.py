"""One person, organisation or place per real-world entity, across sources.

"Kerry", "John Kerry" and "Secretary of State John Kerry" are one person: names fold on their
normalised form, then a name that is only a surname joins the one full name ending with it.
Organisations fold on a shared name or alias (ICRC and its full name); places on a spelling
without case or accents.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from briefgen.model import Citation, Organization, Person, Place


def norm(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("-", " ").replace("’", "'").split())


def union_citations(a: list[Citation], b: Iterable[Citation]) -> list[Citation]:
    return unique_citations([*a, *b])


def unique_citations(citations: Iterable[Citation]) -> list[Citation]:
    """Citations in order, each (source, start, end) once; one pass, so folds stay linear."""
    return list({(c.source, c.start, c.end): c for c in reversed(list(citations))}.values())[::-1]


def merge_people(people: list[Person]) -> tuple[list[Person], dict[str, str]]:
    """Folded people, and a map from every folded-away name to the name kept (for quote speakers)."""
    groups: dict[str, list[Person]] = {}
    for person in people:
        groups.setdefault(norm(person.name), []).append(person)
    by_name: dict[str, Person] = {}
    for key, members in groups.items():
        by_name[key] = members[0].model_copy(deep=True)
        _absorb_people(by_name[key], members[1:])
    renamed: dict[str, str] = {}
    full_by_surname: dict[str, list[Person]] = {}
    for key, person in by_name.items():
        if len(person.name.split()) > 1:
            full_by_surname.setdefault(key.split()[-1], []).append(person)
    for key, person in list(by_name.items()):
        if len(person.name.split()) != 1:
            continue
        matches = full_by_surname.get(key, [])
        if len(matches) == 1:  # an ambiguous surname stays on its own rather than join the wrong person
            _absorb_people(matches[0], [person])
            matches[0].aliases = sorted(set(matches[0].aliases) | {person.name})
            renamed[person.name] = matches[0].name
            del by_name[key]
    for person in by_name.values():
        for alias in person.aliases:
            renamed.setdefault(alias, person.name)
    return list(by_name.values()), renamed


def _absorb_people(keep: Person, others: list[Person]) -> None:
    """Fold `others` into `keep` at once: one pass over all citations keeps a popular name linear."""
    if not others:
        return
    keep.citations = unique_citations([*keep.citations, *(c for o in others for c in o.citations)])
    for other in others:
        # The first role stays (in an update, that is the analyst's reviewed one) unless the other
        # is a fuller form of it: "spokeswoman" -> "ICRC spokeswoman".
        if not keep.role or (other.role and keep.source != "analyst" and norm(keep.role) in norm(other.role)):
            keep.role = other.role or keep.role
    keep.aliases = sorted(set(keep.aliases).union(*(o.aliases for o in others)))


def merge_organizations(orgs: list[Organization]) -> list[Organization]:
    """One entry per organisation: entries sharing a name or alias are joined (union-find, so an
    alias that links two entries joins both), named by the longest form, the rest as aliases."""
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
        # Longest form first; ties broken by the text itself, never by set order.
        name = max(sorted(names), key=lambda n: (len(n.split()), len(n)))
        merged.append(Organization(name=name, aliases=sorted(names - {name}),
                                   citations=unique_citations(c for org in members for c in org.citations)))
    return merged


def merge_places(places: list[Place]) -> list[Place]:
    return _fold(places, lambda p: norm(p.name), _absorb_places)


def _absorb_places(keep: Place, others: list[Place]) -> None:
    keep.citations = unique_citations([*keep.citations, *(c for o in others for c in o.citations)])
    keep.country = keep.country or next((o.country for o in others if o.country), None)


def _fold(items: list, key: Callable, absorb: Callable) -> list:
    """One item per key, in first-seen order; each group is absorbed in one call (linear in the
    citations of a place named in thousands of articles, where pairwise folding is quadratic)."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    out = []
    for members in groups.values():
        keep = members[0].model_copy(deep=True)
        if len(members) > 1:
            absorb(keep, members[1:])
        out.append(keep)
    return out
