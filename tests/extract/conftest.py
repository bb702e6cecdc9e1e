"""Helpers for the extraction tests: fixture files in markdown-it-py's format and the corpus."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from briefgen.model import Source

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


def _date(text: str) -> dt.date | None:
    for fmt in ("%d %B %Y", "%B %d, %Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    return None


def corpus_source(path: Path) -> Source:
    """A Source as ingest makes it: dev files lose their headline and 'Outlet | date' lines; the
    seed keeps the body after its 'By VOA News <date>' byline, without the mailing-list line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.parent.name == "seed":
        i = next(n for n, line in enumerate(lines) if line.startswith("By "))
        m = re.match(r"By (.+?) ([A-Z][a-z]+ \d{1,2}, \d{4})$", lines[i])
        title = next(line for line in reversed(lines[:i]) if line.strip())
        body = [line for line in lines[i + 1:] if not line.startswith("Join the GlobalSecurity.org")]
        outlet, published = m.group(1), _date(m.group(2))
    else:
        title, (outlet, _, date) = lines[0], lines[1].partition(" | ")
        published, body = _date(date), lines[2:]
    text = "\n".join(body).strip("\n") + "\n"
    return Source(id="s" + hashlib.sha1(text.encode()).hexdigest()[:8], path=str(path), title=title,
                  outlet=outlet, published=published, text=text)
