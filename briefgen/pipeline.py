"""The one place the stages meet: ingest → extract → merge → compose → render → write.

Everything is gathered and rendered before anything is written, so a failure at any stage
leaves existing outputs untouched (and the writes themselves are atomic).
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.atomic import write_all_atomic
from briefgen.config import Settings, outlet_tiers, output_format
from briefgen.errors import NothingUsableError, SourceError
from briefgen.factcache import FactCache, FileFacts
from briefgen.ingest import discover, load_bytes
from briefgen.merge import merge, resolve
from briefgen.model import Facts
from briefgen.workers import Item, default_jobs, run_local

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    pages: int = 0
    dropped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sources: int = 0
    passes: int = 0                                            # layout passes, every language together
    languages: list[dict] = field(default_factory=list)       # per language: pages, passes, dropped
    seconds: dict[str, float] = field(default_factory=dict)   # wall time per stage: extract, render

    def as_dict(self) -> dict:
        """What `--report report.json` holds: what the one-page fit left out, in how many passes,
        how long each stage took and the peak memory (RSS) of this process and of its workers."""
        return {"pages": self.pages, "passes": self.passes, "dropped": self.dropped, "sources": self.sources,
                "written": [str(p) for p in self.written], "warnings": self.warnings,
                "languages": self.languages, "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
                "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory so far: this process, and the largest of its finished workers."""
    import resource

    scale = 1024 if sys.platform != "darwin" else 1024 * 1024   # Linux reports KiB, macOS bytes
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
    return {"main": round(own, 1), "largest_worker": round(workers, 1)}


def _extract_parts(paths: Sequence[Path], settings: Settings, progress: Progress | None,
                   on_total: Callable[[int], None] | None, known: set[str]) -> tuple[list[Facts], list[str]]:
    """Facts of every readable source not in `known`, in a stable order, plus one warning per
    skipped file. Files whose bytes the facts cache knows are not read again; the others are
    read and extracted in this process, a local process pool (`jobs`) or on Dask."""
    files, warnings = discover(list(paths))
    tiers = outlet_tiers(list(paths))
    if on_total:
        on_total(len(files))
    cache = FactCache(settings.cache_dir) if settings.cache else None
    done: dict[str, FileFacts] = {}
    missing: list[Path] = []
    for path in files:
        try:
            data = load_bytes(path, settings.max_source_bytes)
        except SourceError as exc:
            done[str(path)] = FileFacts(path=str(path), error=f"{exc} (skipped)")
        else:
            hit = cache.get(FactCache.key(path, data)) if cache else None
            if hit is None:
                missing.append(path)
                continue
            done[str(path)] = hit.moved_to(str(path))
        if progress:
            progress(str(path))

    def finished(result_json: str) -> None:
        result = FileFacts.model_validate_json(result_json)
        if cache and result.cacheable and result.key:
            cache.put(result.key, result_json)
        done[result.path] = result
        if progress:
            progress(result.path)

    for result_json in _run(_items(missing, settings, done), len(missing), settings):
        finished(result_json)

    parts: list[Facts] = []
    for path in files:
        result = done[str(path)]
        if result.error:
            warnings.append(result.error)
            continue
        warnings.extend(result.warnings)
        for part in result.parts:
            if part.sources[0].id in known:
                continue
            for source in part.sources:
                source.tier = tiers.get(" ".join((source.outlet or "").casefold().split()))
            parts.append(part)
    return parts, warnings


def _items(missing: list[Path], settings: Settings, done: dict[str, FileFacts]) -> Iterator[Item]:
    """(key, path, bytes) of each file to extract, read only when a worker is ready for it."""
    for path in missing:
        try:
            data = load_bytes(path, settings.max_source_bytes)  # again: the bytes are not kept around
        except SourceError as exc:
            done[str(path)] = FileFacts(path=str(path), error=f"{exc} (skipped)")
            continue
        yield FactCache.key(path, data), str(path), data


def _run(items: Iterator[Item], count: int, settings: Settings) -> Iterator[str]:
    jobs = settings.jobs or default_jobs()
    if settings.dask:
        from briefgen.dask_runner import run_dask

        return run_dask(items, settings.dask, jobs, settings.source_timeout)
    return run_local(items, count, jobs, settings.source_timeout)


def extract_facts(paths: Sequence[Path], settings: Settings, progress: Progress | None = None,
                  on_total: Callable[[int], None] | None = None) -> Facts:
    """Read every source and extract its facts; skipped sources become warnings in `Facts.warnings`."""
    parts, warnings = _extract_parts(paths, settings, progress, on_total, known=set())
    facts = merge(parts)
    facts.warnings = warnings + facts.warnings
    if not facts.sources:
        where = ", ".join(str(p) for p in paths)
        reason = warnings[-1] if warnings else "no readable article files (.txt, .html, .md, .json)"
        raise NothingUsableError(f"no usable source: {reason}", where)
    return facts


def update_facts(facts: Facts, paths: Sequence[Path], settings: Settings, progress: Progress | None = None,
                 on_total: Callable[[int], None] | None = None) -> tuple[Facts, int]:
    """Add the sources `facts` does not hold yet. What is already there — the analyst's edits,
    removals and own facts — comes first in the merge, so it wins. Returns (facts, sources added)."""
    parts, warnings = _extract_parts(paths, settings, progress, on_total, known={s.id for s in facts.sources})
    updated = merge([facts, *parts])
    updated.warnings = warnings + [w for part in parts for w in part.warnings]
    return updated, len({s.id for part in parts for s in part.sources})


def render_facts(facts: Facts, outputs: Sequence[Path], settings: Settings, *, merged: bool = False) -> BuildReport:
    """Render every requested output, then write them all (atomically). `merged`: the facts come
    straight from `extract_facts` (no need to resolve them again, unlike a hand-edited file)."""
    from briefgen.i18n import parse_locales, sources_language
    from briefgen.render import render_locales

    formats = {path: output_format(path) for path in outputs}
    notes = _read_notes(settings.notes) if settings.notes else None
    if not merged:
        facts = resolve(facts.model_copy(deep=True))  # a hand-edited facts file may say things twice
    locales = parse_locales(settings.locale or sources_language(facts.sources))
    # One language: the outputs as named. Several: 'brief.pdf' becomes brief.en.pdf, brief.fr.pdf …
    results = render_locales(facts, locales=locales, formats=set(formats.values()), theme=settings.theme,
                             page_size=settings.page_size, notes_markdown=notes, max_pages=settings.max_pages,
                             pdf_variant=settings.pdf_variant)
    report = BuildReport(pages=max(r.pages for r in results), warnings=list(facts.warnings),
                         sources=len(facts.sources), passes=sum(r.passes for r in results),
                         languages=[{"language": r.locale, "pages": r.pages, "passes": r.passes,
                                     "dropped": list(r.dropped)} for r in results])
    several = len(results) > 1
    for result in results:
        report.dropped += [f"[{result.locale}] {item}" if several else item for item in result.dropped]
    outputs = {(localized_path(path, result.locale) if several else path): result.outputs[fmt]
               for result in results for path, fmt in formats.items()}
    write_all_atomic(outputs)
    report.written = list(outputs)
    return report


def localized_path(path: Path, tag: str) -> Path:
    """brief.pdf → brief.fr.pdf (one file per language of a multi-language run)."""
    return path.with_name(f"{path.stem}.{tag}{path.suffix}")


def build(paths: Sequence[Path], outputs: Sequence[Path], settings: Settings,
          progress: Progress | None = None, on_total: Callable[[int], None] | None = None) -> BuildReport:
    check_render_settings(outputs, settings)  # a bad -o, --lang, --notes or --theme fails before any work
    start = time.perf_counter()
    facts = extract_facts(paths, settings, progress, on_total)
    extracted = time.perf_counter()
    report = render_facts(facts, outputs, settings, merged=True)
    report.seconds = {"extract_and_merge": extracted - start, "render": time.perf_counter() - extracted}
    return report


def check_render_settings(outputs: Sequence[Path], settings: Settings) -> None:
    """Refuse what would make rendering fail, before minutes of extraction are spent."""
    from briefgen.i18n import parse_locales
    from briefgen.render.theme import load_theme

    for path in outputs:
        output_format(path)
    if settings.locale:
        parse_locales(settings.locale)
    if settings.notes:
        _read_notes(settings.notes)
    load_theme(settings.theme)


def _read_notes(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read the analyst note: {exc}", path) from exc
