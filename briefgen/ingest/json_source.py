"""JSON sources: one article object, a list of them, or {"articles": [...]}.

An article object has `text` (required) and optionally `title`, `outlet`, `byline`,
`published` (ISO date), `language`, `url` — the same fields as Markdown front matter.
See docs/sources.md.
"""
from __future__ import annotations

import json
from pathlib import Path

from briefgen.errors import SourceError
from briefgen.ingest.base import Article, Reader, register
from briefgen.ingest.dates import parse_date
from briefgen.ingest.markdown import _str


@register
class JsonReader(Reader):
    extensions = (".json",)

    def read(self, text: str, path: Path) -> list[Article]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SourceError(f"invalid JSON ({exc.msg})", path, exc.lineno) from exc
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        items = data if isinstance(data, list) else [data]
        articles: list[Article] = []
        for n, item in enumerate(items, 1):
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
                raise SourceError(f"article {n} has no \"text\" field (see docs/sources.md for the format)", path)
            paragraphs = [p.strip() for p in item["text"].replace("\r\n", "\n").split("\n\n") if p.strip()]
            articles.append(Article(
                text="\n\n".join(" ".join(p.split("\n")) for p in paragraphs),
                title=_str(item.get("title") or item.get("headline")),
                outlet=_str(item.get("outlet") or item.get("source")),
                byline=_str(item.get("byline") or item.get("author")),
                published=parse_date(item.get("published") or item.get("date")),
                language=_str(item.get("language")),
                url=_str(item.get("url")),
            ))
        return articles
