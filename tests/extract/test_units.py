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
