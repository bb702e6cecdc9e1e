"""Whole articles in styles the corpora lack (fixtures/articles/*.txt, each with .expect.json):
Reuters-style wire copy, a UN press release, a quote running over three paragraphs.

The articles are written for these tests (fictional places and people); the expectations
were set from the text by hand before the rules were tuned, and check generalisation:
people with roles (and words that are not people), places, organisations, quotes with
speakers, figures with groups and subsets, figures that must not exist, and events with
resolved dates and status (plus dates that would be wrong).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefgen.extract import extract_source

from .conftest import FIXTURES, make_source

ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))


def _facts(path: Path):
    exp = json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8"))
    return extract_source(make_source(path.read_text(encoding="utf-8"), dt.date.fromisoformat(exp["published"]))), exp


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_names(path: Path) -> None:
    facts, exp = _facts(path)
    people = {p.name: p.role or "" for p in facts.people}
    for name, role in exp["people"]:
        assert name in people and role.lower() in people[name].lower(), (name, role, people)
    assert not set(exp["not_people"]) & set(people), people
    places = {p.name for p in facts.places}
    assert set(exp["places"]) <= places, places
    orgs = {o.name for o in facts.organizations}
    assert set(exp["organizations"]) <= orgs, orgs


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_quotes(path: Path) -> None:
    facts, exp = _facts(path)
    got = [(q.speaker, q.text) for q in facts.quotes]
    for speaker, start in exp["quotes"]:
        assert any(s == speaker and t.startswith(start) for s, t in got), (speaker, start, got)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_figures(path: Path) -> None:
    facts, exp = _facts(path)
    got = [(f.value, f.category, f.group, [(s.value, s.group) for s in f.subsets], f.text) for f in facts.figures]
    for value, category, group, subset in exp["figures"]:
        assert any(v == value and c == category and (group is None or g == group)
                   and (subset is None or tuple(subset) in [tuple(s) for s in subs])
                   for v, c, g, subs, _t in got), (value, category, got)
    for text in exp["figures_absent"]:
        assert not any(text.lower() in t.lower() for *_x, t in got), (text, got)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_events(path: Path) -> None:
    facts, exp = _facts(path)
    got = [(str(e.date), e.status, f"{e.description} {e.text}".lower()) for e in facts.events]
    for date, status, keyword in exp["events"]:
        assert any(d == date and s == status and keyword.lower() in words for d, s, words in got), (date, got)
    assert not {d for d, _s, _w in got} & set(exp["dates_absent"]), got
    for e in facts.events:  # a timeline line, not the sentence
        assert len(e.description.split()) <= 20 and "⟦" not in e.description, e.description
