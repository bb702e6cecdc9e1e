"""Import WeasyPrint without its slow search for libraries that are not there.

WeasyPrint opens each native library (pango, harfbuzz, fontconfig …) by trying a list of
names for every platform; cffi hands each name that is not a file name to
`ctypes.util.find_library`, which on Linux runs `ldconfig -p`, then `gcc` and `ld` for every
miss (Kozea/WeasyPrint#1125): ~20 misses, 0.3–0.8 s of every cold build. While WeasyPrint is
imported here, the misses are looked up in the linker cache only (the first thing
find_library does on Linux); the names that do exist load as before. Should a library be
found only by the slow search (an unusual install), the import is simply done again without
the shortcut.

WeasyPrint's own log lines quote URLs whole ("Failed to load image at 'data:…'"): a theme's 8 MB
data: URL would be 8 MB of stderr. `ShortURLs` cuts every long word of its messages.
"""
from __future__ import annotations

import logging
import os
import re
import sys
from types import ModuleType

URL_SHOWN = 200
_LONG_WORD = re.compile(r"\S{%d,}" % (URL_SHOWN + 1))


class ShortURLs(logging.Filter):
    """Cut every run of more than URL_SHOWN non-space characters (a URL) of a record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if len(message) > URL_SHOWN:
            record.msg = _LONG_WORD.sub(lambda m: f"{m.group(0)[:URL_SHOWN]}… ({len(m.group(0))} characters)", message)
            record.args = None
        return True


def import_weasyprint() -> ModuleType:
    module = _import_weasyprint()
    for name in ("weasyprint", "weasyprint.progress"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, ShortURLs) for f in logger.filters):
            logger.addFilter(ShortURLs())
    return module


def _import_weasyprint() -> ModuleType:
    if "weasyprint" in sys.modules or not _shortcut_applies():
        import weasyprint

        return weasyprint
    import ctypes.util

    original = ctypes.util.find_library
    ctypes.util.find_library = ctypes.util._findSoname_ldconfig
    try:
        import weasyprint
    except OSError:
        for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
            del sys.modules[name]
        ctypes.util.find_library = original
        import weasyprint
    finally:
        ctypes.util.find_library = original
    return weasyprint


def _shortcut_applies() -> bool:
    # LD_LIBRARY_PATH folders are found by the `ld` step only: keep the full search then.
    if not sys.platform.startswith("linux") or os.environ.get("LD_LIBRARY_PATH"):
        return False
    import ctypes.util

    return callable(getattr(ctypes.util, "_findSoname_ldconfig", None))
