"""What the preview watches: the sources (or one facts file), the notes and the theme's files,
polled by modification time (no watchdog dependency; a brief's folders are small)."""
from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError

if TYPE_CHECKING:
    from briefgen.config import Settings
    from briefgen.serve.preview import BuildState

POLL_SECONDS = 0.25
FACTS_SUFFIXES = (".json", ".yaml", ".yml")


def looks_like_facts(path: Path) -> bool | None:
    """Is this JSON file a facts file (an object with "schema_version" or "sources"), rather than an
    article or a list of them? None when it cannot be told (unreadable, invalid JSON)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return isinstance(data, dict) and ("schema_version" in data or "sources" in data)


class WatchedInputs:
    """The input side of `Preview`: which files it reads, their modification times, and the poll
    loop that rebuilds when they change. A mixin: `Preview` holds the state named below and
    provides `build`."""

    targets: list[Path]
    settings: Settings
    _mtimes: dict[Path, int]
    _json_is_facts: bool | None
    _theme_files: frozenset[Path]

    def is_facts_file(self) -> bool:
        """One facts file (YAML, or JSON that holds facts) rather than articles. A JSON file is told
        by its content: a .json article is a source like any other. While it is not valid JSON (being
        edited), the last verdict stands; a facts file at first, whose loader names the bad line."""
        if len(self.targets) != 1 or not self.targets[0].is_file():
            return False
        target = self.targets[0]
        suffix = target.suffix.lower()
        if suffix != ".json":
            return suffix in FACTS_SUFFIXES
        verdict = looks_like_facts(target)
        if verdict is not None:
            self._json_is_facts = verdict
        return self._json_is_facts if self._json_is_facts is not None else True

    def source_files(self) -> list[Path]:
        files: list[Path] = []
        for target in self.targets:
            if target.is_dir():
                files += sorted(p for p in target.rglob("*") if p.is_file() and not p.name.startswith("."))
            elif target.exists():
                files.append(target)
        if self.settings.notes:
            files.append(Path(self.settings.notes))
        return files

    def theme_files(self) -> list[Path]:
        from briefgen.render.theme import load_theme

        try:
            folders = load_theme(self.settings.theme).folders
        except BriefgenError:
            folder = Path(self.settings.theme)
            folders = (folder,) if folder.is_dir() else ()
        return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())

    def snapshot(self) -> dict[Path, int]:
        return self.scan()[0]

    def scan(self) -> tuple[dict[Path, int], frozenset[Path]]:
        """Modification times of every input, and which of them are sources: one walk of the folders."""
        sources = self.source_files()
        theme = self.theme_files()
        self._theme_files = frozenset(theme)
        stamps = {}
        for path in [*sources, *theme]:
            try:
                stamps[path] = path.stat().st_mtime_ns
            except OSError:
                continue
        return stamps, frozenset(sources)

    def build(self, scanned: tuple[dict[Path, int], frozenset[Path]] | None = None) -> BuildState:
        raise NotImplementedError

    def watch(self, stop: threading.Event, on_build: Callable[[BuildState], object] | None = None) -> None:
        while not stop.wait(POLL_SECONDS):
            scanned = self.scan()
            if scanned[0] != self._mtimes:
                state = self.build(scanned)
                if on_build:
                    on_build(state)
