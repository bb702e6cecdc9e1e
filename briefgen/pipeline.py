"""The one place the stages meet: ingest → extract → merge → compose → render → write.

Everything is gathered and rendered before anything is written, so a failure at any stage
leaves existing outputs untouched (and the writes themselves are atomic).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.atomic import write_atomic
from briefgen.config import Settings, output_format
from briefgen.errors import BriefgenError, ExtractError, NothingUsableError, SourceError
from briefgen.ingest import discover, read_file
from briefgen.merge import merge, resolve
from briefgen.model import Facts

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    pages: int = 0
    dropped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sources: int = 0


def _extract_parts(paths: Sequence[Path], settings: Settings, progress: Progress | None,
                   on_total: Callable[[int], None] | None, known: set[str]) -> tuple[list[Facts], list[str]]:
    """Facts of every readable source not in `known`, plus one warning per skipped file."""
    from briefgen.extract import extract_source

    files, warnings = discover(list(paths))
    if on_total:
        on_total(len(files))
    parts: list[Facts] = []
    for path in files:
        if progress:
            progress(str(path))
        try:
            sources, more = read_file(path, settings.max_source_bytes)
            warnings.extend(more)
            parts.extend(extract_source(source) for source in sources if source.id not in known)
        except (SourceError, ExtractError) as exc:
            warnings.append(f"{exc} (skipped)")
        except BriefgenError:
            raise
        except Exception as exc:  # noqa: BLE001 — one bad file must not stop the build
            warnings.append(f"{path}: skipped: unexpected {type(exc).__name__}: {exc}")
    return parts, warnings


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
    updated.warnings = warnings
    return updated, len(parts)


def render_facts(facts: Facts, outputs: Sequence[Path], settings: Settings) -> BuildReport:
    """Render every requested output, then write them all (atomically)."""
    from briefgen.render import render

    formats = {path: output_format(path) for path in outputs}
    notes = _read_notes(settings.notes) if settings.notes else None
    facts = resolve(facts.model_copy(deep=True))  # a hand-edited facts file may say things twice
    locale = settings.locale or _sources_language(facts)
    result = render(facts, formats=set(formats.values()), theme=settings.theme, locale=locale,
                    page_size=settings.page_size, notes_markdown=notes, max_pages=settings.max_pages)
    report = BuildReport(pages=result.pages, dropped=list(result.dropped),
                         warnings=list(facts.warnings), sources=len(facts.sources))
    for path, fmt in formats.items():
        write_atomic(path, result.outputs[fmt])
        report.written.append(path)
    return report


def build(paths: Sequence[Path], outputs: Sequence[Path], settings: Settings,
          progress: Progress | None = None, on_total: Callable[[int], None] | None = None) -> BuildReport:
    for path in outputs:
        output_format(path)  # refuse a bad -o before doing any work
    facts = extract_facts(paths, settings, progress, on_total)
    return render_facts(facts, outputs, settings)


def _read_notes(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read the analyst note: {exc}", path) from exc


def _sources_language(facts: Facts) -> str:
    languages = [s.language for s in facts.sources if s.language]
    return max(set(languages), key=languages.count) if languages else "en"
