#!/usr/bin/env python3
"""Score briefgen.extract on the shared gold corpora (seed + dev) without the CLI.

    .venv/bin/python benchmarks/score_extract.py [--verbose] [--json]

Builds a `Source` from each corpus .txt the way ingest will (dev: line 1 headline, line 2
"Outlet | date"; seed: body after the "By VOA News <date>" byline, mailing-list line dropped),
runs `extract_source` and scores with the shared score_facts.score(). Boilerplate checks
belong to ingest and are reported apart. Prints per-article lines and a total.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO.parent / "shared" / "tools"))

from briefgen.extract import extract_source  # noqa: E402
from briefgen.ingest import read_file  # noqa: E402
from briefgen.model import Source  # noqa: E402


def load_source(path: Path) -> Source:
    """The corpus article as a build reads it: the project's own ingest, chrome removed."""
    sources, _ = read_file(path)
    return sources[0]


def articles() -> list[tuple[Path, Path]]:
    out = []
    for folder in ("seed", "dev"):
        for gold in sorted((CORPUS / folder).glob("*.gold.json")):
            out.append((gold.with_name(gold.name.replace(".gold.json", ".txt")), gold))
    return out


def score_all(verbose: bool = False) -> dict:
    from score_facts import score

    results = []
    for txt, gold_path in articles():
        source = load_source(txt)
        t0 = time.perf_counter()
        facts = extract_source(source)
        elapsed = time.perf_counter() - t0
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found, missed, wrong, total = score(json.loads(facts.model_dump_json()), gold)
        ingest = [w for w in wrong if w.startswith("boilerplate")]
        wrong = [w for w in wrong if not w.startswith("boilerplate")]
        results.append({"article": txt.name, "found": len(found), "total": total, "wrong": len(wrong),
                        "missed_items": missed, "wrong_items": wrong, "ingest_items": ingest, "seconds": elapsed})
    return {"found": sum(r["found"] for r in results), "total": sum(r["total"] for r in results),
            "wrong": sum(r["wrong"] for r in results), "per_article": results}


def main(argv: list[str]) -> int:
    summary = score_all()
    if "--json" in argv:
        print(json.dumps(summary, indent=1))
        return 0
    for r in summary["per_article"]:
        print(f"{r['article']}: {r['found']}/{r['total']} found, {r['wrong']} wrong  ({r['seconds']:.2f}s)")
        if "--verbose" in argv:
            for line in r["missed_items"]:
                print("   MISSED ", line)
            for line in r["wrong_items"]:
                print("   WRONG  ", line)
            for line in r["ingest_items"]:
                print("   (ingest)", line)
    print(f"total: {summary['found']}/{summary['total']} found, {summary['wrong']} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
