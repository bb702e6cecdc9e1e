"""Find syndicated copies and light edits of the same story by content, not by file name.

Each text becomes a set of hashed 5-word shingles. A bottom-k sketch (the k smallest hashes)
indexes every source: two texts that share most shingles almost surely share some of their
smallest hashes, so only sources that collide in the index are compared (near-linear, no
all-pairs). Candidates are confirmed with the exact Jaccard similarity of their shingle sets.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict

from briefgen.model import Source

SHINGLE_WORDS = 5
SKETCH_SIZE = 24
MAX_BUCKET = 50  # sources sharing one sketch hash; past this, compare with one member only
SAME_STORY = 0.5  # Jaccard of shingles: wire copies score ~0.9, light edits 0.6-0.8, other stories < 0.1
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode())
            for i in range(len(words) - SHINGLE_WORDS + 1)}


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def find_stories(sources: list[Source]) -> dict[str, str]:
    """Map every source id to the id of its story's first source (itself when it is the first)."""
    sets = [shingles(s.text) for s in sources]
    parent = list(range(len(sources)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[int, list[int]] = defaultdict(list)
    for i, sh in enumerate(sets):
        for h in sorted(sh)[:SKETCH_SIZE]:
            index[h].append(i)
    checked: set[tuple[int, int]] = set()
    def compare(i: int, j: int) -> None:
        if (i, j) in checked or root(i) == root(j):
            return
        checked.add((i, j))
        if jaccard(sets[i], sets[j]) >= SAME_STORY:
            a, b = sorted((root(i), root(j)))
            parent[b] = a  # the earlier source (stable input order) heads the story

    for bucket in index.values():
        if len(bucket) > MAX_BUCKET:
            # A hash shared by many sources is a footer, boilerplate or a story with many copies:
            # comparing each with the first (not all pairs) keeps this linear and still joins copies.
            for j in bucket[1:]:
                compare(bucket[0], j)
            continue
        for pos, i in enumerate(bucket):
            for j in bucket[pos + 1:]:
                compare(i, j)
    return {s.id: sources[root(i)].id for i, s in enumerate(sources)}
