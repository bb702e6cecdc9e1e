"""The page of each seed and dev article, scored through brief.json: a ratchet on the gold's
`brief` blocks (title place, what happened, the lead figure, figures shown, context figures that
must never lead, words that are never a speaker).

Raise FOUND and lower WRONG when the page gets better; never the other way. Only the brief
block's own checks are counted here (the facts have their ratchet in tests/extract/test_corpus.py).
"""
from __future__ import annotations

import json
import sys

import pytest

from briefgen.compose import compose
from briefgen.extract import extract_source
from briefgen.merge import resolve
from briefgen.render import render_locales

from ..conftest import SHARED, needs_shared
from ..extract.conftest import corpus_source

pytestmark = [needs_shared, pytest.mark.slow]

FOUND = 141  # measured 141 brief checks found on seed + dev (2026-12-07, later: one victim counted by its
             # article, so d12 leads with its 1 killed; 139: the title place's count leads its
             # category, d23; 138: fighting that leads with the
             # displaced is titled "armed clashes and displacement", d14; 137: an exact count stands for
             # the rounded or vague words it says more precisely, d01 and d07). 135 before (a count in a relative clause keeps no
             # main-clause date, so d07 leads with the toll again; counts in brackets and '500,000 people in
             # 23 provinces have been affected' reach the page). 132 when the headline's number came to lead
             # its category (issue 16). Before: 129; 123 before issue 17. It was 124 until ingest
             # dropped press-contact lines: d29's "displacement" title came from "Norwegian Refugee
             # Council" in a contact line, a lucky hit, not a reading of the story.
WRONG = 1    # measured 1 context figure shown as a key figure (d06's 11 released, another place's raid;
             # 2 until a sentence going on with last month's report ('It said ...') was another time;
             # 4 before issue 16: a whole region's total
             # and a crisis total over a year are context; 5 before a list item dated a month before
             # publication was another time)

BRIEF_CHECKS = ("brief title", "first key figure", "no key figures", "key figure ")


def _articles():
    for folder in ("seed", "dev"):
        for gold in sorted((SHARED / "corpus" / folder).glob("*.gold.json")):
            yield gold.with_name(gold.name.replace(".gold.json", ".txt")), gold


def brief_of(path) -> dict:
    facts = resolve(extract_source(corpus_source(path)))
    result = render_locales(compose(facts), locales=["en"], formats=["json"])[0]
    return json.loads(result.outputs["json"])


def test_brief_ratchet():
    sys.path.insert(0, str(SHARED / "tools"))
    from score_facts import score_brief

    found = wrong = 0
    report = []
    for txt, gold_path in _articles():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not gold.get("brief"):
            continue
        hits, misses, wrongs = [], [], []
        score_brief(brief_of(txt), gold["brief"], lambda ok, label: (hits if ok else misses).append(label), wrongs)
        found += len(hits)
        wrong += len(wrongs)
        report += [f"{txt.name}: MISSED {m}" for m in misses] + [f"{txt.name}: WRONG {w}" for w in wrongs]
    print(f"brief blocks: {found} found, {wrong} wrong")
    assert wrong <= WRONG, report
    assert found >= FOUND, report
