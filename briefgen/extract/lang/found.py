"""What the language readers find, before it becomes the facts model: plain spans into the text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbers import Number

# a site's own address run into the text ("rbc.group", "example.com"): a related-article teaser
# or a share line sits next to it, never the story's own count
DOMAIN_RE = re.compile(r"(?<![@/\w.])[a-z0-9-]+\.(?:ru|ua|com|group|net|org|info|news|media)(?![\w/])")


@dataclass
class FoundFigure:
    num: Number
    start: int
    end: int
    category: str
    qualifier: str | None = None
    group: str | None = None
    subsets: list[FoundFigure] = field(default_factory=list)

    @property
    def approx(self) -> bool:
        return bool(self.qualifier or self.num.vague)


def teaser_cut(text: str, sent: tuple[int, int]) -> int:
    """Where a site address in the sentence starts (the words before it are a run-in teaser),
    or the sentence start when there is none."""
    m = DOMAIN_RE.search(text, *sent)
    return m.end() if m else sent[0]


def dedupe(figs: list[FoundFigure]) -> list[FoundFigure]:
    """One figure per (value, category): a headline repeating the body's count is one count."""
    out: list[FoundFigure] = []
    for f in figs:
        if not any(o.num.value == f.num.value and o.category == f.category for o in out):
            out.append(f)
    return out


@dataclass
class FoundName:
    kind: str                      # person | org | place
    name: str                      # canonical: the nominative, as the text prints it when it does
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    country: str | None = None


def add_name(names: dict[tuple[str, str], FoundName], kind: str, name: str, start: int, end: int,
             role: str | None = None, country: str | None = None) -> FoundName:
    item = names.setdefault((kind, name), FoundName(kind, name, country=country))
    if (start, end) not in item.mentions:
        item.mentions.append((start, end))
    if role and not item.role:
        item.role = role
    return item
