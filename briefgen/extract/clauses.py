"""Clauses of a sentence, and the time and event a clause speaks of.

A sentence is cut where a new clause starts: at ";" and ":", before a subordinating word ("when",
"after", "while", "which") and before a participle clause after a comma (", killing 12", ",
leaving 200 dead"). A participle clause belongs to the clause before it (its subject and time
are that clause's), and a time adverbial that opens the sentence ("In 2014 ...", "Two years
earlier, ...") governs every clause of it. Figure rules use this to give a number the time of
its own clause and to tell this story's counts from counts of another event.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .doc import Doc

PARTICIPLES = frozenset({"killing", "leaving", "forcing", "sending", "displacing", "injuring", "wounding",
                         "trapping", "affecting", "bringing", "raising", "pushing", "taking"})
_BREAK_RE = re.compile(
    r"\s*[;:]\s+|\s+[-–—]\s+|,\s+(?=(?:and|but|while|whereas|when|after|before|as|which|who|where|although|though|"
    + "|".join(sorted(PARTICIPLES)) + r")\b)|\s+(?=(?:when|while|whereas|although|though|but|after)\s)",
    re.IGNORECASE)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
# a year that dates what the clause tells ("in 2014", "the 2012 clashes", "Taiwan's 1998 outbreak",
# "in March 2010"); "since 2011" / "from 2014" open a stretch that reaches now and are not here
_YEAR_RE = re.compile(r"(?:\b(?:in|of|during|the|early|late|mid|by|around|back)\s+|['’]s\s+|\b" + _MONTH
                      + r"\s+(?:\d{1,2},?\s+)?)(1[0-9]\d\d|20\d\d)\b(?!\s*[-–]\s*\d)", re.IGNORECASE)
_DIGITS4_RE = re.compile(r"\d{4}")
_AGO_RE = re.compile(r"\b(?:\w+|\d+)\s+(?:years?|decades?)\s+(?:earlier|ago|before|previously)\b|"
                     r"\b(?:decades|years)\s+ago\b", re.IGNORECASE)


def split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end], in order, covering it (made once per span and document:
    every figure and date of a sentence asks for the same)."""
    cache = doc.__dict__.setdefault("_clauses", {})
    out = cache.get((start, end))
    if out is None:
        out = cache[(start, end)] = _split(doc, start, end)
    return out


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    out, s = [], start
    for m in _BREAK_RE.finditer(doc.text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out or [(start, end)]


def _opening(doc: Doc, part: tuple[int, int]) -> str:
    return doc.text[part[0]:part[1]].split(" ", 1)[0].lower()


def dated_before(doc: Doc, sent: tuple[int, int], pos: int) -> bool:
    """Whether what is told at `pos` happened two years or more before publication: by its own
    clause, the clause a participle clause hangs on (", killing 12"), the year a "when" clause
    hangs on ("in 1980 when 67 people died", "since 1990, when 16 were killed") or the sentence's
    opening adverbial ("In 2014 ...", "Two years earlier, ...")."""
    if not _may_date(doc, sent):
        return False
    parts = split(doc, *sent)
    k = next((n for n, (s, e) in enumerate(parts) if s <= pos < e), len(parts) - 1)
    if past_marker(doc, *parts[k]) or past_marker(doc, parts[0][0], min(parts[0][1], parts[0][0] + 40)):
        return True
    while k > 0 and _opening(doc, parts[k]) in PARTICIPLES:
        k -= 1
        if past_marker(doc, *parts[k]):
            return True
    if k > 0 and _opening(doc, parts[k]) == "when":
        m = _WHEN_YEAR_RE.search(doc.text, parts[k - 1][0], parts[k - 1][1])
        return bool(m and doc.published and int(m.group(1)) <= doc.published.year - 2)
    return False


_WHEN_YEAR_RE = re.compile(r"\b(?:in|since|of)\s+(1[0-9]\d\d|20\d\d)\W*$")


def _may_date(doc: Doc, sent: tuple[int, int]) -> bool:
    """Whether the sentence holds four digits or a "years/decades" word at all (most do not)."""
    cache = doc.__dict__.setdefault("_may_date", {})
    if sent not in cache:
        span = doc.text[sent[0]:sent[1]]
        cache[sent] = bool(_DIGITS4_RE.search(span)) or "year" in span.lower() or "decade" in span.lower()
    return cache[sent]


def past_marker(doc: Doc, start: int, end: int) -> bool:
    """Whether text[start:end] dates itself two years or more before publication ("in 2014",
    "the 2012 clashes") or says so ("two years earlier", "decades ago"). A story whose headline
    names a year ("... attacks in Europe since 2015") is about the years from then on."""
    span = doc.text[start:end]
    if not _DIGITS4_RE.search(span):
        # no four-digit year: only "two years earlier" can date it (the pattern is slow: look first)
        return ("year" in span or "decade" in span or "Year" in span or "Decade" in span) \
            and _AGO_RE.search(span) is not None
    if _AGO_RE.search(span):
        return True
    if doc.published is None:
        return False
    since = min(_title_years(doc.title or ""), default=doc.published.year - 1)
    return any(int(m.group(1)) < min(since, doc.published.year - 1)
               for m in _YEAR_RE.finditer(doc.text, start, end))


@lru_cache(maxsize=256)
def _title_years(title: str) -> tuple[int, ...]:
    return tuple(int(y) for y in re.findall(r"\b(?:1[0-9]\d\d|20\d\d)\b", title))


@lru_cache(maxsize=None)
def _hazard_index(lang: str) -> dict[str, str]:
    return {word: group for group, words in lexicon._table("hazards.txt", lang).items() for word in words}


def hazards(text: str) -> set[str]:
    """The kinds of event (data/hazards.txt) the words of `text` name."""
    index = _hazard_index(lexicon.current())
    return {index[w] for w in re.findall(r"[^\W\d_]+", text.lower()) if w in index}


_OTHER_WORDS = frozenset({"also", "separate", "separately", "elsewhere", "meanwhile", "unrelated"})


def _words(doc: Doc, sent: tuple[int, int]) -> list[str]:
    cache = doc.__dict__.setdefault("_clause_words", {})
    if sent not in cache:
        cache[sent] = re.findall(r"[a-z]+", doc.text[sent[0]:sent[1]].lower())
    return cache[sent]


def other_event(doc: Doc, sent: tuple[int, int], story: set[str]) -> bool:
    """Whether the sentence tells of an event of another kind than the story's ("The city is also
    coping with an earthquake that struck Monday" in an epidemic story): it names a kind the story
    does not, none the story does, and says it is another matter ("also", "meanwhile")."""
    if not story:
        return False
    words = _words(doc, sent)
    if _OTHER_WORDS.isdisjoint(words):
        return False  # the cheapest of the three tests first: most sentences say no "also", "meanwhile"
    index = _hazard_index(lexicon.current())
    kinds = {index[w] for w in words if w in index}
    return bool(kinds) and not kinds & story
