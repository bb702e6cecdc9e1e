"""Event dates by tense: a year-less month-day in a plainly past clause is the most recent past
one, not next year's; a plan or a present-tense fixture keeps the coming one.

Sentences written for these tests; every story is read as published on 15 February 2018.
"""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract import extract_source

from .conftest import make_source

PUBLISHED = dt.date(2018, 2, 15)


def _events(text: str) -> set[tuple[str, str]]:
    facts = extract_source(make_source("Report from the region\n\n" + text, published=PUBLISHED))
    return {(str(e.date), e.status) for e in facts.events}


@pytest.mark.parametrize("text,date,status", [
    # plainly past: last year's month-day
    ("On May 31, at least 150 people were killed when a truck bomb exploded near the embassies.", "2017-05-31", "past"),
    ("A ferry sank off the coast on June 3, and rescuers found 40 survivors in the water.", "2017-06-03", "past"),
    ("The first cases were reported in the port city on 12 April, health officials said.", "2017-04-12", "past"),
    ("Fighting broke out in the northern valley on March 8 after talks collapsed.", "2017-03-08", "past"),
    ("The river burst its banks on July 19 and flooded three districts.", "2017-07-19", "past"),
    # before publication: this year's, whatever the tense
    ("The storm struck the islands on February 2, flattening hundreds of homes.", "2018-02-02", "past"),
    ("Rescue teams reached the village on January 28 after the road was cleared.", "2018-01-28", "past"),
    # still to come: the coming month-day
    ("The football championships, which the country is co-hosting, kick off on June 8.", "2018-06-08", "scheduled"),
    ("The nation prepares to host the summer games starting August 8.", "2018-08-08", "scheduled"),
    ("Donors will meet in Geneva on March 20 to discuss the appeal.", "2018-03-20", "scheduled"),
    ("The vote is scheduled for April 22 in all provinces.", "2018-04-22", "scheduled"),
    ("Forecasters expect the rains to return around May 10 across the south.", "2018-05-10", "expected"),
    # with a year: the year given
    ("The bridge collapsed on May 31, 2016, killing nine people on the deck.", "2016-05-31", "past"),
    ("Elections are due to be held on June 30, 2018, the commission said.", "2018-06-30", "scheduled"),
    # a past verb in another clause does not make a fixture past
    ("The minister visited the new stadium, which opens on June 14 in the capital.", "2018-06-14", "scheduled"),
])
def test_month_day_follows_its_clause(text: str, date: str, status: str) -> None:
    assert (date, status) in _events(text)


@pytest.mark.parametrize("text,description", [
    # datelines never open an event's description: two cities, a mixed-case place before a long dash
    ("BEIRUT/THE HAGUE, March 7 (Reuters) - Gunmen attacked a convoy on Tuesday, killing four people.",
     "Gunmen attacked a convoy"),
    ("Orvana, Sarvona (NWS) -- Floods swept through the valley on Tuesday.", "Floods swept through the valley"),
    # trap: names and an aside between dashes in a sentence are the sentence's own
    ("Ana Berg, Tom Lind - both engineers - inspected the dam on Tuesday.",
     "Ana Berg, Tom Lind - both engineers - inspected the dam"),
])
def test_event_description_without_dateline(text: str, description: str) -> None:
    assert [e.description for e in extract_source(make_source(text)).events] == [description]
