"""Publication dates from the many shapes scraped pages and front matter give them."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# Patterns tried in order; each captures day, month, year by name.
_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b", re.I),
)


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first explicit calendar date in `text`, with its span; English month names and ISO,
    then the day-month-year dates of the other languages briefgen reads ("1er janvier 2019",
    "27 de abril de 2020", "31. Oktober 2020", "1 июля 2025")."""
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m:
            parsed = _build(m.group("year"), m.group("month"), m.group("day"))
            if parsed:
                return parsed, m.start(), m.end()
    if text.isascii() and not any(c.isdigit() for c in text):
        return None
    m = _other_languages_re().search(text)
    if m:
        try:
            found = date(int(m.group("year")), _other_months()[m.group("month").lower()], int(m.group("day")))
        except ValueError:
            return None
        return found, m.start(), m.end()
    return None


@lru_cache(maxsize=1)
def _other_months() -> dict[str, int]:
    from briefgen.extract.lexicon import all_months  # the month words are the extract lexicons' data

    return all_months()


@lru_cache(maxsize=1)
def _other_languages_re() -> re.Pattern[str]:
    forms = "|".join(re.escape(f) for f in sorted(_other_months(), key=len, reverse=True))
    return re.compile(rf"(?<!\d)(?P<day>[0-3]?\d)(?:er|º|°|\.)?\s+(?:de\s+)?(?P<month>{forms})(?!\w)\.?,?"
                      rf"\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)(?!\d)", re.I)


def _build(year: str, month: str, day: str) -> date | None:
    if month.isdigit():
        month_no = int(month)
    else:
        key = month.lower().rstrip(".")[:3]
        month_no = next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(key)), 0)
    try:
        return date(int(year), month_no, int(day))
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """A date from front matter / metadata: date, datetime, ISO string or free text in any language."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = find_date(value)
    if found:
        return found[0]
    return _dateparser(value[:80])


@lru_cache(maxsize=256)
def _dateparser(value: str) -> date | None:
    # dateparser is slow to import and to call, so only as the last resort for other languages.
    import dateparser

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                               "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None
