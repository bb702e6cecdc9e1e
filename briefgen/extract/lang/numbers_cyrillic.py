"""Russian and Ukrainian numbers: "три человека", "35", "45 000", "1,5 тыс.", "двадцать три",
"четверо", vague "десятки"/"сотні тисяч"; the tables are `data/ru|uk/numbers.toml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import Number
from . import numwords

LANGS = ("ru", "uk")
# digits grouped by spaces ("45 000") or plain, with a decimal comma ("2,8"); words keep their
# apostrophes ("п'ять")
TOKEN_RE = re.compile(r"(?P<d>(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:[.,]\d+)?)"
                      r"|(?P<w>[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)")


def normalise(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")


@lru_cache(maxsize=None)
def table(lang: str) -> numwords.Table:
    return numwords.load(lang, normalise)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[numwords.Tok]:
    return numwords.tokenize(TOKEN_RE, normalise, text, start, end)


def find_numbers(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Numbers in text[start:end] for `lang` ("ru" or "uk")."""
    return numwords.printed(text, numwords.read(tokens(text, start, end), table(lang)))


def qualifier(text_before: str, lang: str) -> str | None:
    return numwords.qualifier(text_before, table(lang), normalise)
