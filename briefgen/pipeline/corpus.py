"""The first two stages on a corpus: ingest (which files, what their bytes hash to) and extract
(each file's facts, from the facts cache or the executor: this process, a pool, Dask).

`scan` reads every file once to hash it (no parsing), so a build can tell before any
extraction whether nothing changed (`Scan.digest`, the brief cache's key). `read_facts` then
gets each file's facts, re-reading only the files the cache does not know.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.config import Settings, outlet_tiers, sources_languages
from briefgen.errors import SourceError
from briefgen.ingest import discover, load_bytes
from briefgen.model import Facts
from briefgen.pipeline.cached import Caches, FileFacts, content_key
from briefgen.pipeline.executors import Executor
from briefgen.workers import Item

Progress = Callable[[str], None]


@dataclass
class Scan:
    """The files of a corpus and the content key of each readable one."""

    paths: list[Path]                                               # as given: folders and files
    files: list[Path]
    keys: dict[str, str] = field(default_factory=dict)              # path -> content key
    skipped: dict[str, FileFacts] = field(default_factory=dict)     # path -> why it cannot be read
    warnings: list[str] = field(default_factory=list)
    tiers: dict[str, int] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)        # path -> language from briefgen.toml

    def digest(self) -> str:
        """One hash of everything the facts of this corpus depend on besides code: each file's
        name and content key (or why it was skipped), in order, and the outlet tiers."""
        digest = hashlib.blake2b(digest_size=20)
        for path in self.files:
            name = str(path)
            digest.update(f"{name}\0{self.keys.get(name) or self.skipped[name].error}\n".encode())
        digest.update(repr(sorted(self.tiers.items())).encode())
        digest.update(repr(self.warnings).encode())
        return digest.hexdigest()


def scan(paths: Sequence[Path], settings: Settings) -> Scan:
    files, warnings = discover(list(paths))
    found = Scan(paths=list(paths), files=files, warnings=warnings, tiers=outlet_tiers(list(paths)))
    folders = sources_languages(list(paths))
    for path in files:
        lang = next((lang for folder, lang in folders.items() if path.is_relative_to(folder)), None)
        if lang:
            found.languages[str(path)] = lang
        try:
            found.keys[str(path)] = content_key(path, load_bytes(path, settings.max_source_bytes), lang)
        except SourceError as exc:
            found.skipped[str(path)] = FileFacts(path=str(path), error=f"{exc} (skipped)")
    return found


@dataclass
class Parts:
    facts: list[Facts]
    warnings: list[str]
    complete: bool      # every file's result is cacheable (no timeout, no crash): the brief may be cached
    found: Scan         # what was read: a merge that finds nothing usable says what was there


def read_facts(found: Scan, settings: Settings, progress: Progress | None, known: set[str], *,
               caches: Caches, executor: Executor) -> Parts:
    """Facts of every readable source not in `known`, in file order, plus one warning per
    skipped file. Files whose bytes the facts cache knows are not read again; the others are
    read and extracted by `executor` (this process, a local process pool or Dask)."""
    done: dict[str, FileFacts] = dict(found.skipped)
    missing: list[Path] = []
    for path in found.files:
        name = str(path)
        if name in done:
            pass
        elif (hit := caches.file_facts(found.keys[name])) is not None:
            done[name] = hit.moved_to(name)
        else:
            missing.append(path)
            continue
        if progress:
            progress(name)

    changed: list[str] = []
    for result_json in executor(_items(missing, settings, done, found, changed), len(missing)):
        result = FileFacts.model_validate_json(result_json)
        caches.keep_file_facts(result, result_json)
        done[result.path] = result
        if progress:
            progress(result.path)

    parts: list[Facts] = []
    warnings = list(found.warnings)
    for path in found.files:
        result = done[str(path)]
        if result.error:
            warnings.append(result.error)
            continue
        warnings.extend(result.warnings)
        for part in result.parts:
            if part.sources[0].id in known:
                continue
            for source in part.sources:
                source.tier = found.tiers.get(" ".join((source.outlet or "").casefold().split()))
            parts.append(part)
    return Parts(parts, warnings, complete=not changed and all(r.cacheable for r in done.values()), found=found)


def _items(missing: list[Path], settings: Settings, done: dict[str, FileFacts], found: Scan,
           changed: list[str]) -> Iterator[Item]:
    """(key, path, bytes) of each file to extract, read only when a worker is ready for it (so
    the bytes of a large corpus are never all held). A file edited since the scan is noted."""
    for path in missing:
        try:
            data = load_bytes(path, settings.max_source_bytes)
        except SourceError as exc:
            done[str(path)] = FileFacts(path=str(path), error=f"{exc} (skipped)")
            changed.append(str(path))
            continue
        lang = found.languages.get(str(path))
        key = content_key(path, data, lang)
        if key != found.keys.get(str(path)):
            changed.append(str(path))
        yield key, str(path), data, lang

