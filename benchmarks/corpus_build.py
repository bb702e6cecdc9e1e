#!/usr/bin/env python3
"""A monitoring team's archive: `briefgen build` of N generated articles, cold and unchanged.

    python benchmarks/corpus_build.py [--n 10000] [--jobs 2]

Writes N variants of the example articles (benchmarks/corpus.py) to a scratch folder, then
  cold       build with an empty facts cache (every file read, extracted, merged, rendered)
  unchanged  the same build again (files hashed, facts from the cache, merged, rendered)
and prints the seconds of each, the peak resident memory of the whole process tree (main
process and workers, sampled from /proc) and the stage times briefgen reports (--report).
Goals: cold <= 60 s on 2 cores, unchanged <= 3 s, peak RSS <= 1 GB. No assertions.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from common import BRIEFGEN, measured
from corpus import write_corpus


def measure(n: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        write_corpus(n, work / "sources")
        cmd = BRIEFGEN + ["build", str(work / "sources"), "-o", str(work / "brief.pdf"), "-q", "--jobs", str(jobs),
                          "--cache-dir", str(work / "cache"), "--report", str(work / "report.json")]
        cold, cold_rss = measured(cmd)
        cold_report = json.loads((work / "report.json").read_text())
        unchanged, unchanged_rss = measured(cmd)
        report = json.loads((work / "report.json").read_text())
    return {"articles": n, "jobs": jobs, "cold_s": cold, "cold_rss_mb": cold_rss, "unchanged_s": unchanged,
            "unchanged_rss_mb": unchanged_rss, "cold_stages": cold_report["seconds"],
            "unchanged_stages": report["seconds"], "pages": report["pages"], "sources": report["sources"]}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    r = measure(args.n, args.jobs)
    print(f"articles           {r['articles']} ({r['sources']} sources used, {r['pages']} page brief)")
    print(f"cold build         {r['cold_s']:8.1f} s  (--jobs {r['jobs']}; goal <= 60 s on 2 cores)  "
          f"stages: {r['cold_stages']}")
    print(f"unchanged rebuild  {r['unchanged_s']:8.1f} s  (goal <= 3 s)  stages: {r['unchanged_stages']}")
    print(f"peak RSS           {max(r['cold_rss_mb'], r['unchanged_rss_mb']):8.0f} MB (process tree; goal <= 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
