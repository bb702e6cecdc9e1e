"""`briefgen doctor`: is this machine able to render briefs, and fast?

Each check says what it found and, when it fails, the one command or step that fixes it.
Checks never raise: a missing library is a failed check, not a traceback.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from collections.abc import Callable

MIN_PANGO = (1, 44)


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def run_checks() -> list[Check]:
    checks: list[Check] = []
    for probe in PROBES:
        try:
            checks.append(probe())
        except Exception as exc:  # a check must report, never crash the doctor
            checks.append(Check(probe.__name__.strip("_").replace("_", " "), False,
                                f"check failed: {type(exc).__name__}: {exc}"))
    return checks


def _weasyprint() -> Check:
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: a system library (Pango, GObject) is missing
        return Check("WeasyPrint", False, f"cannot import weasyprint: {exc}",
                     "pip install weasyprint and its system libraries (Pango ≥ 1.44)")
    major = int(weasyprint.__version__.split(".")[0])
    return Check("WeasyPrint", major >= 62, f"version {weasyprint.__version__}",
                 "" if major >= 62 else "pip install 'weasyprint>=62'")


def _pango() -> Check:
    from weasyprint.text.ffi import pango

    raw = pango.pango_version()  # e.g. 15006 for 1.50.6
    version = (raw // 10000, raw // 100 % 100, raw % 100)
    ok = version[:2] >= MIN_PANGO
    return Check("Pango", ok, "version {}.{}.{}".format(*version),
                 "" if ok else "upgrade Pango to 1.44 or later (e.g. apt-get install libpango-1.0-0)")


def _harfbuzz_subset() -> Check:
    """WeasyPrint 70 dlopens libharfbuzz-subset (weasyprint/text/ffi.py) and subsets fonts with it
    when HarfBuzz ≥ 4.1 (pdf/fonts.py); without it, it falls back to the slower fontTools subsetter
    and warns on every PDF. The PDFs are the same bytes either way (render/pdf.py, font_subset_date)."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    version = _harfbuzz_version()
    if harfbuzz_subset is None:
        return Check("HarfBuzz subset", False, f"libharfbuzz-subset not found (HarfBuzz {version}); "
                     "WeasyPrint falls back to fontTools: the same PDFs, 5-6 s a build instead of ~2 s",
                     "sh scripts/system-deps.sh, or apt-get install libharfbuzz-subset0 (Debian/Ubuntu) "
                     "or harfbuzz (Homebrew)")
    new_enough = bool(harfbuzz.hb_version_atleast(4, 1, 0))
    return Check("HarfBuzz subset", new_enough, f"libharfbuzz-subset loaded, HarfBuzz {version}",
                 "" if new_enough else "install HarfBuzz 4.1 or later")


def _harfbuzz_version() -> str:
    """WeasyPrint's cffi declarations lack hb_version_string; ask the library through ctypes."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("harfbuzz") or "libharfbuzz.so.0"
    try:
        function = ctypes.CDLL(name).hb_version_string
    except (OSError, AttributeError):
        return "unknown version"
    function.restype = ctypes.c_char_p
    return function().decode()


def _font_packages() -> Check:
    from briefgen.render.fonts import FONT_SPECS, package_version

    found, missing = [], []
    for distribution, package in sorted({(s.distribution, s.package) for s in FONT_SPECS}):
        try:
            importlib.import_module(package)
            found.append(f"{distribution} {package_version(distribution)}")
        except ImportError:
            missing.append(distribution)
    return Check("Font packages", not missing, ", ".join(found) + (f"; missing: {', '.join(missing)}" if missing
                                                                   else ""),
                 f"pip install {' '.join(missing)}" if missing else "")


def _static_fonts() -> Check:
    from briefgen.render.fonts import FONT_SPECS, fonts_cache_dir, static_path

    missing = [spec.cache_name() for spec in FONT_SPECS if not static_path(spec).is_file()]
    if missing:
        return Check("Static font instances", False,
                     f"{len(missing)} of {len(FONT_SPECS)} not cached yet in {fonts_cache_dir()} "
                     "(the first build makes them, ~10 s)",
                     "python -c 'from briefgen.render.fonts import ensure_all; ensure_all()'")
    return Check("Static font instances", True, f"{len(FONT_SPECS)} cached in {fonts_cache_dir()}")


def _catalogs() -> Check:
    from briefgen.i18n import catalog_path

    path = catalog_path("en")
    return Check("Message catalogs", path.is_file(), str(path),
                 "" if path.is_file() else "run pybabel extract/init as described in babel.cfg")


PROBES: tuple[Callable[[], Check], ...] = (_weasyprint, _pango, _harfbuzz_subset, _font_packages,
                                          _static_fonts, _catalogs)
