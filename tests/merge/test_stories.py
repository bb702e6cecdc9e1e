"""Many sources, one truth: syndicated copies, a disputed toll and an update, end to end."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.config import Settings
from briefgen.pipeline import extract_facts, render_facts

from ..conftest import SEED, SHARED_REASON, needs_shared
from .corpora import UPDATE, html_copy, seed_body, toll_variant, wire_copy

pytestmark = needs_shared


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    if not SEED.exists():
        pytest.skip(SHARED_REASON)
    root = tmp_path_factory.mktemp("merge")
    body = seed_body(SEED)
    (root / "copies").mkdir()
    (root / "copies" / "a-seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "copies" / "b-wire.txt").write_text(wire_copy(body), encoding="utf-8")
    (root / "copies" / "c-courier.html").write_text(html_copy(body), encoding="utf-8")
    (root / "variant.txt").write_text(toll_variant(body), encoding="utf-8")
    (root / "update.txt").write_text(UPDATE, encoding="utf-8")
    return root


def killed_east(facts):
    return next(f for f in facts.figures if f.category == "killed" and (f.place or "").endswith("east Aleppo"))


def test_syndicated_copies_are_one_story_and_every_figure_has_agreement_3(corpus):
    facts = extract_facts([corpus / "copies"], Settings())
    assert len(facts.sources) == 3
    stories = {s.story or s.id for s in facts.sources}
    assert len(stories) == 1
    assert {s.outlet for s in facts.sources} == {"VOA News", "Global Wire Service", "The Daily Courier"}
    assert facts.figures and all(f.agreement == 3 and f.independent == 1 for f in facts.figures)
    assert all(not f.disputed for f in facts.figures)
    figure = killed_east(facts)
    assert figure.value == 369 and {c.source for c in figure.citations} == {s.id for s in facts.sources}


def test_a_different_toll_is_disputed_with_both_values_and_sources(corpus, tmp_path):
    facts = extract_facts([corpus / "copies", corpus / "variant.txt"], Settings())
    figure = killed_east(facts)
    assert figure.disputed
    claims = {c.value: c for c in figure.claims}
    assert set(claims) == {369, 412}
    variant_id = next(s.id for s in facts.sources if s.path.endswith("variant.txt"))
    assert claims[412].sources == [variant_id] and len(claims[369].sources) == 3
    render_facts(facts, [tmp_path / "b.html"], Settings())
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    dispute = html[html.index('class="disputed"'):]
    assert "369" in dispute and "412" in dispute


def test_an_update_a_day_later_is_marked_newest(corpus, tmp_path):
    facts = extract_facts([corpus / "copies", corpus / "update.txt"], Settings())
    figure = killed_east(facts)
    assert figure.disputed and figure.value == 415  # the head of a dispute is the newest report
    newest = [c for c in figure.claims if c.newest]
    assert [c.value for c in newest] == [415]
    render_facts(facts, [tmp_path / "b.html"], Settings())
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "latest report" in html


def test_outlet_tiers_from_briefgen_toml_pick_the_value_shown(corpus, tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    for path in (corpus / "copies").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "variant.txt").write_bytes((corpus / "variant.txt").read_bytes())
    assert killed_east(extract_facts([folder], Settings())).value == 369  # same day: most sources
    (folder / "briefgen.toml").write_text('[outlets]\n"Levant Times" = 1\n"VOA News" = 3\n', encoding="utf-8")
    facts = extract_facts([folder], Settings())
    assert {s.outlet: s.tier for s in facts.sources}["Levant Times"] == 1
    assert killed_east(facts).value == 412 and killed_east(facts).disputed


def test_a_broken_briefgen_toml_names_file_and_line(corpus, tmp_path):
    from briefgen.errors import ConfigError

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_bytes((corpus / "update.txt").read_bytes())
    (folder / "briefgen.toml").write_text('[outlets]\n"VOA News" = \n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"briefgen.toml:2"):
        extract_facts([folder], Settings())
