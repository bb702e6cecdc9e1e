"""The shared gold corpora (seed + dev) scored with the shared scorer: a ratchet.

Raise FOUND and lower WRONG when the extractor gets better; never the other way
(precision beats recall). Re-measured on 2026-12-07 when the dev corpus grew to 32
articles and the scorer started counting a quote credited to the wrong speaker as wrong.
Boilerplate checks belong to ingest and are not counted here.
"""
from __future__ import annotations

import json
import sys

import pytest

from briefgen.extract import extract_source

from ..conftest import SHARED_REASON, needs_shared
from .conftest import CORPUS, TOOLS, corpus_source

pytestmark = needs_shared

FOUND = 788  # measured 788/815 on seed + dev (33 articles), 2026-12-07 (later: one victim counted by its article,
             # "killed a Reuters reporter", d12; 787 before: issues 16/17: organisations by context, places
            # beyond the gazetteer's spelling, counts in brackets); 749 before
WRONG = 0  # measured 0; only ever lowered


def _articles():
    out = []
    for folder in ("seed", "dev"):
        for gold in sorted((CORPUS / folder).glob("*.gold.json")):
            out.append((gold.with_name(gold.name.replace(".gold.json", ".txt")), gold))
    return out


@pytest.fixture(scope="module")
def score():
    if not (CORPUS / "seed").is_dir() or not (TOOLS / "score_facts.py").exists():
        pytest.skip(SHARED_REASON)
    sys.path.insert(0, str(TOOLS.resolve()))
    from score_facts import score as _score
    return _score


def test_corpus_ratchet(score) -> None:
    found = wrong = 0
    report = []
    for txt, gold_path in _articles():
        facts = json.loads(extract_source(corpus_source(txt)).model_dump_json())
        f, missed, w, _total = score(facts, json.loads(gold_path.read_text(encoding="utf-8")))
        w = [x for x in w if not x.startswith("boilerplate")]
        found += len(f)
        wrong += len(w)
        report += [f"{txt.name}: MISSED {m}" for m in missed if not m.startswith(("source ", "published"))]
        report += [f"{txt.name}: WRONG {x}" for x in w]
    assert wrong <= WRONG, report
    assert found >= FOUND, report
