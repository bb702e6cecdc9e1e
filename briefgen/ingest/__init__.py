"""Ingest: find source files, pick a reader by extension, return `Source`s and warnings.

One unreadable file never stops a build: it is skipped with one warning line naming it.
"""
from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from briefgen.errors import SourceError
from briefgen.ingest import html, json_source, markdown, txt  # noqa: F401  (register readers)
from briefgen.ingest.base import known_extensions, reader_for
from briefgen.ingest.decode import clean_text, decode_bytes
from briefgen.model import Source

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
# A news article is a few thousand words; past these caps a file is a dump, not an article, and
# reading it whole would only cost time. What is cut is reported, never dropped silently.
MAX_PAGE_CHARS = 2_000_000
MAX_ARTICLE_CHARS = 200_000


def discover(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to read, in a stable order: folders walked recursively, hidden entries skipped,
    symlinks that leave the folder not followed. Files of a kind briefgen does not read (.pdf,
    .docx …) inside folders get one summary warning naming a few of them; a file named
    explicitly with an unknown extension gets a warning of its own."""
    files: list[Path] = []
    warnings: list[str] = []
    unread: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:  # the same file named twice (a folder and a file in it) is read once
        key = _resolved(path) or path
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in paths:
        if given.is_dir():
            root = given.resolve()
            for dirpath, dirnames, filenames in os.walk(given, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    path = Path(dirpath) / name
                    if name.startswith("."):
                        continue
                    if path.suffix.lower() not in known_extensions():
                        unread.append(path)
                        continue
                    if path.is_symlink():
                        target = _resolved(path)
                        if target is None:
                            warnings.append(f"{path}: skipped: a symlink that leads nowhere (a loop?)")
                            continue
                        if not _inside(target, root):
                            warnings.append(f"{path}: skipped: symlink points outside {given}")
                            continue
                    add(path)
        elif given.is_file():
            if given.suffix.lower() in known_extensions():
                add(given)
            else:
                warnings.append(f"{given}: skipped: unknown kind of file "
                                f"(briefgen reads {', '.join(known_extensions())})")
        else:
            warnings.append(f"{given}: skipped: no such file or folder")
    if unread:
        warnings.insert(0, unread_summary(unread))
    return files, warnings


def _resolved(path: Path) -> Path | None:
    """`path` with its links followed; None for a link loop (Python 3.11 raises RuntimeError)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


SHOWN_UNREAD = 5


def unread_summary(unread: list[Path]) -> str:
    """One line for every file skipped for its kind: a folder of PDFs must not vanish quietly,
    nor fill the terminal."""
    names = ", ".join(str(p) for p in unread[:SHOWN_UNREAD])
    more = f" and {len(unread) - SHOWN_UNREAD} more" if len(unread) > SHOWN_UNREAD else ""
    return (f"skipped {len(unread)} file{'s' if len(unread) != 1 else ''} of a kind briefgen does not read: "
            f"{names}{more} (it reads {', '.join(known_extensions())})")


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
              language: str | None = None) -> tuple[list[Source], list[str]]:
    """Sources in one file plus warnings; raises SourceError when nothing in it is usable."""
    return read_data(load_bytes(path, max_bytes), path, language)


def load_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes of a source file, refusing what is not a readable article file of sane size.
    Apart from `read_data` so a build can hash the bytes (facts cache) before any parsing."""
    if reader_for(path) is None:
        raise SourceError("unknown kind of file", path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise SourceError("not a regular file", path)
        size = info.st_size
        if size > max_bytes:
            raise SourceError(f"too large ({size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:g} MB)",
                              path)
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from exc
    if len(data) > max_bytes:  # grew between stat and read
        raise SourceError(f"too large (the limit is {max_bytes / 1048576:g} MB)", path)
    return data


def read_data(data: bytes, path: Path, language: str | None = None) -> tuple[list[Source], list[str]]:
    """Sources in the bytes of one file (named `path`: the reader goes by its extension);
    `language` is the folder's (briefgen.toml), for articles whose metadata names none."""
    reader = reader_for(path)
    if reader is None:
        raise SourceError("unknown kind of file", path)
    if not data.strip():
        raise SourceError("empty file", path)
    text, _encoding = decode_bytes(data, str(path))
    text = clean_text(text)
    if not text.strip():
        raise SourceError("empty file", path)
    sources, warnings = [], []
    if len(text) > MAX_PAGE_CHARS:
        text = text[:MAX_PAGE_CHARS]
        warnings.append(f"{path}: very large; only the first {MAX_PAGE_CHARS:,} characters were read")
    articles = reader.read(text, path)
    for article in articles:
        if not article.text.strip():
            warnings.append(f"{path}: an article without text was skipped")
            continue
        warnings.extend(f"{path}: {w}" for w in article.warnings)
        if len(article.text) > MAX_ARTICLE_CHARS:
            cut = article.text.rfind("\n\n", 0, MAX_ARTICLE_CHARS)
            article.text = article.text[:cut if cut > 0 else MAX_ARTICLE_CHARS]
            warnings.append(f"{path}: article longer than {MAX_ARTICLE_CHARS:,} characters; the rest was not used")
        sources.append(article.to_source(str(path), language))
    if not sources:
        raise SourceError("no article text found", path)
    return sources, warnings
