#!/usr/bin/env python3
"""Merge time for 1,000 and 10,000 generated articles: it must grow close to linearly.

    python benchmarks/merge.py [--sizes 1000,10000]

Articles are generated facts (no extraction, so only merge is timed): ~350-word texts drawn
from a Zipf-like vocabulary (common words plus a long tail), one in five a syndicated copy of an earlier one, each with figures, quotes,
people and events that partly repeat across articles. Prints seconds per size, the time per
article, the ratio between sizes and how many stories were found.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import time

from briefgen.merge import merge
from briefgen.model import Citation, Event, Facts, Figure, Person, Quote, Source

COMMON = ("the a of in on and to said officials people city river aid army rebels talks toll water "
          "shelter camp border night region agency minister report food health children villages "
          "government forces attack rescue teams flood storm quake roads bridges hospital").split()
# News text has a long tail of rarer words; a tiny vocabulary would make unrelated articles
# share 5-word shingles far more than real ones do.
_rng = random.Random(1)
RARE = ["".join(_rng.choice("bcdfghklmnprstvz") + _rng.choice("aeiou") for _ in range(3)) for _ in range(4000)]
WORDS = COMMON * 20 + RARE


def article(rng: random.Random, n: int) -> Facts:
    words = [rng.choice(WORDS) + (str(rng.randrange(50)) if rng.random() < 0.3 else "") for _ in range(350)]
    text = " ".join(words)
    return facts_for(rng, f"s{n:06d}", text, dt.date(2026, 3, 1) + dt.timedelta(days=rng.randrange(5)))


def facts_for(rng: random.Random, sid: str, text: str, published: dt.date) -> Facts:
    cite = [Citation(source=sid, start=0, end=20)]
    place = f"District {rng.randrange(40)}"
    return Facts(
        sources=[Source(id=sid, path=f"{sid}.txt", text=text, published=published, outlet=f"Outlet {sid[-2:]}")],
        people=[Person(name=f"Official {rng.randrange(300)}", role="spokesman", citations=cite)],
        figures=[Figure(value=rng.choice((12, 15, 20)), text=text[:20], category=rng.choice(("killed", "injured")),
                        group="people", place=place, citations=cite)],
        quotes=[Quote(text=f"We need help {rng.randrange(500)}", speaker="Official 1", citations=cite)],
        events=[Event(date=published, description=f"flood hits {place}", citations=cite)],
    )


def corpus(size: int, seed: int = 7) -> list[Facts]:
    rng = random.Random(seed)
    parts: list[Facts] = []
    for n in range(size):
        if parts and rng.random() < 0.2:  # a syndicated copy: same text, light edit at the end
            original = rng.choice(parts).sources[0]
            text = original.text + " " + rng.choice(WORDS)
            parts.append(facts_for(rng, f"s{n:06d}", text, original.published))
        else:
            parts.append(article(rng, n))
    return parts


def measure(sizes: list[int]) -> dict[int, float]:
    """Seconds to merge each size of generated corpus."""
    out = {}
    for size in sizes:
        parts = corpus(size)
        start = time.perf_counter()
        merge(parts)
        out[size] = time.perf_counter() - start
    return out


def main(argv: list[str]) -> int:
    sizes = [1000, 10000]
    if "--sizes" in argv:
        sizes = [int(x) for x in argv[argv.index("--sizes") + 1].split(",")]
    results = []
    for size in sizes:
        parts = corpus(size)
        start = time.perf_counter()
        merged = merge(parts)
        seconds = time.perf_counter() - start
        stories = len({s.story or s.id for s in merged.sources})
        results.append((size, seconds))
        print(f"{size:>7} articles  {seconds:8.2f} s  {seconds / size * 1000:6.2f} ms/article  "
              f"{stories} stories, {len(merged.figures)} figures")
    if len(results) > 1:
        (n1, t1), (n2, t2) = results[0], results[-1]
        print(f"growth: {n2 / n1:.0f}x articles -> {t2 / t1:.1f}x time (linear would be {n2 / n1:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
