"""Where the shipped themes and catalogs live, for both installed wheels and a source checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # A wheel carries them under briefgen/_data/; an editable install or a checkout has them at the top.
    packaged = _PACKAGE / "_data" / name
    return packaged if packaged.is_dir() else _PACKAGE.parent / name


TEMPLATES_DIR = _data_dir("templates")
LOCALES_DIR = _data_dir("locales")
