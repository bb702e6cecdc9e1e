"""Merging per-source facts: copies folded, entities unified, differing figures never averaged."""
from __future__ import annotations

from briefgen.merge import merge
from briefgen.model import Citation, Facts, Figure, Person, Source


def part(source_id: str, text: str, *, role: str | None = None, value: int = 369) -> Facts:
    cite = Citation(source=source_id, start=0, end=3)
    return Facts(
        sources=[Source(id=source_id, path=f"{source_id}.txt", text=text)],
        people=[Person(name="John Kerry", role=role, citations=[cite])],
        figures=[Figure(value=value, text=str(value), category="killed", group="civilians", citations=[cite])],
    )


def test_identical_source_counted_once():
    merged = merge([part("s1", "same text"), part("s1", "same text")])
    assert len(merged.sources) == 1 and len(merged.figures) == 1


def test_people_unified_with_all_citations_and_best_role():
    merged = merge([part("s1", "a"), part("s2", "b", role="Secretary of State")])
    assert len(merged.people) == 1
    assert merged.people[0].role == "Secretary of State"
    assert {c.source for c in merged.people[0].citations} == {"s1", "s2"}


def test_different_values_become_one_disputed_figure_never_averaged():
    merged = merge([part("s1", "a"), part("s2", "b"), part("s3", "c", value=400)])
    assert len(merged.figures) == 1
    fig = merged.figures[0]
    assert fig.disputed
    assert {c.value: c.sources for c in fig.claims} == {369: ["s1", "s2"], 400: ["s3"]}
    assert fig.value in (369, 400)


def test_merge_is_idempotent():
    once = merge([part("s1", "a"), part("s2", "b"), part("s3", "c", value=400)])
    twice = merge([once])
    assert twice.model_dump() == once.model_dump()


def test_one_person_from_surname_full_name_and_title():
    from briefgen.model import Quote

    cites = [Citation(source=f"s{i}", start=0, end=3) for i in range(3)]
    parts = [Facts(sources=[Source(id=f"s{i}", path=f"{i}.txt", text=f"text {i}")]) for i in range(3)]
    parts[0].people = [Person(name="Kerry", citations=[cites[0]])]
    parts[0].quotes = [Quote(text="we're working on something here", speaker="Kerry", citations=[cites[0]])]
    parts[1].people = [Person(name="John Kerry", role="Secretary of State", citations=[cites[1]])]
    parts[2].people = [Person(name="John Kerry", role="U.S. Secretary of State", citations=[cites[2]])]
    merged = merge(parts)
    assert [(p.name, p.role) for p in merged.people] == [("John Kerry", "U.S. Secretary of State")]
    assert "Kerry" in merged.people[0].aliases and len(merged.people[0].citations) == 3
    assert merged.quotes[0].speaker == "John Kerry"


def test_acronym_and_full_name_are_one_organization_and_places_unify():
    from briefgen.model import Organization, Place

    a = Facts(sources=[Source(id="a", path="a", text="a")],
              organizations=[Organization(name="ICRC")], places=[Place(name="Alep\u0301po")])
    b = Facts(sources=[Source(id="b", path="b", text="b")],
              organizations=[Organization(name="International Committee of the Red Cross", aliases=["ICRC"])],
              places=[Place(name="aleppo", country="SY")])
    merged = merge([a, b])
    assert [(o.name, o.aliases) for o in merged.organizations] == [
        ("International Committee of the Red Cross", ["ICRC"])]
    assert len(merged.places) == 1 and merged.places[0].country == "SY"


def test_timeline_across_sources_folds_the_same_event_and_orders_by_date():
    import datetime as dt

    from briefgen.model import Event

    def part(sid, events):
        return Facts(sources=[Source(id=sid, path=sid, text=sid)], events=events)

    cite = lambda sid: [Citation(source=sid, start=0, end=1)]  # noqa: E731
    merged = merge([
        part("a", [Event(date=dt.date(2026, 3, 4), description="The IFRC launched an emergency appeal",
                         citations=cite("a")),
                   Event(date=dt.date(2026, 3, 2), description="The Korva Dam failed", citations=cite("a"))]),
        part("b", [Event(date=dt.date(2026, 3, 2), description="Korva Dam failed late", citations=cite("b"))]),
    ])
    assert [(e.date.day, e.agreement) for e in merged.events] == [(2, 2), (4, 1)]


def test_a_place_spelled_two_ways_keeps_the_spelling_used_most():
    from briefgen.merge.entities import merge_places
    from briefgen.model import Place

    def cites(n: int) -> list[Citation]:
        return [Citation(source="s1", start=i * 10, end=i * 10 + 5) for i in range(n)]

    merged = merge_places([Place(name="Medellin", citations=cites(1)), Place(name="Medellín", citations=cites(3))])
    assert [p.name for p in merged] == ["Medellín"]
    tie = merge_places([Place(name="Medellin", citations=cites(2)), Place(name="Medellín", citations=cites(2))],
                       titles=["Floods reach Medellín"])
    assert [p.name for p in tie] == ["Medellín"]
