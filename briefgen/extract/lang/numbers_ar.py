"""Arabic numbers: "45 ألف", "٤٥", "۴۵", "سبعة", "خمسة وعشرون", "ثلاثة عشر", "مئتا", vague
"عشرات"/"مئات"/"آلاف"/"عشرات الآلاف"; the table is `data/ar/numbers.toml`.

A number word may carry a conjunction or preposition ("وثلاثة", "بخمسة"); it never carries the
article: "الثالثة", "الخامسة" are ordinals (ages, clock times), not counts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import Number
from . import arabic, numwords

# Western, Arabic-Indic (٠-٩) and Persian (۰-۹) digits; "٬" or "," groups thousands, "٫" or "." is
# the decimal mark
TOKEN_RE = re.compile(r"(?P<d>\d{1,3}(?:[٬,]\d{3})+(?!\d)|\d+(?:[٫.]\d+)?)|(?P<w>[^\W\d_]+)")
CLITICS = ("و", "ب", "ل", "ف")


@lru_cache(maxsize=1)
def table() -> numwords.Table:
    return numwords.load("ar", arabic.normalise)


@lru_cache(maxsize=65536)
def _word(raw: str) -> str:
    """The table's form of a printed word: normalised, one clitic off when that makes a number
    word ("وثلاثه" -> "ثلاثه"); the vague "الالاف" keeps its article. Cached: a pure function of
    the word and the table, asked for every word of every sentence."""
    w = arabic.normalise(raw)
    words = table().words
    if w in words or w in table().vague:
        return w
    if w[:1] in CLITICS and (w[1:] in words or w[1:] in table().vague) and len(w) > 3:
        return w[1:]
    return w


def tokens(text: str, start: int = 0, end: int | None = None) -> list[numwords.Tok]:
    return numwords.tokenize(TOKEN_RE, _word, text, start, end)


def _joiner(tok: numwords.Tok) -> numwords.Tok | None:
    if tok.text.startswith("و") and len(tok.text) > 3:
        return numwords.Tok(tok.text[1:], tok.start, tok.end)
    return None


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    return numwords.printed(text, numwords.read(tokens(text, start, end), table(), joiner=_joiner, comma_groups=True))


def qualifier(text_before: str) -> str | None:
    return numwords.qualifier(text_before, table(), arabic.normalise)


def qualifier_after(text_after: str) -> str | None:
    """"على الأقل" right after the counted group makes the count a minimum."""
    words = text_after.split()
    for n in range(min(4, len(words)), 0, -1):
        head = " ".join(words[:n]).strip("،,.")
        if arabic.normalise(head) in table().qualifiers_after:
            return head
    return None
