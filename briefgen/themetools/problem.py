"""A problem `template check` reports, and where in the theme's files it is: the file and line a
theme's author opens to fix it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    sample: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}" + (f" [{self.sample}]" if self.sample else "")


def unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once (as the first sample met it), in the order found."""
    seen: dict[tuple, Problem] = {}
    for p in problems:
        seen.setdefault((p.path, p.line, p.message), p)
    return list(seen.values())


def template_files(folder: Path) -> list[Path]:
    """The theme's templates; a symlink leading out of the folder is not read (the loader refuses it too)."""
    root = folder.resolve()
    return sorted(p for p in folder.rglob("*.html") if p.is_file() and "locales" not in p.relative_to(folder).parts
                  and p.resolve().is_relative_to(root))


def line_in(path: Path, needle: str) -> int | None:
    try:
        for n, text in enumerate(path.read_bytes().decode("utf-8", "replace").splitlines(), start=1):
            if needle in text:
                return n
    except OSError:
        pass
    return None


def line_in_word(path: Path, needle: str) -> int | None:
    """The first line holding `needle` as a whole class name (not a prefix of a longer one)."""
    pattern = re.compile(re.escape(needle) + r"(?![\w-])")
    try:
        for n, text in enumerate(path.read_bytes().decode("utf-8", "replace").splitlines(), start=1):
            if pattern.search(text):
                return n
    except OSError:
        pass
    return None


def find_in_theme(theme, needle: str, display) -> tuple[str, int | None]:
    for folder in theme.folders:
        for path in [*template_files(folder), *folder.rglob("*.css")]:
            line = line_in(path, needle)
            if line:
                return display(path), line
    return display(theme.folders[0]), None
