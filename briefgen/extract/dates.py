"""Date expressions resolved against the publication date (never today).

"on Saturday", "Thursday night", "last Friday", "yesterday", "last night", "today",
"three days ago", "December 5, 2014", "5 December", "Dec. 10". A weekday is the one
before (or on) the publication day unless the tense says the event is still to come
(then the next one); the caller passes that. Regex and a month table only: dateparser
is not needed for these forms and is slow to import.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from . import text as T
from .numbers import UNITS

_MONTH = "|".join(sorted(T.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(T.WEEKDAYS)
DATE_RE = re.compile(
    rf"\b(?:(?P<md_month>{_MONTH})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>\d{{4}}))?"
    rf"|(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_MONTH})\.?(?:,?\s+(?P<dm_year>\d{{4}}))?"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<mod>last|next|this|on|early|late|earlier|later)?\s*(?P<weekday>{_WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?"
    rf"|(?P<rel>yesterday|today|tonight|tomorrow|last night|this morning|earlier today|overnight)"
    rf"|(?P<ago>\d+|{'|'.join(UNITS)}|a)\s+days?\s+ago)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    date: dt.date | None
    weekday: int | None = None   # set for weekday words, which the caller may move forward
    future_ok: bool = False      # "tomorrow" and weekdays can point forward
    yearless: bool = False       # "May 31" with no year: `past_reading` gives the most recent past one
    precision: str = "day"       # model.DatePrecision: "last week" is a week, "in October" a month
    ahead: dt.date | None = None  # the reading when the clause is about the future ("in October" -> the next one)


# "since Saturday", "until Monday", "from Saturday onwards": the edge of a stretch of time, not its day
SPAN_EDGE_RE = re.compile(r"\b(?:since|until|till|through)\s+(?:late\s+|early\s+)?$", re.IGNORECASE)


_ONWARDS_RE = re.compile(r"\s+onwards?\b")


def is_span_edge(text: str, expr: DateExpr, floor: int = 0) -> bool:
    if _ONWARDS_RE.match(text, expr.end, expr.end + 10):
        return True
    return SPAN_EDGE_RE.search(text, max(floor, expr.start - 12), expr.start) is not None


def _month_day(pub: dt.date | None, month: int, day: int, year: str | None) -> dt.date | None:
    try:
        if year:
            return dt.date(int(year), month, day)
        if pub is None:
            return None
        d = dt.date(pub.year, month, day)
        # a month-day far after publication is last year's ("Dec. 10" in a January story); one
        # soon after it is ahead unless its clause is plainly past (events.py: `past_reading`)
        return _year_before(d) if (d - pub).days > 180 else d
    except ValueError:
        return None


def _year_before(d: dt.date) -> dt.date:
    return d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else dt.date(d.year - 1, 2, 28)


def past_reading(expr: DateExpr, pub: dt.date) -> dt.date | None:
    """A year-less month-day read as the most recent one on or before publication."""
    if not expr.yearless or expr.date is None:
        return None
    return _year_before(expr.date) if expr.date > pub else expr.date


def resolve_weekday(pub: dt.date, weekday: int, future: bool) -> dt.date:
    """The weekday on/before publication, or (future) the next one after it."""
    if future:
        delta = (weekday - pub.weekday()) % 7 or 7
        return pub + dt.timedelta(days=delta)
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


# Lowercased first words a DATE_RE match can open with (see `_matches`); a modifier glued to
# its weekday ("onMonday") is one run. Runs that are not plain ASCII letters are always tried.
_MODS = ("last", "next", "this", "on", "early", "late", "earlier", "later")
FIRST_WORDS = (frozenset(T.MONTHS) | frozenset(T.WEEKDAYS) | frozenset(UNITS)
               | frozenset({"yesterday", "today", "tonight", "tomorrow", "last", "this", "earlier", "overnight", "a"})
               | frozenset(_MODS) | frozenset(m + w for m in _MODS for w in T.WEEKDAYS))
# The words a DATE_RE match goes on to after those that cannot stand alone (`Doc.run_candidates`):
# a modifier needs its weekday ("on Monday", "last night"), a month its day ("Dec. 10": digits,
# always tried), "a"/"three" "days ago". "on", "a" and "may" are common words: a third of the tries.
_DAY_WORDS = frozenset({"day", "days"})
NEXT_WORDS = ({m: frozenset(T.WEEKDAYS) for m in _MODS}
              | {"last": frozenset(T.WEEKDAYS) | {"night"}, "this": frozenset(T.WEEKDAYS) | {"morning"},
                 "earlier": frozenset(T.WEEKDAYS) | {"today"}, "a": _DAY_WORDS}
              | {unit: _DAY_WORDS for unit in UNITS} | {month: frozenset() for month in T.MONTHS})


def find(doc, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Date expressions in [start, end) with their past reading (weekdays: on/before publication).
    Cached per span on the doc: events and every figure of a sentence ask for the same one."""
    cache = doc.__dict__.setdefault("_dates", {})
    if None not in cache:  # one pass over the whole text, then filter by span
        cache[None] = _find(doc, 0, None)
    stop = len(doc.text) if end is None else end
    key = (start, stop)
    if key not in cache:
        cache[key] = [e for e in cache[None] if start <= e.start and e.end <= stop]
    return list(cache[key])


def _matches(doc, start: int, end: int) -> Iterator[re.Match[str]]:
    """Exactly `DATE_RE.finditer(doc.text, start, end)`, without running the pattern at every
    character. Every match opens at the start of a `\\w+` run (after its `\\b`), except a bare
    weekday, which may open on the whitespace before it: tried at the weekday itself it gives
    the same branch and the same end (and `_find` strips the leading space anyway). So the
    pattern is tried only at runs whose word can open a branch, left to right, skipping runs
    inside the last match, which is what finditer's scan amounts to."""
    text = doc.text
    match = DATE_RE.match
    last = start
    for pos in doc.run_candidates("dates", FIRST_WORDS, start, end, NEXT_WORDS):
        if pos < last:
            continue
        m = match(text, pos, end)
        if m is not None:
            yield m
            last = m.end() if m.end() > pos else pos + 1


@lru_cache(maxsize=None)
def _local_re(lang: str) -> re.Pattern[str] | None:
    """Dates in another language, from its lists: "1er janvier 2019", "27 de abril", "31. Oktober",
    "samedi", "am Samstagmorgen" (a weekday glued to a time of day), "nesta segunda-feira", "hier"."""
    months = lexicon.months(lang)
    weekdays = lexicon.weekday_numbers(lang)
    rel = lexicon.relative_days(lang)
    if not (months or weekdays):
        return None

    def alt(words) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    parts = []
    if months:
        parts.append(rf"(?P<l_day>\d{{1,2}})(?:er|º|°|\.)?\s+(?:de\s+)?(?P<l_month>{alt(months)})(?!\w)"
                     rf"(?:\s+(?:de\s+)?(?P<l_year>\d{{4}}))?")
    if weekdays:
        parts.append(rf"(?P<l_weekday>{alt(weekdays)})(?:morgen|abend|nachmittag|vormittag|mittag|nacht)?(?![\w-])"
                     r"(?:\s*\((?P<l_dom>\d{1,2})\))?")
    if rel:
        parts.append(rf"(?P<l_rel>{alt(rel)})(?![\w’'])")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")", re.IGNORECASE)


def _find_local(doc, rx: re.Pattern[str], start: int, end: int) -> list[DateExpr]:
    pub, lang, out = doc.published, doc.lang, []
    for m in rx.finditer(doc.text, start, end):
        g = m.groupdict()
        if g["l_month"] if "l_month" in g else None:
            date = _month_day(pub, lexicon.months(lang)[g["l_month"].lower()], int(g["l_day"]), g["l_year"])
            if date:
                out.append(DateExpr(m.start(), m.end(), date, yearless=not g["l_year"]))
        elif g.get("l_weekday") and pub:
            wd = lexicon.weekday_numbers(lang)[g["l_weekday"].lower()]
            dom = int(g["l_dom"]) if g.get("l_dom") else None
            near = [pub + dt.timedelta(days=k) for k in range(-6, 7)]
            exact = [d for d in near if d.weekday() == wd and d.day == dom] if dom else []
            if exact:  # "na sexta-feira (6)": the day of the month in brackets settles which Friday
                out.append(DateExpr(m.start(), m.end(), exact[0]))
            else:
                out.append(DateExpr(m.start(), m.end(), resolve_weekday(pub, wd, False), wd, future_ok=True))
        elif g.get("l_rel") and pub:
            offset = lexicon.relative_days(lang)[" ".join(g["l_rel"].lower().split())]
            out.append(DateExpr(m.start(), m.end(), pub + dt.timedelta(days=offset), future_ok=offset > 0))
    return out


# Stretches of time rather than days: "last week", "over the weekend", "earlier this month",
# "in October", "in April 2023", "in 2011", "last year"; and "four days after <event>" told from
# the publication day. A month name is one only when capitalised and after "in"/"early"/"late"/
# "mid-" or before a year ("April Smith said" is a name). "last year's floods" names which floods,
# not when the clause happens, and "since 2011" is the edge of a span (`is_span_edge`).
_FULL_MONTHS = "|".join(m.capitalize() for m in sorted(T.MONTHS, key=len, reverse=True) if len(m) > 3 or m == "may")
_REL = r"(?:last|this|earlier\s+this|later\s+this|next|the\s+past|the\s+previous)"
APPROX_RE = re.compile(
    rf"\b(?:(?i:(?P<week>{_REL})\s+week"
    rf"|(?P<weekend>over\s+the|last|this|next|the\s+past)\s+weekend"
    rf"|(?P<month>{_REL})\s+month"
    rf"|(?P<year>{_REL})\s+year)(?![’'\w-])"
    rf"|(?i:in|early|late|mid-?)\s*(?P<m_month>{_FULL_MONTHS})(?:,?\s+(?P<m_year>\d{{4}}))?"
    rf"(?![\w-]|\s+\d|\s+[A-Z][a-z]+(?:[’']s|\s+(?:said|says|told)\b))"
    rf"|(?P<my_month>{_FULL_MONTHS})\s+(?P<my_year>(?:19|20)\d{{2}})\b"
    rf"|(?i:in)\s+(?P<y_year>(?:19|20)\d{{2}})(?![’'\w-]|\s*[-–])"
    rf"|(?i:(?P<after>\d+|{'|'.join(UNITS)}|a)\s+(?P<after_unit>days?|weeks?)\s+after)\b)"
)
# Lowercased first words an APPROX_RE match can open with, for `Doc.run_matches` (every branch
# opens a word after `\b`; "inMarch", with no space, is one run): finditer would try the pattern
# at every character (~1.3 ms per article).
_MONTH_WORDS = frozenset(m.lower() for m in _FULL_MONTHS.split("|"))
APPROX_FIRST_WORDS = (frozenset({"last", "this", "earlier", "later", "next", "the", "over", "in", "early", "late",
                                 "mid", "a"})
                      | _MONTH_WORDS | frozenset(p + m for p in ("in", "early", "late", "mid") for m in _MONTH_WORDS)
                      | frozenset(UNITS))
# The word each of those must be followed by (the next run), when APPROX_RE asks for one: "the"
# opens a match only as "the past"/"the previous", "a" only as "a day/week after". Most of the
# candidates are "the", "a" and "in": tried only there, a fifth as many.
_STRETCHES = frozenset({"week", "weekend", "month", "year"})
_AFTER_UNITS = frozenset({"day", "days", "week", "weeks"})
APPROX_NEXT_WORDS = {"last": _STRETCHES, "this": _STRETCHES, "next": _STRETCHES, "earlier": frozenset({"this"}),
                     "later": frozenset({"this"}), "the": frozenset({"past", "previous"}), "over": frozenset({"the"}),
                     "in": _MONTH_WORDS, "early": _MONTH_WORDS, "late": _MONTH_WORDS, "mid": _MONTH_WORDS,
                     "a": _AFTER_UNITS} | {unit: _AFTER_UNITS for unit in UNITS}
# "Four days after the storm made landfall, thousands are still ...": the count runs to now
# (the publication day) only when the main clause is in the present.
_NOW_CLAUSE_RE = re.compile(r"[^.;,]*,[^.;]*?\b(?:are|is|remain|remains|still|continue|continues)\b", re.IGNORECASE)


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _shift_month(d: dt.date, months: int) -> dt.date:
    n = d.year * 12 + d.month - 1 + months
    return dt.date(n // 12, n % 12 + 1, 1)


def _approx(doc, m: re.Match, pub: dt.date | None) -> DateExpr | None:
    """One APPROX_RE match as a DateExpr (None when it needs a publication date and has none)."""
    g = m.groupdict()
    word = lambda key: " ".join(g[key].lower().split())  # noqa: E731
    month_name = g["m_month"] or g["my_month"]
    if month_name:
        month = T.MONTHS[month_name.lower()]
        year = g["m_year"] or g["my_year"]
        if year:
            return DateExpr(m.start(), m.end(), _month_start(int(year), month), future_ok=True, precision="month")
        if pub is None:
            return None
        past = _month_start(pub.year if month <= pub.month else pub.year - 1, month)
        ahead = _month_start(pub.year if month >= pub.month else pub.year + 1, month)
        return DateExpr(m.start(), m.end(), past, future_ok=True, yearless=True, precision="month", ahead=ahead)
    if g["y_year"]:
        return DateExpr(m.start(), m.end(), dt.date(int(g["y_year"]), 1, 1), future_ok=True, precision="year")
    if pub is None:
        return None
    if g["after"]:
        if not _NOW_CLAUSE_RE.match(doc.text, m.end(), min(len(doc.text), m.end() + 240)):
            return None
        count = g["after"].lower()
        n = 1 if count == "a" else int(count) if count.isdigit() else UNITS.get(count)
        if not n or n > 31:
            return None
        if g["after_unit"].lower().startswith("week"):
            return DateExpr(m.start(), m.end(), pub - dt.timedelta(days=7 * n), precision="week")
        return DateExpr(m.start(), m.end(), pub - dt.timedelta(days=n))
    monday = pub - dt.timedelta(days=pub.weekday())
    step = {"last": -1, "the past": -1, "the previous": -1, "next": 1}
    if g["week"]:
        return DateExpr(m.start(), m.end(), monday + dt.timedelta(days=7 * step.get(word("week"), 0)),
                        future_ok=word("week") in ("next", "later this"), precision="week")
    if g["weekend"]:
        w = word("weekend")
        saturday = resolve_weekday(pub, 5, w in ("this", "next") and pub.weekday() < 5)
        if w == "next" and pub.weekday() >= 5:
            saturday += dt.timedelta(days=7)
        return DateExpr(m.start(), m.end(), saturday, future_ok=w in ("this", "next"), precision="week")
    if g["month"]:
        return DateExpr(m.start(), m.end(), _shift_month(pub, step.get(word("month"), 0)),
                        future_ok=word("month") in ("next", "later this"), precision="month")
    return DateExpr(m.start(), m.end(), dt.date(pub.year + step.get(word("year"), 0), 1, 1),
                    future_ok=word("year") in ("next", "later this"), precision="year")


def approx_matches(doc, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Exactly `APPROX_RE.finditer(doc.text, start, end)`."""
    return doc.run_matches("dates.approx", APPROX_RE, APPROX_FIRST_WORDS, start, end, APPROX_NEXT_WORDS)


def _find_approx(doc, exact: list[DateExpr], start: int, end: int) -> list[DateExpr]:
    taken = [(e.start, e.end) for e in exact]
    out = []
    for m in approx_matches(doc, start, end):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue  # "Monday last week", "December 5, 2014": the day already read wins
        expr = _approx(doc, m, doc.published)
        if expr is not None:
            out.append(expr)
    return out


def _find(doc, start: int, end: int | None) -> list[DateExpr]:
    exact = _find_exact(doc, start, end)
    if doc.lang != lexicon.DEFAULT:
        return exact
    return sorted(exact + _find_approx(doc, exact, start, len(doc.text) if end is None else end),
                  key=lambda e: e.start)


def _find_exact(doc, start: int, end: int | None) -> list[DateExpr]:
    local = _local_re(doc.lang) if doc.lang != lexicon.DEFAULT else None
    if local is not None:  # another language: its own month, weekday and relative-day words
        return _find_local(doc, local, start, len(doc.text) if end is None else end)
    pub = doc.published
    out = []
    for m in _matches(doc, start, len(doc.text) if end is None else end):
        g = m.groupdict()
        # with no modifier the match starts on the space before the weekday: start at the word
        s0 = m.start() + len(m.group()) - len(m.group().lstrip())
        date = None
        if g["md_month"] or g["dm_month"]:
            month = T.MONTHS[(g["md_month"] or g["dm_month"]).lower()]
            date = _month_day(pub, month, int(g["md_day"] or g["dm_day"]), g["md_year"] or g["dm_year"])
            if g["md_month"] and g["md_month"].lower() == "may" and not g["md_year"] and not m.group().endswith(
                    tuple("0123456789")):
                date = None
        elif g["iso"]:
            try:
                date = dt.date.fromisoformat(g["iso"])
            except ValueError:
                date = None
        elif g["weekday"] and pub:
            wd = T.WEEKDAYS[g["weekday"].lower()]
            mod = (g["mod"] or "").lower()
            if mod == "next":
                out.append(DateExpr(s0, m.end(), resolve_weekday(pub, wd, True), wd))
                continue
            d = resolve_weekday(pub, wd, False)
            if mod == "last" and d == pub:
                d = d - dt.timedelta(days=7)
            out.append(DateExpr(s0, m.end(), d, wd, future_ok=mod not in ("last", "earlier", "late", "early")))
            continue
        elif g["rel"] and pub:
            rel = g["rel"].lower()
            offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "overnight": None}.get(rel, 0)
            if offset is not None:
                date = pub + dt.timedelta(days=offset)
        elif g["ago"] and pub:
            word = g["ago"].lower()
            days = 1 if word == "a" else UNITS.get(word) or (int(word) if word.isdigit() else None)
            if days and days <= 31:
                date = pub - dt.timedelta(days=days)
        if date:
            yearless = bool(g["md_month"] or g["dm_month"]) and not (g["md_year"] or g["dm_year"])
            out.append(DateExpr(s0, m.end(), date, future_ok=(g["rel"] or "").lower() in ("tomorrow",),
                                yearless=yearless))
    return out
