"""The one place the stages meet: ingest → extract → merge → compose → render → write.

Everything is gathered and rendered before anything is written, so a failure at any stage
leaves existing outputs untouched (and the writes themselves are atomic).
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.atomic import write_all_atomic
from briefgen.config import Settings, output_format
from briefgen.corpus import Parts, Scan, read_facts, scan
from briefgen.errors import NothingUsableError, SourceError
from briefgen.factcache import BriefCache, Composed
from briefgen.merge import merge, resolve
from briefgen.model import Facts

if TYPE_CHECKING:
    from briefgen.compose import TrimPlan

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
    fit_hints: dict[str, TrimPlan] = field(default_factory=dict)  # per language: what the fit dropped

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


def extract_facts(paths: Sequence[Path], settings: Settings, progress: Progress | None = None,
                  on_total: Callable[[int], None] | None = None) -> Facts:
    """Read every source and extract its facts; skipped sources become warnings in `Facts.warnings`."""
    found = scan(paths, settings)
    if on_total:
        on_total(len(found.files))
    return _merged(read_facts(found, settings, progress, known=set()), paths, found)


def _merged(parts: Parts, paths: Sequence[Path], found: Scan) -> Facts:
    facts = merge(parts.facts)
    facts.warnings = parts.warnings + facts.warnings
    if not facts.sources:
        where = ", ".join(str(p) for p in paths)
        from briefgen.ingest.base import known_extensions

        if found.files and parts.warnings:   # files were read, none usable: the last one's reason
            reason = parts.warnings[-1]
        elif parts.warnings:                 # nothing to read: say so, and what was there instead
            reason = "; ".join(["no readable article files", *parts.warnings])
        else:
            reason = f"no readable article files ({', '.join(known_extensions())})"
        raise NothingUsableError(f"no usable source: {reason}", where)
    return facts


def update_facts(facts: Facts, paths: Sequence[Path], settings: Settings, progress: Progress | None = None,
                 on_total: Callable[[int], None] | None = None) -> tuple[Facts, int]:
    """Add the sources `facts` does not hold yet. What is already there — the analyst's edits,
    removals and own facts — comes first in the merge, so it wins. Returns (facts, sources added)."""
    found = scan(paths, settings)
    if on_total:
        on_total(len(found.files))
    parts = read_facts(found, settings, progress, known={s.id for s in facts.sources})
    updated = merge([facts, *parts.facts])
    updated.warnings = parts.warnings + [w for part in parts.facts for w in part.warnings]
    return updated, len({s.id for part in parts.facts for s in part.sources})


def render_facts(facts: Facts, outputs: Sequence[Path], settings: Settings, *, merged: bool = False) -> BuildReport:
    """Render every requested output, then write them all (atomically). `merged`: the facts come
    straight from `extract_facts` (no need to resolve them again, unlike a hand-edited file)."""
    notes = _read_notes(settings.notes) if settings.notes else None
    if not merged:
        facts = resolve(facts.model_copy(deep=True))  # a hand-edited facts file may say things twice
    return render_composed(_compose(facts, notes), outputs, settings)


def _compose(facts: Facts, notes: str | None) -> Composed:
    from briefgen.compose import compose
    from briefgen.i18n import sources_language

    return Composed(brief=compose(facts, notes_markdown=notes), warnings=list(facts.warnings),
                    sources=len(facts.sources), language=sources_language(facts.sources))


def render_composed(composed: Composed, outputs: Sequence[Path], settings: Settings,
                    hints: dict[str, TrimPlan] | None = None) -> BuildReport:
    """Lay out and render a composed brief in every language asked for, then write all outputs.
    `hints`: what the one-page fit dropped for this very brief, theme and layout last time."""
    from briefgen.i18n import parse_locales
    from briefgen.render import render_locales

    formats = {path: output_format(path) for path in outputs}
    locales = parse_locales(settings.locale or composed.language)
    # One language: the outputs as named. Several: 'brief.pdf' becomes brief.en.pdf, brief.fr.pdf …
    results = render_locales(None, brief=composed.brief, locales=locales, formats=set(formats.values()),
                             theme=settings.theme, page_size=settings.page_size, max_pages=settings.max_pages,
                             pdf_variant=settings.pdf_variant, hints=hints)
    report = BuildReport(pages=max(r.pages for r in results), warnings=list(composed.warnings),
                         sources=composed.sources, passes=sum(r.passes for r in results),
                         languages=[{"language": r.locale, "pages": r.pages, "passes": r.passes,
                                     "dropped": list(r.dropped)} for r in results])
    several = len(results) > 1
    for result in results:
        report.dropped += [f"[{result.locale}] {item}" if several else item for item in result.dropped]
    outputs = {(localized_path(path, result.locale) if several else path): result.outputs[fmt]
               for result in results for path, fmt in formats.items()}
    write_all_atomic(outputs)
    report.written = list(outputs)
    report.fit_hints = {r.locale: r.trimmed for r in results}
    return report


def localized_path(path: Path, tag: str) -> Path:
    """brief.pdf → brief.fr.pdf (one file per language of a multi-language run)."""
    return path.with_name(f"{path.stem}.{tag}{path.suffix}")


def build(paths: Sequence[Path], outputs: Sequence[Path], settings: Settings,
          progress: Progress | None = None, on_total: Callable[[int], None] | None = None) -> BuildReport:
    """Sources to written outputs. When no source, tier or note changed since a build with the
    same code, the composed brief comes from the brief cache: no file is parsed and nothing is
    merged, only laid out and rendered again (for another theme, language or page size)."""
    check_render_settings(outputs, settings)  # a bad -o, --lang, --notes or --theme fails before any work
    start = time.perf_counter()
    notes = _read_notes(settings.notes) if settings.notes else None
    found = scan(paths, settings)
    if on_total:
        on_total(len(found.files))
    briefs = BriefCache(settings.cache_dir) if settings.cache else None
    key = briefs.key(found.digest(), notes) if briefs else ""
    composed = briefs.get(key, notes) if briefs else None
    reusable = composed is not None   # a brief the cache holds under `key`: its fit may be kept too
    if composed is not None:
        if progress:
            for path in found.files:
                progress(str(path))
    else:
        composed, complete = _compose_corpus(found, paths, settings, progress, notes)
        if briefs and complete:
            briefs.put(key, composed)
            reusable = True
    composed_at = time.perf_counter()
    fit_key = briefs.fit_key(key, _theme_folders(settings.theme), settings.page_size, settings.max_pages,
                             settings.locale or composed.language, settings.pdf_variant) if briefs else ""
    report = render_composed(composed, outputs, settings, briefs.get_fit(fit_key) if briefs else None)
    if briefs and reusable:
        briefs.put_fit(fit_key, report.fit_hints)
    report.seconds = {"read_extract_merge_compose": composed_at - start,
                      "render": time.perf_counter() - composed_at}
    return report


def _compose_corpus(found: Scan, paths: Sequence[Path], settings: Settings, progress: Progress | None,
                    notes: str | None) -> tuple[Composed, bool]:
    """Facts → composed brief, in a function of its own so the facts of a large corpus are
    freed before layout starts (the peak memory is then the larger of the two, not their sum)."""
    parts = read_facts(found, settings, progress, known=set())
    return _compose(_merged(parts, paths, found), notes), parts.complete


def _theme_folders(theme: str) -> list[Path]:
    from briefgen.render.theme import load_theme

    return list(load_theme(theme).folders)


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
