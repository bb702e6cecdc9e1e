"""The only door WeasyPrint has to the outside: data: URLs and files in allowed folders.

Why: the HTML we lay out holds article text and a user's note; even escaped, a theme or a
future bug could make WeasyPrint fetch `http://169.254.169.254/...` or `file:///etc/passwd`
into a PDF. So everything that is not a `data:` URL or a file inside the theme and font
folders is refused, with a warning naming the URL.

WeasyPrint 70 replaced `default_url_fetcher` with the `URLFetcher` class; we subclass it
and override `fetch`, which every resource load goes through.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from briefgen.render.weasy import import_weasyprint

import_weasyprint()
from weasyprint.urls import URLFetcher  # noqa: E402 — after the fast import above

log = logging.getLogger(__name__)


class RefusedURL(ValueError):
    """Raised for a URL outside the allowed set; WeasyPrint logs it and skips the resource."""


class SafeFetcher(URLFetcher):
    """Serve `data:` URLs and `file:` URLs under `allowed_dirs`; refuse the rest."""

    def __init__(self, allowed_dirs: Iterable[Path], **kwargs) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, **kwargs)
        self.allowed_dirs = tuple(Path(d).resolve() for d in allowed_dirs)
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None):
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and self._is_allowed_file(url):
            return super().fetch(url, headers)
        self.refused.append(url)
        log.warning("refused to fetch %s: only data: URLs and theme/font files are allowed", _short(url))
        raise RefusedURL(f"briefgen refuses to fetch {_short(url)}")

    def _is_allowed_file(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return False
        # resolve() follows symlinks and '..', so a link in a theme cannot point out of it.
        path = Path(url2pathname(parts.path)).resolve()
        return path.is_file() and any(path.is_relative_to(folder) for folder in self.allowed_dirs)


def _short(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[:limit] + "…"
