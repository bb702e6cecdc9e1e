#!/usr/bin/env python3
"""Extraction CPU time of this checkout against another one (a base), in one process.

    .venv/bin/python benchmarks/extract_ab.py BASE_CHECKOUT [--n 300] [--passes 7] [--languages]

On a machine shared with other jobs, two benchmark runs one after the other swing by a tenth or
more, which hides a change of a few per cent. Here the base's `briefgen` package is copied under
another name (`briefgen_base`, its absolute imports renamed) into a temporary folder and imported
beside this checkout's, and each article is extracted by both, one right after the other (which
goes first alternates), so both see the same load. Each side's time of an article is the fastest
of `--passes`; the sums are compared. With `--languages` the multilingual corpus is read instead of
the generated English variants, and each language is reported apart. Prints figures only.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

_IMPORT_RE = re.compile(r"\b(from|import) briefgen\b")


def _import_base(base: Path, into: Path):
    """The base checkout's `extract_source` and `Source`, from a renamed copy of its package."""
    pkg = into / "briefgen_base"
    shutil.copytree(base / "briefgen", pkg, ignore=shutil.ignore_patterns("__pycache__"))
    for py in pkg.rglob("*.py"):
        text = py.read_text(encoding="utf-8")
        renamed = _IMPORT_RE.sub(r"\1 briefgen_base", text).replace('"briefgen.', '"briefgen_base.')
        if renamed != text:
            py.write_text(renamed, encoding="utf-8")
    sys.path.insert(0, str(into))
    from briefgen_base.extract import extract_source
    from briefgen_base.model import Source
    return extract_source, Source


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base", type=Path, help="a checkout of the base (its briefgen/ folder is copied)")
    ap.add_argument("--n", type=int, default=300, help="generated English variants")
    ap.add_argument("--passes", type=int, default=7)
    ap.add_argument("--languages", action="store_true", help="the multilingual corpus, by language")
    args = ap.parse_args(argv)
    from briefgen.extract import extract_source
    from extract import warm_up

    with tempfile.TemporaryDirectory() as tmp:
        base_extract, BaseSource = _import_base(args.base.resolve(), Path(tmp))
        warm_up()
        if args.languages:
            from extract_languages import SHARED, sources_by_language
            by_language = sources_by_language([SHARED / "multilingual"])
            docs = [s for lang in sorted(by_language) for s in by_language[lang]]
        else:
            from corpus import corpus
            docs = corpus(args.n, 7)
        base_docs = [BaseSource.model_validate(d.model_dump()) for d in docs]
        for d, b in zip(docs, base_docs):  # each language's lists loaded by both before timing
            extract_source(d)
            base_extract(b)
        clock = time.process_time
        new = [float("inf")] * len(docs)
        old = [float("inf")] * len(docs)
        for p in range(args.passes):
            for i, (d, b) in enumerate(zip(docs, base_docs)):
                for side in ((0, 1) if (i + p) % 2 else (1, 0)):
                    c = clock()
                    if side:
                        extract_source(d)
                        new[i] = min(new[i], clock() - c)
                    else:
                        base_extract(b)
                        old[i] = min(old[i], clock() - c)
    groups: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        groups.setdefault((d.language or "en") if args.languages else "all", []).append(i)
    for name, idx in sorted(groups.items()):
        o, w = sum(old[i] for i in idx), sum(new[i] for i in idx)
        print(f"{name:<4} {len(idx):>4} articles  base {o * 1000 / len(idx):7.3f} ms/article  "
              f"this {w * 1000 / len(idx):7.3f}  cut {100 * (1 - w / o):5.1f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
