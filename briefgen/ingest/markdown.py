"""Markdown articles with YAML front matter (title, outlet, published, url, language, byline).

Front matter is read with `yaml.safe_load` (no object construction). The body is parsed with
markdown-it-py's `js-default` preset (raw HTML off) and flattened to plain paragraphs, so
citations index plain text, not Markdown syntax.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefgen.errors import SourceError
from briefgen.ingest.base import Article, Reader, register
from briefgen.ingest.dates import parse_date

_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MAX_FRONT_MATTER = 64 * 1024


@register
class MarkdownReader(Reader):
    extensions = (".md", ".markdown")

    def read(self, text: str, path: Path) -> list[Article]:
        meta, body = split_front_matter(text, path)
        plain = markdown_to_text(body)
        return [Article(
            text=plain,
            title=_str(meta.get("title")),
            outlet=_str(meta.get("outlet") or meta.get("source") or meta.get("publisher")),
            byline=_str(meta.get("byline") or meta.get("author")),
            published=parse_date(meta.get("published") or meta.get("date")),
            language=_str(meta.get("language") or meta.get("lang")),
            url=_str(meta.get("url")),
        )]


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    raw = m.group("yaml")
    if len(raw) > _MAX_FRONT_MATTER:
        raise SourceError("front matter too large", path)
    try:
        loaded = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise SourceError("malformed YAML front matter", path, line + 2 if line is not None else None) from exc
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise SourceError("front matter is not a mapping of fields", path, 2)
    return loaded, text[m.end():]


def markdown_to_text(body: str) -> str:
    """Paragraph text of a Markdown body, one paragraph per block, inline markup removed."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("js-default").parse(body)
    blocks: list[str] = []
    for token in tokens:
        if token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
                elif child.type == "image":
                    parts.append(child.content)
            blocks.append(" ".join("".join(parts).split()))
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content.strip())
    return "\n\n".join(b for b in blocks if b)


def _str(value: object) -> str | None:
    # Only scalars: a list or mapping here is a mistake (or a YAML alias bomb whose str() would explode).
    if value is None or not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None
