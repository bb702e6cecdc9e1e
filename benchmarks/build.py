#!/usr/bin/env python3
"""Cold `briefgen build` of the seed article vs a bare WeasyPrint process on the same HTML.

    python benchmarks/build.py [ARTICLE] [--runs N]

Each run is a fresh process (that is what a user waits for). Prints the median of N runs for
  build      `briefgen build SRC -o brief.pdf`           (facts and brief caches warm: fit, PDF)
  --no-cache the same, reading and extracting the article again (ingest, extract, compose, fit, PDF)
  weasyprint `python -c 'weasyprint.HTML(...).write_pdf()'` on the brief's own final HTML
and their ratio (goal: <= 1.3). The brief's HTML embeds its fonts, so both lay out the same text
with the same fonts. No assertions: this prints figures.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from common import BRIEFGEN, SEED, one_article_workspace, timed
BARE = ("import sys, weasyprint; "
        "weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])")


def measure(article: Path = SEED, runs: int = 5) -> dict:
    """Medians (seconds) of a cold build (warm caches, then an empty facts and brief cache), a bare
    WeasyPrint process on the brief's own HTML and the import of WeasyPrint alone."""
    with one_article_workspace(article) as (work, src):
        html = work / "brief.html"
        subprocess.run(BRIEFGEN + ["build", str(src), "-o", str(html), "-q"], check=True)  # warms the font cache
        build = [timed(BRIEFGEN + ["build", str(src), "-o", str(work / "brief.pdf"), "-q"]) for _ in range(runs)]
        nocache = [timed(BRIEFGEN + ["build", str(src), "-o", str(work / "brief.pdf"), "-q", "--no-cache"])
                   for _ in range(runs)]
        bare = [timed([sys.executable, "-c", BARE, str(html), str(work / "bare.pdf")]) for _ in range(runs)]
        import_only = [timed([sys.executable, "-c", "import weasyprint"]) for _ in range(runs)]
    return {"build_s": statistics.median(build), "nocache_s": statistics.median(nocache),
            "bare_s": statistics.median(bare), "import_s": statistics.median(import_only)}


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--runs")]
    article = Path(args[0]) if args else SEED
    r = measure(article, runs)
    b, n, w, i = r["build_s"], r["nocache_s"], r["bare_s"], r["import_s"]
    print(f"article            {article.name}")
    print(f"runs               {runs} (median, fresh process each)")
    print(f"briefgen build     {b * 1000:8.0f} ms  (facts and brief caches warm)")
    print(f"  --no-cache       {n * 1000:8.0f} ms  (reads and extracts the article again)")
    print(f"bare weasyprint    {w * 1000:8.0f} ms")
    print(f"  of which import  {i * 1000:8.0f} ms")
    print(f"ratio build/bare   {b / w:8.2f}  (goal <= 1.30); with --no-cache {n / w:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
