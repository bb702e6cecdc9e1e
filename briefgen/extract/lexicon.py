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
def _set(name: str) -> frozenset[str]:
    """A one-entry-a-line list as a set, read once."""
    return frozenset(_lines(name))


@lru_cache(maxsize=None)
def roles() -> frozenset[str]:
    """Lowercase role heads ("minister", "spokesman", "prime minister")."""
    return frozenset(_lines("roles.txt"))


@lru_cache(maxsize=None)
def org_heads() -> frozenset[str]:
    return frozenset(_lines("org_heads.txt"))


@lru_cache(maxsize=None)
def org_heads_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in org_heads())


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


@lru_cache(maxsize=None)
def speech_verbs() -> frozenset[str]:
    """Every form of a verb that attributes a quote ("said", "told", "added")."""
    return frozenset(line.partition("|")[0].strip() for line in _lines("speech_verbs.txt"))


@lru_cache(maxsize=None)
def listener_verbs() -> frozenset[str]:
    """Speech verbs whose object is the one spoken to ("told Reuters"), never the speaker."""
    return frozenset(line.partition("|")[0].strip() for line in _lines("speech_verbs.txt")
                     if line.partition("|")[2].strip() == "listener")


def outlets() -> frozenset[str]:
    return _set("outlets.txt")


def outlet_words() -> frozenset[str]:
    return _set("outlet_words.txt")


def not_speakers() -> frozenset[str]:
    return _set("not_speakers.txt")


def unnamed_speakers() -> frozenset[str]:
    return _set("unnamed_speakers.txt")


@lru_cache(maxsize=None)
def unnamed_or_roles() -> frozenset[str]:
    """Nouns for a speaker the article leaves unnamed: a person noun or a role ("a spokeswoman")."""
    return unnamed_speakers() | roles()


@lru_cache(maxsize=65536)
def is_outlet(name: str) -> bool:
    """A news outlet's name: listed whole, or holding an outlet word ("Radio France", "Channel 4")."""
    return name in outlets() or any(w in outlet_words() for w in name.split())


@lru_cache(maxsize=65536)
def can_speak(name: str) -> bool:
    """Whether a person or organisation mention may be credited with a quote: never an outlet, a
    disease, a heading or another word of not_speakers.txt."""
    words = name.replace("-", " ").split()
    return bool(words) and not is_outlet(name) and not any(w in not_speakers() for w in words + [name])


def role_referents() -> dict[str, frozenset[str]]:
    """Generic speaker noun ("agency") -> head words of the organisation names it can stand for."""
    return _table("role_referents.txt")


def title_abbreviations() -> frozenset[str]:
    """Short titles with their full stop ("Sen.", "Gov."), never part of a name."""
    return _set("title_abbreviations.txt")


def hazards() -> dict[str, frozenset[str]]:
    """Kind of event ("quake") -> the words that name it."""
    return _table("hazards.txt")


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, frozenset[str]]:
    """A "key | word word ..." list, read once."""
    out: dict[str, frozenset[str]] = {}
    for line in _lines(name):
        key, _, words = line.partition("|")
        out[key.strip()] = out.get(key.strip(), frozenset()) | frozenset(words.split())  # a key may take several lines
    return out


@lru_cache(maxsize=None)
def movement_phrases() -> dict[str, str]:
    """Phrase ("have fled to") -> kind ("abroad" | "displaced"): where counted people went."""
    out = {}
    for line in _lines("movement_phrases.txt"):
        kind, _, phrase = line.partition("|")
        out[" ".join(phrase.split())] = kind.strip()
    return out


@lru_cache(maxsize=None)
def gendered_words() -> dict[str, str]:
    """Honorific or role word -> "f" or "m"."""
    return {w: g for g, words in _table("gendered_words.txt").items() for w in words}
