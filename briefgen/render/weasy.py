"""Import WeasyPrint without its slow search for libraries that are not there.

WeasyPrint opens each native library (pango, harfbuzz, fontconfig …) by trying a list of
names for every platform; cffi hands each name that is not a file name to
`ctypes.util.find_library`, which on Linux runs `ldconfig -p`, then `gcc` and `ld` for every
miss (Kozea/WeasyPrint#1125): ~20 misses, 0.3–0.8 s of every cold build. While WeasyPrint is
imported here, the misses are looked up in the linker cache only (the first thing
find_library does on Linux); the names that do exist load as before. Should a library be
found only by the slow search (an unusual install), the import is simply done again without
the shortcut.
"""
from __future__ import annotations

import os
import sys
from types import ModuleType


def import_weasyprint() -> ModuleType:
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
