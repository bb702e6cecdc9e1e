"""The facts cache and the brief cache: the typed entries of three kinds of briefgen.cache.

Facts: what ingest + extract made of one source file (`FileFacts`), kept by the file's bytes and
extension (which picks the reader). Briefs: a composed brief, kept by every file's key, the
tiers and the analyst note. Fit: which items the one-page fit left out, kept by the brief, every
file of the theme and the layout settings. Their folders are named by the code that makes them
(briefgen/cache/keys.py), so a new briefgen, or an edited rule during development, never sees an
old entry.

Safe by construction rather than by locking: entries are written to a temp file and renamed into
place (two runs writing the same entry write the same bytes; the last rename wins), and an entry
that does not parse, does not validate or does not name its own key is a miss and is rewritten.
Entries are not fsync'ed: losing one to a crash only costs the work again.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from briefgen import kinds
from briefgen.cache import BRIEFS, FACTS, FIT, Store, entry_key
from briefgen.model import Brief
from briefgen.workers import FileFacts

if TYPE_CHECKING:
    from briefgen.compose.trim import TrimPlan

__all__ = ["BriefCache", "Composed", "FactCache", "FileFacts"]


class Composed(BaseModel):
    """A composed brief and what a build reports about its facts: what the brief cache keeps."""

    brief: Brief
    warnings: list[str] = []
    sources: int = 0
    language: str = "en"     # the sources' language: the brief's default locale


class FactCache(Store):
    """Per-file facts on disk, under <cache root>/facts/<version>/<2 hex>/<key>.json."""

    def __init__(self, root: Path | None = None) -> None:
        super().__init__(FACTS, root)

    @staticmethod
    def key(path: Path, data: bytes, language: str | None = None) -> str:
        # The folder's briefgen.toml language changes how the bytes are read; registered fact kinds
        # (briefgen.kinds, known only at run time) add to what is extracted from them.
        registered = kinds.names()
        return entry_key(data, path.suffix.lower(), *([language] if language else []),
                         *([registered] if registered else []))

    @staticmethod
    def _entry(key: str) -> str:
        return f"{key[:2]}/{key}.json"

    def get(self, key: str) -> FileFacts | None:
        """The entry for `key`, or None when there is none or it is unreadable (then it is removed)."""
        data = self.read(self._entry(key))
        if data is None:
            return None
        try:
            found = FileFacts.model_validate_json(data)
            # Every article has its source: read_facts and merge rely on it.
            if found.key == key and all(part.sources for part in found.parts):
                return found
        except (ValidationError, ValueError, RecursionError):
            pass
        self.drop(self._entry(key))   # a torn or foreign file: read the source again and rewrite it
        return None

    def put(self, key: str, result_json: str | bytes) -> None:
        """Store one `FileFacts` (as JSON, already carrying `key`). A read-only or full disk only
        costs the extraction again next time, so failures here are silent."""
        self.write(self._entry(key), result_json.encode("utf-8") if isinstance(result_json, str) else result_json)


class BriefCache(Store):
    """Composed briefs by the digest of their inputs (every file's content key, the tiers, the
    note), and the fit decisions made for them. A hit means nothing to read, extract, merge or
    compose: an unchanged corpus of any size is only laid out again.

    No markup is kept: the analyst note is put back from the note read for the key on every hit,
    and render makes its HTML, so an entry someone else wrote cannot put raw HTML into a brief."""

    def __init__(self, root: Path | None = None) -> None:
        super().__init__(BRIEFS, root)
        self.fits = Store(FIT, self.root)

    def key(self, corpus_digest: str, notes: str | None) -> str:
        return entry_key(corpus_digest.encode(), notes or "")

    def get(self, key: str, notes: str | None) -> Composed | None:
        """The brief cached under `key` (made from `notes`), or None; an entry that does not
        parse or validate is a miss and is removed."""
        data = self.read(f"{key}.json")
        if data is None:
            return None
        try:
            composed = Composed.model_validate_json(data)
        except (ValidationError, ValueError, RecursionError):
            self.drop(f"{key}.json")
            return None
        # The note is part of the key: the entry's own copy of it is not trusted, nor any HTML.
        composed.brief.note_markdown, composed.brief.note_html = notes, None
        return composed

    def put(self, key: str, composed: Composed) -> None:
        kept = composed.model_copy(update={"brief": composed.brief.model_copy(update={"note_html": None})})
        self.write(f"{key}.json", kept.model_dump_json().encode("utf-8"))

    def fit_key(self, brief_key: str, theme_folders: list[Path], *layout: object) -> str:
        """Key of a fit decision: the brief, every file of the theme and the layout settings (page
        size, pages, languages); the fit kind's folder is named by the code that lays out."""
        from briefgen.render.theme import read_theme_file, theme_files

        digest = hashlib.blake2b(brief_key.encode(), digest_size=20)
        for folder in theme_folders:
            # A theme is hostile input: only its checked files (no symlink out, FIFO, /proc file or
            # oversize file; those are a TemplateError) are read.
            root = Path(folder).resolve()
            for path in theme_files(root):
                digest.update(b"\0" + str(path).encode() + b"\0" + read_theme_file(path, (root,)))
        return entry_key(digest.digest(), *layout)

    def get_fit(self, key: str) -> dict[str, TrimPlan] | None:
        """Per language, what the fit did last time; stored readable: {"en": ["sources:compact",
        "quote:1a2b3c4d", ...]} (`TrimPlan.keys`)."""
        from briefgen.compose.trim import TrimPlan

        data = self.fits.read(f"{key}.fit.json")
        try:
            hints = json.loads(data) if data is not None else None
        except (ValueError, RecursionError):
            return None
        valid = isinstance(hints, dict) and all(isinstance(v, list) and all(isinstance(i, str) for i in v)
                                                for v in hints.values())
        return {language: TrimPlan.from_keys(keys) for language, keys in hints.items()} if valid else None

    def put_fit(self, key: str, hints: dict[str, TrimPlan]) -> None:
        self.fits.write(f"{key}.fit.json", json.dumps({language: plan.keys() for language, plan in hints.items()})
                        .encode("utf-8"))
