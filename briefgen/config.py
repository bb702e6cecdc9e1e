"""One settings object for a run, built from defaults and CLI flags and validated once."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import ConfigError

SOURCES_CONFIG = "briefgen.toml"

OUTPUT_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".json": "json"}
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class Settings:
    theme: str = "default"
    locale: str | None = None  # None: the sources' language, else English
    page_size: str = "A4"
    max_pages: int = 1
    notes: Path | None = None
    max_source_bytes: int = 25 * 1024 * 1024
    source_timeout: float = 60.0  # seconds to read and extract one source file
    pdf_variant: str | None = None   # e.g. "pdf/ua-1": tagged, accessible PDF (WeasyPrint's variants)
    jobs: int = 0                    # processes for ingest + extract; 0: every core this process may use
    cache: bool = True               # reuse per-file facts from the facts cache (see factcache.py)
    cache_dir: Path | None = None    # the cache root (briefgen/cache); None: $BRIEFGEN_CACHE_DIR or the user's
    dask: str | None = None          # a Dask scheduler address, or "local": extract on Dask instead

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise ConfigError(f"unknown page size {self.page_size!r} (choose {' or '.join(PAGE_SIZES)})")
        if self.max_pages < 1:
            raise ConfigError("--pages must be 1 or more")
        if self.jobs < 0:
            raise ConfigError("--jobs must be 1 or more")
        if self.dask is not None:
            from briefgen.dask_runner import check_address

            check_address(self.dask)


def output_format(path: Path) -> str:
    fmt = OUTPUT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ConfigError(f"cannot tell the output format from the extension "
                          f"(use {', '.join(sorted(OUTPUT_FORMATS))})", path)
    return fmt


def _folder_configs(paths: list[Path]) -> list[tuple[Path, dict]]:
    """(path, table) of the `briefgen.toml` in each given source folder that has one."""
    from briefgen.untrusted import CONFIG_LIMITS, load_toml, read_text

    found: list[tuple[Path, dict]] = []
    for folder in paths:
        path = folder / SOURCES_CONFIG
        if not folder.is_dir() or not os.path.lexists(path):
            continue
        if path.is_symlink():
            try:
                inside = path.resolve().is_relative_to(folder.resolve())
            except (RuntimeError, OSError):     # a link loop (Python 3.11 raises RuntimeError)
                raise ConfigError("a symlink that leads nowhere (a loop?); not followed", path) from None
            if not inside:
                # Never followed: the sources folder may come from someone else, the file it names is ours.
                raise ConfigError(f"symlink points outside {folder}; not followed", path)
        found.append((path, load_toml(read_text(path, CONFIG_LIMITS, ConfigError), path, CONFIG_LIMITS, ConfigError)))
    return found


def outlet_tiers(paths: list[Path]) -> dict[str, int]:
    """Outlet tiers from `briefgen.toml` in the given source folders (1 = most trusted):

        [outlets]
        "VOA News" = 1
        "Daily Mail" = 3

    Outlet names match case-insensitively. Every problem is an error naming file and line."""
    tiers: dict[str, int] = {}
    for path, data in _folder_configs(paths):
        outlets = data.get("outlets", {})
        if not isinstance(outlets, dict):
            raise ConfigError("[outlets] must be a table of outlet = tier", path)
        for name, tier in outlets.items():
            if isinstance(tier, bool) or not isinstance(tier, int) or not 1 <= tier <= 9:
                raise ConfigError(f"tier of outlet {name!r} must be a whole number from 1 to 9", path)
            tiers[" ".join(name.casefold().split())] = tier
    return tiers


def sources_languages(paths: list[Path]) -> dict[Path, str]:
    """Source folder -> the language its `briefgen.toml` gives its articles (`language = "fr"`),
    for the ones whose own metadata names none; a folder without one: detect it from each text."""
    from briefgen.language import normalize

    found: dict[Path, str] = {}
    for path, data in _folder_configs(paths):
        if "language" not in data:
            continue
        lang = normalize(data["language"])
        if lang is None:
            raise ConfigError(f"language must be a language code such as \"fr\" (got {data['language']!r})", path)
        found[path.parent] = lang
    return found
