"""Render a composed brief: fit on one page → PDF and self-contained HTML, in one or more languages.

Rendering never composes: it is handed a `Brief` (see `briefgen.pipeline`, where compose runs).
`render()` and `render_locales()` are what the pipeline calls. The pieces are importable on
their own for tests and benchmarks: `prepare()` (theme, environment, fetcher), `brief_html()`,
and `briefgen.render.pdf.html_to_pdf()` (bare WeasyPrint with our fetcher and fonts).

Several languages in one run share everything that does not depend on the language: the
composed brief, the theme, the compiled templates (one Jinja environment), the fetcher and
WeasyPrint's font configuration. Only the wording and the one-page fit are per language.
"""
from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.compose.trim import TrimPlan
from briefgen.errors import ConfigError
from briefgen.i18n import SOURCE_LANGUAGE, LocaleSpec, catalog_for, majority_language, parse_locale, shipped_locales
from briefgen.model import Brief

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment
    from weasyprint.document import Document

    from briefgen.render.env import Localization
    from briefgen.render.fetcher import SafeFetcher
    from briefgen.render.theme import Theme

log = logging.getLogger(__name__)

FORMATS = ("pdf", "html", "json")


@dataclass
class RenderResult:
    outputs: dict[str, bytes]
    pages: int
    dropped: list[str] = field(default_factory=list)
    brief: Brief | None = None
    passes: int = 0
    locale: str = "en"
    trimmed: TrimPlan = field(default_factory=TrimPlan)   # what the fit left out (its hint next time)


# The HTML brief is self-contained: nothing in it may load or run anything, whatever a theme or a
# source managed to put in. Browsers enforce this policy even for a file opened from a USB stick.
# What it cannot stop (a <meta> refresh, DNS prefetch, ping=) the sanitiser removes (render/sanitise.py).
CONTENT_POLICY = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                  'img-src data:; font-src data:; style-src \'unsafe-inline\'; base-uri \'none\'; '
                  'form-action \'none\'">')
# Unguessable, so no article text can stand for the font rules' place in the preview page.
_MARKER_NONCE = secrets.token_hex(8)
# A doctype at the very start (a BOM and HTML whitespace allowed before it), nothing else. Only
# HTML's own whitespace: Python's \s also takes \x0b, \x1c-\x1f, \x85, \xa0…, which a browser
# reads as text, opening a <body> the policy would then land in, where browsers ignore it.
_LEADING_DOCTYPE = re.compile(r"\ufeff?[\t\n\f\r ]*<!doctype(?:[\t\n\f\r ][^>]*)?>", re.I)


def with_content_policy(page: str, policy: str = CONTENT_POLICY) -> str:
    """`page`, sanitised of markup that navigates, prefetches or runs (`sanitise.sanitise`: unchanged
    when it holds none), with `policy` (a <meta>) as the first element of its <head>, whatever the
    theme wrote.

    The meta goes right after a leading <!DOCTYPE> (which keeps the page in standards mode), or at
    the very start when there is none; it is never looked for a <head> tag, which a comment, a
    script or a head-less page would fool. An HTML parser puts a <meta> that comes before any
    <html> or <head> tag into an implied <head>, first, and merges the theme's own <html>
    attributes (lang, dir) and ignores its <head> tag, so the policy is in force from the start.
    """
    from briefgen.render.sanitise import sanitise

    page = sanitise(page)
    match = _LEADING_DOCTYPE.match(page)
    if match is None:
        return policy + page
    return page[:match.end()] + "\n" + policy + page[match.end():]


@dataclass
class Renderer:
    """Everything fixed for a run, whatever the language: theme, Jinja environment, fetcher, page size."""

    theme: Theme
    env: SandboxedEnvironment
    fetcher: SafeFetcher
    page_size: str

    def localize(self, locale: str | LocaleSpec, source_language: str = SOURCE_LANGUAGE) -> Localization:
        from briefgen.render.env import localization, theme_locale_dirs

        spec = locale if isinstance(locale, LocaleSpec) else parse_locale(locale)
        if catalog_for(spec, theme_locale_dirs(self.theme)) is None:
            raise ConfigError(f"no catalog for language {spec.tag!r} "
                              f"(shipped: {', '.join(shipped_locales())}; see docs/i18n.md to add one)")
        return localization(spec, self.theme, source_language)

    def html(self, brief: Brief, l10n: Localization, *, for_pdf: bool, subset_text: str | None = None) -> str:
        from briefgen.render.fonts import font_face_css_for_html, font_face_css_for_pdf
        from briefgen.render.html import render_html

        if for_pdf:
            return render_html(self.env, self.theme, brief, l10n, font_css=font_face_css_for_pdf(),
                               page_size=self.page_size)
        # Two passes: the embedded font subsets depend on the characters of the page (markup
        # included: a cheap superset of the visible text).
        bare = self.bare_html(brief, l10n)
        page = render_html(self.env, self.theme, brief, l10n, font_css=font_face_css_for_html(bare, subset_text),
                           page_size=self.page_size)
        return with_content_policy(page)

    def preview_html(self, brief: Brief, l10n: Localization) -> str:
        """The HTML output as `briefgen serve` shows it: the same page, with the whole fonts embedded
        rather than subsets of them (see `fonts.font_face_css_whole`), rendered once."""
        from briefgen.render.fonts import font_face_css_whole
        from briefgen.render.html import render_html

        # Which faces the page needs depends on its text: render once with a marker in their place.
        marker = f"/* briefgen-fonts-{_MARKER_NONCE} */"
        page = render_html(self.env, self.theme, brief, l10n, font_css=marker, page_size=self.page_size)
        return with_content_policy(page.replace(marker, font_face_css_whole(page)))

    def bare_html(self, brief: Brief, l10n: Localization) -> str:
        from briefgen.render.html import render_html

        return render_html(self.env, self.theme, brief, l10n, font_css="", page_size=self.page_size)

    def lay_out(self, brief: Brief, l10n: Localization) -> tuple[str, Document]:
        from briefgen.render.pdf import layout

        html = self.html(brief, l10n, for_pdf=True)
        return html, layout(html, base_dir=self.theme.folders[0], fetcher=self.fetcher)


def prepare(theme: str = "default", page_size: str = "A4") -> Renderer:
    from briefgen.render.env import make_environment
    from briefgen.render.pdf import make_fetcher
    from briefgen.render.theme import load_theme

    loaded = load_theme(theme)
    size = loaded.page_size(page_size)
    return Renderer(loaded, make_environment(loaded), make_fetcher(loaded.folders), size)


def _check_formats(formats: Iterable[str]) -> list[str]:
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown output format(s) {', '.join(unknown)} (known: {', '.join(FORMATS)})")
    return formats


def render(brief: Brief, *, formats: Iterable[str], theme: str = "default", locale: str = "en",
           page_size: str = "A4", max_pages: int = 1, pdf_variant: str | None = None) -> RenderResult:
    """Fit the composed brief on `max_pages` and produce the requested formats in `locale`."""
    return render_locales(brief, locales=[locale], formats=formats, theme=theme, page_size=page_size,
                          max_pages=max_pages, pdf_variant=pdf_variant)[0]


def render_locales(brief: Brief, *, locales: Sequence[str | LocaleSpec], formats: Iterable[str],
                   theme: str = "default", page_size: str = "A4", max_pages: int = 1,
                   pdf_variant: str | None = None, hints: dict[str, TrimPlan] | None = None) -> list[RenderResult]:
    """The composed brief in each language; results in the order of `locales`. `hints`: per
    language tag, what the fit dropped last time (see `fit`).

    Every language is checked (catalog present) before any layout, so a typo in the last
    language of a list fails fast.
    """
    formats = _check_formats(formats)
    check_pdf_variant(pdf_variant)
    renderer = prepare(theme, page_size)
    source_language = main_language(brief)
    l10ns = [renderer.localize(locale, source_language) for locale in locales]
    results = [render_brief(brief, formats=[f for f in formats if f != "html"], renderer=renderer, l10n=l10n,
                            max_pages=max_pages, pdf_variant=pdf_variant, hint=(hints or {}).get(l10n.tag))
               for l10n in l10ns]
    if "html" in formats:
        # The fonts embedded in the HTML are subset once for all the languages of the run.
        every_page = "".join(renderer.bare_html(r.brief, l10n) for r, l10n in zip(results, l10ns))
        for result, l10n in zip(results, l10ns):
            result.outputs["html"] = renderer.html(result.brief, l10n, for_pdf=False,
                                                   subset_text=every_page).encode("utf-8")
    return results


def check_pdf_variant(variant: str | None) -> None:
    from briefgen.render.pdf import PDF_VARIANTS

    if variant is not None and variant not in PDF_VARIANTS:
        raise ConfigError(f"unknown PDF variant {variant!r} (known: {', '.join(PDF_VARIANTS)})")


def main_language(brief: Brief) -> str:
    """The language most sources are in: the facts' own words (groups, places, events) are in it."""
    return majority_language(s.language for s in brief.sources) or SOURCE_LANGUAGE


def render_brief(brief: Brief, *, formats: Iterable[str], renderer: Renderer, l10n: Localization | None = None,
                 max_pages: int = 1, pdf_variant: str | None = None, hint: TrimPlan | None = None) -> RenderResult:
    from briefgen.render.fit import fit
    from briefgen.render.pdf import set_metadata, write_pdf

    l10n = l10n or renderer.localize(SOURCE_LANGUAGE, main_language(brief))
    fitted = fit(brief, lambda b: renderer.lay_out(b, l10n), max_pages=max_pages, hint=hint)
    outputs: dict[str, bytes] = {}
    formats = list(formats)
    if "pdf" in formats:
        set_metadata(fitted.document, fitted.brief, l10n.tag)
        outputs["pdf"] = write_pdf(fitted.document, variant=pdf_variant)
    if "html" in formats:
        # The HTML holds the very selection the PDF does: the same fitted brief.
        outputs["html"] = renderer.html(fitted.brief, l10n, for_pdf=False).encode("utf-8")
    if "json" in formats:
        from briefgen.render.brief_json import brief_json

        outputs["json"] = brief_json(fitted.brief, l10n, fitted.html)
    for item in fitted.brief.dropped:
        log.info("left out (%s): %s", l10n.tag, item)
    return RenderResult(outputs=outputs, pages=len(fitted.document.pages), dropped=list(fitted.brief.dropped),
                        brief=fitted.brief, passes=fitted.passes, locale=l10n.tag, trimmed=fitted.trimmed)
