"""Every call the pipeline makes to the caches of factcache.py, in one place.

The stages know nothing of caching: the pipeline wraps them (`cached`). Should the cache
module change, this file is the one to re-point.

- facts: one file's `FileFacts` by the file's content key (what ingest + extract made of it);
- brief: the composed brief by the digest of the whole corpus and the analyst note;
- fit: what the one-page fit left out of that brief, for one theme, page and language.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefgen.config import Settings
from briefgen.factcache import BriefCache, Composed, FactCache, FileFacts

if TYPE_CHECKING:
    from briefgen.compose.trim import TrimPlan

T = TypeVar("T")

__all__ = ["Caches", "Composed", "FileFacts", "cached", "content_key"]


def content_key(path: Path, data: bytes, language: str | None = None) -> str:
    """The key of one source file's facts: its bytes, extension and briefgen.toml language."""
    return FactCache.key(path, data, language)


def cached(step: Callable[[], T], *, get: Callable[[], T | None], put: Callable[[T], bool],
           on_hit: Callable[[], None] | None = None) -> tuple[T, bool]:
    """`get()`, else `step()` offered to `put` (which says whether it kept it). Returns the
    result and whether the cache now holds it."""
    hit = get()
    if hit is not None:
        if on_hit:
            on_hit()
        return hit, True
    made = step()
    return made, put(made)


class Caches:
    """The caches of one run, or none of them (`--no-cache`): each call is then a miss."""

    def __init__(self, settings: Settings) -> None:
        self._on, self._root = settings.cache, settings.cache_dir
        self._facts: FactCache | None = None
        self._briefs: BriefCache | None = None

    # Made on first use: a store fingerprints briefgen's code, which a run that never asks
    # (`render` of a facts file) need not pay for.
    @property
    def facts(self) -> FactCache | None:
        if self._on and self._facts is None:
            self._facts = FactCache(self._root)
        return self._facts

    @property
    def briefs(self) -> BriefCache | None:
        if self._on and self._briefs is None:
            self._briefs = BriefCache(self._root)
        return self._briefs

    # -- facts of one file --------------------------------------------------------------
    def file_facts(self, key: str) -> FileFacts | None:
        return self.facts.get(key) if self.facts else None

    def keep_file_facts(self, result: FileFacts, result_json: str) -> None:
        if self.facts and result.cacheable and result.key:
            self.facts.put(result.key, result_json)

    # -- the composed brief -------------------------------------------------------------
    def brief_key(self, corpus_digest: str, notes: str | None) -> str:
        return self.briefs.key(corpus_digest, notes) if self.briefs else ""

    def brief(self, key: str, notes: str | None) -> Composed | None:
        return self.briefs.get(key, notes) if self.briefs else None

    def keep_brief(self, key: str, composed: Composed, complete: bool) -> bool:
        """Keep a brief made from a complete corpus (no timeout, no crash); True if kept."""
        if self.briefs and complete:
            self.briefs.put(key, composed)
            return True
        return False

    # -- the one-page fit ---------------------------------------------------------------
    def fit_key(self, brief_key: str, settings: Settings, language: str) -> str:
        if not self.briefs:
            return ""
        from briefgen.render.theme import load_theme

        return self.briefs.fit_key(brief_key, list(load_theme(settings.theme).folders), settings.page_size,
                                   settings.max_pages, settings.locale or language, settings.pdf_variant)

    def fit(self, key: str) -> dict[str, TrimPlan] | None:
        return self.briefs.get_fit(key) if self.briefs else None

    def keep_fit(self, key: str, hints: dict[str, TrimPlan]) -> None:
        if self.briefs:
            self.briefs.put_fit(key, hints)
