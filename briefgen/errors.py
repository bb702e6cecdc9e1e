"""One small error hierarchy. Every message names the place (file, and line when known)
so the CLI can print a single line the user can act on; `--debug` shows the traceback."""
from __future__ import annotations

from pathlib import Path

from briefgen.display import shown


class BriefgenError(Exception):
    """Base of every error briefgen raises on purpose."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = shown(self.path) if self.path else ""   # a file name may hold terminal escapes
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SourceError(BriefgenError):
    """A source file cannot be read or used (skipped with a warning during a build)."""


class SourceTimeout(SourceError):
    """A source took longer than its time budget (not remembered in the facts cache: a busy
    machine may read it in time next run)."""


class ExtractError(BriefgenError):
    """Extraction failed on a source."""


class FactsFileError(BriefgenError):
    """A facts file (JSON/YAML) is unreadable or breaks the schema."""


class ClusterError(BriefgenError):
    """The Dask cluster of `--dask` cannot be reached or is not a Dask scheduler: a failure of the
    run, not of the command line (exit 1, not 2)."""


class TemplateError(BriefgenError):
    """A theme template has a syntax error, an undefined name or is otherwise broken."""


class RenderError(BriefgenError):
    """HTML or PDF could not be produced."""


class ConfigError(BriefgenError):
    """Bad options or configuration."""


class OutputError(BriefgenError):
    """An output (brief, facts file, report) cannot be written; nothing was replaced.
    Worded "cannot write PATH: reason": the path is the output asked for, never a temp file."""

    def __str__(self) -> str:
        return f"cannot write {shown(self.path)}: {self.message}" if self.path else self.message


class NothingUsableError(BriefgenError):
    """No source could be used: nothing is written."""
