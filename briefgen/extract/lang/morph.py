"""Lemmas of Russian and Ukrainian words, by pymorphy3 and its ru/uk dictionaries.

The word tables for these languages hold lemmas ("погибнуть", "загинути", "беженец"), so one
entry covers every inflected form ("погибли", "погибших", "загиблих"). The analyser takes half a
second to load and is loaded once, on the first Russian or Ukrainian word: importing this
module costs nothing, and English extraction never imports pymorphy3 at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

LANGS = ("ru", "uk")


@dataclass(frozen=True)
class Parse:
    lemma: str
    pos: str | None           # NOUN, VERB, ADJF, PRTF, PRTS, NUMR, PREP ...
    grammemes: frozenset[str]  # case, number, tense, and Name/Surn/Geox for proper names
    known: bool = True         # in the dictionary, not guessed from the word's ending


@lru_cache(maxsize=2)
def analyzer(lang: str):
    """The pymorphy3 analyser of `lang`, one per process (render's country locatives use it too)."""
    import pymorphy3  # heavy: only when a ru/uk text is read

    return pymorphy3.MorphAnalyzer(lang=lang)



@lru_cache(maxsize=65536)
def parses(lang: str, word: str) -> tuple[Parse, ...]:
    """Every reading of `word`, the likeliest first."""
    key = word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    return tuple(Parse(p.normal_form.replace("ё", "е"), p.tag.POS, frozenset(p.tag.grammemes), p.is_known)
                 for p in analyzer(lang).parse(key))


def lemmas(lang: str, word: str) -> list[str]:
    out: list[str] = []
    for p in parses(lang, word):
        if p.lemma not in out:
            out.append(p.lemma)
    return out


def lookup(lang: str, word: str, table) -> str | None:
    """The table's value (or the lemma itself, for a set) for the first reading whose lemma the
    table knows; None when no reading is in it."""
    for lemma in lemmas(lang, word):
        if lemma in table:
            return table[lemma] if isinstance(table, dict) else lemma
    return None


def first(lang: str, word: str) -> Parse | None:
    found = parses(lang, word)
    return found[0] if found else None


def has(lang: str, word: str, grammeme: str) -> bool:
    """Whether some reading carries `grammeme` ("Geox", "Name", "Surn", "past", "ablt" ...)."""
    return any(grammeme in p.grammemes for p in parses(lang, word))
