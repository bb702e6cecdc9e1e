"""Render a brief: compose → fit on one page → PDF and self-contained HTML.

`render()` is what the pipeline calls. The pieces are importable on their own for tests
and benchmarks: `prepare()` (theme, locale, environment), `brief_html()`, and
`briefgen.render.pdf.html_to_pdf()` (bare WeasyPrint with our fetcher and fonts).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.compose import compose
from briefgen.errors import ConfigError
from briefgen.i18n import get_locale
from briefgen.model import Brief, Facts

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from briefgen.render.fetcher import SafeFetcher
    from briefgen.render.theme import Theme

log = logging.getLogger(__name__)

FORMATS = ("pdf", "html")


@dataclass
class RenderResult:
    outputs: dict[str, bytes]
    pages: int
    dropped: list[str] = field(default_factory=list)
    brief: Brief | None = None
    passes: int = 0


@dataclass
class Renderer:
    """Everything fixed for one render: theme, locale, Jinja environment, fetcher, page size."""

    theme: Theme
    env: SandboxedEnvironment
    fetcher: SafeFetcher
    page_size: str

    def html(self, brief: Brief, *, for_pdf: bool) -> str:
        from briefgen.render.fonts import font_face_css_for_html, font_face_css_for_pdf
        from briefgen.render.html import render_html

        if for_pdf:
            return render_html(self.env, self.theme, brief, font_css=font_face_css_for_pdf(),
                               page_size=self.page_size)
        # Two passes: the embedded font subsets depend on the characters of the page (markup
        # included: a cheap superset of the visible text).
        bare = render_html(self.env, self.theme, brief, font_css="", page_size=self.page_size)
        return render_html(self.env, self.theme, brief, font_css=font_face_css_for_html(bare),
                           page_size=self.page_size)

    def lay_out(self, brief: Brief):
        from briefgen.render.pdf import layout

        html = self.html(brief, for_pdf=True)
        return html, layout(html, base_dir=self.theme.folders[0], fetcher=self.fetcher)


def prepare(theme: str = "default", locale: str = "en", page_size: str = "A4") -> Renderer:
    from briefgen.render.env import make_environment
    from briefgen.render.pdf import make_fetcher
    from briefgen.render.theme import load_theme

    loaded = load_theme(theme)
    size = loaded.page_size(page_size)
    env = make_environment(loaded, get_locale(locale))
    return Renderer(loaded, env, make_fetcher(loaded.folders), size)


def render(facts: Facts, *, formats: Iterable[str], theme: str = "default", locale: str = "en",
           page_size: str = "A4", notes_markdown: str | None = None, max_pages: int = 1) -> RenderResult:
    """Compose the brief, fit it on `max_pages` and produce the requested formats."""
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown output format(s) {', '.join(unknown)} (known: {', '.join(FORMATS)})")
    brief = compose(facts, notes_markdown=notes_markdown)
    return render_brief(brief, formats=formats, renderer=prepare(theme, locale, page_size), max_pages=max_pages)


def render_brief(brief: Brief, *, formats: Iterable[str], renderer: Renderer, max_pages: int = 1) -> RenderResult:
    from briefgen.render.fit import fit
    from briefgen.render.pdf import write_pdf

    fitted = fit(brief, renderer.lay_out, max_pages=max_pages)
    outputs: dict[str, bytes] = {}
    formats = list(formats)
    if "pdf" in formats:
        outputs["pdf"] = write_pdf(fitted.document)
    if "html" in formats:
        # The HTML holds the very selection the PDF does: the same fitted brief.
        outputs["html"] = renderer.html(fitted.brief, for_pdf=False).encode("utf-8")
    for item in fitted.brief.dropped:
        log.info("left out: %s", item)
    return RenderResult(outputs=outputs, pages=len(fitted.document.pages), dropped=list(fitted.brief.dropped),
                        brief=fitted.brief, passes=fitted.passes)

