"""The preview's state and rebuild: the last good brief and its build's figures (`BuildState`),
rebuilt warm by `Preview` when an input changes (inputs.py says which)."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import Settings
from briefgen.errors import BriefgenError
from briefgen.pipeline import Pipeline
from briefgen.serve.inputs import WatchedInputs
from briefgen.serve.page import preview_page

if TYPE_CHECKING:
    from briefgen.compose import TrimStep
    from briefgen.model import Facts
    from briefgen.render import Renderer

log = logging.getLogger("briefgen.serve")


@dataclass
class BuildState:
    version: int = 0
    html: str = ""                       # last good brief (HTML output)
    error: str | None = None             # last build's error, one line
    seconds: float = 0.0                 # duration of the last build
    pages: int = 0
    passes: int = 0
    dropped: list[str] = field(default_factory=list)
    # When the one-page fit of this page was checked (None: not yet, the page was shown first).
    checked_seconds: float | None = None


class Preview(WatchedInputs):
    """Builds the brief from `target` (a sources folder/file list or a facts file) and watches inputs."""

    def __init__(self, targets: list[Path], settings: Settings) -> None:
        self.targets = targets
        self.settings = settings
        self.pipeline = Pipeline(settings)
        self.state = BuildState()
        self.changed = threading.Condition()
        self._facts: Facts | None = None
        self._facts_key: tuple | None = None
        self._mtimes: dict[Path, int] = {}
        self._json_is_facts: bool | None = None   # the last verdict on a single .json target
        self._theme_files: frozenset[Path] = frozenset()
        self._renderer: Renderer | None = None
        self._renderer_key: tuple | None = None
        self._fit_ids: list[TrimStep] | None = None    # what the last one-page fit left out

    # -- building -------------------------------------------------------------------------
    def facts(self, source_stamps: tuple) -> Facts:
        """Extract (or load) the facts, again only when a source or the facts file changed. What
        comes back is resolved (extraction merges and resolves; a hand-edited file is resolved
        here, once per change) and is only read by the rebuilds that share it."""
        from briefgen.facts_io import load_facts

        if self._facts is None or source_stamps != self._facts_key:
            if self.is_facts_file():
                self._facts = self.pipeline.resolved(load_facts(self.targets[0]))
            else:
                self._facts = self.pipeline.facts(self.targets)
            self._facts_key = source_stamps
        return self._facts

    def renderer(self, stamps: dict[Path, int]) -> Renderer:
        """The theme, its Jinja environment and fetcher, kept between rebuilds: Jinja recompiles a
        changed template by itself (its loader checks mtimes); any other theme file (theme.toml, a
        stylesheet) changed, or a template added or removed (an override Jinja would not look
        for), makes them anew."""
        key = tuple(sorted((str(p), 0 if p.suffix.lower() == ".html" else m) for p, m in stamps.items()
                           if p in self._theme_files))
        if self._renderer is None or key != self._renderer_key:
            self._renderer = self.pipeline.renderer()
            self._renderer_key = key
        return self._renderer

    def build(self, scanned: tuple[dict[Path, int], frozenset[Path]] | None = None) -> BuildState:
        """Rebuild the page. With a one-page fit decided before, the page is shown at once with the
        same items left out, then the fit is checked (a layout pass) and the page shown again only if
        the decision changed: an edit shows in a fraction of the layout's time, and the page ends up
        exactly what `briefgen build` makes."""
        start = time.perf_counter()
        stamps, source_set = scanned if scanned is not None else self.scan()
        sources = tuple(sorted((str(p), m) for p, m in stamps.items() if p in source_set))
        shown = None
        try:
            facts = self.facts(sources)
            notes = self.pipeline.notes()
            renderer = self.renderer(stamps)
            composed = self.pipeline.compose(facts, notes)
            for page in self.pipeline.preview(composed, renderer, self._fit_ids):
                if page.fit_ids is None:       # the page with the last fit's choice, not laid out yet
                    shown = self._publish(page.html, start, page.dropped)
                    continue
                self._fit_ids = page.fit_ids
                if page.html is None:          # the layout confirmed what is shown
                    with self.changed:
                        shown.pages, shown.passes = page.pages, page.passes
                        shown.checked_seconds = time.perf_counter() - start
                    new = shown
                else:
                    new = self._publish(page.html, start, page.dropped, pages=page.pages, passes=page.passes,
                                        checked=True)
        except BriefgenError as exc:
            new = self._publish(None, start, error=str(exc))
        except Exception as exc:  # noqa: BLE001 — the preview must outlive any bug
            log.exception("preview build failed")
            new = self._publish(None, start, error=f"internal error: {type(exc).__name__}: {exc}")
        self._mtimes = stamps
        return new

    def _publish(self, page: str | None, start: float, dropped=(), *, error: str | None = None, pages: int = 0,
                 passes: int = 0, checked: bool = False) -> BuildState:
        """Show a new page (None: keep the last good one, under `error`) and wake the browsers."""
        with self.changed:
            state = self.state
            if page is not None and not checked:
                pages = state.pages       # not laid out yet: the last count stands meanwhile
            seconds = time.perf_counter() - start
            new = BuildState(state.version + 1, state.html if page is None else page, error, seconds, pages,
                             passes, list(dropped), seconds if checked else None)
            self.state = new
            self.changed.notify_all()
        return new

    # -- the page -------------------------------------------------------------------------
    def page(self) -> str:
        return preview_page(self.state)
