"""HTML → laid-out document → PDF bytes, with WeasyPrint, our fetcher and our fonts.

Kept apart from templates so a benchmark can time bare WeasyPrint (`html_to_pdf`) against
the full build. Two WeasyPrint facts shape the API:
- one `FontConfiguration` is reused for every layout in a process (re-creating it per
  pass re-registers every @font-face with fontconfig);
- a rendered `Document` is written once: with variable fonts a second `write_pdf` fails
  (KeyError 'fvar'), and writing is the slow half anyway.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, RenderError, SourceTimeout, TemplateError
from briefgen.render.fetcher import FetchLimitError, SafeFetcher, import_site, short_url
from briefgen.render.fonts import allowed_font_dirs
from briefgen.timelimit import time_limit

if TYPE_CHECKING:
    from weasyprint.document import Document
    from weasyprint.text.fonts import FontConfiguration

log = logging.getLogger(__name__)

_FONT_CONFIG = None


def font_configuration() -> FontConfiguration:
    """The process-wide WeasyPrint FontConfiguration (created on first use)."""
    global _FONT_CONFIG
    if _FONT_CONFIG is None:
        from weasyprint.text.fonts import FontConfiguration

        _FONT_CONFIG = FontConfiguration()
    return _FONT_CONFIG


def make_fetcher(theme_folders: Iterable[Path]) -> SafeFetcher:
    theme_folders = list(theme_folders)
    return SafeFetcher([*theme_folders, *allowed_font_dirs()], theme_dirs=theme_folders)


# A one-page brief is a few thousand elements at most; a theme's page of 100,000 takes WeasyPrint
# minutes and gigabytes to lay out. The layout runs in this process (its Document is needed
# here), so it is bounded here: by elements before it starts, then by time and memory.
MAX_ELEMENTS = 20_000
LAYOUT_SECONDS = 60
# All the layouts of one run (the fit's passes, the sample briefs of `template check`) share one
# budget: nested grids cost WeasyPrint exponential time in very few elements.
LAYOUT_BUDGET_SECONDS = 120
LAYOUT_MEMORY_HEADROOM = 1024 * 2**20
_ELEMENT = re.compile(r"<[A-Za-z]")


def layout(html: str, *, base_dir: Path, fetcher: SafeFetcher) -> Document:
    """Lay `html` out (no PDF yet): the returned Document knows its pages and boxes."""
    from weasyprint import HTML

    entry = base_dir / "base.html"
    elements = len(_ELEMENT.findall(html))
    if elements > MAX_ELEMENTS:
        raise TemplateError(f"the page has {elements:,} elements; a one-page brief has a few thousand "
                            f"(the limit is {MAX_ELEMENTS:,})", path=entry)
    used = getattr(fetcher, "layout_seconds", 0.0)
    if used >= LAYOUT_BUDGET_SECONDS:
        raise TemplateError(f"layout stopped: the pages took more than {LAYOUT_BUDGET_SECONDS} s to lay out "
                            "in all (nested grid or flex boxes?)", path=entry)
    fetcher.start_document()
    start = time.monotonic()
    try:
        with bounded_layout(entry, min(LAYOUT_SECONDS, LAYOUT_BUDGET_SECONDS - used)):
            document = HTML(string=html, base_url=entry.as_uri(), url_fetcher=fetcher)
            return document.render(font_config=font_configuration())
    except FetchLimitError as exc:
        # The theme's own markup loads stylesheets in a loop: name the @import (or <link>) doing it.
        path, line = import_site(exc.url, fetcher.theme_dirs or (base_dir,))
        raise TemplateError(exc.message, path=path, line=line) from None
    except BriefgenError:
        raise
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one message
        # Cut: the message may quote a whole data: URL (megabytes).
        raise RenderError(f"layout failed: {type(exc).__name__}: {short_url(str(exc))}", path=base_dir) from exc
    finally:
        fetcher.layout_seconds = used + (time.monotonic() - start)


@contextmanager
def bounded_layout(entry: Path, seconds: float = LAYOUT_SECONDS) -> Iterator[None]:
    """At most `seconds` (SIGALRM, main thread only) and LAYOUT_MEMORY_HEADROOM more address
    space (RLIMIT_AS, where the platform has it) for one layout; both restored after."""
    from briefgen.render.isolate import mapped_bytes

    try:
        import resource
    except ImportError:
        resource = None
    previous_limit = None
    mapped = mapped_bytes()
    if resource is not None and mapped is not None:
        previous_limit = resource.getrlimit(resource.RLIMIT_AS)
        soft, hard = previous_limit
        limit = mapped + LAYOUT_MEMORY_HEADROOM
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit if soft == resource.RLIM_INFINITY else min(limit, soft), hard))
    try:
        with time_limit(seconds, entry):
            yield
    except SourceTimeout:
        raise TemplateError(f"layout stopped: the page took more than {seconds:g} s to lay out", path=entry) from None
    except MemoryError:
        raise TemplateError("layout stopped: the page needs more than "
                            f"{LAYOUT_MEMORY_HEADROOM // 2**20} MB to lay out", path=entry) from None
    finally:
        if previous_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, previous_limit)


# WeasyPrint's PDF variants we offer; "pdf/ua-1" is tagged for screen readers (structure, /Lang, title).
PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-2b", "pdf/a-3b")


def set_metadata(document, brief, language: str) -> None:
    """Document metadata from the facts, never from the clock: identical input, identical bytes."""
    when = brief.build_date.isoformat() if brief.build_date else None
    document.metadata.created = when
    document.metadata.modified = when
    document.metadata.lang = language
    document.metadata.generator = f"briefgen {brief.version}".strip()


def write_pdf(document, variant: str | None = None) -> bytes:
    """The PDF bytes of a rendered document (call once per document, see module docstring)."""
    try:
        with font_subset_date(document.metadata.modified):
            return document.write_pdf(pdf_variant=variant) if variant else document.write_pdf()
    except Exception as exc:
        raise RenderError(f"writing the PDF failed: {type(exc).__name__}: {short_url(str(exc))}") from exc


# Without libharfbuzz-subset, WeasyPrint subsets the embedded fonts with fontTools
# (weasyprint/pdf/fonts.py, `Font.subset`), which stamps each subset's `head.modified` with the
# clock unless $SOURCE_DATE_EPOCH is set: two builds of the same input would differ. The
# variable is process-wide, so writes in one process take turns (they hold the GIL anyway).
_EPOCH_LOCK = threading.Lock()


@contextmanager
def font_subset_date(when: str | None) -> Iterator[None]:
    """$SOURCE_DATE_EPOCH set to `when` (the facts' date; else 1970-01-01) during the write only.

    A value the user set is theirs and left alone; ours is removed afterwards so nothing else in
    the process (or a child process) mistakes it for the user's.
    """
    with _EPOCH_LOCK:
        if "SOURCE_DATE_EPOCH" in os.environ:
            yield
            return
        os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(when))
        try:
            yield
        finally:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def _epoch(when: str | None) -> int:
    """Seconds since 1970 (UTC) of an ISO date or date-time; 0 when absent or unreadable."""
    try:
        moment = dt.datetime.fromisoformat(when) if when else None
    except ValueError:
        moment = None
    if moment is None:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return max(0, int(moment.timestamp()))


@dataclass
class PdfTiming:
    layout_s: float
    write_s: float
    pages: int
    size: int


def html_to_pdf(html: str, *, base_dir: Path, fetcher: SafeFetcher | None = None) -> tuple[bytes, PdfTiming]:
    """Bare HTML → PDF with the same fetcher and fonts as a build, timed (for benchmarks)."""
    fetcher = fetcher or make_fetcher([base_dir])
    start = time.perf_counter()
    document = layout(html, base_dir=base_dir, fetcher=fetcher)
    laid_out = time.perf_counter()
    pdf = write_pdf(document)
    done = time.perf_counter()
    return pdf, PdfTiming(laid_out - start, done - laid_out, len(document.pages), len(pdf))
