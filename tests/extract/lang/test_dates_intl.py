"""Dates in ru/uk/ar text resolved against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.lang import dates_intl

SAT = dt.date(2026, 3, 14)  # a Saturday


@pytest.mark.parametrize("lang, text, past, expected", [
    ("ru", "Взрыв произошел 12 марта на заводе.", None, "2026-03-12"),
    ("ru", "В пятницу в городе прошли похороны.", True, "2026-03-13"),
    ("ru", "Вчера спасатели продолжили поиски.", None, "2026-03-13"),
    ("uk", "У суботу, 14 березня, відбулося прощання.", None, "2026-03-14"),
    ("uk", "У понеділок рятувальники відновлять пошуки.", None, "2026-03-16"),
    ("ar", "وقع الانفجار يوم الخميس في المدينة.", None, "2026-03-12"),
    ("ar", "وبدأت العملية في 2 آذار/مارس.", None, "2026-03-02"),
    ("ar", "وتستأنف عمليات البحث صباح الأحد.", None, "2026-03-15"),
])
def test_dates_resolve_against_publication(lang, text, past, expected):
    [d] = dates_intl.find(text, lang, SAT, past=past)
    assert d.date.isoformat() == expected


def test_a_past_tense_clause_keeps_a_weekday_before_publication():
    [d] = dates_intl.find("У понеділок ракета влучила в будинок.", "uk", SAT, past=True)
    assert d.date.isoformat() == "2026-03-09"
