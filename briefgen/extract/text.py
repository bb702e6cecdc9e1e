"""Shared text utilities: tokens with offsets, word classes; paragraphs and sentences come from
briefgen/sentences.py.

Everything works on the source text as given (never a cleaned copy), so every offset a
rule computes is a valid citation into `Source.text`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left
from itertools import accumulate

# Paragraphs and sentences are split by the one splitter compose shares (briefgen/sentences.py).
from briefgen.sentences import ABBREVIATIONS, paragraphs, sentences  # noqa: F401

# Words: "U.S." style acronyms, words with inner hyphens/apostrophes ("al-Assad", "D’Amelio"),
# numbers with separators ("18,000", "6.2").
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?|\d+(?:[.,:]\d+)*")

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

# Capitalised words that are not names even when they start a capitalised run.
CAP_STOP = frozenset("""
the a an in on at of for to from by with and or but after before as if when while since during
earlier later meanwhile however also although though then there here this that these those it its
he she they we i you his her their our my your him them us me who what where which why how
yes no not all some many most more much few several both each every any another other others
one two three four five six seven eight nine ten dozens hundreds thousands tens millions
mr mrs ms dr prof rev sir st mt
today yesterday tomorrow tonight last next this morning afternoon evening night
photo video scroll published updated source back click read watch related advertisement
officials police authorities residents witnesses activists rebels troops soldiers doctors experts
monitors observers survivors villagers people reports report sources source analysts
north south east west northern southern eastern western central northeast northwest southeast southwest
according despite amid among until unless where whereas so such only just even still yet
""".split())

DIRECTIONS = frozenset("north south east west northern southern eastern western central northeast northwest "
                       "southeast southwest upper lower greater".split())
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Rev", "Sir", "Dame", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rev."})
RANKS = frozenset({"Col", "Col.", "Gen", "Gen.", "Lt", "Lt.", "Maj", "Maj.", "Capt", "Capt.", "Sgt", "Sgt.", "Cpl", "Adm", "Brig", "Cmdr"})
# Lowercase particles inside personal and place names ("Stefan de Mistura", "Arquata del Tronto").
NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "dos", "das", "do", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "bint", "al", "el", "y"})
ARABIC_PREFIX_RE = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|abu|bin|ibn)-[^\W\d_]", re.UNICODE)

class Token:
    """A word with its offsets. A plain slotted class rather than a frozen dataclass or a
    named tuple: every article makes hundreds, a frozen dataclass's __init__ is four times
    slower, and a named tuple's fields read twice as slowly as slots."""
    __slots__ = ("end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start}, end={self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """The word without a trailing full stop or possessive ’s."""
        return _bare(self.text)


# TOKEN_RE, rewritten to open on one character class: `re` then skips to a possible token
# start in C instead of trying three alternatives at every character. The lookbehinds test the
# character just consumed, so the matches are exactly TOKEN_RE's (same alternatives, same order).
_TOKEN_SPLIT_RE = re.compile(r"([^\W_](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[^\W\d_])[^\W\d_]*(?:[-'’][^\W\d_]+)*\.?"
                             r"|(?<=\d)\d*(?:[.,:]\d+)*))")
# The same on text whose word characters are all ASCII (`words_ascii`: curly quotes and dashes
# may be there), where these classes are exactly `[A-Za-z0-9]`, `[A-Za-z]` and `[0-9]`: a bitmap
# test per character instead of a Unicode category lookup.
_ASCII_TOKEN_SPLIT_RE = re.compile(r"([A-Za-z0-9](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[A-Za-z])[A-Za-z]*(?:[-'’][A-Za-z]+)*\.?"
                                   r"|(?<=[0-9])[0-9]*(?:[.,:][0-9]+)*))")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]+")


def words_ascii(text: str) -> bool:
    """Whether every word character (`\\w`) of `text` is ASCII; its other characters need not be
    (an English article's ’ “ ” —). There the Unicode classes `\\w`, letters and digits match
    exactly the ASCII ones, so the ASCII twins of the token and word patterns may run. The few
    non-ASCII characters are found in C, a stretch at a time, and the test stops at the first word
    character (in French, Russian or Arabic text, one of the first)."""
    if text.isascii():
        return True
    search = WORD_RUN_RE.search
    return not any(search(m.group()) for m in _NON_ASCII_RE.finditer(text))


def case_plain(text: str) -> bool:
    """Whether every character of `text` outside ASCII is a caseless non-word character (its lower
    and upper case are itself: ’ “ ” — …). Then, as on ASCII text, ignoring case is lowercasing:
    the lowercased text has the same length, and such a character matches, case ignored or not,
    only itself (none of them is the simple lowercase of another character, nor one of `re`'s
    extra case pairs: checked over every code point). The twins made for ASCII text
    (story.folds_safely) hold here. Letters of caseless scripts (Arabic) would do too, but there
    the twins run slower than the case-blind patterns: such text is left to those. The test stops
    at the first stretch of non-ASCII characters that fails it."""
    if text.isascii():
        return True
    search = WORD_RUN_RE.search
    for m in _NON_ASCII_RE.finditer(text):
        chars = m.group()
        if search(chars) or not chars.lower() == chars == chars.upper():
            return False
    return True


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end] (TOKEN_RE's matches), a trailing full stop kept only on
    abbreviations and initials."""
    return list(map(Token, *token_parts(text, start, end)))


def token_parts(text: str, start: int = 0, end: int | None = None,
                plain: bool | None = None) -> tuple[list[str], list[int], list[int]]:
    """The texts, starts and ends of `tokens(text, start, end)`, as three lists (Doc keeps the
    offsets as lists for its bisections). One split: its pieces alternate gap, word, gap ..., so
    summed lengths give the offsets. `plain`: `words_ascii` of the text, when the caller knows it."""
    part = text if start == 0 and end is None else text[start:end]
    if plain is None or part is not text:
        plain = words_ascii(part)
    pieces = (_ASCII_TOKEN_SPLIT_RE if plain else _TOKEN_SPLIT_RE).split(part)
    offs = list(accumulate(map(len, pieces), initial=start))
    words, starts, ends = pieces[1::2], offs[1:-1:2], offs[2::2]
    # the words that end on a full stop, found from the text's stops (a few dozen an article) by
    # bisecting the ends: a word ends on one exactly when a token ends right after a stop, and
    # testing every word's ending cost more than these lookups (~0.08 -> ~0.02 ms an article).
    # Shortening a word keeps the ends sorted (it is two characters or more, after the last end).
    q = part.find(".")
    while q >= 0:
        after = start + q + 1
        q = part.find(".", q + 1)
        k = bisect_left(ends, after)
        if k == len(ends) or ends[k] != after:
            continue  # a stop between words or inside one ("1.5", "U.S.")
        word = words[k]
        if not is_acronym(word):
            core = word[:-1]
            if core.lower() not in ABBREVIATIONS and not (len(core) == 1 and core.isupper()):
                words[k] = core
                ends[k] -= 1
    return words, starts, ends


ACRONYM_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,6}s?")


@lru_cache(maxsize=65536)
def _bare(text: str) -> str:
    # cached: rules ask for the bare form of the same few thousand words again and again
    return strip_possessive(text.rstrip(".")) if not is_acronym(text) else text


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    return ACRONYM_RE.fullmatch(word) is not None


def strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) or (word.endswith(("s'", "s’")) and len(word) > 3)


def is_capitalized(word: str) -> bool:
    # the prefix pattern needs its hyphen at index 2 or 3: test that before running it
    return bool(word) and (word[0].isupper() or ("-" in word[2:4] and bool(ARABIC_PREFIX_RE.match(word))))


def is_number(word: str) -> bool:
    return word[:1].isdigit()


WORD_RUN_RE = re.compile(r"\w+")
SPACES_RE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace runs (line wraps included) to one space."""
    # str.split() and the regex class \s take the same characters for whitespace (str.isspace;
    # checked over every code point): the regex substitution and strip this replaces, at half the cost
    return " ".join(text.split())


def keyword_positions(text: str, keywords: tuple[str, ...], check: re.Pattern[str]) -> list[int]:
    """Sorted offsets where one of `keywords` occurs and `check` matches (str.find does the scan)."""
    out = []
    match = check.match
    for kw in keywords:
        q = text.find(kw)
        while q >= 0:
            if match(text, q):
                out.append(q)
            q = text.find(kw, q + 1)
    return sorted(set(out))



def finditer_anchored(rx: re.Pattern[str], text: str, anchors: list[int], lead: re.Pattern[str],
                      first: re.Pattern[str]) -> list[re.Match[str]]:
    """Exactly `list(rx.finditer(text))`, for a pattern none of whose matches is empty and every
    match of which opens with a match of `first` and reaches, at or after its start, an offset
    in `anchors` (sorted) with only characters of `lead` (a run of one class, `[...]*`) before it.

    Why: a pattern that opens on a name or an optional group gets no first-character skip from
    `re`, so finditer runs it at every character (~0.4 ms per article for each such pattern).
    Here it is tried only where `first` matches in the stretch of `lead` characters before each
    anchor, left to right. No match can start before that stretch: its own anchor comes no
    earlier than the first one after the scan position, and only `lead` characters separate the
    two. The stretch is measured on the reversed text, so `re` walks it, not Python."""
    out: list[re.Match[str]] = []
    if not anchors:
        return out
    pos, n, match, back, firsts = 0, len(text), rx.match, lead.match, first.finditer
    rev = text[::-1]
    for q in anchors:
        if q < pos:
            continue
        w = max(pos, q - back(rev, n - q).end() + (n - q))
        for f in firsts(text, w):
            s = f.start()
            if s > q:
                break
            m = match(text, s)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
        if pos <= q:
            pos = q + 1
    return out
