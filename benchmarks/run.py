#!/usr/bin/env python3
"""Every speed and memory figure of briefgen in one table.

    python benchmarks/run.py [--quick] [--json FILE]

Runs each benchmark of this folder in turn (each also runs alone, with more options):
  build.py          cold `briefgen build` of the seed vs a bare WeasyPrint process on the same HTML
  serve.py          warm rebuild in `briefgen serve` after a template and a source edit
  locales.py        one build in 5 languages vs one language
  extract.py        extraction articles/s/core (generated variants, single process)
  merge.py          merge time at 1k and 10k articles
  corpus_build.py   10,000 generated articles: cold build, unchanged rebuild, peak RSS
and prints one line per figure with its goal. `--quick` uses smaller runs (for a smoke test:
the figures are then not the ones the goals are about). Nothing is asserted: a benchmark prints.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build  # noqa: E402
import common  # noqa: E402
import corpus_build  # noqa: E402
import extract  # noqa: E402
import locales  # noqa: E402
import merge  # noqa: E402
import serve  # noqa: E402


EXAMPLE = common.REPO / "examples" / "sources" / "01-wire-valdera.txt"


def one_article() -> tuple[Path, str]:
    """(article, its name in the table): the seed of ../shared, else in a clone without it an
    article of examples/ (the figures are then not the ones the goals were set on)."""
    if common.SEED.is_file():
        return common.SEED, "the seed"
    print(f"note: {common.SEED.parent.parent.parent} not found: timing {EXAMPLE.relative_to(common.REPO)} "
          "instead of the seed article", file=sys.stderr)
    return EXAMPLE, "an example article"


def rows(quick: bool) -> list[tuple[str, str, str]]:
    """(figure, measured, goal) for every benchmark, run now."""
    out: list[tuple[str, str, str]] = []
    article, name = one_article()
    b = build.measure(article, runs=3 if quick else 7)
    out.append((f"cold build of {name} (fresh process)", f"{b['build_s']:.2f} s", ""))
    out.append(("  with --no-cache", f"{b['nocache_s']:.2f} s", ""))
    out.append(("  bare WeasyPrint on the same HTML", f"{b['bare_s']:.2f} s", ""))
    out.append(("  ratio build / bare", f"{b['build_s'] / b['bare_s']:.2f}", "<= 1.30"))
    out.append(("  ratio with --no-cache (article read again)", f"{b['nocache_s'] / b['bare_s']:.2f}", ""))
    s = serve.measure(rounds=3 if quick else 5)
    out.append(("serve: template edit, page shown", f"{s['template_s']:.3f} s", "<= 0.2 s"))
    out.append(("serve: template edit, one-page fit checked", f"{s['template_checked_s']:.3f} s", ""))
    out.append(("serve: source edit, page shown", f"{s['source_s']:.3f} s", "<= 0.2 s"))
    out.append(("serve: source edit, one-page fit checked", f"{s['source_checked_s']:.3f} s", ""))
    out.append(("serve: 32-article corpus, layout passes", f"{s['corpus_passes']}", ""))
    loc = locales.measure(article, runs=1 if quick else 3)
    out.append(("5 locales vs 1 (one build)", f"{loc['ratio']:.2f}x", "<= 2.5x"))
    e = extract.measure(n=200 if quick else 1000, repeat=1 if quick else 3)
    out.append(("extraction (1 core)", f"{e['per_core']:.0f} articles/s", ">= 300 (floor 100)"))
    m = merge.measure([1000] if quick else [1000, 10000])
    for size, seconds in m.items():
        out.append((f"merge {size:,} articles", f"{seconds:.2f} s", ""))
    n = 500 if quick else 10000
    c = corpus_build.measure(n, jobs=2)
    out.append((f"{n:,} articles: cold build, --jobs 2", f"{c['cold_s']:.1f} s", "<= 60 s (2 cores)"))
    out.append((f"{n:,} articles: unchanged rebuild", f"{c['unchanged_s']:.1f} s", "<= 3 s"))
    out.append((f"{n:,} articles: peak RSS (process tree)",
                 f"{max(c['cold_rss_mb'], c['unchanged_rss_mb']):.0f} MB", "<= 1024 MB"))
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small runs, for a smoke test")
    ap.add_argument("--json", type=Path, help="also write the table here")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    table = rows(args.quick)
    width = max(len(r[0]) for r in table)
    print(f"\nbriefgen benchmarks ({os.cpu_count()} CPUs, {time.perf_counter() - start:.0f} s)"
          + (" -- QUICK: small runs" if args.quick else ""))
    print(f"{'figure':<{width}}  {'measured':>18}  goal")
    for name, value, goal in table:
        print(f"{name:<{width}}  {value:>18}  {goal}")
    if args.json:
        args.json.write_text(json.dumps([dict(zip(("figure", "measured", "goal"), r)) for r in table], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
