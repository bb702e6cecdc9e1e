"""The reader contract and the registry that picks a reader by file extension (Pelican's model)."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from briefgen.language import source_language
from briefgen.model import Source


@dataclass
class Article:
    """What a reader found in one file, before it becomes a `Source` with a content-derived id."""

    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: date | None = None
    language: str | None = None
    url: str | None = None
    dateline: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_source(self, path: str, folder_language: str | None = None) -> Source:
        """The `Source`; its language is the article's own, else the folder's (briefgen.toml), else
        detected from the body text."""
        return Source(  # url: only web links reach a brief (no javascript:, file:, data:)
            id=source_id(self.text, self.title, self.outlet, self.url), path=path, title=self.title, outlet=self.outlet,
            byline=self.byline, published=self.published, language=source_language(self.language, folder_language, self.text),
            url=web_url(self.url), dateline=self.dateline or find_dateline(self.text), text=self.text,
        )


def source_id(text: str, *meta: str | None) -> str:
    """Stable id from the content and who published it: the same article file gets the same id
    wherever it sits, while a syndicated copy (same text, other outlet or headline) stays a source
    of its own, so merge can count it."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    key = "\x1f".join([norm, *(" ".join((m or "").split()) for m in meta)])
    return "s" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


class Reader:
    """One input kind. Subclasses set `extensions` and implement `read`."""

    extensions: ClassVar[tuple[str, ...]] = ()

    def read(self, text: str, path: Path) -> list[Article]:
        raise NotImplementedError


_REGISTRY: dict[str, type[Reader]] = {}


def register(reader: type[Reader]) -> type[Reader]:
    for ext in reader.extensions:
        _REGISTRY[ext] = reader
    return reader


def reader_for(path: Path) -> Reader | None:
    cls = _REGISTRY.get(path.suffix.lower())
    return cls() if cls else None


def known_extensions() -> tuple[str, ...]:
    return tuple(sorted(_REGISTRY))


# "CASTREL, Sarvona, March 3 (NWS) - ", "NEW DELHI: ", "ALEPPO, Syria (Reuters) — "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z])(?:,\s*[A-Z][\w.’' ]{0,30}){0,2}"
    r"\s*(?:\([^)]{1,30}\))?\s*(?::|—|–|--| - )\s*"
)


def find_dateline(text: str) -> str | None:
    """The place of a wire-style dateline at the start of the body, title-cased."""
    m = _DATELINE.match(text)
    return m.group("place").title() if m else None


def web_url(url: str | None) -> str | None:
    """`url` when it is an http(s) link, else None: a source's URL becomes a link in the brief."""
    if not url:
        return None
    url = url.strip()
    return url if re.match(r"https?://[^\s/$.?#][^\s]*$", url, re.I) else None
