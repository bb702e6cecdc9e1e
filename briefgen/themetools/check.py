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
"""
from __future__ import annotations

import contextlib
import contextvars
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import Undefined, nodes
from jinja2.sandbox import SecurityError

from briefgen.errors import BriefgenError
from briefgen.model import Facts
from briefgen.render.sandbox import not_utf8

TEXT_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
_WORD = re.compile(r"[^\W\d_]{2,}")
_ENTITY = re.compile(r"&#?\w+;")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    sample: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}" + (f" [{self.sample}]" if self.sample else "")


# --- undefined names, recorded rather than raised ----------------------------------------------

_RECORDED: contextvars.ContextVar[list | None] = contextvars.ContextVar("briefgen_undefined", default=None)


_COMPILE_TIME = ("jinja2/optimizer.py", "jinja2/nodes.py")


def _template_position() -> tuple[str | None, int | None] | None:
    """File and line of the innermost template frame; None while Jinja folds constants at compile
    time (the same expression is evaluated again, and recorded, when the template runs)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.replace("\\", "/").endswith(_COMPILE_TIME):
            return None
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.filename, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None, None


class RecordingUndefined(Undefined):
    """Like StrictUndefined, but every use is recorded and the render goes on (as empty)."""

    __slots__ = ()

    def _record(self) -> None:
        found = _RECORDED.get()
        position = _template_position() if found is not None else None
        if position is not None:
            kind = ("escape attempt blocked" if isinstance(self._undefined_exception, type)
                    and issubclass(self._undefined_exception, SecurityError) else "undefined name")
            found.append((*position, f"{kind}: {self._undefined_message}"))

    def __str__(self) -> str:
        self._record()
        return ""

    def __html__(self) -> str:
        self._record()
        return ""

    def __iter__(self):
        self._record()
        return iter(())

    def __len__(self) -> int:
        self._record()
        return 0

    def __bool__(self) -> bool:
        self._record()
        return False

    def __eq__(self, other) -> bool:
        self._record()
        return False

    def __ne__(self, other) -> bool:
        self._record()
        return True

    __hash__ = Undefined.__hash__

    def __getattr__(self, name: str):
        if name[:2] == "__":
            raise AttributeError(name)
        self._record()
        return self

    def __getitem__(self, key):
        self._record()
        return self

    def __call__(self, *args, **kwargs):
        self._record()
        return self

    def _operator(self, *args, **kwargs):
        self._record()
        return self

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _operator
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __pos__ = __neg__ = __pow__ = __rpow__ = _operator
    __lt__ = __le__ = __gt__ = __ge__ = __contains__ = _operator


# --- static checks: syntax and text outside translation tags -----------------------------------

def template_files(folder: Path) -> list[Path]:
    """The theme's templates; a symlink leading out of the folder is not read (the loader refuses it too)."""
    root = folder.resolve()
    return sorted(p for p in folder.rglob("*.html") if p.is_file() and "locales" not in p.relative_to(folder).parts
                  and p.resolve().is_relative_to(root))


def static_problems(env: jinja2.Environment, folder: Path, display) -> list[Problem]:
    from briefgen.render.unclosed import where_unclosed

    problems: list[Problem] = []
    for path in template_files(folder):
        shown = display(path)
        try:
            source = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            line, message = not_utf8(exc)
            problems.append(Problem(shown, line, f"syntax error: {message}"))
            continue
        except OSError as exc:
            problems.append(Problem(shown, None, f"cannot read: {exc.strerror or exc}"))
            continue
        try:
            env.parse(source, path.name, str(path))
        except jinja2.TemplateSyntaxError as exc:
            message, line = where_unclosed(env, source, exc)
            problems.append(Problem(shown, line, f"syntax error: {message}"))
            continue
        problems += [Problem(shown, line, message) for line, message in untranslated_text(env, source)]
        problems += unsafe_markup_problems(source, shown)
    return problems


def untranslated_labels(env: jinja2.Environment, theme, display) -> list[Problem]:
    """A label a theme adds (`_()`, `{% trans %}`) that a shipped language's catalogs, the theme's
    own included, do not translate: the brief would show English words in that language."""
    from briefgen.i18n import get_locale, load_translations, shipped_locales
    from briefgen.paths import TEMPLATES_DIR
    from briefgen.render.env import theme_locale_dirs

    builtin = TEMPLATES_DIR.resolve()
    languages = [lang for lang in shipped_locales() if lang.split("_")[0] != "en"]
    catalogs = {lang: load_translations(get_locale(lang), theme_locale_dirs(theme)) for lang in languages}
    problems: list[Problem] = []
    for folder in dict.fromkeys(theme.folders):
        if folder.resolve().is_relative_to(builtin):
            continue                        # the shipped templates: `briefgen locales --check`
        for path in template_files(folder):
            try:
                found = list(env.extract_translations(path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
                continue                    # reported by static_problems
            for line, _function, message in found:
                msgid = message if isinstance(message, str) else next((m for m in message if m), None)
                if not msgid:
                    continue
                missing = [lang for lang, t in catalogs.items() if t.gettext(msgid) == msgid]
                if missing:
                    problems.append(Problem(display(path), line, f"label {msgid!r} has no translation in "
                                            f"{', '.join(missing)} (add it to the theme's locales/; docs/i18n.md)"))
    return problems


def unsafe_markup_problems(source: str, shown: str) -> list[Problem]:
    """Markup the HTML output loses (render/sanitise.py), at the line of the template that writes it."""
    from briefgen.render.sanitise import unsafe_markup

    problems: list[Problem] = []
    searched_from: dict[str, int] = {}
    for finding in unsafe_markup(source):
        match = re.compile(finding.pattern, re.I).search(source, searched_from.get(finding.pattern, 0))
        if match:
            searched_from[finding.pattern] = match.end()
        problems.append(Problem(shown, source.count("\n", 0, match.start()) + 1 if match else None,
                                f"{finding.what} is removed from the HTML output (it would navigate, prefetch or "
                                "run code when the brief is opened)"))
    return problems


def untranslated_text(env: jinja2.Environment, source: str) -> list[tuple[int, str]]:
    """Words in a template's markup that are not inside `_()`/`{% trans %}` (or a comment, a tag, CSS)."""
    found: list[tuple[int, str]] = []
    in_tag = in_raw = in_trans = False
    quote = ""
    after_block_begin = False
    for lineno, kind, value in env.lex(source):
        if kind == "block_begin":
            after_block_begin = True
            continue
        if kind == "whitespace":
            continue
        if after_block_begin and kind == "name":
            # {% trans %} … {% pluralize %} … {% endtrans %}: the words are the message itself.
            in_trans = value == "trans" or (in_trans and value == "pluralize")
        after_block_begin = False
        if kind != "data" or in_trans:
            continue
        i, text, line = 0, value, lineno
        buffer, buffer_line = [], line
        while i < len(text):
            ch = text[i]
            if in_raw:                      # inside <style> or <script>: CSS/JS, not words
                end = re.compile(r"</(style|script)\s*>", re.I).search(text, i)
                if end is None:
                    line += text.count("\n", i)
                    i = len(text)
                    break
                line += text.count("\n", i, end.end())
                i, in_raw = end.end(), False
                continue
            if in_tag:
                if quote:
                    if ch == quote:
                        quote = ""
                elif ch in "\"'":
                    quote = ch
                    attr = re.search(r"([\w-]+)\s*=\s*$", text[:i])
                    if attr and attr.group(1).lower() in TEXT_ATTRIBUTES:
                        close = text.find(ch, i + 1)
                        literal = text[i + 1:close if close >= 0 else len(text)]
                        if _WORD.search(_ENTITY.sub("", literal)):
                            found.append((line, f"text outside translation tags in {attr.group(1)}=: "
                                                f"{literal.strip()[:60]!r} (use _() )"))
                elif ch == ">":
                    in_tag = False
                    tag = re.search(r"<\s*(style|script)\b[^<]*$", text[:i], re.I)
                    if tag:
                        in_raw = True
            elif ch == "<":
                _flush(buffer, buffer_line, found)
                buffer = []
                in_tag = True
            else:
                if not buffer:
                    buffer_line = line
                buffer.append(ch)
            if ch == "\n":
                line += 1
            i += 1
        _flush(buffer, buffer_line, found)
    return found


def _flush(buffer: list[str], line: int, found: list[tuple[int, str]]) -> None:
    text = _ENTITY.sub(lambda m: " " * len(m.group(0)), "".join(buffer))
    word = _WORD.search(text)
    if word:
        words = " ".join(text.split())
        found.append((line + text.count("\n", 0, word.start()),
                      f"text outside translation tags: {words[:60]!r} (wrap it in _(\"...\") or {{% trans %}})"))


def missing_blocks(env: jinja2.Environment, theme, display) -> list[Problem]:
    """Blocks the theme.toml says it offers but no base.html of the chain defines."""
    defined: set[str] = set()
    for folder in theme.folders:
        base = folder / "base.html"
        if base.is_file():
            try:
                tree = env.parse(base.read_text(encoding="utf-8"))
            except (jinja2.TemplateSyntaxError, OSError, UnicodeDecodeError):
                return []       # reported by static_problems
            defined |= {b.name for b in tree.find_all(nodes.Block)}
    toml = theme.folders[0] / "theme.toml"
    return [Problem(display(toml), _line_in(toml, name), f"theme.toml lists block {name!r}, "
                    "which no base.html defines") for name in theme.blocks if name not in defined]


def _line_in(path: Path, needle: str) -> int | None:
    try:
        for n, text in enumerate(path.read_bytes().decode("utf-8", "replace").splitlines(), start=1):
            if needle in text:
                return n
    except OSError:
        pass
    return None


# --- rendering and layout checks ---------------------------------------------------------------

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
        return _unique(problems)     # rendering would only repeat the syntax errors (or the stylesheet budget)

    renderer.env.undefined = RecordingUndefined
    with _quiet_fetch_logs():
        for label, brief, locale in (samples if samples is not None else sample_briefs()):
            problems += _render_problems(renderer, brief, locale, label, max_pages, display)
    return _unique(problems)


def css_problems(ignored, display) -> list[Problem]:
    """What WeasyPrint would ignore (render/css_check.py) as problems, `style.css:LINE:COL: …` (the
    column goes with the file and line, as compilers write it; a Problem has no column of its own)."""
    return [Problem(f"{display(p.path)}:{p.line}:{p.column}", None, p.message) for p in ignored]


@contextlib.contextmanager
def _quiet_fetch_logs():
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
    token = _RECORDED.set(recorded)
    refused_before = len(renderer.fetcher.refused)
    try:
        l10n = renderer.localize(locale, main_language(brief))
        with carry_back(_RECORDED):     # the render runs in a child process (render/isolate.py)
            fitted = fit(brief, lambda b: renderer.lay_out(b, l10n), max_pages=max_pages)
        problems += layout_problems(fitted.document, renderer.theme, display, label)
    except TemplateError as exc:
        problems.append(Problem(exc.path or "?", exc.line, exc.message, label))
    except RenderError as exc:
        problems.append(Problem(display(renderer.theme.folders[0] / "style.css"), None,
                                f"overflow: {exc.message}", label))
    finally:
        _RECORDED.reset(token)
    for filename, line, message in recorded:
        problems.append(Problem(display(Path(filename)) if filename else "?", line,
                                message, label))
    for url in renderer.fetcher.refused[refused_before:]:
        path, line = _find_in_theme(renderer.theme, url.rsplit("/", 1)[-1][:60], display)
        problems.append(Problem(path, line, f"outside URL refused: {url[:120]}", label))
    return problems


def layout_problems(document, theme, display, label: str) -> list[Problem]:
    """Lines running past the page's side margins; text below the theme's minimum size."""
    problems: list[Problem] = []
    min_px = theme.min_font_pt * 96 / 72
    seen: set[tuple[str, str]] = set()
    for page in document.pages:
        page_box = page._page_box
        left = page_box.content_box_x()
        right = left + page_box.width
        for root in page_box.children:
            if getattr(root, "element_tag", None) != "html":
                continue
            for box, owner, in_mark in _text_boxes(root, None):
                what = _describe(owner)
                past = max(box.position_x + box.width - right, left - box.position_x)
                if past > 1.5 and ("overflow", what) not in seen:
                    seen.add(("overflow", what))
                    path, line = _find_class(theme, owner, display)
                    problems.append(Problem(path, line, f"overflow: text in {what} runs {past * 25.4 / 96:.0f} mm "
                                            f"past the page margin: {box.text[:40]!r}", label))
                size = box.style["font_size"]
                # Footnote marks (<sup>, <sub>) are smaller by convention; body text is what counts.
                if size < min_px - 0.01 and box.text.strip() and not in_mark \
                        and ("size", what) not in seen:
                    seen.add(("size", what))
                    path, line = _find_class(theme, owner, display, css=True)
                    problems.append(Problem(path, line, f"text in {what} is {size * 72 / 96:.1f}pt, below the "
                                            f"theme's min_font_size {theme.min_font_size}", label))
    return problems


def _text_boxes(box, owner, in_mark: bool = False):
    """(text box, nearest element with a class, inside <sup>/<sub>?) for every text box under `box`."""
    element = getattr(box, "element", None)
    if element is not None and getattr(box, "element_tag", None) == element.tag:
        in_mark = in_mark or element.tag in ("sup", "sub")
        if element.get("class"):
            owner = element
    if type(box).__name__ == "TextBox":
        yield box, owner, in_mark
        return
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child, owner, in_mark)


def _describe(element) -> str:
    if element is None:
        return "the page"
    return f"<{element.tag} class=\"{element.get('class')}\">"


def _find_class(theme, element, display, css: bool = False) -> tuple[str, int | None]:
    """Where to look for a layout problem: the theme's own CSS rule for the element's class, else the
    template that sets the class (`css`: any stylesheet of the chain before templates)."""
    if element is None:
        return display(theme.folders[0] / "base.html"), None
    classes = element.get("class", "").split()
    own = [p for p in theme.stylesheet_files if p.parent == theme.folders[0]]
    searches = [(own, ".{}")]
    if css:
        searches.append((list(reversed(theme.stylesheet_files)), ".{}"))
    searches.append(([p for folder in theme.folders for p in template_files(folder)], "{}"))
    for paths, pattern in searches:
        for cls in classes:
            for path in paths:
                line = _line_in_word(path, pattern.format(cls))
                if line:
                    return display(path), line
    return display(theme.folders[0] / "base.html"), None


def _line_in_word(path: Path, needle: str) -> int | None:
    """The first line holding `needle` as a whole class name (not a prefix of a longer one)."""
    pattern = re.compile(re.escape(needle) + r"(?![\w-])")
    try:
        for n, text in enumerate(path.read_bytes().decode("utf-8", "replace").splitlines(), start=1):
            if pattern.search(text):
                return n
    except OSError:
        pass
    return None


def _find_in_theme(theme, needle: str, display) -> tuple[str, int | None]:
    for folder in theme.folders:
        for path in [*template_files(folder), *folder.rglob("*.css")]:
            line = _line_in(path, needle)
            if line:
                return display(path), line
    return display(theme.folders[0]), None


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: dict[tuple, Problem] = {}
    for p in problems:
        seen.setdefault((p.path, p.line, p.message), p)
    return list(seen.values())


def load_sample_facts(path: Path) -> Facts:
    from briefgen.facts_io import load_facts

    return load_facts(path)
