"""Brief → HTML string through the theme's templates, with errors that name file:line.

The same function makes the HTML laid out for the PDF and the self-contained HTML output;
only the @font-face rules differ (cached font files vs embedded data: URLs), so both hold
exactly the same selection.
"""
from __future__ import annotations

import traceback
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from briefgen.errors import TemplateError
from briefgen.model import Brief
from briefgen.render.env import L10N_KEY
from briefgen.render.isolate import run_isolated
from briefgen.render.note import with_note_html
from briefgen.render.theme import Theme
from briefgen.render.view import view

if TYPE_CHECKING:
    from briefgen.render.env import Localization

ENTRY_TEMPLATE = "base.html"
TEMPLATE_EXTENSIONS = ("html", "htm", "xml", "svg", "txt", "j2", "jinja")


def page_css(page_size: str, direction: str = "ltr") -> str:
    """Overrides the theme's @page size when the user asks for another one.

    Right to left, the running footer and the page number swap margin boxes: @page rules
    cannot be selected by the document's `dir`, and margin boxes have no logical names.
    """
    size = {"a4": "A4", "letter": "letter"}.get(page_size.lower(), page_size)
    css = f"@page {{ size: {size} portrait; }}"
    if direction == "rtl":
        css += ("\n@page { @bottom-left { content: counter(page) \" / \" counter(pages); width: 30mm; "
                "text-align: left; }\n  @bottom-right { content: element(page-footer); width: 150mm; "
                "text-align: right; } }")
    return css


def render_html(env: SandboxedEnvironment, theme: Theme, brief: Brief, l10n: Localization, *, font_css: str,
                page_size: str = "A4") -> str:
    """Render the theme's base.html in `l10n`'s language; a template problem becomes a TemplateError
    with file:line.

    The theme gets read-only views (render/view.py), never the models, and runs in a child
    process with a memory limit and a wall clock (render/isolate.py); its templates are compiled
    here first, so each render's child only runs them."""
    _compile_theme(env)
    _load_before_forking(theme, l10n)
    brief = with_note_html(brief)
    limits = getattr(env, "limits", None)
    return run_isolated(lambda: _render(env, theme, brief, l10n, font_css=font_css, page_size=page_size),
                        seconds=limits.seconds if limits else 5.0,
                        where=_display_path(str(theme.folders[0] / ENTRY_TEMPLATE), theme) or ENTRY_TEMPLATE)


def _load_before_forking(theme: Theme, l10n: Localization) -> None:
    """Load here the data every render reads on first use, so each forked child inherits it.

    What a child loads dies with it, and a build renders several times (the one-page fit, each
    language): Babel's locale data, the country names and the checked stylesheet cost ~0.3 s of
    CPU a render when each child loads them again, ~0.01 s when they are here already. None of it
    runs the theme's code: the stylesheet is read by render/css.py under its own budgets, as
    `template check` reads it in process."""
    from briefgen.render.wording import country_code

    l10n.template_view()      # the locale's Babel data (text direction, then formats)
    country_code(None)        # every shipped language's country names
    try:
        theme.css()
    except TemplateError:
        pass                  # the render reports it, at its file and line


def _compile_theme(env: SandboxedEnvironment) -> None:
    """Compile (never run) every template of the theme chain, so a forked render finds them ready.

    A template that does not compile is left for the render, which reports it if it is used."""
    for name in env.list_templates(extensions=TEMPLATE_EXTENSIONS):
        try:
            env.get_template(name)
        except (jinja2.TemplateError, RecursionError, MemoryError, OSError, ValueError):
            continue


def _render(env: SandboxedEnvironment, theme: Theme, brief: Brief, l10n: Localization, *, font_css: str,
            page_size: str) -> str:
    context = {
        "brief": view(brief),
        "l10n": l10n.template_view(),
        L10N_KEY: l10n,
        "locale_tag": l10n.tag,
        "language": l10n.language,
        "direction": l10n.direction,
        "theme_css": theme.css(),
        "font_css": font_css,
        "page_css": page_css(page_size, l10n.direction),
        "page_size": page_size,
    }
    try:
        template = env.get_template(ENTRY_TEMPLATE)
        # CSS is the theme's own (trusted) text; Markup keeps autoescape from mangling quotes.
        context = {**context, **{k: jinja2.utils.markupsafe.Markup(context[k])
                                 for k in ("theme_css", "font_css", "page_css")}}
        return template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        message, line = exc.message, exc.lineno
        if exc.source is not None:
            from briefgen.render.unclosed import where_unclosed

            message, line = where_unclosed(env, exc.source, exc)
        raise TemplateError(f"template syntax error: {message}",
                            path=_display_path(exc.filename or exc.name, theme), line=line) from exc
    except jinja2.TemplateNotFound as exc:
        # An include/import names the file and line that asked for it; base.html itself, the theme.
        path, line = template_frame(exc, theme)
        raise TemplateError(f"template not found: {exc.name} (includes stay inside the theme folders)",
                            path=path or theme.folders[0], line=line) from exc
    except RecursionError as exc:
        path, line = template_frame(exc, theme)
        raise TemplateError("render stopped: macros or includes call themselves without end",
                            path=path or theme.folders[0], line=line) from exc
    except Exception as exc:  # noqa: BLE001 — whatever a theme's expression raises (1 // 0, "{}".format())
        path, line = template_frame(exc, theme)
        if path is None and not isinstance(exc, jinja2.TemplateError):
            raise  # not a template problem: a bug of ours, let it show its traceback
        kind = "undefined name" if isinstance(exc, jinja2.UndefinedError) else "template error"
        detail = str(exc) or ("out of memory" if isinstance(exc, MemoryError) else type(exc).__name__)
        raise TemplateError(f"{kind}: {detail}", path=path, line=line) from exc


def template_frame(exc: BaseException, theme: Theme) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback.

    Jinja's UndefinedError carries no line number, but Jinja rewrites tracebacks so template
    frames show the template's file and line: take the last one that is a theme file.
    """
    found: tuple[str | None, int | None] = (None, None)
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if _is_theme_file(filename, theme):
            found = (_display_path(filename, theme), lineno)
    return found


def _is_theme_file(filename: str, theme: Theme) -> bool:
    try:
        path = Path(filename).resolve()
    except (OSError, ValueError):
        return False
    return path.is_file() and any(path.is_relative_to(folder) for folder in theme.folders)


def _display_path(filename: str | None, theme: Theme) -> str | None:
    """'templates/default/partials/header.html' rather than an absolute path, when possible."""
    if not filename:
        return None
    path = Path(filename)
    for folder in theme.folders:
        try:
            return str(path.resolve().relative_to(folder.parent))
        except ValueError:
            continue
    return filename
