"""Reading the word lists of `data/`, per language: which files make a list for a language (the
English one, `data/<lang>/`'s, or both for SHARED lists of names), the document language a rule
reads them in (`reading`), and the caches keyed by it. lexicon.py names the lists themselves.

Layout: see lexicon.py and docs/languages.md.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

DATA = Path(__file__).resolve().parent / "data"
DEFAULT = "en"
# Names rather than words: every language reads the English list, then adds its own.
SHARED = frozenset({"orgs.txt", "outlets.txt", "outlet_words.txt", "countries.txt", "regions.txt",
                    "org_heads.txt", "title_abbreviations.txt"})

T = TypeVar("T")

_LANGUAGE: ContextVar[str] = ContextVar("briefgen_extract_language", default=DEFAULT)


@lru_cache(maxsize=None)
def languages() -> frozenset[str]:
    """Languages with data: English, and each `data/<lang>/` folder."""
    return frozenset({DEFAULT} | {d.name for d in DATA.iterdir() if d.is_dir() and not d.name.startswith(("_", "."))})


def data_language(lang: str | None) -> str:
    """`lang` when briefgen has lists for it, else English (the rules then read it as English)."""
    return lang if lang in languages() else DEFAULT


# The language of the document being read: the context variable's own getter, called directly
# (rules ask for it ~1,000 times an article; a wrapping function doubled the cost of each ask).
current: Callable[[], str] = _LANGUAGE.get


@contextmanager
def reading(lang: str | None) -> Iterator[str]:
    """Within this block every list is the one of `lang` (English when briefgen has none for it)."""
    token = _LANGUAGE.set(data_language(lang))
    try:
        yield _LANGUAGE.get()
    finally:
        _LANGUAGE.reset(token)


def _files(name: str, lang: str) -> list[Path]:
    files = [DATA / name] if lang == DEFAULT or name in SHARED else []
    if lang != DEFAULT:
        files.append(DATA / lang / name)
    return [f for f in files if f.is_file()]


@lru_cache(maxsize=None)
def _cached_lines(name: str, lang: str) -> tuple[str, ...]:
    out = []
    for path in _files(name, lang):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return tuple(out)


def _lines(name: str, lang: str | None = None) -> list[str]:
    """The entries of list `name` for `lang` (default: the document's language)."""
    return list(_cached_lines(name, lang or current()))


def per_language(loader: Callable[[str], T]) -> Callable[..., T]:
    """`loader(lang)` cached per language, called with the document's language unless told."""
    cached = lru_cache(maxsize=None)(loader)

    def get(lang: str | None = None) -> T:
        return cached(lang or current())

    get.__doc__ = loader.__doc__
    get.__name__ = loader.__name__
    get.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return get


class LanguageSet:
    """A set whose members are those of a per-language list for the document being read
    (`word in SPEECH_VERBS`), for rules that import a list as a module constant."""

    def __init__(self, get: Callable[[], frozenset[str]]) -> None:
        self._get = get

    def __contains__(self, word: object) -> bool:
        return word in self._get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def words(name: str, lang: str | None = None) -> frozenset[str]:
    """A one-entry-a-line list of `lang` (default: the document's) as a set."""
    return _set(name, lang or current())


def table(name: str, lang: str | None = None) -> dict[str, str]:
    """A "key | value" list of `lang` as a dict (a later line wins)."""
    return _pairs(name, lang or current())


@lru_cache(maxsize=None)
def _pairs(name: str, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _cached_lines(name, lang):
        key, _, value = line.partition("|")
        out[key.strip()] = value.strip()
    return out


@lru_cache(maxsize=None)
def _set(name: str, lang: str) -> frozenset[str]:
    """A one-entry-a-line list as a set, read once per language."""
    return frozenset(_cached_lines(name, lang))


@lru_cache(maxsize=None)
def _table(name: str, lang: str) -> dict[str, frozenset[str]]:
    """A "key | word word ..." list, read once per language."""
    out: dict[str, frozenset[str]] = {}
    for line in _cached_lines(name, lang):
        key, _, words = line.partition("|")
        out[key.strip()] = out.get(key.strip(), frozenset()) | frozenset(words.split())  # a key may take several lines
    return out
