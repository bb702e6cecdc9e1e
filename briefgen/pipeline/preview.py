"""The render stage as `briefgen serve` runs it: the page at once with the last fit's choice,
then the one-page fit checked by a layout pass (see `Pipeline.preview`)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.model import Brief

if TYPE_CHECKING:
    from briefgen.compose import TrimStep
    from briefgen.render import Renderer
    from briefgen.render.env import Localization


@dataclass
class PreviewPage:
    html: str | None                   # None: the page shown before stands (the layout confirmed it)
    dropped: list[str] = field(default_factory=list)
    fit_ids: list[TrimStep] | None = None   # what the fit left out; None: not laid out yet
    pages: int = 0
    passes: int = 0


def preview_pages(brief: Brief, renderer: Renderer, l10n: Localization, max_pages: int,
                  hint: list[TrimStep] | None) -> Iterator[PreviewPage]:
    """With a fit decided before (`hint`), the page with the same items left out, at once; then
    the page the fit makes, or a page with `html` None when that is the one already given."""
    from briefgen.compose import trim, trim_order
    from briefgen.render.fit import fit

    renderer.fetcher.layout_seconds = 0.0      # each rebuild has the layout budget of a build
    guess = None
    if hint is not None:
        candidates = set(trim_order(brief))
        guess = [item for item in hint if item in candidates]
        guessed = trim(brief, guess)
        yield PreviewPage(renderer.preview_html(guessed, l10n), list(guessed.dropped))
    fitted = fit(brief, lambda b: renderer.lay_out(b, l10n), max_pages=max_pages)
    same = guess is not None and set(fitted.trimmed) == set(guess)
    yield PreviewPage(None if same else renderer.preview_html(fitted.brief, l10n), list(fitted.brief.dropped),
                      list(fitted.trimmed), len(fitted.document.pages), fitted.passes)
