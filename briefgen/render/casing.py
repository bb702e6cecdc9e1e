"""Stylesheets that change the case of text: `text-transform: uppercase` or `capitalize`.

Upper-casing is language-specific (Turkish 'i' is 'İ', German 'ß', Greek drops its accents) and
CSS does it by the `lang` of the element, which a label and the words inside it do not always
share; `capitalize` capitalises every word, which is English title case and wrong almost
everywhere else. So a label's case lives in the catalog ('Key figures', 'Chiffres clés', cased by
the translator), and `briefgen locales --check` lists each such declaration with file and line.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import tinycss2

from briefgen.display import shown
from briefgen.paths import TEMPLATES_DIR

CASE_CHANGES = frozenset({"uppercase", "capitalize"})


def shipped_stylesheets() -> list[Path]:
    """Every stylesheet of the built-in themes, each once."""
    from briefgen.render.theme import load_theme

    files: dict[Path, None] = {}
    for toml in sorted(TEMPLATES_DIR.glob("*/theme.toml")):
        files.update(dict.fromkeys(load_theme(toml.parent.name).stylesheet_files))
    return list(files)


def case_changes(paths: Iterable[Path]) -> list[str]:
    """'style.css:58: text-transform: uppercase on h2 …' for each declaration that changes case."""
    problems: list[str] = []
    for path in paths:
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{shown(path)}: not read ({exc.__class__.__name__})")
            continue
        rules = tinycss2.parse_stylesheet(source, skip_comments=True, skip_whitespace=True)
        problems += [f"{shown(path)}:{line}: text-transform: {value} on {selector!r} (translated text is "
                     f"cased by the catalogs: upper-casing is language-specific)"
                     for line, selector, value in _walk(rules, "")]
    return problems


def _walk(rules, selector: str):
    for rule in rules:
        if rule.type == "qualified-rule":
            inner = tinycss2.serialize(rule.prelude).strip()
            yield from _declarations(rule.content, inner)
        elif rule.type == "at-rule" and rule.content is not None:
            # @media, @supports, @layer: rules inside; @page and its margins: declarations.
            yield from _declarations(rule.content, selector or f"@{rule.lower_at_keyword}")


def _declarations(content, selector: str):
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration" and item.lower_name == "text-transform":
            words = {token.lower_value for token in item.value if token.type == "ident"}
            for value in sorted(words & CASE_CHANGES):
                yield item.source_line, selector, value
        elif item.type in ("qualified-rule", "at-rule"):
            yield from _walk([item], selector)
