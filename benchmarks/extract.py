#!/usr/bin/env python3
"""Extraction throughput: articles per second per core, single process.

    .venv/bin/python benchmarks/extract.py [--n 1000] [--seed 7] [--repeat 3] [--profile]

The corpus is generated: the four examples (through ingest, as `briefgen extract` reads
them) and the shared seed/dev articles, each turned into variants by shuffling paragraphs
after the first, swapping personal names between articles and scaling numbers, and
re-dating the publication day, so the rules see new text and no cache can help. The one-off
cost of loading the gazetteer and word lists is timed apart (once per process, not per
article). Prints figures only; there is no assertion on time. On a shared machine the CPU
time of one pass can swing by half: `--repeat K` runs the extraction K times and reports
the fastest pass.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from briefgen.model import Source  # noqa: E402
from corpus import corpus  # noqa: E402  (the variants, shared with corpus_build.py)


def warm_up() -> float:
    """Seconds of the one-off load: gazetteer, word lists, a first call."""
    t0 = time.perf_counter()
    from briefgen.extract import extract_source, gazetteer, lexicon
    gazetteer.lookup("Paris")
    for load in (lexicon.roles, lexicon.org_heads, lexicon.demonyms, lexicon.known_orgs, lexicon.regions):
        load()
    extract_source(Source(id="warm", path="warm.txt", text="Warm up, the agency said on Monday."))
    return time.perf_counter() - t0


def measure(n: int = 1000, seed: int = 7, repeat: int = 3) -> dict:
    """Fastest of `repeat` passes over `n` variants: CPU seconds, articles/s/core."""
    from briefgen.extract import extract_source

    load = warm_up()
    docs = corpus(n, seed)
    wall = cpu = float("inf")
    for _ in range(max(1, repeat)):
        w0, c0 = time.perf_counter(), time.process_time()
        facts = [extract_source(d) for d in docs]
        wall, cpu = min(wall, time.perf_counter() - w0), min(cpu, time.process_time() - c0)
    return {"articles": len(docs), "chars": sum(len(d.text) for d in docs), "load_s": load, "wall_s": wall,
            "cpu_s": cpu, "per_core": len(docs) / cpu,
            "facts": sum(len(f.people) + len(f.quotes) + len(f.figures) + len(f.events) for f in facts)}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=1, help="passes over the corpus; the fastest is reported")
    ap.add_argument("--profile", action="store_true", help="print the 15 costliest functions")
    ap.add_argument("--tottime", action="store_true", help="with --profile: sort by own time")
    args = ap.parse_args(argv)
    if args.profile:
        import cProfile
        import pstats

        from briefgen.extract import extract_source
        warm_up()
        docs = corpus(args.n, args.seed)
        prof = cProfile.Profile()
        prof.enable()
        for d in docs:
            extract_source(d)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime" if args.tottime else "cumulative").print_stats(15)
        return 0
    r = measure(args.n, args.seed, args.repeat)
    print(f"articles: {r['articles']} ({r['chars'] / r['articles']:,.0f} chars each on average), facts: {r['facts']}")
    print(f"one-off load (gazetteer, word lists, first call): {r['load_s']:.2f} s")
    print(f"extraction: {r['wall_s']:.2f} s wall, {r['cpu_s']:.2f} s CPU, "
          f"{1000 * r['wall_s'] / r['articles']:.2f} ms/article")
    print(f"throughput: {r['per_core']:.0f} articles/s/core (CPU time, single process; goal >= 300, floor >= 100)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
