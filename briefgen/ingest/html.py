"""HTML pages through trafilatura: main text plus title, site name, author and date.

trafilatura drops navigation, scripts and boilerplate; we only map its metadata onto an
`Article`. It is imported here only, since it is slow to import and the other readers don't need it.
"""
from __future__ import annotations

import re
from pathlib import Path

from briefgen.errors import SourceError
from briefgen.ingest.base import Article, Reader, register
from briefgen.ingest.dates import parse_date

_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)


@register
class HtmlReader(Reader):
    extensions = (".html", ".htm", ".xhtml")

    def read(self, text: str, path: Path) -> list[Article]:
        import trafilatura

        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False)
        doc = doc.as_dict() if doc is not None else {}
        body = doc.get("text") or ""
        if not body.strip():
            raise SourceError("no article text found in the HTML", path)
        # trafilatura separates paragraphs by single newlines; we use blank lines like every reader.
        paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
        title = doc.get("title")
        if paragraphs and title and paragraphs[0].casefold() == title.casefold():
            paragraphs = paragraphs[1:]  # the <h1> repeats the title; it is not body text
        lang_match = _LANG.search(text[:5000])
        return [Article(
            text="\n\n".join(paragraphs),
            title=title,
            outlet=doc.get("sitename") or doc.get("hostname"),
            byline=doc.get("author"),
            published=parse_date(doc.get("date")),
            language=doc.get("language") or (lang_match.group(1) if lang_match else None),
            url=doc.get("url"),
        )]
