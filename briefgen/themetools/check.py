"""`briefgen template check DIR`: every problem of a theme, one line each, with file:line.

What is checked, and how:
- syntax: every template file of the theme is parsed on its own (so two broken files give two lines);
- text outside translation tags: the lexer's data tokens, markup and `<style>` removed, must hold no
  words (nor may `title`/`alt`/`aria-label`/`placeholder` attributes) — labels go through `_()`;
- undefined names: the theme is rendered with an Undefined that records each use (with the
  template file and line of the innermost template frame) instead of stopping at the first;
- escape attempts, runaway renders, includes outside the theme: the sandbox's errors, per sample;
- outside URLs: the theme's CSS (`url()`, `@import`) and anything the layout tried to fetch;
- markup the HTML output loses (a <meta> refresh, prefetch links, `ping=`, `on*=`, scripts, frames);
- theme files that are refused (symlinks out of the folder, FIFOs, oversize) and @import loops;
- layout, per sample brief: does it fit the page after trimming, does any line run past the
  page's side margins, is any text smaller than the theme's `min_font_size`.

The samples are the example facts (examples/sources, extracted) and edge cases built from them
(`briefgen.themetools.samples`): empty sections, very long names and quotes, many figures, and the
example in Arabic (right to left).

This module runs the checks; each kind lives in its own: static_checks.py and untranslated.py
(the files, unrendered), undefined_names.py (names recorded during the render), layout_check.py
(the laid-out pages), problem.py (a Problem and how its file and line are found).
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.themetools.layout_check import layout_problems
from briefgen.themetools.problem import Problem, find_in_theme, unique
from briefgen.themetools.static_checks import missing_blocks, static_problems
from briefgen.themetools.undefined_names import RECORDED, RecordingUndefined
from briefgen.themetools.untranslated import untranslated_labels


def check_theme(theme_arg: str | Path, samples: list | None = None, *, max_pages: int = 1) -> list[Problem]:
    """Every problem of the theme, deduplicated, in file order."""
    from briefgen.render import prepare
    from briefgen.render.html import _display_path
    from briefgen.themetools.samples import sample_briefs

    try:
        renderer = prepare(str(theme_arg))
    except BriefgenError as exc:
        return [Problem(exc.path or str(theme_arg), exc.line, exc.message)]
    theme = renderer.theme

    def display(path: Path) -> str:
        return _display_path(str(path), theme) or str(path)

    problems: list[Problem] = []
    for folder in dict.fromkeys(theme.folders):
        problems += static_problems(renderer.env, folder, display)
    problems += missing_blocks(renderer.env, theme, display)
    problems += untranslated_labels(renderer.env, theme, display)
    with _quiet_fetch_logs():
        resolved = theme.resolved_css()
    problems += [Problem(display(p.path), p.line, p.message) for p in resolved.problems]
    problems += css_problems(resolved.ignored, display)     # what WeasyPrint would ignore in the CSS
    if resolved.error is not None or any(p.message.startswith("syntax error") for p in problems):
        return unique(problems)     # rendering would only repeat the syntax errors (or the stylesheet budget)

    renderer.env.undefined = RecordingUndefined
    with _quiet_fetch_logs():
        for label, brief, locale in (samples if samples is not None else sample_briefs()):
            problems += _render_problems(renderer, brief, locale, label, max_pages, display)
    return unique(problems)


def css_problems(ignored, display) -> list[Problem]:
    """What WeasyPrint would ignore (render/css_check.py) as problems, `style.css:LINE:COL: …` (the
    column goes with the file and line, as compilers write it; a Problem has no column of its own)."""
    return [Problem(f"{display(p.path)}:{p.line}:{p.column}", None, p.message) for p in ignored]


@contextlib.contextmanager
def _quiet_fetch_logs() -> Iterator[None]:
    """Refused URLs are reported as problems with file and line: the fetcher's warnings would repeat them."""
    loggers = [logging.getLogger(name) for name in ("briefgen.render.fetcher", "briefgen.render.css")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _render_problems(renderer, brief, locale: str, label: str, max_pages: int, display) -> list[Problem]:
    from briefgen.errors import RenderError, TemplateError
    from briefgen.render import main_language
    from briefgen.render.fit import fit
    from briefgen.render.isolate import carry_back

    problems: list[Problem] = []
    recorded: list = []
    token = RECORDED.set(recorded)
    refused_before = len(renderer.fetcher.refused)
    try:
        l10n = renderer.localize(locale, main_language(brief))
        with carry_back(RECORDED):     # the render runs in a child process (render/isolate.py)
            fitted = fit(brief, lambda b: renderer.lay_out(b, l10n), max_pages=max_pages)
        problems += layout_problems(fitted.document, renderer.theme, display, label)
    except TemplateError as exc:
        problems.append(Problem(exc.path or "?", exc.line, exc.message, label))
    except RenderError as exc:
        problems.append(Problem(display(renderer.theme.folders[0] / "style.css"), None,
                                f"overflow: {exc.message}", label))
    finally:
        RECORDED.reset(token)
    for filename, line, message in recorded:
        problems.append(Problem(display(Path(filename)) if filename else "?", line,
                                message, label))
    for url in renderer.fetcher.refused[refused_before:]:
        path, line = find_in_theme(renderer.theme, url.rsplit("/", 1)[-1][:60], display)
        problems.append(Problem(path, line, f"outside URL refused: {url[:120]}", label))
    return problems
