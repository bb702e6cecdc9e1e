"""The loader of a theme's templates (`ThemeLoader`: only regular files of sane size inside the
theme folders), and the one-line error for a theme file that is not UTF-8.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from jinja2 import FileSystemLoader, TemplateNotFound
from jinja2.exceptions import TemplateSyntaxError
from jinja2.loaders import split_template_path

MAX_TEMPLATE_BYTES = 1_000_000      # a theme's template file; the built-in ones are a few KB


class ThemeLoader(FileSystemLoader):
    """A FileSystemLoader that serves only regular files of sane size whose real path is inside its
    folders: a link to `/etc/passwd` or `/proc/self/mem`, a FIFO (which would block the open) or a
    6 GB file is refused before it is opened."""

    def __init__(self, folders) -> None:
        super().__init__([str(f) for f in folders])
        self._roots = tuple(Path(f).resolve() for f in folders)

    def get_source(self, environment, template):
        filename = self._path_of(template)
        if filename is None:
            raise TemplateNotFound(template)
        size = os.stat(filename).st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateSyntaxError(f"a template of {size:,} bytes (the limit is {MAX_TEMPLATE_BYTES:,})",
                                      1, template, filename)
        try:
            source, filename, uptodate = super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            # Not a traceback: the file and line of the first byte that is not UTF-8.
            line, message = not_utf8(exc)
            raise TemplateSyntaxError(message, line, template, filename) from None
        self._inside(template, filename)
        return source, filename, uptodate

    def _inside(self, template: str, filename: str) -> None:
        real = Path(filename).resolve()
        if not any(real.is_relative_to(root) for root in self._roots):
            raise TemplateNotFound(f"{template} (it leads outside the theme folders)")

    def _path_of(self, template: str) -> str | None:
        for folder in self.searchpath:
            candidate = Path(folder, *split_template_path(template))
            if os.path.lexists(candidate):
                self._inside(template, str(candidate))
                if not stat.S_ISREG(candidate.stat().st_mode):
                    raise TemplateNotFound(f"{template} (not a regular file)")
                return str(candidate)
        return None


def not_utf8(exc: UnicodeDecodeError) -> tuple[int, str]:
    """(line, message) for a file that is not UTF-8 text."""
    data = exc.object
    return (data.count(b"\n", 0, exc.start) + 1,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8")
