"""Theme CSS, made self-contained through the SafeFetcher: `@import`s inlined, `url()`s as data: URLs.

Why: the theme's CSS goes into a `<style>` of both the HTML laid out for the PDF and the HTML
output. WeasyPrint would fetch its `url()`s through our fetcher anyway, but a browser opening
the HTML output would not: a `url(https://tracker/pixel.png)` or an `@import` in a colleague's
theme would phone home every time the brief is opened. So every reference is resolved here,
once per theme, through the same `SafeFetcher` rules (data: URLs and files inside the theme
and font folders); what it refuses becomes `url("data:,")` (an empty resource) or a dropped
`@import`, and a `CssProblem` naming the stylesheet and line (shown by `template check`).
Each stylesheet file is also checked as it is read (render/css_check.py): what WeasyPrint would
ignore in it is `ResolvedCss.ignored`, a few warnings at build.

A theme's stylesheets are hostile input too: the whole theme has a budget of @imports and bytes,
repeats counted (`_Budget`), and crossing it makes the theme unusable (`ResolvedCss.error`: an
error at build, naming the @import that crossed it). Files are read through
`theme.read_theme_file`, so a FIFO or /proc file behind a stylesheet is never opened for reading.
"""
from __future__ import annotations

import base64
import logging
import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.render.fetcher import FetchLimitError, SafeFetcher, short_url

log = logging.getLogger(__name__)

MAX_IMPORT_DEPTH = 5
# Depth alone does not bound the work: a stylesheet that @imports itself twelve times is 12^5
# inlined copies. So the whole theme (every stylesheet of the chain) has a budget, repeats counted.
MAX_IMPORTS = 64                         # @import rules followed
MAX_CSS_BYTES = 2 * 1024 * 1024          # stylesheet text read, the top-level files included
MAX_RESOURCE_BYTES = 32 * 1024 * 1024    # files inlined as data: URLs (fonts, images)
# `@import "x.css"` / `@import url(x.css) [media];` (no space needed after @import), or a url(...)
# anywhere else: one pass, so text inlined from an @import is not scanned again by its importer.
_REFERENCE = re.compile(r"""(?P<import>@import\s*(?:url\(\s*(?P<q1>['"]?)(?P<u1>[^'")]*)(?P=q1)\s*\)"""
                        r"""|(?P<q2>['"])(?P<u2>[^'"]*)(?P=q2))[^;]*;)"""
                        r"""|url\(\s*(?P<q3>['"]?)(?P<url>[^'")]*)(?P=q3)\s*\)""", re.IGNORECASE)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
EMPTY_URL = 'url("data:,")'


@dataclass(frozen=True)
class CssProblem:
    path: Path
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.column else f"{self.line}"
        return f"{self.path}:{where}: {self.message}"


@dataclass(frozen=True)
class ResolvedCss:
    text: str
    problems: tuple[CssProblem, ...]
    # A budget crossed: the theme cannot be used (an error at build, a problem at `template check`).
    error: CssProblem | None = None
    # What WeasyPrint would ignore (render/css_check.py): warnings at build, problems at `template check`.
    ignored: tuple[CssProblem, ...] = ()


class _OverBudget(Exception):
    def __init__(self, problem: CssProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class _Budget:
    imports: int = 0
    css_bytes: int = 0
    resource_bytes: int = 0
    fetched: dict[str, bytes | None] = field(default_factory=dict)

    def spend(self, what: str, size: int, path: Path, line: int) -> None:
        """Count an @import, a stylesheet's bytes or a url() file's (`what`); past a cap,
        `_OverBudget` with the file and line that crossed it."""
        if what == "@import":
            self.imports += 1
            if self.imports > MAX_IMPORTS:
                raise _OverBudget(CssProblem(path, line, f"more than {MAX_IMPORTS} @import rules followed in "
                                                         "this theme's stylesheets (an @import loop?)"))
        elif what == "url()":
            self.resource_bytes += size
            if self.resource_bytes > MAX_RESOURCE_BYTES:
                raise _OverBudget(CssProblem(path, line, f"files inlined by url() exceed "
                                                         f"{MAX_RESOURCE_BYTES // 2**20} MB in all"))
        else:
            self.css_bytes += size
            if self.css_bytes > MAX_CSS_BYTES:
                raise _OverBudget(CssProblem(path, line, f"stylesheets exceed {MAX_CSS_BYTES // 2**20} MB in all, "
                                                         "@imports inlined (an @import loop?)"))


# (files, allowed dirs) -> (every file read with its mtime, result): a later call checks the
# mtimes of the @imported files too, so `serve` sees an edit to any of them.
_RESOLVED: dict[tuple, tuple[tuple[tuple[Path, int], ...], ResolvedCss]] = {}
_KEEP = 16


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def resolve_stylesheets(files: tuple[Path, ...], allowed_dirs: tuple[Path, ...]) -> ResolvedCss:
    """The stylesheets `files` (in order) as one self-contained text."""
    key = (files, allowed_dirs)
    hit = _RESOLVED.get(key)
    if hit is not None and all(_mtime(path) == stamp for path, stamp in hit[0]):
        return hit[1]
    read: list[Path] = list(files)
    result = _resolve_all(files, allowed_dirs, read)
    if len(_RESOLVED) >= _KEEP:
        _RESOLVED.pop(next(iter(_RESOLVED)))
    _RESOLVED[key] = (tuple((path, _mtime(path)) for path in dict.fromkeys(read)), result)
    return result


def _resolve_all(files: tuple[Path, ...], allowed_dirs: tuple[Path, ...], read: list[Path]) -> ResolvedCss:
    from briefgen.errors import TemplateError
    from briefgen.render.css_check import warning_lines
    from briefgen.render.theme import read_theme_file

    fetcher = SafeFetcher(allowed_dirs)
    problems: list[CssProblem] = []
    ignored: dict[Path, list[CssProblem]] = {}
    parts = []
    budget = _Budget()
    try:
        for path in files:
            if not path.is_file():
                continue
            # load_theme refuses a stylesheet outside its theme; this is the backstop, with the fetcher's rule.
            if not any(path.resolve().is_relative_to(folder) for folder in fetcher.allowed_dirs):
                problems.append(CssProblem(path, 1, "stylesheet refused (outside the theme folders)"))
                continue
            try:
                data = read_theme_file(path, fetcher.allowed_dirs)
            except TemplateError as exc:
                problems.append(CssProblem(path, 1, exc.message))
                continue
            budget.spend("stylesheet", len(data), path, 1)
            try:
                source = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data.count(b"\n", 0, exc.start) + 1
                problems.append(CssProblem(path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                                                       "save it as UTF-8"))
                source = data.decode("utf-8", "replace")
            text = _resolve(path, source, fetcher, (problems, ignored), depth=0, read=read, budget=budget)
            parts.append(f"/* {path.parent.name}/{path.name} */\n{text}")
    except _OverBudget as over:
        # Alone (the loop's other problems only repeat it) and not logged: Theme.css() raises it as
        # the build's error, `template check` lists it.
        return ResolvedCss("", (over.problem,), error=over.problem)
    for problem in problems:
        log.warning("%s", problem)
    every_ignored = tuple(problem for found in ignored.values() for problem in found)
    for line in warning_lines(every_ignored):
        log.warning("%s", line)
    return ResolvedCss("\n".join(parts), tuple(problems), ignored=every_ignored)


class _Lines:
    """Line numbers of positions met in order (as re.sub meets its matches): counted once, so a
    stylesheet with a hundred thousand url()s is not scanned a hundred thousand times."""

    def __init__(self, text: str) -> None:
        self.text, self.index, self.line = text, 0, 1

    def at(self, index: int) -> int:
        self.line += self.text.count("\n", self.index, index)
        self.index = index
        return self.line


def _resolve(path: Path, text: str, fetcher: SafeFetcher,
             found: tuple[list[CssProblem], dict[Path, list[CssProblem]]], depth: int,
             read: list[Path], budget: _Budget) -> str:
    """`text` (of the stylesheet `path`) self-contained; its refused references added to `found`'s
    problems, what WeasyPrint would ignore in it to `found`'s second part (once per file)."""
    from briefgen.render.css_check import check_stylesheet

    problems, ignored = found
    # Each file once, with its own lines (an @import of a data: URL is the importer's, already checked).
    if path not in ignored:
        ignored[path] = check_stylesheet(path, text)
    # Comments out first (lines kept), so a commented-out url() is neither fetched nor reported.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = _Lines(text)

    def on_import(match: re.Match) -> str:
        url = (match.group("u1") or match.group("u2") or "").strip()
        line = lines.at(match.start())
        if depth >= MAX_IMPORT_DEPTH:
            problems.append(CssProblem(path, line, f"@import nested more than {MAX_IMPORT_DEPTH} deep: {url[:120]}"))
            return ""
        budget.spend("@import", 0, path, line)
        body = _fetch(url, path, fetcher, problems, line, "@import", budget.fetched)
        if body is None:
            return ""
        budget.spend("stylesheet", len(body), path, line)
        target = _target(url, path)
        if target is not None:
            read.append(target)
        return _resolve(target or path, body.decode("utf-8", "replace"), fetcher, found, depth + 1, read, budget)

    def on_url(match: re.Match) -> str:
        url = match.group("url").strip()
        if not url or url.startswith("#"):
            return match.group(0)
        if url.lower().startswith("data:"):
            return match.group(0)
        line = lines.at(match.start())
        body = _fetch(url, path, fetcher, problems, line, "url()", budget.fetched)
        if body is None:
            return EMPTY_URL
        budget.spend("url()", len(body), path, line)
        mime = mimetypes.guess_type(url.split("?")[0])[0] or "application/octet-stream"
        return f'url("data:{mime};base64,{base64.b64encode(body).decode("ascii")}")'

    return _REFERENCE.sub(lambda m: on_import(m) if m.group("import") else on_url(m), text)


def _target(url: str, stylesheet: Path) -> Path | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE):
        return None
    return (stylesheet.parent / url.split("?")[0].split("#")[0]).resolve()


def _fetch(url: str, stylesheet: Path, fetcher: SafeFetcher, problems: list[CssProblem], line: int,
           what: str, fetched: dict[str, bytes | None]) -> bytes | None:
    """The bytes `url` (in `stylesheet`, at `line`) names, each URL fetched once per theme (`fetched`):
    a file used a hundred times is read once, and is not taken for an @import loop by the fetcher."""
    target = _target(url, stylesheet)
    absolute = target.as_uri() if target is not None else url
    if absolute not in fetched:
        fetched[absolute] = _read(fetcher, absolute, stylesheet, line)
    body = fetched[absolute]
    if body is None:
        reason = ("only data: URLs and theme files are allowed" if target is None
                  else "no such file" if not target.is_file() else "outside the theme folders")
        problems.append(CssProblem(stylesheet, line, f"{what} refused ({reason}): {short_url(url)}"))
    return body


def _read(fetcher: SafeFetcher, url: str, stylesheet: Path, line: int) -> bytes | None:
    try:
        response = fetcher.fetch(url)
        try:
            return response.read()
        finally:
            response.close()
    except FetchLimitError as exc:
        raise _OverBudget(CssProblem(stylesheet, line, exc.message)) from None
    except Exception:  # noqa: BLE001 — refused or unreadable: the same outcome for the brief
        return None
