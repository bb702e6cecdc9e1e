"""Golden cases per rule (fixtures/*.txt): a text in, the expected facts out, must-nots included."""
from __future__ import annotations

import pytest

from briefgen.extract import extract_source

from .conftest import FIXTURES, make_source, read_fixture_file


def _cases(name: str):
    return [pytest.param(inp, exp, id=f"{name}:{line}:{title}") for line, title, inp, exp
            in read_fixture_file(FIXTURES / f"{name}.txt")]


def _figure_line(f) -> str:
    subs = " ".join(f"[{s.value} {s.group}]" for s in f.subsets)
    return f"{f.value} {f.category} {f.group or '-'} {'approx' if f.approx else 'exact'}" + (f" {subs}" if subs else "")


@pytest.mark.parametrize("text,expected", _cases("figures"))
def test_figures(text: str, expected: str) -> None:
    facts = extract_source(make_source(text))
    assert [_figure_line(f) for f in facts.figures] == expected.splitlines()
    for f in facts.figures:  # grounding: the cited span holds the figure's words
        c = f.citations[0]
        assert text[c.start:c.end] == f.text


@pytest.mark.parametrize("text,expected", _cases("people"))
def test_people(text: str, expected: str) -> None:
    facts = extract_source(make_source(text))
    assert [f"{p.name} | {p.role or '-'}" for p in facts.people] == expected.splitlines()


@pytest.mark.parametrize("text,expected", _cases("quotes"))
def test_quotes(text: str, expected: str) -> None:
    facts = extract_source(make_source(text))
    got = [(q.speaker or "-", q.text) for q in facts.quotes]
    want = [tuple(line.split(" | ", 1)) for line in expected.splitlines()]
    assert len(got) == len(want), got
    for (speaker, quote), (w_speaker, w_start) in zip(got, want):
        assert speaker == w_speaker and quote.startswith(w_start), (speaker, quote)
    for q in facts.quotes:
        c = q.citations[0]
        assert text[c.start:c.end] == q.text


@pytest.mark.parametrize("text,expected", _cases("events"))
def test_events(text: str, expected: str) -> None:
    facts = extract_source(make_source(text))
    assert [f"{e.date} {e.status}" for e in facts.events] == expected.splitlines()


@pytest.mark.parametrize("text,expected", _cases("names"))
def test_orgs_and_places(text: str, expected: str) -> None:
    facts = extract_source(make_source(text))
    got = {f"org {o.name}" + (f" [{', '.join(o.aliases)}]" if o.aliases else "") for o in facts.organizations}
    got |= {f"place {p.name}" + (f" {p.country}" if p.country else "") for p in facts.places}
    got |= {f"place {p.name}" for p in facts.places}
    for line in expected.splitlines():
        assert line in got, (line, sorted(got))


@pytest.mark.parametrize("text,expected", _cases("descriptions"))
def test_event_descriptions(text: str, expected: str) -> None:
    facts = extract_source(make_source(text))
    assert [f"{e.date} {e.description}" for e in facts.events] == expected.splitlines()
    for e in facts.events:  # the description is a paraphrase; the text stays the source's words
        c = e.citations[0]
        assert text[c.start:c.end] == e.text
