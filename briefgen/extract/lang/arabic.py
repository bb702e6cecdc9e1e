"""Arabic words as the rules compare them: normalised spelling and clitics taken off.

Arabic writes "and", "with", "for", "the" into the word (وبالمدينة = و + ب + ال + مدينة), so a
lexicon lookup tries the word as printed first, then with the prefixes removed, and accepts a
stripped form only when the lexicon knows it: "بلدة" keeps its ب because "لدة" is no word
we know, "ليبيا" keeps its ل.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache

DIACRITICS_RE = re.compile("[\u064B-\u065F\u0670\u0640]")  # harakat, dagger alif, tatweel
# prefix chains, longest first: conjunction (و ف), preposition (ب ل ك), article (ال); "لل" is ل + ال
PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل", "وك",
            "و", "ف", "ب", "ل", "ك")
# endings a counted noun or an adjective takes (accusative tanween alif, sound plurals, duals)
# and a past verb's feminine or plural ending ("اعتقلت", "فروا")
SUFFIXES = ("ون", "ين", "ان", "ات", "وا", "ت", "ا")
WORD_RE = re.compile(r"[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06F0-\u06F9\w]+")


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    word = DIACRITICS_RE.sub("", word)
    return (word.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا")
            .replace("ى", "ي").replace("ة", "ه"))


@lru_cache(maxsize=65536)
def forms(word: str) -> tuple[tuple[str, str], ...]:
    """(prefix, rest) readings of a normalised word, the unstripped one first."""
    return (("", word),) + tuple((p, word[len(p):]) for p in PREFIXES
                                  if word.startswith(p) and len(word) - len(p) >= 2)


def lookup(word: str, known: Container[str], suffixes: bool = False) -> tuple[str, str] | None:
    """(prefix, lexicon form) of a printed word, or None; the stripped readings are tried only
    against `known`, so a letter that belongs to the word is never taken off."""
    return lookup_normalised(normalise(word), known, suffixes)


def lookup_normalised(w: str, known: Container[str], suffixes: bool = False) -> tuple[str, str] | None:
    """`lookup` of a word already normalised (a reader that normalised every word of the text
    once asks with those)."""
    for prefix, rest in forms(w):
        if rest in known:
            return prefix, rest
        if suffixes:
            for s in SUFFIXES:
                if rest.endswith(s) and len(rest) - len(s) >= 2 and rest[:-len(s)] in known:
                    return prefix, rest[:-len(s)]
    return None


def strip_article(word: str) -> str:
    """"الفرجاني" -> "فرجاني": a surname printed with and without the article is one name."""
    w = normalise(word)
    for p in ("وال", "ال"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def tokens(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    return list(WORD_RE.finditer(text, start, len(text) if end is None else end))


def conjunction_free(word: str, normaliser: Callable[[str], str] = normalise) -> str | None:
    w = normaliser(word)
    return w[1:] if w.startswith("و") and len(w) > 3 else None
