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
