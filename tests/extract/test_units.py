"""Small units: number parsing, date resolution, the rule chain."""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract import dates
from briefgen.extract.numbers import find_numbers
from briefgen.extract.ruler import Ruler


@pytest.mark.parametrize("text,value,vague", [
    ("18,000", 18000, None), ("eight thousand", 8000, None), ("one million", 1_000_000, None),
    ("1.5 million", 1_500_000, None), ("Eleven", 11, None), ("a dozen", 12, None), ("twenty-five", 25, None),
    ("tens of thousands", 10000, "tens of thousands"), ("dozens", 12, "dozens"), ("hundreds", 100, "hundreds"),
    ("thousands", 1000, "thousands"),
])
def test_numbers(text: str, value: int, vague: str | None) -> None:
    (n,) = find_numbers(text)
    assert (n.value, n.vague) == (value, vague)


def test_times_are_decimals() -> None:
    assert all(n.decimal for n in find_numbers("at 3.36am and 6.2"))


@pytest.mark.parametrize("weekday,future,expected", [
    (5, True, dt.date(2016, 12, 10)), (5, False, dt.date(2016, 12, 3)),
    (3, False, dt.date(2016, 12, 8)), (3, True, dt.date(2016, 12, 15)), (2, False, dt.date(2016, 12, 7)),
])
def test_resolve_weekday(weekday: int, future: bool, expected: dt.date) -> None:
    assert dates.resolve_weekday(dt.date(2016, 12, 8), weekday, future) == expected


def test_ruler_order_and_disable() -> None:
    r = Ruler([("a", 1), ("b", 2)])
    r.after("a", "c", 3)
    r.disable("b")
    assert [n for n, _ in r] == ["a", "c"]
    r.enable("b")
    r.before("a", "z", 0)
    assert r.names() == ["z", "a", "c", "b"]


def test_ruler_runs_its_enabled_rules_in_order_skipping_the_named_ones() -> None:
    seen: list[str] = []
    r = Ruler([(n, lambda out, n=n: out.append(n)) for n in ("a", "b", "c", "d")])
    r.disable("b")
    r.run(seen, skip={"c"})
    assert seen == ["a", "d"]


def test_ruler_folds_a_value_through_its_rules_and_takes_the_first_answer() -> None:
    r = Ruler([("double", lambda k, v: v * k), ("plus_one", lambda k, v: v + 1)])
    assert r.fold(5, 2) == 11
    asks = Ruler([("none", lambda x: None), ("empty", lambda x: ""), ("found", lambda x: f"<{x}>"),
                  ("later", lambda x: "never")])
    assert asks.first("q") == "<q>"
    asks.disable("found", "later")
    assert asks.first("q") is None


# The date and number scanners try their patterns only at word runs that can open a match
# (Doc.run_candidates); that must find exactly what the patterns find scanning every character.
SCAN_TEXTS = [
    ("Kerry said Thursday. onMonday last  Friday, 5th of March, 2014 mid-Monday (Sunday) three days ago "
     "a day ago earlier today ..Monday _5 March x5 March Dec. 10 2016-12-08 last night Tuesday evening"),
    ("a dozen, 1,500 two hundred and fifty, twenty-one; Hundreds of thousands. 6.2 $5 -5 x5 tens of millions "
     "scores of people, eight thousand, 1.5 million, Eleven, one"),
    "İstanbul said on Monday that 5 March, two hundred people fled a day ago; İİ 3 days ago",  # lowercase is longer
    "٣ March ¹² Monday ſunday, ٣٣ people, on_Monday 5_ March",  # other scripts and digits
    ("inMarch, lateApril 2020, mid-May and midJune, early September; March 2011 in 2011 in 1998- "
     "the past week, earlier this month, over the weekend, later this year, Four days after, 3 weeks after, "
     "a day after, xin May, in_May, ın May, laſt week, THE PAST WEEK, April Smith said, in May 5, the paſt week, "
     "a dаy after, the, past week; in\nJune; over the weekend, three weeks after, last weeks, late 2019"),  # approximate
    ("may have died, May 5, Dec. 10 2014, dec 5th, on Tuesday, on tuesdays, last night, last nights, this morning, "
     "earlier today, earlier Friday, a day ago, a days ago, two days ago, twenty days ago, on\tMonday, late Sunday "
     "evening, this Monday, on, Monday, 5 March, march"),  # exact: a word that needs the next one
]


def _scan_texts() -> list[str]:
    from .conftest import CORPUS
    out = list(SCAN_TEXTS)
    for folder in ("seed", "dev"):
        out += [p.read_text(encoding="utf-8") for p in sorted((CORPUS / folder).glob("*.txt"))]
    return out


def test_date_scan_matches_the_pattern() -> None:
    from briefgen.extract.doc import Doc
    for text in _scan_texts():
        doc = Doc.build(text, "x", dt.date(2016, 12, 8))
        def spans(ms):
            return [(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), m.groupdict()) for m in ms]
        assert spans(dates._matches(doc, 0, len(text))) == spans(dates.DATE_RE.finditer(text))


def test_approximate_date_scan_matches_the_pattern() -> None:
    from briefgen.extract.doc import Doc
    for text in _scan_texts():
        doc = Doc.build(text, "x", dt.date(2016, 12, 8))
        def spans(ms):
            return [(m.span(), m.groupdict()) for m in ms]
        assert spans(dates.approx_matches(doc)) == spans(dates.APPROX_RE.finditer(text))


def test_number_scan_matches_the_pattern() -> None:
    from briefgen.extract.doc import Doc
    for text in _scan_texts():
        doc = Doc.build(text, "x")
        for start, end in doc.sentences + [(0, len(text))]:
            assert find_numbers(text, start, end, doc=doc) == find_numbers(text, start, end)


def test_squash_makes_every_whitespace_run_one_space() -> None:
    # squash replaces only the runs that change (not a lone space): the result must be `\s+` -> " "'s
    import itertools
    import re

    from briefgen.extract.text import squash
    pieces = [" ", "  ", "\n", "\t", " \n", "\n ", "\xa0", "\u2028", "\x1c", "\r\n", "a", "b."]
    for n in range(1, 4):
        for parts in itertools.product(pieces, repeat=n):
            text = "x" + "".join(parts) + "y" + "".join(reversed(parts))
            assert squash(text) == re.sub(r"\s+", " ", text).strip()
    for text in _scan_texts():
        assert squash(text) == re.sub(r"\s+", " ", text).strip()
