"""The only door WeasyPrint has to the outside: data: URLs and files in allowed folders.

Why: the HTML we lay out holds article text and a user's note; even escaped, a theme or a
future bug could make WeasyPrint fetch `http://169.254.169.254/...` or `file:///etc/passwd`
into a PDF. So everything that is not a `data:` URL or a file inside the theme and font
folders is refused, with a warning naming the URL.

Files are read here, not by urllib: only regular files within their size limit (never a FIFO,
a device or /proc), through `briefgen.render.theme.read_theme_file`. And each laid-out document
has a budget: WeasyPrint follows a theme's `<link rel=stylesheet>` and `@import` itself, with
no limit on depth or repeats, so a stylesheet that imports itself a few times would run for
hours. Past `MAX_STYLESHEETS` stylesheets (or their bytes), `FetchLimitError` stops the layout;
the caller reports the @import that crossed it (`import_site`).

WeasyPrint 70 replaced `default_url_fetcher` with the `URLFetcher` class; we subclass it
and override `fetch`, which every resource load goes through.
"""
from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit
from urllib.request import url2pathname

from briefgen.errors import TemplateError
from briefgen.render.weasy import URL_SHOWN, import_weasyprint

import_weasyprint()
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse  # noqa: E402

log = logging.getLogger(__name__)

# Per laid-out document.
MAX_STYLESHEETS = 64
MAX_STYLESHEET_BYTES = 2 * 1024 * 1024
MAX_FETCHED_BYTES = 128 * 1024 * 1024


class RefusedURL(ValueError):
    """Raised for a URL outside the allowed set; WeasyPrint logs it and skips the resource."""


class FetchLimitError(FatalURLFetchingError):
    """A document fetched too many stylesheets or bytes: WeasyPrint stops the layout (a fatal
    fetching error is the one kind it does not swallow)."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(message)
        self.url = url
        self.message = message


class SafeFetcher(URLFetcher):
    """Serve `data:` URLs and `file:` URLs under `allowed_dirs`; refuse the rest."""

    def __init__(self, allowed_dirs: Iterable[Path], theme_dirs: Iterable[Path] = (), **kwargs) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, **kwargs)
        self.allowed_dirs = tuple(Path(d).resolve() for d in allowed_dirs)
        self.theme_dirs = tuple(Path(d).resolve() for d in theme_dirs)   # where an error is looked for
        self.refused: list[str] = []
        self.start_document()

    def start_document(self) -> None:
        """Budgets are per laid-out document (the fit lays the same page out several times)."""
        self._seen: set[str] = set()
        self._stylesheets = 0
        self._stylesheet_bytes = 0
        self._bytes = 0

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            response = super().fetch(url, headers)
            self._spend(url, response.content_type, len(url))
            return response
        path = self._allowed_file(url) if scheme == "file" else None
        if path is not None:
            from briefgen.render.theme import read_theme_file

            try:
                body = read_theme_file(path, self.allowed_dirs)
            except TemplateError as exc:
                return self._refuse(url, exc.message)
            mime = mimetypes.guess_type(path.name)[0] or "text/plain"
            self._spend(url, mime, len(body))
            return URLFetcherResponse(url.split("?")[0], body, {"Content-Type": mime})
        return self._refuse(url, "only data: URLs and theme/font files are allowed")

    def _refuse(self, url: str, reason: str) -> NoReturn:
        self.refused.append(url)
        log.warning("refused to fetch %s: %s", short_url(url), reason)
        raise RefusedURL(f"briefgen refuses to fetch {short_url(url)}")

    def _spend(self, url: str, mime: str, size: int) -> None:
        # A URL loaded again is counted as a stylesheet (a loop through a file not named .css);
        # only text/css counts toward the stylesheet bytes (a font file may serve two @font-face rules).
        self._bytes += size
        if mime == "text/css" or url in self._seen:
            self._stylesheets += 1
        if mime == "text/css":
            self._stylesheet_bytes += size
        self._seen.add(url)
        if self._stylesheets > MAX_STYLESHEETS:
            raise FetchLimitError(url, f"more than {MAX_STYLESHEETS} stylesheets loaded for one page "
                                       "(an @import loop?)")
        if self._stylesheet_bytes > MAX_STYLESHEET_BYTES:
            raise FetchLimitError(url, f"stylesheets loaded for one page exceed {MAX_STYLESHEET_BYTES // 2**20} MB "
                                       "(an @import loop?)")
        if self._bytes > MAX_FETCHED_BYTES:
            raise FetchLimitError(url, f"files loaded for one page exceed {MAX_FETCHED_BYTES // 2**20} MB")

    def _allowed_file(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        # resolve() follows symlinks and '..', so a link in a theme cannot point out of it.
        path = Path(url2pathname(parts.path))
        real = path.resolve()
        return path if real.is_file() and any(real.is_relative_to(folder) for folder in self.allowed_dirs) else None


def short_url(url: str, limit: int = URL_SHOWN) -> str:
    """`url` cut to `limit` characters, for a log line or an error message."""
    return url if len(url) <= limit else url[:limit] + f"… ({len(url)} characters)"


def import_site(url: str, theme_dirs: Iterable[Path]) -> tuple[str, int | None]:
    """Where a theme loads the stylesheet `url`: the first line of its files with an `@import` of the
    file's name, else a `<link>` to it, else any mention, as (theme-relative path, line)."""
    from briefgen.render.theme import read_theme_file, theme_files

    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1][:80]
    best: tuple[int, str, int | None] = (3, short_url(url), None)
    for folder in theme_dirs:
        folder = Path(folder).resolve()
        try:
            files = [p for p in theme_files(folder) if p.suffix.lower() in (".css", ".html", ".htm")]
        except TemplateError:
            continue
        for path in files:
            try:
                lines = read_theme_file(path, (folder,)).decode("utf-8", "replace").splitlines()
            except TemplateError:
                continue
            for number, line in enumerate(lines, 1):
                if name and name in line:
                    rank = 0 if "@import" in line.lower() else 1 if "<link" in line.lower() else 2
                    if rank < best[0]:
                        best = (rank, str(path.relative_to(folder.parent)), number)
    return best[1], best[2]
