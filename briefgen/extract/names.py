"""Capitalised runs ("Sergei Lavrov", "Arquata del Tronto", "U.S. Secretary") and word classes.

A run is a stretch of capitalised words (and name particles between them) separated
only by whitespace; a possessive ends it. People, organisation and place rules all
start from runs, each deciding which runs (or parts of runs) are theirs.
"""
from __future__ import annotations

from functools import lru_cache

from . import lexicon
from . import text as T

SPEECH_VERBS = lexicon.LanguageSet(lexicon.speech_verbs)


class Run:
    """Tokens of one capitalised run. A slotted class with its offsets and words worked out once
    (runs are never changed after they are made, and rules ask for their ends and words again and
    again: place, organisation and people rules each ask nearly every run for its words, so they
    are made with the run and read as a plain attribute)."""
    __slots__ = ("end", "possessive", "start", "toks", "words")

    def __init__(self, toks: list[T.Token], possessive: bool = False, words: list[str] | None = None) -> None:
        self.toks = toks
        self.possessive = possessive  # the last word carried ’s
        self.start = toks[0].start
        # `words`: the tokens' bare forms when the caller has them (a part of a run has its words)
        self.words: list[str] = [t.bare for t in toks] if words is None else words
        self.end = toks[-1].start + len(self.words[-1]) if possessive else toks[-1].end

    def __repr__(self) -> str:
        return f"Run(toks={self.toks!r}, possessive={self.possessive!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Run) and (self.toks, self.possessive) == (other.toks, other.possessive)

    __hash__ = None  # type: ignore[assignment]  # like the dataclass it replaces: compared, never hashed

    @property
    def name(self) -> str:
        return " ".join(self.words)

    def sub(self, i: int, j: int) -> Run:
        return Run(self.toks[i:j], self.possessive and j == len(self.toks), self.words[i:j])


def _joinable(text: str, a: T.Token, b: T.Token) -> bool:
    if b.start == a.end + 1 and text[a.end] == " ":
        return True  # the usual single space, without slicing
    gap = text[a.end:b.start]
    return gap.strip() == "" and gap.count("\n") <= 1 and len(gap) <= 3


def _flush(runs: list[Run], cur: list[T.Token], possessive: bool, particles: frozenset[str]) -> None:
    # Trailing particles ("... de") are not part of a name.
    while cur and cur[-1].text in particles:
        cur.pop()
    if cur:
        runs.append(Run(cur, possessive))


def cap_runs(text: str, toks: list[T.Token]) -> list[Run]:
    """Maximal capitalised runs in `toks` (tokens of one sentence or paragraph)."""
    runs: list[Run] = []
    cur: list[T.Token] = []
    particles = T.NAME_PARTICLES
    is_cap = T.is_capitalized
    is_possessive, is_acronym = T.is_possessive, T.is_acronym
    n = len(toks)
    arabic = T.ARABIC_PREFIX_RE.match
    for i, tok in enumerate(toks):
        word = tok.text
        # T.is_capitalized inlined (tokens are never empty; an upper-case or "al-" start is no digit)
        cap = word[0].isupper() or ("-" in word[2:4] and arabic(word) is not None)
        if not cur:
            if not cap:
                continue  # most words: lowercase, outside a run (a particle needs a run before it)
            cur = [tok]
        else:
            particle = not cap and word in particles and i + 1 < n and is_cap(toks[i + 1].text)
            prev = cur[-1]
            if not (tok.start == prev.end + 1 and text[prev.end] == " ") and not _joinable(text, prev, tok):
                _flush(runs, cur, False, particles)
                if not (cap or particle):
                    cur = []
                    continue
                cur = [tok]
            elif cap or particle:
                cur.append(tok)
            else:
                _flush(runs, cur, False, particles)
                cur = []
                continue
        if word[-1] in "s'’" and is_possessive(word) and not is_acronym(word):
            _flush(runs, cur, True, particles)
            cur = []
    if cur:
        _flush(runs, cur, False, particles)
    return runs


# is_role_word, is_stop and is_name_word are cached by word: pure functions of the word and
# of word lists loaded once, asked about the same few thousand words again and again.
def is_role_word(word: str) -> bool:
    return _is_role_word(word, lexicon.current())


@lru_cache(maxsize=65536)
def _is_role_word(word: str, lang: str) -> bool:
    if lang != lexicon.DEFAULT and lexicon.is_role(word.rstrip(".")):
        return True  # the language's patterns: "ministra", "Umweltministers"
    low = word.lower().rstrip(".")
    roles = lexicon.roles()
    # "Editor-in-Chief", "Vice-President": a hyphenated title counts by its whole or its head
    return low in roles or ("-" in low and (low.replace("-", " ") in roles or low.split("-", 1)[0] in roles))


def is_org_head(word: str) -> bool:
    return word in lexicon.org_heads()


def is_demonym(word: str) -> bool:
    return word in lexicon.demonyms()


def is_stop(word: str) -> bool:
    return _is_stop(word, lexicon.current())


@lru_cache(maxsize=65536)
def _is_stop(word: str, lang: str) -> bool:
    if len(word) > 1 and word.isupper():
        return False  # "US", "IT" are acronyms, not the pronoun/stopword
    low = word.lower().rstrip(".")
    # full month names only ("Jan Egeland" is a name); "May" is too common a name to stop
    return low in T.CAP_STOP or (low in T.MONTHS and len(low) > 3) or low in T.WEEKDAYS \
        or (lang != lexicon.DEFAULT and low in lexicon.cap_stop(lang))


def is_name_word(word: str) -> bool:
    """Could be part of a personal name: capitalised, not a title, stopword, demonym or acronym."""
    return _is_name_word(word, lexicon.current())


@lru_cache(maxsize=65536)
def _is_name_word(word: str, lang: str) -> bool:
    if word in T.NAME_PARTICLES:
        return True
    if not T.is_capitalized(word) or T.is_number(word):
        return False
    if T.is_acronym(word) and not (len(word) == 1):
        return False
    return not (is_stop(word) or is_role_word(word) or is_demonym(word) or is_org_head(word)
                or word in T.HONORIFICS or word in T.RANKS or word in lexicon.title_words()
                or word in lexicon.honorifics())
