"""What a build reports: pages, layout passes, what the fit left out, time and memory."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefgen.compose.trim import TrimPlan
    from briefgen.pipeline.cached import Composed
    from briefgen.render import RenderResult


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

    @classmethod
    def of(cls, composed: Composed, results: list[RenderResult]) -> BuildReport:
        """The report of a brief rendered in one or more languages (nothing written yet)."""
        report = cls(pages=max(r.pages for r in results), warnings=list(composed.warnings),
                     sources=composed.sources, passes=sum(r.passes for r in results),
                     languages=[{"language": r.locale, "pages": r.pages, "passes": r.passes,
                                 "dropped": list(r.dropped)} for r in results])
        several = len(results) > 1
        for result in results:
            report.dropped += [f"[{result.locale}] {item}" if several else item for item in result.dropped]
        report.fit_hints = {r.locale: r.trimmed for r in results}
        return report

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


def localized_path(path: Path, tag: str) -> Path:
    """brief.pdf → brief.fr.pdf (one file per language of a multi-language run)."""
    return path.with_name(f"{path.stem}.{tag}{path.suffix}")
