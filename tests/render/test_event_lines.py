"""A typed event from a source in another language than the brief's is said in the brief's
language (generated through the catalogs); an untyped one keeps its clause, verbatim and marked
with its language; in the brief's own language the clause stays. Article written for these tests."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from briefgen.compose import compose
from briefgen.compose.cite import Citer
from briefgen.compose.events import timeline
from briefgen.extract import extract_source
from briefgen.merge import resolve
from briefgen.model import Citation, Event, Facts, Source
from briefgen.render import prepare
from briefgen.render.brief_json import brief_json

ARTICLE = """Quake hits Nepal's west

KATHMANDU — A strong earthquake struck Pokhara on Sunday, officials said.

The International Committee of the Red Cross appealed on Monday for help for the families.

Rescue teams dug through the rubble of the old market on Monday night.

Shopkeepers counted their losses on Tuesday as the roads reopened.
"""
TYPED_CLAUSES = ("A strong earthquake struck Pokhara", "appealed for help")
UNTYPED_CLAUSE = "Shopkeepers counted their losses"


@pytest.fixture(scope="module")
def brief():
    source = Source(id="np1", path="np1.txt", text=ARTICLE, published=dt.date(2026, 3, 4), outlet="Wire", language="en")
    facts = resolve(Facts.model_validate(extract_source(source).model_dump()))
    return compose(facts)


def _lines(page: str, section: str = "what-happened") -> list[str]:
    block = re.search(rf'<section class="{section}">(.*?)</section>', page, re.S)
    assert block, f"no {section} section"
    return re.findall(r'<span class="what"[^>]*>(.*?)<sup', block.group(1), re.S)


def _page(brief, lang: str) -> str:
    renderer = prepare("default")
    return renderer.bare_html(brief, renderer.localize(lang))


def test_a_french_brief_of_an_english_source_says_typed_events_in_french(brief):
    assert {e.kind for e in brief.timeline} >= {"earthquake", "appeal"}
    lines = _lines(_page(brief, "fr"))
    assert "Séisme à <bdi lang=\"en\" dir=\"ltr\">Pokhara</bdi>" in lines
    assert ('<bdi lang="en" dir="ltr">International Committee of the Red Cross</bdi>\xa0: appel') in lines
    assert not any(clause in line for clause in TYPED_CLAUSES for line in lines)   # no English clause


def test_an_untyped_event_keeps_its_clause_verbatim_with_its_language_tag(brief):
    [line] = [line for line in _lines(_page(brief, "fr")) if UNTYPED_CLAUSE in line]
    assert line.startswith(f'<bdi lang="en" dir="ltr">{UNTYPED_CLAUSE}')
    assert '<abbr class="lang-tag" title="anglais">(EN)</abbr>' in line


def test_in_the_brief_language_the_clause_stays(brief):
    lines = _lines(_page(brief, "en"))
    assert any(TYPED_CLAUSES[0] in line for line in lines)
    assert not any(line.startswith("Earthquake") for line in lines)


@pytest.mark.parametrize("lang, expected", [
    ("es", "Terremoto en"), ("de", "Erdbeben in"), ("pt", "Terremoto em"), ("ru", "Землетрясение в"),
    ("uk", "Землетрус у"), ("ar", "زلزال في"),
])
def test_every_shipped_language_generates_the_line(brief, lang, expected):
    assert any(line.startswith(expected) for line in _lines(_page(brief, lang)))


def test_brief_json_events_carry_their_kind_and_the_line_the_page_shows(brief):
    renderer = prepare("default")
    data = json.loads(brief_json(brief, renderer.localize("fr")))
    by_kind = {e["kind"]: e for e in data["events"]}
    assert by_kind["earthquake"]["text"] == "Séisme à Pokhara"
    assert by_kind["earthquake"]["place"] == "Pokhara"
    assert by_kind["earthquake"]["description"].startswith("A strong earthquake struck Pokhara")
    assert by_kind[None]["text"].startswith(UNTYPED_CLAUSE)


def test_one_typed_event_told_twice_on_a_day_is_one_line():
    text = "Strikes hit Aleppo. More strikes hit Aleppo. A strike was reported. Talks began."
    source = Source(id="s1", path="s1.txt", text=text, language="ar")
    day = dt.date(2026, 3, 1)

    def event(description: str, start: int, end: int, **slots) -> Event:
        return Event(date=day, description=description, citations=[Citation(source="s1", start=start, end=end)],
                     **slots)

    facts = Facts(sources=[source], events=[
        event("Strikes hit Aleppo", 0, 19, kind="air_strike", place="Aleppo"),
        event("More strikes hit Aleppo", 20, 44, kind="air_strike", place="Aleppo"),
        event("A strike was reported", 45, 66, kind="air_strike"),
        event("Talks began", 67, 79, kind="talks")])
    lines = timeline(facts, Citer(facts))
    assert [(e.kind, e.place) for e in lines] == [("air_strike", "Aleppo"), ("talks", None)]
