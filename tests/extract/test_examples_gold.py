"""The four example articles (examples/sources/) scored against hand-reviewed golds: a ratchet.

The golds (golden/examples/*.gold.json) use the shared corpus format and are read with the
shared scorer, so they say what a careful analyst reads, not what the extractor happens to
give. Sources are built by ingest, as `briefgen extract` builds them. Raise FOUND when the
extractor gets better; WRONG stays 0.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from briefgen.extract import extract_source
from briefgen.ingest import read_file

from ..conftest import SHARED_REASON, needs_shared
from .conftest import TOOLS

EXAMPLES = Path(__file__).parents[2] / "examples" / "sources"
GOLDEN = Path(__file__).parent / "golden" / "examples"
FOUND = 138  # measured 138/138 on the four examples
WRONG = 0


@pytest.fixture(scope="module")
def score():
    path = TOOLS / "score_facts.py"
    if not path.exists():
        pytest.skip(SHARED_REASON)
    spec = importlib.util.spec_from_file_location("score_facts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def _pairs() -> list[tuple[Path, Path]]:
    out = []
    for gold in sorted(GOLDEN.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        (source,) = [p for p in EXAMPLES.iterdir() if p.stem == name]
        out.append((source, gold))
    return out


def test_every_example_has_a_gold() -> None:
    assert [s.name for s, _ in _pairs()] == sorted(p.name for p in EXAMPLES.iterdir())


@needs_shared
def test_examples_ratchet(score) -> None:
    found = wrong = 0
    report = []
    for path, gold_path in _pairs():
        (source,), _warnings = read_file(path, 10**8)
        facts = json.loads(extract_source(source).model_dump_json())
        f, missed, w, _total = score(facts, json.loads(gold_path.read_text(encoding="utf-8")))
        found += len(f)
        wrong += len(w)
        report += [f"{path.name}: MISSED {m}" for m in missed] + [f"{path.name}: WRONG {x}" for x in w]
    assert wrong <= WRONG, report
    assert found >= FOUND, report
    print(f"examples: {found} found, {wrong} wrong")
