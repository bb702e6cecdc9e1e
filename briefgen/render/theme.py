"""Themes: a folder with theme.toml, base.html, partials/ and style.css.

A theme may `extends = "default"` (or another theme) and override single files or blocks;
the search path is the theme, then what it extends, then the built-in one (as mkdocs does).
A theme is named (a folder under templates/) or given as a path to a folder.

What a theme.toml may point at is fenced, because a shared theme is a colleague's code and every
folder of the chain is trusted by the template loader and the PDF fetcher: `extends` is a built-in
theme's name or a path relative to the extending theme's folder that holds a theme.toml (never
the working directory, never a bare folder such as "/"), and every stylesheet resolves, symlinks
followed, inside its own theme's folder.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.errors import ConfigError, TemplateError
from briefgen.paths import TEMPLATES_DIR

BUILTIN_THEME = "default"


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    folders: tuple[Path, ...]           # search path, most specific first
    page_sizes: tuple[str, ...] = ("A4", "Letter")
    min_font_size: str = "7pt"
    blocks: tuple[str, ...] = ()
    stylesheets: tuple[str, ...] = ("style.css",)
    names: dict[str, Path] = field(default_factory=dict)  # theme name -> its folder, for "name/base.html"
    # The stylesheets of the chain, base theme first (a theme with `inherit_css = false` starts afresh).
    stylesheet_files: tuple[Path, ...] = ()

    def find(self, relative: str) -> Path | None:
        """The first file `relative` on the search path."""
        for folder in self.folders:
            candidate = folder / relative
            if candidate.is_file():
                return candidate
        return None

    def css(self) -> str:
        """Every stylesheet of the chain, base theme first, so the derived theme's rules win;
        `@import`s and `url()`s resolved through the SafeFetcher rules (render/css.py)."""
        return self.resolved_css().text

    def resolved_css(self):
        from briefgen.render.css import resolve_stylesheets
        from briefgen.render.fonts import allowed_font_dirs

        return resolve_stylesheets(self.stylesheet_files, (*self.folders, *map(Path, allowed_font_dirs())))

    @property
    def min_font_pt(self) -> float:
        return css_length_pt(self.min_font_size)

    def page_size(self, requested: str) -> str:
        for size in self.page_sizes:
            if size.lower() == requested.lower():
                return size
        raise ConfigError(f"theme {self.name!r} offers page sizes {', '.join(self.page_sizes)}, "
                          f"not {requested!r}")


def load_theme(name_or_path: str | Path) -> Theme:
    folders: list[Path] = []
    metas: list[dict] = []
    names: dict[str, Path] = {}
    settings: dict = {}
    current: str | Path | None = name_or_path
    asked_by: Path | None = None      # the theme.toml whose `extends` names `current`
    while current is not None:
        folder = _theme_folder(current) if asked_by is None else _extended_folder(current, asked_by)
        if folder in folders:
            raise TemplateError("theme extends itself", path=folder / "theme.toml")
        meta = _read_toml(folder / "theme.toml")
        _check_stylesheets(folder, meta)
        folders.append(folder)
        metas.append(meta)
        names.setdefault(str(meta.get("name", folder.name)), folder)
        for key, value in meta.items():
            settings.setdefault(key, value)   # the derived theme's settings win
        current = meta.get("extends")
        asked_by = folder / "theme.toml"
    if folders[-1] != _theme_folder(BUILTIN_THEME):
        folders.append(_theme_folder(BUILTIN_THEME))
        metas.append(_read_toml(folders[-1] / "theme.toml"))
        names.setdefault(BUILTIN_THEME, folders[-1])
    # "default/base.html" always means the built-in theme, whatever a user's theme calls itself.
    names.update({f.name: f for f in folders if f.parent == TEMPLATES_DIR.resolve()})
    css_files: list[Path] = []
    for folder, meta in zip(folders, metas):           # most derived first
        css_files[:0] = [folder / name for name in meta.get("stylesheets", ("style.css",))
                         if (folder / name).is_file()]
        if meta.get("inherit_css", True) is False:
            break
    return Theme(
        name=str(settings.get("name", folders[0].name)),
        description=str(settings.get("description", "")),
        folders=tuple(folders),
        page_sizes=tuple(settings.get("page_sizes", ("A4", "Letter"))),
        min_font_size=str(settings.get("min_font_size", "7pt")),
        blocks=tuple(settings.get("blocks", ())),
        stylesheets=tuple(settings.get("stylesheets", ("style.css",))),
        names=names,
        stylesheet_files=tuple(css_files),
    )


def list_themes() -> list[tuple[str, str, str | None]]:
    """The built-in themes: (name, description, what it extends)."""
    found = []
    for folder in sorted(TEMPLATES_DIR.iterdir()):
        if (folder / "theme.toml").is_file():
            meta = _read_toml(folder / "theme.toml")
            found.append((folder.name, str(meta.get("description", "")), meta.get("extends")))
    return found


def css_length_pt(value: str) -> float:
    """'7pt', '9px', '2.5mm' → points (for the minimum font size)."""
    units = {"pt": 1.0, "px": 0.75, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pc": 12.0}
    text = value.strip().lower()
    for unit, factor in units.items():
        if text.endswith(unit):
            try:
                return float(text[: -len(unit)]) * factor
            except ValueError:
                break
    raise ConfigError(f"bad min_font_size {value!r} in theme.toml (use a length such as '7pt')")


def _theme_folder(name_or_path: str | Path) -> Path:
    path = Path(name_or_path)
    if path.is_dir():
        return path.resolve()
    builtin = TEMPLATES_DIR / str(name_or_path)
    if builtin.is_dir():
        return builtin.resolve()
    raise ConfigError(f"no theme {str(name_or_path)!r} (built-in themes: {_builtin_names()})")


def _extended_folder(value, toml: Path) -> Path:
    """The folder `extends = value` in `toml` names: a built-in theme, or a theme folder (one with a
    theme.toml) given relative to the folder of `toml`. Anything else is refused."""
    line = _key_line(toml, "extends")
    if isinstance(value, str) and _NAME.fullmatch(value) and value not in (".", ".."):
        builtin = TEMPLATES_DIR / value
        if (builtin / "theme.toml").is_file():
            return builtin.resolve()
    if isinstance(value, str) and value.strip() and not Path(value).is_absolute() and not value.startswith("~"):
        folder = (toml.parent / value).resolve()
        if (folder / "theme.toml").is_file():
            return folder
    raise TemplateError(f"extends = {value!r} in theme.toml is neither a built-in theme ({_builtin_names()}) nor "
                        "a theme folder (with a theme.toml) given relative to this theme's folder",
                        path=toml, line=line)


def _check_stylesheets(folder: Path, meta: dict) -> None:
    """Every stylesheet listed is a path inside the theme's own folder, once symlinks are followed."""
    toml = folder / "theme.toml"
    names = meta.get("stylesheets", ("style.css",))
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) and n.strip() for n in names):
        raise TemplateError("stylesheets in theme.toml must be a list of file names, such as [\"style.css\"]",
                            path=toml, line=_key_line(toml, "stylesheets"))
    root = folder.resolve()
    for name in names:
        if not (folder / name).resolve().is_relative_to(root):
            raise TemplateError(f"stylesheet {name!r} in theme.toml leads outside the theme's folder "
                                "(stylesheets are files inside it)",
                                path=toml, line=_line_holding(toml, name) or _key_line(toml, "stylesheets"))


_NAME = re.compile(r"[A-Za-z0-9_.-]+")


def _builtin_names() -> str:
    return ", ".join(sorted(p.name for p in TEMPLATES_DIR.iterdir() if (p / "theme.toml").is_file()))


def _toml_lines(path: Path) -> list[str]:
    try:
        return path.read_bytes().decode("utf-8", "replace").splitlines()
    except OSError:
        return []


def _key_line(path: Path, key: str) -> int | None:
    pattern = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
    return next((n for n, text in enumerate(_toml_lines(path), 1) if pattern.match(text)), None)


def _line_holding(path: Path, needle: str) -> int | None:
    return next((n for n, text in enumerate(_toml_lines(path), 1) if needle in text), None)


def _read_toml(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read theme.toml: {exc.strerror or exc}", path=path) from exc
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        from briefgen.render.sandbox import not_utf8

        line, message = not_utf8(exc)
        raise TemplateError(f"bad theme.toml: {message}", path=path, line=line) from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"bad theme.toml: {exc}", path=path) from exc
