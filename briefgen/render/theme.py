"""Themes: a folder with theme.toml, base.html, partials/ and style.css.

A theme may `extends = "default"` (or another theme) and override single files or blocks;
the search path is the theme, then what it extends, then the built-in one (as mkdocs does).
A theme is named (a folder under templates/) or given as a path to a folder.

What a theme.toml may point at is fenced, because a shared theme is a colleague's code and every
folder of the chain is trusted by the template loader and the PDF fetcher: `extends` is a built-in
theme's name or a path relative to the extending theme's folder that holds a theme.toml (never
the working directory, never a bare folder such as "/"), and every stylesheet resolves, symlinks
followed, inside its own theme's folder.

The files themselves are fenced too (`theme_files`, `read_theme_file`): a symlink in a theme that
leads out of its folder (to /proc/self/mem, to a secret), a FIFO (a read that never returns) or a
device, and a file too large for what a theme holds are refused with one line naming the file,
when the theme is loaded, before the template loader, the fit cache or the PDF fetcher reads them.
"""
from __future__ import annotations

import math
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import ConfigError, TemplateError
from briefgen.paths import TEMPLATES_DIR

if TYPE_CHECKING:
    from briefgen.render.css import ResolvedCss

BUILTIN_THEME = "default"

# What a theme may hold. Text (templates, stylesheets, theme.toml, catalogs) is small; fonts and
# images are larger, but a theme is not an archive: a 6 GB file is an attack on memory.
MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_THEME_FILES = 5000
TEXT_SUFFIXES = frozenset({".html", ".htm", ".css", ".toml", ".txt", ".svg", ".po", ".pot", ".md", ".json",
                           ".xml", ".j2", ".jinja"})
# Version-control and bytecode folders are not read by anything that renders a theme.
_NOT_THEME = frozenset({".git", ".hg", ".svn", "__pycache__"})


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
        `@import`s and `url()`s resolved through the SafeFetcher rules (render/css.py). A stylesheet
        that crosses a budget (an @import loop) is an error naming the @import's file and line."""
        resolved = self.resolved_css()
        if resolved.error is not None:
            raise TemplateError(resolved.error.message, path=self.shown(resolved.error.path),
                                line=resolved.error.line)
        return resolved.text

    def shown(self, path: Path) -> str:
        """'house/style.css' for a file of the theme folder 'house' (as template errors name files)."""
        for folder in self.folders:
            if path.resolve().is_relative_to(folder):
                return str(path.resolve().relative_to(folder.parent))
        return str(path)

    def resolved_css(self) -> ResolvedCss:
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
        _check_values(folder / "theme.toml", meta)
        _check_stylesheets(folder, meta)
        theme_files(folder)
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
                points = float(text[: -len(unit)]) * factor
            except ValueError:
                break
            if math.isfinite(points) and 0 < points <= 72:
                return points
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


PAGE_SIZES = ("A4", "Letter")


def _check_values(toml: Path, meta: dict) -> None:
    """The settings' types, before any is used: a shared theme.toml is input like any other."""
    def bad(key: str, what: str) -> TemplateError:
        return TemplateError(f"{key} in theme.toml must be {what}", path=toml, line=_key_line(toml, key))

    for key, value in meta.items():
        strings = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and "\x00" in v for v in strings):
            raise bad(key, "text without NUL characters")
    for key in ("name", "description", "min_font_size", "extends"):
        if key in meta and not isinstance(meta[key], str):
            raise bad(key, "a string")
    sizes = meta.get("page_sizes", list(PAGE_SIZES))
    if not isinstance(sizes, list) or not sizes or not all(isinstance(v, str) and v in PAGE_SIZES for v in sizes):
        raise bad("page_sizes", f"a list of one or more of {', '.join(repr(v) for v in PAGE_SIZES)}")
    blocks = meta.get("blocks", [])
    if not isinstance(blocks, list) or not all(isinstance(v, str) for v in blocks):
        raise bad("blocks", "a list of block names")
    if not isinstance(meta.get("inherit_css", True), bool):
        raise bad("inherit_css", "true or false")


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
    if not path.exists() and not path.is_symlink():
        return {}
    data = read_theme_file(path, (path.parent.resolve(),))
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        from briefgen.render.theme_loader import not_utf8

        line, message = not_utf8(exc)
        raise TemplateError(f"bad theme.toml: {message}", path=path, line=line) from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"bad theme.toml: {exc}", path=path) from exc


# --- the files of a theme ---------------------------------------------------------------------

def size_limit(path: Path) -> int:
    """The largest file `path` may be: text (templates, CSS, theme.toml) or a font or image."""
    return MAX_TEXT_BYTES if path.suffix.lower() in TEXT_SUFFIXES else MAX_FILE_BYTES


def theme_files(folder: Path) -> list[Path]:
    """Every file of a theme folder, each checked by `check_theme_file` (a TemplateError names the
    first one refused). Symlinked folders are not walked: their real place is inside the theme or
    the link is refused."""
    root = folder.resolve()
    found: list[Path] = []
    entries = 0
    for dirpath, dirnames, filenames in os.walk(root):        # followlinks=False
        dirnames[:] = sorted(d for d in dirnames if d not in _NOT_THEME)
        # Folders count too: `--theme ~` must not walk a whole home folder.
        entries += len(dirnames) + len(filenames)
        if entries > MAX_THEME_FILES:
            raise TemplateError(f"the theme holds more than {MAX_THEME_FILES} files and folders; a theme is "
                                "templates, stylesheets, fonts and images", path=folder)
        here = Path(dirpath)
        for name in dirnames:
            if (here / name).is_symlink():
                check_theme_file(here / name, (root,), folder_ok=True)
        for name in sorted(filenames):
            if check_theme_file(here / name, (root,)) is not None:
                found.append(here / name)
    return found


def check_theme_file(path: Path, roots: tuple[Path, ...], *, folder_ok: bool = False) -> os.stat_result | None:
    """The file's status, once it is known to be a regular file inside `roots` (symlinks followed) and
    within its size limit; None for a dangling symlink (nothing to read). TemplateError otherwise."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        raise TemplateError("symlink loop; a theme holds files, not links to itself", path=path) from None
    if not any(real.is_relative_to(root) for root in roots):
        raise TemplateError("a symlink leading outside the theme folder (a theme's files are inside it)",
                            path=path)
    try:
        info = real.stat()
    except OSError:
        return None
    if folder_ok and stat.S_ISDIR(info.st_mode):
        return info
    if not stat.S_ISREG(info.st_mode):
        raise TemplateError("not a regular file (a FIFO, device, socket or folder); a theme holds plain files",
                            path=path)
    _check_size(path, info.st_size)
    return info


def read_theme_file(path: Path, roots: tuple[Path, ...]) -> bytes:
    """The bytes of a theme file, read only once it is known to be a regular file inside `roots` and
    within its size limit (a file that grows while read is cut at the limit and refused)."""
    if check_theme_file(path, roots) is None:
        raise TemplateError("cannot read: the symlink leads nowhere", path=path)
    limit = size_limit(path)
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, open() does not wait.
        fd = os.open(path.resolve(), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise TemplateError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise TemplateError("not a regular file; a theme holds plain files", path=path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise TemplateError(f"cannot read: {exc.strerror or exc}", path=path) from None
    finally:
        os.close(fd)
    _check_size(path, len(data))
    return data


def _check_size(path: Path, size: int) -> None:
    limit = size_limit(path)
    if size > limit:
        kind = "a template, stylesheet or text file" if limit == MAX_TEXT_BYTES else "a theme file"
        raise TemplateError(f"too large ({size / 2**20:.1f} MB; {kind} may be {limit // 2**20} MB at most)",
                            path=path)
