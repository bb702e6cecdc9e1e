"""The checks made on a theme's files without rendering them: syntax (each template parsed on its
own, so two broken files give two lines), text outside translation tags, markup the HTML output
loses, and blocks theme.toml lists that no base.html defines."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
from jinja2 import nodes

from briefgen.render.theme_loader import not_utf8
from briefgen.themetools.problem import Problem, line_in, template_files
from briefgen.themetools.untranslated import untranslated_text


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
    return [Problem(display(toml), line_in(toml, name), f"theme.toml lists block {name!r}, "
                    "which no base.html defines") for name in theme.blocks if name not in defined]
