"""`briefgen template new DIR [--from THEME]`: a working theme that extends a built-in one.

The files it writes are short and commented: they teach the three ways to change a brief
(CSS variables, one block in base.html, one partial by the same name) without copying what
stays the same, so the theme keeps getting the built-in's fixes.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from briefgen.errors import ConfigError
from briefgen.render.theme import Theme, list_themes, load_theme

THEME_TOML = '''\
# {name}: a briefgen theme. Build with it:  briefgen build sources/ --theme {folder} -o brief.pdf
# Check it (syntax, undefined names, untranslated text, overflow, outside URLs):
#     briefgen template check {folder}
# Watch it while editing:  briefgen serve sources/ --theme {folder}
name = {name_value}
description = {description}

# Every file this folder does not have comes from the theme it extends: a partial with the same
# path here (partials/key_figures.html) replaces the built-in one, anything else falls back.
extends = {extends}

# Page sizes the theme is designed for (--page-size picks one).
page_sizes = {page_sizes}

# The smallest text the theme sets. The one-page fit leaves content out; it never shrinks type,
# and `briefgen template check` reports any text smaller than this.
min_font_size = "{min_font_size}"

# Stylesheets of this folder, added after the ones of "{parent}" (so your rules win).
# Set `inherit_css = false` to start from a clean sheet instead.
stylesheets = ["style.css"]

# The {{% block %}}s the page offers, in page order (from {parent}).
blocks = {blocks}
'''

BASE_HTML = '''\
{{#- The page of "{page}", with one block changed. Every other block stays as it is there.
    "{page}/base.html" always means that theme's file, even though this file is base.html too.

    The context (see docs/templates.md): `brief` (the composed brief: brief.figures,
    brief.timeline, brief.quotes, brief.next, brief.disputes, brief.sources ...), `l10n`,
    `language`, `direction`. Labels go through _("...") or {{% trans %}} so they can be
    translated; numbers and dates through the filters (format_number, format_date ...).
    `template check` reports words written outside them. -#}}
{{% extends "{page}/base.html" %}}

{{#- Example: put a line above the bottom line, then the built-in block with super().
{{% block bottom_line %}}
<p class="house-note">{{{{ _("For internal use") }}}}</p>
{{{{ super() }}}}
{{% endblock %}}
-#}}
'''

STYLE_CSS = '''\
/* Rules here come after the built-in theme's stylesheet, so they win.
   Only files inside this folder (and data: URLs) may be referenced with url() or @import:
   anything else (https://, file:///) is refused, so a brief never fetches from the network. */

/* The built-in theme is driven by CSS variables: change its accent colour, for example. */
:root {{
  --accent: {accent};
}}
'''

PARTIALS_README = '''\
Partials: put a file here with the same name as one of "{parent}"'s partials to replace just
that part of the page. The built-in partials are:

{partials}

Copy one from the built-in theme as a starting point, for example:
    cp {parent_folder}/partials/key_figures.html partials/

Items the one-page fit may leave out carry `data-item="{{{{ item.id }}}}"` (figures, timeline
events, quotes, upcoming events): keep that attribute on your own markup so the fit can
measure them. Includes and imports only reach files inside the theme folders.
'''


def new_theme(folder: Path, parent: str = "default") -> list[Path]:
    """Write a theme extending `parent` (a built-in theme's name, or a theme folder) into
    `folder` (which must not exist or be empty)."""
    if folder.exists() and any(folder.iterdir()):
        raise ConfigError("folder exists and is not empty; choose a new one", folder)
    builtin = parent in {name for name, _, _ in list_themes()}
    if not builtin and not (Path(parent) / "theme.toml").is_file():
        raise ConfigError(f"--from takes a built-in theme ({', '.join(n for n, _, _ in list_themes())}) or a theme "
                          f"folder with a theme.toml; {parent!r} is neither")
    base = load_theme(parent)
    parent_folder = base.folders[0]
    name = folder.name
    if builtin:
        extends, page = base.name, base.name
    else:
        # theme.toml's `extends` names a folder relative to the new theme's own folder.
        extends = os.path.relpath(parent_folder, folder.resolve())
        page = _page_prefix(base, name)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "partials").mkdir(exist_ok=True)
    label = " ".join(str(base.name).split())   # a folder theme's name goes into comments: one line
    files = {
        "theme.toml": THEME_TOML.format(name=name, folder=folder, parent=label, name_value=_toml_str(name),
                                       description=_toml_str(f"My house style, based on {label}."),
                                       extends=_toml_str(extends), page_sizes=_toml_list(base.page_sizes),
                                       min_font_size=base.min_font_size, blocks=_toml_list(base.blocks)),
        "base.html": BASE_HTML.format(page=page),
        "style.css": STYLE_CSS.format(accent="#2e6b30"),
        "partials/README.txt": PARTIALS_README.format(
            parent=label, parent_folder=parent_folder,
            partials="\n".join(f"    partials/{p.name}" for p in sorted(
                {p.name: p for f in reversed(base.folders) for p in (f / "partials").glob("*.html")}.values(),
                key=lambda p: p.name))),
    }
    written = []
    for relative, text in files.items():
        path = folder / relative
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _page_prefix(base: Theme, child: str) -> str:
    """The name by which the new base.html extends the nearest base.html of a folder theme's
    chain: a template name, so a plain one, and not the new theme's own (it would extend itself)."""
    folder = next(f for f in base.folders if (f / "base.html").is_file())   # the built-in one at the latest
    names = [n for n, f in base.names.items() if f == folder and _PLAIN.fullmatch(n) and n != child]
    if names:
        return names[0]
    raise ConfigError(f"theme {str(base.name)!r}: name the new folder differently from the theme it extends, "
                      "and give that theme a plain name (letters, digits, . _ -) in its theme.toml")


_PLAIN = re.compile(r"[A-Za-z0-9_.-]+")


def _toml_str(value: str) -> str:
    # A JSON string is a TOML basic string, once DEL (which TOML wants escaped) is.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_list(items) -> str:
    return "[" + ", ".join(_toml_str(str(item)) for item in items) + "]"
