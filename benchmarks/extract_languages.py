#!/usr/bin/env python3
"""Extraction throughput per language: articles per second per core, single process.

    .venv/bin/python benchmarks/extract_languages.py [--repeat 5] [--corpus DIR]

Reads the articles of the multilingual corpus (`../shared/corpus/multilingual`, two per language)
and the English seed/dev corpus through ingest, as `briefgen extract` reads them, then times
`extract_source` on each language's articles alone. The one-off load of each language's word
lists (and, for Russian and Ukrainian, the pymorphy3 dictionaries) is timed apart: it is paid
once per process, not per article. Each language's articles are extracted `--repeat` times and
the fastest pass is reported. Prints figures only; nothing is asserted.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared" / "corpus"


def sources_by_language(folders: list[Path]) -> dict[str, list]:
    from briefgen.errors import SourceError
    from briefgen.ingest import read_file

    found: dict[str, list] = defaultdict(list)
    for path in sorted(p for folder in folders for p in folder.iterdir()
                       if p.is_file() and not p.name.endswith(".gold.json") and p.name != "README.md"):
        try:
            sources, _ = read_file(path)
        except SourceError:
            continue
        for source in sources:
            found[source.language or "en"].append(source)
    return found


def measure(sources: list, repeat: int) -> tuple[float, float]:
    """(one-off load seconds, fastest CPU seconds of one pass over `sources`)."""
    from briefgen.extract import extract_source

    t0 = time.process_time()
    extract_source(sources[0])          # loads this language's lists (and dictionaries)
    load = time.process_time() - t0
    best = float("inf")
    for _ in range(max(1, repeat)):
        c0 = time.process_time()
        for source in sources:
            extract_source(source)
        best = min(best, time.process_time() - c0)
    return load, best


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--corpus", type=Path, action="append",
                    help="folder(s) of articles (default: the shared multilingual, seed and dev corpora)")
    args = ap.parse_args(argv)
    folders = args.corpus or [SHARED / "multilingual", SHARED / "seed", SHARED / "dev"]
    folders = [f for f in folders if f.is_dir()] or [REPO / "examples" / "sources"]   # a clone alone
    by_language = sources_by_language(folders)
    print(f"{'language':<9}{'articles':>9}{'chars/article':>15}{'load s':>9}{'articles/s/core':>17}")
    for lang in sorted(by_language, key=lambda code: (code != "en", code)):
        sources = by_language[lang]
        load, cpu = measure(sources, args.repeat)
        chars = sum(len(s.text or "") for s in sources) / len(sources)
        print(f"{lang:<9}{len(sources):>9}{chars:>15,.0f}{load:>9.2f}{len(sources) / cpu:>17.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
