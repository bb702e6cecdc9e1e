"""The one place the stages meet: ingest → extract → merge → compose → render → write.

Each stage is a typed step of `Pipeline`, model in, model out; caching wraps the steps (see
cached.py) and the extraction runs on an executor handed in (see executors.py). `build`,
`extract`, `render` and `serve` all go through a `Pipeline`.

Everything is gathered and rendered before anything is written, so a failure at any stage
leaves existing outputs untouched (and the writes themselves are atomic).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.atomic import write_all_atomic
from briefgen.config import Settings, output_format
from briefgen.errors import NothingUsableError, SourceError
from briefgen.model import Facts
from briefgen.pipeline.cached import Caches, Composed, cached
from briefgen.pipeline.corpus import Parts, Scan, read_facts, scan
from briefgen.pipeline.executors import Executor, executor_for
from briefgen.pipeline.preview import PreviewPage, preview_pages
from briefgen.pipeline.report import BuildReport, localized_path, peak_rss_mb

if TYPE_CHECKING:
    from briefgen.compose.trim import TrimPlan
    from briefgen.render import Renderer, RenderResult
    from briefgen.render.env import Localization

__all__ = ["BuildReport", "Pipeline", "build", "check_render_settings", "extract_facts", "localized_path",
           "peak_rss_mb", "read_notes", "render_facts", "update_facts"]

Progress = Callable[[str], None]


@dataclass
class Pipeline:
    """One run's stages, settings, caches and executor."""

    settings: Settings
    progress: Progress | None = None
    on_total: Callable[[int], None] | None = None
    executor: Executor | None = None       # None: the local pool, or Dask with --dask
    caches: Caches | None = None           # None: the caches the settings ask for
    _l10ns: dict = field(default_factory=dict, repr=False)    # (locale, source language) -> wording
    _l10n_renderer: object = field(default=None, repr=False)  # ... of this renderer
    # The last extract's results are all cacheable (no timeout, no crash, no file edited while
    # read): what is made from them may be kept in the brief cache.
    _complete: bool = field(default=True, repr=False)

    def __post_init__(self) -> None:
        self.executor = self.executor or executor_for(self.settings)
        self.caches = self.caches or Caches(self.settings)

    def run(self, paths: Sequence[Path], outputs: Sequence[Path]) -> BuildReport:
        """Sources to written outputs. When no source, tier or note changed since a build with the
        same code, the composed brief comes from the brief cache: no file is parsed and nothing is
        merged, only laid out and rendered again (for another theme, language or page size)."""
        self.check(outputs)  # a bad -o, --lang, --notes or --theme fails before any work
        start = time.perf_counter()
        notes = self.notes()
        corpus = self.ingest(paths)
        key = self.caches.brief_key(corpus.digest(), notes)
        composed, kept = cached(lambda: self.compose_corpus(corpus, notes), get=lambda: self.caches.brief(key, notes),
                                put=lambda made: self.caches.keep_brief(key, made, self._complete),
                                on_hit=lambda: self.skip(corpus))
        composed_at = time.perf_counter()
        fit_key = self.caches.fit_key(key, self.settings, composed.language)
        results = self.render(composed, outputs, hints=self.caches.fit(fit_key))
        report = self.write(composed, results, outputs)
        if kept:   # a brief the cache holds under `key`: its fit is kept with it
            self.caches.keep_fit(fit_key, report.fit_hints)
        report.seconds = {"read_extract_merge_compose": composed_at - start,
                          "render": time.perf_counter() - composed_at}
        return report

    def compose_corpus(self, corpus: Scan, notes: str | None) -> Composed:
        """extract → merge → compose, in a function of its own so the facts of a large corpus are
        freed before layout starts (the peak memory is then the larger of the two, not their sum)."""
        return self.compose(self.merge(self.extract(corpus)), notes)

    # -- the stages ------------------------------------------------------------------------
    def ingest(self, paths: Sequence[Path]) -> Scan:
        """The corpus's files and the content key of each (every file read once, not parsed)."""
        found = scan(paths, self.settings)
        if self.on_total:
            self.on_total(len(found.files))
        return found

    def extract(self, corpus: Scan, known: set[str] | None = None) -> Parts:
        """The facts of every article not in `known`, from the facts cache or the executor."""
        parts = read_facts(corpus, self.settings, self.progress, known or set(), caches=self.caches,
                           executor=self.executor)
        self._complete = parts.complete
        return parts

    def merge(self, parts: Parts) -> Facts:
        """One set of facts: duplicates clustered, copies folded, conflicts kept."""
        from briefgen.merge import merge

        facts = merge(parts.facts)
        facts.warnings = parts.warnings + facts.warnings
        if not facts.sources:
            raise NothingUsableError(f"no usable source: {_why_nothing(parts)}",
                                     ", ".join(str(p) for p in parts.found.paths))
        return facts

    def compose(self, facts: Facts, notes: str | None) -> Composed:
        """What goes on the page, and what a build reports about the facts it came from."""
        from briefgen.compose import compose
        from briefgen.i18n import sources_language

        return Composed(brief=compose(facts, notes_markdown=notes), warnings=list(facts.warnings),
                        sources=len(facts.sources), language=sources_language(facts.sources))

    def render(self, composed: Composed, outputs: Sequence[Path],
               hints: dict[str, TrimPlan] | None = None) -> list[RenderResult]:
        """The brief laid out and rendered in every language asked for, every format of `outputs`.
        `hints`: what the one-page fit dropped for this very brief, theme and layout last time."""
        from briefgen.i18n import parse_locales
        from briefgen.render import render_locales

        s = self.settings
        return render_locales(composed.brief, locales=parse_locales(s.locale or composed.language),
                              formats={output_format(path) for path in outputs}, theme=s.theme,
                              page_size=s.page_size, max_pages=s.max_pages, pdf_variant=s.pdf_variant, hints=hints)

    def write(self, composed: Composed, results: list[RenderResult], outputs: Sequence[Path]) -> BuildReport:
        """Write every output at once (atomically). One language: the outputs as named. Several:
        'brief.pdf' becomes brief.en.pdf, brief.fr.pdf …"""
        formats = {path: output_format(path) for path in outputs}
        report = BuildReport.of(composed, results)
        several = len(results) > 1
        files = {(localized_path(path, result.locale) if several else path): result.outputs[fmt]
                 for result in results for path, fmt in formats.items()}
        write_all_atomic(files)
        report.written = list(files)
        return report

    # -- other runs ------------------------------------------------------------------------
    def facts(self, paths: Sequence[Path]) -> Facts:
        """ingest → extract → merge: what `briefgen extract` writes and `serve` previews."""
        return self.merge(self.extract(self.ingest(paths)))

    def update(self, facts: Facts, paths: Sequence[Path]) -> tuple[Facts, int]:
        """Add the sources `facts` does not hold yet. What is already there — the analyst's edits,
        removals and own facts — comes first in the merge, so it wins. Returns (facts, sources added)."""
        from briefgen.merge import merge

        parts = self.extract(self.ingest(paths), known={s.id for s in facts.sources})
        updated = merge([facts, *parts.facts])
        updated.warnings = parts.warnings + [w for part in parts.facts for w in part.warnings]
        return updated, len({s.id for part in parts.facts for s in part.sources})

    def resolved(self, facts: Facts) -> Facts:
        """A facts file as the merge would leave it: a hand-edited one may say things twice."""
        from briefgen.merge import resolve

        return resolve(facts.model_copy(deep=True))

    def run_facts(self, facts: Facts, outputs: Sequence[Path], *, merged: bool = False) -> BuildReport:
        """A facts file to written outputs: compose → render → write. `merged`: the facts come
        straight from `facts()` (no need to resolve them again, unlike a hand-edited file)."""
        notes = self.notes()
        composed = self.compose(facts if merged else self.resolved(facts), notes)
        return self.write(composed, self.render(composed, outputs), outputs)

    # -- helpers ---------------------------------------------------------------------------
    def notes(self) -> str | None:
        return read_notes(self.settings.notes) if self.settings.notes else None

    def skip(self, corpus: Scan) -> None:
        """Progress for files not read at all (their brief came from the cache)."""
        if self.progress:
            for path in corpus.files:
                self.progress(str(path))

    def check(self, outputs: Sequence[Path]) -> None:
        check_render_settings(outputs, self.settings)

    def renderer(self) -> Renderer:
        """The theme, its Jinja environment and fetcher, for `localize` and `preview`."""
        from briefgen.render import prepare

        return prepare(self.settings.theme, self.settings.page_size)

    def localize(self, renderer: Renderer, composed: Composed) -> Localization:
        """The wording of the brief's language (--lang, else the sources'), kept per renderer."""
        from briefgen.render import main_language

        if self._l10n_renderer is not renderer:
            self._l10ns, self._l10n_renderer = {}, renderer
        key = (self.settings.locale or composed.language, main_language(composed.brief))
        if key not in self._l10ns:
            self._l10ns[key] = renderer.localize(*key)
        return self._l10ns[key]

    def preview(self, composed: Composed, renderer: Renderer, hint: list[str] | None) -> Iterator[PreviewPage]:
        """The render stage of `serve`: the page at once with what the last fit (`hint`) left
        out, then the page the one-page fit makes (see preview.py)."""
        return preview_pages(composed.brief, renderer, self.localize(renderer, composed), self.settings.max_pages,
                             hint)


def _why_nothing(parts: Parts) -> str:
    from briefgen.ingest.base import known_extensions

    if parts.found.files and parts.warnings:   # files were read, none usable: the last one's reason
        return parts.warnings[-1]
    if parts.warnings:                          # nothing to read: say so, and what was there instead
        return "; ".join(["no readable article files", *parts.warnings])
    return f"no readable article files ({', '.join(known_extensions())})"


def build(paths: Sequence[Path], outputs: Sequence[Path], settings: Settings,
          progress: Progress | None = None, on_total: Callable[[int], None] | None = None) -> BuildReport:
    """Sources to written outputs (`Pipeline.run`)."""
    return Pipeline(settings, progress, on_total).run(paths, outputs)


def extract_facts(paths: Sequence[Path], settings: Settings, progress: Progress | None = None,
                  on_total: Callable[[int], None] | None = None) -> Facts:
    """Read every source and extract its facts; skipped sources become warnings in `Facts.warnings`."""
    return Pipeline(settings, progress, on_total).facts(paths)


def update_facts(facts: Facts, paths: Sequence[Path], settings: Settings, progress: Progress | None = None,
                 on_total: Callable[[int], None] | None = None) -> tuple[Facts, int]:
    """`Pipeline.update`: the new sources of `paths` added to `facts`, edits kept."""
    return Pipeline(settings, progress, on_total).update(facts, paths)


def render_facts(facts: Facts, outputs: Sequence[Path], settings: Settings, *, merged: bool = False) -> BuildReport:
    """`Pipeline.run_facts`: render every requested output, then write them all (atomically)."""
    return Pipeline(settings).run_facts(facts, outputs, merged=merged)


def check_render_settings(outputs: Sequence[Path], settings: Settings) -> None:
    """Refuse what would make rendering fail, before minutes of extraction are spent."""
    from briefgen.i18n import parse_locales
    from briefgen.render.theme import load_theme

    for path in outputs:
        output_format(path)
    if settings.locale:
        parse_locales(settings.locale)
    if settings.notes:
        read_notes(settings.notes)
    load_theme(settings.theme)


def read_notes(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read the analyst note: {exc}", path) from exc
