"""One settings object for a run, built from defaults and CLI flags and validated once."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ConfigError

OUTPUT_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class Settings:
    theme: str = "default"
    locale: str | None = None  # None: the sources' language, else English
    page_size: str = "A4"
    max_pages: int = 1
    notes: Path | None = None
    max_source_bytes: int = 25 * 1024 * 1024

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise ConfigError(f"unknown page size {self.page_size!r} (choose {' or '.join(PAGE_SIZES)})")
        if self.max_pages < 1:
            raise ConfigError("--pages must be 1 or more")


def output_format(path: Path) -> str:
    fmt = OUTPUT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ConfigError(f"cannot tell the output format from the extension "
                          f"(use {', '.join(sorted(OUTPUT_FORMATS))})", path)
    return fmt
