"""Fonts for the brief: static instances of the packaged variable Noto fonts, cached.

Why static instances: with variable fonts WeasyPrint instantiates each used weight while
writing every PDF (slow), and writing the same rendered document twice then fails
(KeyError 'fvar'). Instancing once with fontTools and caching the result makes every later
build fast and the PDF independent of the system's fonts. The instances are made by
briefgen/render/instance.py (~10 s of CPU for the five faces; fontTools' instancer alone took ~30 s).

The instances are the cache's `fonts` kind (briefgen/cache): its folder is named by the font
packages' and fontTools' versions, this module's code and the instance schema, so a font package
upgrade (or a change to how instances are made) gets fresh instances. Files are written
atomically (temp file + rename): two builds racing on a cold cache both succeed.

An instance is a function of the packaged file alone, never of the clock: the same input gives
the same PDF on every machine and after `cache clear` (see `_freeze_timestamps`).
"""
from __future__ import annotations

import base64
import importlib
import io
import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from briefgen.atomic import write_atomic
from briefgen.cache import FONTS, Store, cache_root

log = logging.getLogger(__name__)

# CSS family names of our own, so @font-face never matches a system font by accident.
TEXT_FAMILY = "Briefgen Sans"
ARABIC_FAMILY = "Briefgen Sans Arabic"


@dataclass(frozen=True)
class FontSpec:
    """One static instance to make: which packaged variable file, at which axis values."""

    family: str            # CSS family name
    package: str           # the fontpkg distribution's import name
    filename: str          # variable file inside the package's files/ folder
    weight: int
    style: str = "normal"  # CSS font-style

    @property
    def distribution(self) -> str:
        return self.package.replace("_", "-")

    def variable_path(self) -> Path:
        return package_dir(self.package) / "files" / self.filename

    def cache_name(self) -> str:
        stem = self.filename.split("[")[0]
        return f"{stem}-{self.weight}.ttf"


FONT_SPECS: tuple[FontSpec, ...] = (
    FontSpec(TEXT_FAMILY, "fontpkg_noto_sans", "NotoSans[wdth,wght].ttf", 400),
    FontSpec(TEXT_FAMILY, "fontpkg_noto_sans", "NotoSans[wdth,wght].ttf", 700),
    FontSpec(TEXT_FAMILY, "fontpkg_noto_sans", "NotoSans-Italic[wdth,wght].ttf", 400, "italic"),
    FontSpec(ARABIC_FAMILY, "fontpkg_noto_sans_arabic", "NotoSansArabic[wdth,wght].ttf", 400),
    FontSpec(ARABIC_FAMILY, "fontpkg_noto_sans_arabic", "NotoSansArabic[wdth,wght].ttf", 700),
)


@lru_cache(maxsize=None)  # per process: ~20 ms of metadata lookups on every layout pass otherwise
def package_dir(package: str) -> Path:
    return Path(importlib.import_module(package).__file__).resolve().parent


@lru_cache(maxsize=None)
def package_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def fonts_cache_dir() -> Path:
    """The folder holding every version's instances (the fetcher may read fonts from it)."""
    return cache_root().joinpath(*FONTS.place)


def static_path(spec: FontSpec) -> Path:
    """Where the instance of `spec` lives in the cache (it may not exist yet)."""
    return Store(FONTS).folder / spec.cache_name()


def ensure_static(spec: FontSpec) -> Path:
    """The cached static instance of `spec`, made on first use."""
    target = static_path(spec)
    if target.is_file():
        return target
    from fontTools.ttLib import TTFont

    from briefgen.render.instance import instantiate_static

    log.info("making static font %s (first use; cached in %s)", target.name, target.parent)
    # The folder is this user's alone (0700, tagged, owner-checked): fonts are parsed by C code.
    Store(FONTS).checked()
    font = TTFont(spec.variable_path())
    source_head = font["head"]
    created, modified = source_head.created, source_head.modified
    static = instantiate_static(font, {"wght": spec.weight, "wdth": 100})
    _freeze_timestamps(static, created, modified)
    buffer = io.BytesIO()
    static.save(buffer)
    write_atomic(target, buffer.getvalue())
    return target


def _freeze_timestamps(font, created: int, modified: int) -> None:
    """Give the instance its source file's dates instead of the clock's.

    fontTools stamps `head.modified` with the time of saving (or $SOURCE_DATE_EPOCH) unless told
    not to; that stamp is embedded in every PDF, so two fresh caches (two machines, or a cleared
    cache) would give different bytes for the same input. The packaged file's own dates are fixed
    per font version, and true: the instance holds the same outlines as that release.
    """
    font.recalcTimestamp = False
    font["head"].created = created
    font["head"].modified = modified


def ensure_all() -> list[Path]:
    """Every instance; on a cold cache they are made in parallel (several seconds each)."""
    missing = [spec for spec in FONT_SPECS if not static_path(spec).is_file()]
    workers = min(len(missing), os.cpu_count() or 1)
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(ensure_static, missing))
    return [ensure_static(spec) for spec in FONT_SPECS]


def allowed_font_dirs() -> list[Path]:
    """Folders the PDF fetcher may read fonts from: the cache and the font packages."""
    dirs = [fonts_cache_dir()]
    for package in sorted({spec.package for spec in FONT_SPECS}):
        try:
            dirs.append(package_dir(package))
        except ImportError:
            continue
    return dirs


# --- @font-face CSS -------------------------------------------------------------------------

def font_face_css_for_pdf(variable: bool = False) -> str:
    """@font-face rules pointing at the cached static files (or, to measure, the variable ones)."""
    if not variable:
        ensure_all()
    rules = []
    for spec in FONT_SPECS:
        path = spec.variable_path() if variable else ensure_static(spec)
        rules.append(_rule(spec, path.as_uri(), "truetype"))
    return "\n".join(rules)


def font_face_css_for_html(text: str, subset_text: str | None = None) -> str:
    """@font-face rules with WOFF2 subsets as data: URLs, so the HTML opens from a USB stick.

    Subset to the characters of the page (plus printable ASCII for edits in a browser):
    the full Noto Sans instances weigh ~0.5 MB each, the subsets a few kB. Subsetting is the
    slow part (~1 s a face), so a multi-language run passes the characters of all its pages
    as `subset_text`: one subset per face serves every language (a few kB more each), while
    `text` still decides which faces a page needs (no Arabic face in the French brief).
    """
    chars = frozenset(text) | frozenset(chr(c) for c in range(0x20, 0x7F))
    pool = chars | frozenset(subset_text or "")
    rules = []
    for spec in FONT_SPECS:
        if not _chars_in_font(spec, chars):
            continue
        wanted = _chars_in_font(spec, pool)
        data = _woff2_subset(ensure_static(spec), "".join(sorted(wanted)))
        uri = "data:font/woff2;base64," + base64.b64encode(data).decode("ascii")
        rules.append(_rule(spec, uri, "woff2"))
    return "\n".join(rules)


def font_face_css_whole(text: str) -> str:
    """@font-face rules with the whole static fonts as data: URLs (TrueType, base64).

    For the live preview: a page of ~3 MB on localhost costs the browser little, while
    subsetting (`font_face_css_for_html`) costs seconds whenever an edit brings a new character.
    `text` decides which faces the page needs, as there.
    """
    chars = frozenset(text)
    return "\n".join(_whole_rule(spec) for spec in FONT_SPECS if _chars_in_font(spec, chars))


@lru_cache(maxsize=None)
def _whole_rule(spec: FontSpec) -> str:
    data = ensure_static(spec).read_bytes()
    return _rule(spec, "data:font/ttf;base64," + base64.b64encode(data).decode("ascii"), "truetype")


def _rule(spec: FontSpec, url: str, fmt: str) -> str:
    return (f"@font-face {{ font-family: \"{spec.family}\"; font-weight: {spec.weight}; "
            f"font-style: {spec.style}; src: url(\"{url}\") format(\"{fmt}\"); }}")


@lru_cache(maxsize=16)
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _chars_in_font(spec: FontSpec, chars: frozenset[str]) -> set[str]:
    cmap = _cmap(ensure_static(spec))
    # The Arabic face is only embedded when the page holds Arabic script.
    if spec.family == ARABIC_FAMILY and not any("\u0600" <= ch <= "\u06ff" for ch in chars):
        return set()
    return {ch for ch in chars if ord(ch) in cmap}


@lru_cache(maxsize=64)
def _woff2_subset(path: Path, chars: str) -> bytes:
    from fontTools import subset

    # fontTools.subset logs every table at INFO; that is noise in a build log.
    subset_log = logging.getLogger("fontTools.subset")
    previous = subset_log.level
    subset_log.setLevel(max(previous, logging.WARNING))
    try:
        return _subset_to_woff2(subset, path, chars)
    finally:
        subset_log.setLevel(previous)


def _subset_to_woff2(subset, path: Path, chars: str) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    font = subset.load_font(str(path), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)
    return buffer.getvalue()
