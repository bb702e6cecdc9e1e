"""One language's word tables, read once from `data/<lang>/` (TOML tables, or plain lists one
entry a line with `#` comments)."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=None)
def toml(lang: str, name: str) -> dict:
    with (DATA / lang / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def lines(lang: str, name: str) -> tuple[str, ...]:
    path = DATA / lang / f"{name}.txt"
    if not path.exists():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def numbered(lang: str, name: str) -> dict[str, int]:
    """A shared "number | forms" list (months.txt: `7 | июль июля`) as {form: number}; a form of
    several words is written with "_" ("كانون_الثاني") and keyed by its first word."""
    out: dict[str, int] = {}
    for line in lines(lang, name):
        number, _, forms = line.partition("|")
        for form in forms.split():
            out.setdefault(form.split("_")[0].lower(), int(number))
    return out
