#!/usr/bin/env python3
"""One `briefgen build` in five languages against five one-language builds.

    python benchmarks/locales.py [ARTICLE] [--runs N] [--langs en,fr,ar,ru,de]

Each build is a fresh process (what a user waits for), writing PDF and HTML. Prints the median
of N runs of
  one        `briefgen build SRC --lang en -o brief.pdf -o brief.html`
  each       the five languages built one at a time (the sum of five one-language builds)
  together   `briefgen build SRC --lang en,fr,ar,ru,de -o brief.pdf -o brief.html`
and together / one (goal: <= 2.5; parsing, extraction, the template environment, the font
configuration and the HTML font subsets are shared by the languages of one run).
No assertions: this prints figures.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

from common import BRIEFGEN, SEED, one_article_workspace, timed


def option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def measure(article: Path = SEED, runs: int = 3, langs: tuple[str, ...] = ("en", "fr", "ar", "ru", "de")) -> dict:
    """Medians (seconds) of one language, the languages one at a time, all in one run; and the ratio."""
    with one_article_workspace(article) as (work, src):

        def build(lang: str, name: str) -> list[str]:
            return BRIEFGEN + ["build", str(src), "--lang", lang, "-o", str(work / f"{name}.pdf"),
                               "-o", str(work / f"{name}.html"), "-q"]

        subprocess.run(build(",".join(langs), "warm"), check=True)  # warms the font cache
        one, each, together = [], [], []
        for _ in range(runs):
            singles = [timed(build(lang, f"single-{lang}")) for lang in langs]
            one.append(singles[0])
            each.append(sum(singles))
            together.append(timed(build(",".join(langs), "multi")))
    o, e, t = statistics.median(one), statistics.median(each), statistics.median(together)
    return {"one_s": o, "each_s": e, "together_s": t, "ratio": t / o}


def main(argv: list[str]) -> int:
    runs = int(option(argv, "--runs", "3"))
    langs = option(argv, "--langs", "en,fr,ar,ru,de").split(",")
    values = {option(argv, n, "") for n in ("--runs", "--langs")}
    args = [a for a in argv if not a.startswith("--") and a not in values]
    article = Path(args[0]) if args else SEED
    r = measure(article, runs, tuple(langs))
    o, e, t = r["one_s"], r["each_s"], r["together_s"]
    print(f"article                  {article.name}")
    print(f"languages                {','.join(langs)}")
    print(f"runs                     {runs} (median, fresh process each, PDF + HTML)")
    print(f"one language ({langs[0]})       {o * 1000:8.0f} ms")
    print(f"{len(langs)} one-language builds   {e * 1000:8.0f} ms")
    print(f"one {len(langs)}-language build    {t * 1000:8.0f} ms")
    print(f"together / one language  {t / o:8.2f}  (goal <= 2.50)")
    print(f"together / separately    {t / e:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
