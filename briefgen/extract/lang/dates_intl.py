"""Dates in Russian, Ukrainian and Arabic text, resolved against the publication date:
"1 июля", "у четвер, 14 листопада", "19 حزيران/يونيو", "в субботу", "مساء الأحد", "вчера".

Month and weekday names are data (`data/<lang>/months.txt`, shared with the other rules, and
`weekdays.toml`, read by this module only). A weekday
alone is the one nearest the publication date (news tells of the last few days and the next
few): "الأربعاء" in Thursday's paper is the day before, "صباح الاثنين" in Sunday's is the
next morning. A past-tense verb in the clause keeps the weekday on or before publication.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import arabic, numbers_cyrillic, tables

WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|\d{1,4}")


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    weekday_only: bool = False


def _norm(lang: str, word: str) -> str:
    return arabic.normalise(word) if lang == "ar" else numbers_cyrillic.normalise(word)


@lru_cache(maxsize=None)
def _months(lang: str) -> dict[str, int]:
    return {_norm(lang, form): n for form, n in tables.numbered(lang, "months").items()}


@lru_cache(maxsize=None)
def _weekdays(lang: str) -> tuple[dict[str, int], dict[str, int]]:
    data = tables.toml(lang, "weekdays")
    days = {_norm(lang, f): int(d) for d, forms in data.items() if d != "relative" for f in forms}
    rel = {_norm(lang, f): int(d) for d, forms in data.get("relative", {}).items() for f in forms}
    return days, rel


@lru_cache(maxsize=65536)
def _word(lang: str, raw: str) -> str:
    # cached: a pure function of the word and the language's tables, asked twice for every word
    # of every sentence (Arabic's normalising is a pattern and six replacements)
    w = _norm(lang, raw)
    if lang == "ar" and w not in _months(lang) and w not in _weekdays(lang)[0] and w[:1] in "وبلف" \
            and (w[1:] in _months(lang) or w[1:] in _weekdays(lang)[0] or w[1:] in _weekdays(lang)[1]):
        return w[1:]  # "وصباح", "بالأحد" keep their day
    return w


def find(text: str, lang: str, published: dt.date | None, start: int = 0, end: int | None = None,
         past: bool | None = None) -> list[FoundDate]:
    """Dates in text[start:end]; `past` True when the clause's verb is in the past tense."""
    if published is None:
        return []
    toks = list(WORD_RE.finditer(text, start, len(text) if end is None else end))
    months = _months(lang)
    days, rel = _weekdays(lang)
    out: list[FoundDate] = []
    used: set[int] = set()
    for i, t in enumerate(toks):
        w = _word(lang, t.group())
        if w in months and i and toks[i - 1].group().isdigit():
            day_tok = toks[i - 1]
            year = published.year
            e = t.end()
            if i + 1 < len(toks) and toks[i + 1].group().isdigit() and len(toks[i + 1].group()) == 4:
                year, e = int(toks[i + 1].group()), toks[i + 1].end()
            try:
                d = dt.date(year, months[w], int(day_tok.group()))
            except ValueError:
                continue
            if end is None and d > published + dt.timedelta(days=180) and year == published.year:
                d = d.replace(year=year - 1)  # "28 декабря" in a January paper
            out.append(FoundDate(d, day_tok.start(), e))
            used.update({i - 1, i})
    for i, t in enumerate(toks):
        w = _word(lang, t.group())
        if i in used:
            continue
        if w in rel:
            out.append(FoundDate(published + dt.timedelta(days=rel[w]), t.start(), t.end()))
        elif w in days:
            if any(f.start >= t.end() and f.start - t.end() < 6 and not f.weekday_only for f in out):
                continue  # "в понеділок, 11 листопада": the calendar date says it
            out.append(FoundDate(_nearest(published, days[w], past), t.start(), t.end(), weekday_only=True))
    return sorted(out, key=lambda f: f.start)


def _nearest(published: dt.date, weekday: int, past: bool | None) -> dt.date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if past or back == 0:
        return published - dt.timedelta(days=back)
    if past is False:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back) if back <= ahead else published + dt.timedelta(days=ahead)
