"""Event dates by tense and frame, with how closely each is known (issue 17).

A weekday that is the publication day is that day (unless "next"); past tense looks back;
a month with no year is the most recent one unless the clause is about the future; "last
week", "over the weekend", "in April 2023", "earlier this month", "last month", "in October",
"four days after ..." give a week, month or year (its first day, with a precision) instead of
being dropped or pinned to the publication day.

Sentences written for these tests; every story is read as published on Monday 7 December 2026.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.extract import extract_source
from briefgen.i18n import Formatters, parse_locale

from .conftest import make_source

PUBLISHED = dt.date(2026, 12, 7)  # a Monday


def _events(text: str) -> set[tuple[str, str, str]]:
    facts = extract_source(make_source("Report from the region\n\n" + text, published=PUBLISHED))
    return {(str(e.date), e.precision, e.status) for e in facts.events}


@pytest.mark.parametrize("text,date,precision,status", [
    # weeks: a week's Monday; a weekend's Saturday, known to its week
    ("Heavy rains flooded the valley last week, officials in the district said.", "2026-11-30", "week", "past"),
    ("The river burst its banks over the weekend and destroyed dozens of homes.", "2026-12-05", "week", "past"),
    ("Engineers inspected the cracked dam earlier this week and ordered repairs.", "2026-12-07", "week", "past"),
    # months: the month's first day
    ("Aid workers reached the mountain village earlier this month after the roads reopened.",
     "2026-12-01", "month", "past"),
    ("The government declared a state of emergency last month after the dam collapsed.",
     "2026-11-01", "month", "past"),
    ("The militia seized the border town in April 2023 after a long siege.", "2023-04-01", "month", "past"),
    # a month with no year: the most recent one, or the coming one when the clause looks ahead
    ("Soldiers killed twelve villagers in October in the northern province.", "2026-10-01", "month", "past"),
    ("The electoral board will hold fresh elections in October across the country.",
     "2027-10-01", "month", "scheduled"),
    # years
    ("Rescue teams recovered the bodies of five miners last year in the eastern hills.",
     "2025-01-01", "year", "past"),
    ("Police arrested three men in 2011 over the killings in the village.", "2011-01-01", "year", "past"),
    # counted from now: the main clause is in the present
    ("Four days after the cyclone made landfall, thousands of survivors are still waiting for food.",
     "2026-12-03", "day", "past"),
    # weekdays: the publication day itself, unless "next"
    ("Officials said the flood victims met the governor on Monday in the capital.", "2026-12-07", "day", "past"),
    ("The delegation will meet rebel leaders next Monday in the capital city.", "2026-12-14", "day", "scheduled"),
    ("The convoy was attacked on Saturday near the river crossing, the army said.", "2026-12-05", "day", "past"),
])
def test_event_date_and_precision_follow_tense_and_frame(text: str, date: str, precision: str, status: str) -> None:
    assert (date, precision, status) in _events(text)


def test_a_possessive_year_names_the_floods_not_the_clause() -> None:
    events = _events("Survivors of last year's floods protested outside the ministry on Monday.")
    assert events == {("2026-12-07", "day", "past")}


def test_a_month_that_is_a_first_name_gives_no_date() -> None:
    events = _events("April Smith said the water rose quickly on Monday after the storm.")
    assert events == {("2026-12-07", "day", "past")}


def test_since_a_year_is_the_edge_of_a_span_not_an_event() -> None:
    events = _events("Rebel fighters have held the mountain town since 2011 and seized its airport last month.")
    assert events == {("2026-11-01", "month", "past")}


def test_counting_days_after_an_event_told_in_the_past_gives_no_date() -> None:
    # "two days after the quake, rescuers pulled ...": the quake's day is not known from now
    events = _events("Two days after the quake in October, rescuers pulled a girl from the rubble of her home.")
    assert events == {("2026-10-01", "month", "past")}


def test_a_dateline_run_into_the_lead_is_not_the_events_day() -> None:
    text = ("Relief agencies warn of hunger after the cyclone Port Mirel 7 December —Five days after the "
            "cyclone made landfall on the coast, thousands of families are still without clean water.")
    assert _events(text) == {("2026-12-02", "day", "past")}


def test_a_forecast_beyond_the_nearest_words_makes_tomorrow_expected() -> None:
    text = ("The national weather service has forecast cloudy skies with heavy showers and strong gusts "
            "over several of the coastal districts in the region tomorrow.")
    assert ("2026-12-08", "day", "expected") in _events(text)


def test_schema_lists_the_event_date_precision() -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    precision = schema["$defs"]["Event"]["properties"]["precision"]
    assert precision["enum"] == ["day", "week", "month", "year"] and precision["default"] == "day"


@pytest.mark.parametrize("tag,precision,day,long", [
    ("en", "month", "October 2026", "October 2026"),
    ("fr", "month", "octobre 2026", "octobre 2026"),
    ("en", "year", "2026", "2026"),
    ("en", "week", "Oct 5 – 11", "Oct 5 – 11, 2026"),
    ("en", "day", "Oct 7", "October 7, 2026"),
])
def test_dates_print_as_closely_as_they_are_known(tag: str, precision: str, day: str, long: str) -> None:
    spec = parse_locale(tag)
    fmt = Formatters(spec.locale, spec.digits)
    plain = lambda text: " ".join(text.replace("\u2009", " ").replace("\u00a0", " ").split())  # noqa: E731
    assert plain(fmt.format_day(dt.date(2026, 10, 7), precision)) == day
    assert plain(fmt.format_date(dt.date(2026, 10, 7), "long", precision)) == long


def test_a_year_in_an_aside_about_a_noun_does_not_date_the_event() -> None:
    text = "The old Verin barrage, a concrete wall finished in 1979, burst on Saturday after days of rain."
    assert _events(text) == {("2026-12-05", "day", "past")}


@pytest.mark.parametrize(("text", "expected"), [
    ("This year, floods across the valley have killed 40 people.", None),
    ("Last month, landslides in the hills displaced 300 families.", None),
    ("On Saturday, floods across the valley killed 40 people.", "2026-12-05"),
])
def test_only_a_day_dates_a_figure(text, expected):
    """A figure has no precision field: "this year" or "last month" must not pin it to the
    stretch's first day (it would read as a newer count than the story's own)."""
    facts = extract_source(make_source("Report from the region\n\n" + text, published=PUBLISHED))
    assert facts.figures and {str(f.date) if f.date else None for f in facts.figures} == {expected}
