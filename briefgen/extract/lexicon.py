"""The word lists the rules read, loaded once from `data/` (plain text, one entry a line).

Lists are data, not code, so they can grow without touching the rules; none of them
names anything specific to one article.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def roles() -> frozenset[str]:
    """Lowercase role heads ("minister", "spokesman", "prime minister")."""
    return frozenset(_lines("roles.txt"))


@lru_cache(maxsize=None)
def org_heads() -> frozenset[str]:
    return frozenset(_lines("org_heads.txt"))


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str | None]:
    """Demonym (adjective and people forms) -> ISO2 code (None for peoples without a state)."""
    out: dict[str, str | None] = {}
    for line in _lines("demonyms.txt"):
        parts = line.split()
        # "South African ZA" has a two-word adjective: the code is the first all-caps 2-letter part.
        idx = next(i for i, p in enumerate(parts) if p == "-" or (len(p) == 2 and p.isupper()))
        adj = " ".join(parts[:idx])
        code = None if parts[idx] == "-" else parts[idx]
        out[adj] = code
        for people in parts[idx + 1:]:
            out[people] = code
    return out


@lru_cache(maxsize=None)
def demonym_people() -> frozenset[str]:
    """Plural people forms ("Syrians", "Kurds") that can head a counted group."""
    out = set()
    for line in _lines("demonyms.txt"):
        parts = line.split()
        idx = next(i for i, p in enumerate(parts) if p == "-" or (len(p) == 2 and p.isupper()))
        out.update(parts[idx + 1:])
        adj = " ".join(parts[:idx])
        if adj.endswith(("ese", "ss", "sh", "ch")) or adj in ("Rohingya", "Malagasy", "Lao", "Kyrgyz", "Turkmen"):
            out.add(adj)  # "the Chinese", "Rohingya": the adjective is also the plural
    return frozenset(out)


@lru_cache(maxsize=None)
def regions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for line in _lines("regions.txt"):
        name, _, code = line.partition("|")
        out[name.strip()] = None if code.strip() in ("", "-") else code.strip()
    return out


@lru_cache(maxsize=None)
def known_orgs() -> dict[str, str]:
    """Surface form (name or alias) -> canonical organisation name."""
    out: dict[str, str] = {}
    for line in _lines("orgs.txt"):
        name, _, aliases = line.partition("|")
        name = name.strip()
        out[name] = name
        for alias in aliases.split(","):
            if alias.strip():
                out[alias.strip()] = name
    return out


@lru_cache(maxsize=None)
def title_words() -> frozenset[str]:
    """Capitalised words of titles ("State", "Foreign"), never part of a personal name."""
    return frozenset(_lines("title_words.txt"))
