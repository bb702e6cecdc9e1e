"""The analyst note: compose keeps the Markdown as written (`Brief.note_markdown`); the page gets
it as HTML (`Brief.note_html`), made here, at render time, from that text only."""
from __future__ import annotations

from functools import lru_cache

from briefgen.model import Brief


@lru_cache(maxsize=8)
def render_note(markdown: str | None) -> str | None:
    """The analyst's Markdown as HTML; 'js-default' keeps raw HTML off and rejects javascript: links.
    Images are off too: a remote image in a self-contained brief is a tracking pixel, and the PDF
    renderer would refuse it anyway. Cached: every layout pass of the fit renders the same note."""
    if not markdown or not markdown.strip():
        return None
    from markdown_it import MarkdownIt  # only with a note: 0.1 s of import otherwise spent for nothing

    return MarkdownIt("js-default").disable("image").render(markdown)


def with_note_html(brief: Brief) -> Brief:
    """`brief` with `note_html` made from `note_markdown`, whatever `note_html` held before: HTML
    that did not come from the note (a tampered cache entry, say) never reaches a page."""
    html = render_note(brief.note_markdown)
    return brief if html == brief.note_html else brief.model_copy(update={"note_html": html})
