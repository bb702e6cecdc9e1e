"""Find syndicated copies and light edits of the same story by content, not by file name.

Each text becomes a set of hashed 5-word shingles. A bottom-k sketch (the k smallest hashes)
indexes every source: two texts that share most shingles almost surely share some of their
smallest hashes, so only sources that collide in the index are compared (near-linear, no
all-pairs). Candidates are confirmed with the exact Jaccard similarity of their shingle sets.
"""
from __future__ import annotations

import re
import zlib
from array import array
from itertools import combinations, repeat

from briefgen.model import Source

SHINGLE_WORDS = 5
SKETCH_SIZE = 24
MAX_BUCKET = 50  # sources sharing one sketch hash; past this, compare with one member only
SAME_STORY = 0.5  # Jaccard of shingles: wire copies score ~0.9, light edits 0.6-0.8, other stories < 0.1
_WORD = re.compile(r"\w+", re.UNICODE)
_HASH = "I" if array("I").itemsize >= 4 else "L"  # array typecode that holds a CRC32: 4 bytes nearly everywhere
# For ASCII text `\w` is exactly [A-Za-z0-9_]: every other byte becomes a space, and a C-level
# split replaces the regex (the words, and so the hashes, are the same).
_NOT_WORD = bytes(b if chr(b).isascii() and (chr(b).isalnum() or b == ord("_")) else ord(" ")
                  for b in range(256))


def _words(text: str) -> list[bytes]:
    """The casefolded `\\w+` words of `text`, UTF-8 encoded (what the shingles hash)."""
    if text.isascii():
        return text.lower().encode().translate(_NOT_WORD).split()
    words = _WORD.findall(text.casefold())
    # A word never holds a space, and UTF-8 never makes one inside a multibyte character.
    return " ".join(words).encode().split(b" ") if words else []


def shingles(text: str) -> set[int]:
    return set(_hashes(text))


def _hashes(text: str) -> array:
    """The shingle hashes of `text` in text order, repeats included: filling an array straight from
    C-level map/zip (no set, no Python loop) is most of the saving on large corpora."""
    words = _words(text)
    if len(words) < SHINGLE_WORDS:
        return array(_HASH, [zlib.crc32(b" ".join(words))] if words else [])
    return array(_HASH, map(zlib.crc32, map(b" ".join, zip(*(words[k:] for k in range(SHINGLE_WORDS))))))


def _smallest(hashes: array, k: int) -> list[int]:
    """`sorted(set(hashes))[:k]`, without sorting them all: CRC32 values are spread evenly, so the
    k smallest almost always lie below twice their expected bound; when they do not, sort all."""
    if len(hashes) > 4 * k:
        bound = (2 * k << 32) // len(hashes)
        small = list(dict.fromkeys(sorted([h for h in hashes if h < bound])))
        if len(small) >= k:
            return small[:k]
    return sorted(set(hashes))[:k]


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def find_stories(sources: list[Source]) -> dict[str, str]:
    """Map every source id to the id of its story's first source (itself when it is the first)."""
    # Shingle hashes are kept as compact arrays (a set of ~400 ints per article is ~30 KB; 10,000
    # of them would be most of merge's memory) and made sets only for the few candidates.
    packed = [_hashes(source.text) for source in sources]
    parent = list(range(len(sources)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    distinct: dict[int, int] = {}  # shingle count of each source compared, counted once
    # The stories are the groups of candidate pairs that are similar enough, so the order pairs
    # are taken in does not matter: it only decides which ones are skipped as already joined.
    for i, j in _candidates(packed):
        a, b = root(i), root(j)
        if a == b or not packed[i] or not packed[j]:
            continue
        if j not in distinct:
            distinct[j] = len(set(packed[j]))
        shingles_i = set(packed[i])
        common = len(shingles_i.intersection(packed[j]))
        # `jaccard` of the two shingle sets, building one set instead of three
        if common / (len(shingles_i) + distinct[j] - common) >= SAME_STORY:
            parent[max(a, b)] = min(a, b)  # the earlier source (stable input order) heads the story
    return {s.id: sources[root(i)].id for i, s in enumerate(sources)}


def _candidates(packed: list[array]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of sources whose sketches share a hash."""
    # Most sketch hashes belong to one source only: `first` maps each hash to its first source in
    # one C call per hash, and a list is made only for the hashes that sources share.
    first: dict[int, int] = {}
    shared: dict[int, list[int]] = {}
    for i, hashes in enumerate(packed):
        sketch = _smallest(hashes, SKETCH_SIZE)
        for h, holder in zip(sketch, map(first.setdefault, sketch, repeat(i))):
            if holder != i:
                shared.setdefault(h, [holder]).append(i)
    pairs: set[tuple[int, int]] = set()
    for bucket in shared.values():  # sources in input order
        if len(bucket) > MAX_BUCKET:
            # A hash shared by many sources is a footer, boilerplate or a story with many copies:
            # comparing each with the first (not all pairs) keeps this linear and still joins copies.
            pairs.update(zip(repeat(bucket[0]), bucket[1:]))
        else:
            pairs.update(combinations(bucket, 2))
    return pairs
