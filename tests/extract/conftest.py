"""Helpers for the extraction tests: fixture files in markdown-it-py's format and the corpus."""
from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path

import pytest

from briefgen.ingest import read_file
from briefgen.model import Source

from ..conftest import SHARED_REASON

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
TOOLS = Path(__file__).parents[2] / ".." / "shared" / "tools"
PUBLISHED = dt.date(2016, 12, 8)  # a Thursday; every fixture is read as published that day


def read_fixture_file(path: Path) -> list[tuple[int, str, str, str]]:
    """(line, title, input, expected) cases: a title line, then input and expected each closed by a '.' line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cases, i = [], 0
    while i < len(lines):
        if lines[i].strip() and i + 1 < len(lines) and lines[i + 1] == ".":
            title, start = lines[i], i
            i += 2
            body = []
            while lines[i] != ".":
                body.append(lines[i])
                i += 1
            i += 1
            expected = []
            while lines[i] != ".":
                expected.append(lines[i])
                i += 1
            cases.append((start + 1, title, "\n".join(body), "\n".join(expected)))
        i += 1
    return cases


def make_source(text: str, published: dt.date | None = PUBLISHED) -> Source:
    return Source(id="s" + hashlib.sha1(text.encode()).hexdigest()[:8], path="fixture.txt", text=text,
                  published=published)


def corpus_source(path: Path) -> Source:
    """The corpus article as a build reads it: the project's own ingest, chrome removed."""
    sources, _ = read_file(path)
    return sources[0]


@pytest.fixture(scope="module")
def score():
    """The shared scorer's `score` (../shared/tools/score_facts.py), for the multilingual ratchets."""
    if not (CORPUS / "multilingual").is_dir() or not (TOOLS / "score_facts.py").exists():
        pytest.skip(SHARED_REASON)
    sys.path.insert(0, str(TOOLS.resolve()))
    from score_facts import score as _score
    return _score
