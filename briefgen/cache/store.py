"""One kind's entries on disk (`Store`), and what `briefgen cache info` and `cache clear` see of all kinds."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.cache.folders import TAG_NAME, cache_root, is_tagged, private_folder, read_entry, write_entry
from briefgen.cache.keys import KINDS, Kind, fingerprint
from briefgen.display import shown

SHARD = re.compile(r"^[0-9a-f]{2}$")   # facts entries are spread over 256 folders: <2 hex>/<key>.json


class Store:
    """`kind`'s folder for this code and these libraries, <root>/<place>/<fingerprint>/, under the
    cache root (`root`, default: the one `cache_root` finds). It is checked (0700, ours) on first
    use; when it cannot be used every read is a miss and every write is skipped."""

    def __init__(self, kind: Kind, root: Path | None = None) -> None:
        self.kind = kind
        self.root = Path(root) if root is not None else cache_root()
        self.names = (*kind.place, fingerprint(kind))
        self.folder = self.root.joinpath(*self.names)
        self._looked = False
        self._checked: Path | None = None

    def checked(self) -> Path | None:
        """The folder, made if missing, or None when it is not safe to use."""
        if not self._looked:
            self._checked, self._looked = private_folder(self.root, *self.names), True
        return self._checked

    def read(self, name: str) -> bytes | None:
        """Entry `name` (a path inside the folder), or None: missing, too big, not a regular file."""
        folder = self.checked()
        return read_entry(folder / name, limit=self.kind.limit) if folder is not None else None

    def write(self, name: str, data: bytes) -> None:
        """Write entry `name` atomically; a read-only or full disk only costs the work again."""
        folder = self.checked()
        if folder is None:
            return
        write_entry(folder / name, data)
        if self.kind.keep is not None:
            self._prune(folder, self.kind.keep)

    def drop(self, name: str) -> None:
        folder = self.checked()
        try:
            if folder is not None:
                (folder / name).unlink()
        except OSError:
            pass

    def _prune(self, folder: Path, keep: int) -> None:
        try:
            entries = [p for p in folder.iterdir() if self.kind.pattern.match(p.name) and not p.name.endswith(".tmp")]
            entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[keep:]:
                old.unlink()
        except OSError:
            pass


@dataclass(frozen=True)
class KindInfo:
    kind: str
    folder: Path          # this version's folder
    entries: int
    bytes: int
    other_versions: int   # folders left by other briefgen versions or code (removed by `cache clear`)
    not_ours: int         # folders and files briefgen did not make there (`cache clear` leaves them)


def info(root: Path | None = None) -> list[KindInfo]:
    """Where each kind's entries are, how many and how big, under the cache root."""
    root = Path(root) if root is not None else cache_root()
    found = []
    for kind in KINDS:
        folder = root.joinpath(*kind.place, fingerprint(kind))
        entries = size = 0
        if is_tagged(folder):
            for path in folder.rglob("*"):
                if kind.pattern.match(path.name) and not path.name.endswith(".tmp") and path.is_file():
                    entries += 1
                    size += path.stat().st_size
        others = not_ours = 0
        for child in _children(root, kind):
            if child != folder:
                ours = is_tagged(child) or _legacy_entry(child, kind)
                others += ours
                not_ours += not ours
        found.append(KindInfo(kind.name, folder, entries, size, others, not_ours))
    return found


def summary(root: Path | None = None) -> list[str]:
    """`briefgen cache info`: the root, then one line per kind, then what `cache clear` would do."""
    root = Path(root) if root is not None else cache_root()
    kinds = info(root)
    lines = [f"root       {shown(root)}"]
    lines += [f"{k.kind:<10} {k.entries:>6} entr{'ies' if k.entries != 1 else 'y '}  {k.bytes / 1048576:8.1f} MB  "
              f"{shown(k.folder)}" for k in kinds]
    others, not_ours = sum(k.other_versions for k in kinds), sum(k.not_ours for k in kinds)
    if others:
        lines.append(f"also       {others} folder(s) of other briefgen versions (`briefgen cache clear` removes them)")
    if not_ours:
        lines.append(f"not ours   {not_ours} file(s) or folder(s) without briefgen's {TAG_NAME} "
                     f"(`briefgen cache clear` leaves them alone)")
    return lines


@dataclass
class Cleared:
    removed: int = 0                                      # version folders removed
    entries: int = 0                                      # entries removed
    left: list[Path] = field(default_factory=list)        # what was not briefgen's, left alone


def clear(root: Path | None = None) -> Cleared:
    """Empty every kind's folders under the cache root of what briefgen made: each tagged version
    folder loses the entries briefgen names, and goes when nothing else is left. A folder or
    file briefgen did not make is left alone and listed; the root and the kinds' own folders stay
    (`--cache-dir` may be a project folder that holds other things, a `briefs` folder among them)."""
    root = Path(root) if root is not None else cache_root()
    done = Cleared()
    if private_folder(root, create=False) is None:
        if root.exists():
            done.left.append(root)
        return done
    for kind in KINDS:
        for child in _children(root, kind):
            if is_tagged(child):
                _empty(child, kind.pattern, done)
            elif _legacy_entry(child, kind):
                try:
                    child.unlink()
                    done.entries += 1
                except OSError:
                    done.left.append(child)
            else:
                done.left.append(child)
    return done


def _children(root: Path, kind: Kind) -> list[Path]:
    """What is in `kind`'s folder besides its tag and the folders of other kinds."""
    place = root.joinpath(*kind.place)
    if private_folder(root, *kind.place, create=False) is None:
        return []
    others = {root.joinpath(*other.place) for other in KINDS}
    try:
        return sorted(p for p in place.iterdir() if p.name != TAG_NAME and p not in others)
    except OSError:
        return []


def _legacy_entry(path: Path, kind: Kind) -> bool:
    # Before version folders, the place table lay in places/ itself (table-<hash>.marshal).
    return path.is_file() and not path.is_symlink() and kind.pattern.match(path.name) is not None


def _empty(folder: Path, pattern: re.Pattern[str], done: Cleared, shard: bool = False) -> bool:
    """Remove what briefgen made in `folder`, then `folder` if nothing else is left; True if gone."""
    kept = False
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        done.left.append(folder)
        return False
    for entry in entries:
        if entry.name == TAG_NAME and not shard:
            continue
        if entry.is_symlink():       # briefgen makes none: never followed, never removed
            pass
        elif entry.is_dir() and not shard and SHARD.match(entry.name) and not is_tagged(entry):
            kept |= not _empty(entry, pattern, done, shard=True)
            continue
        elif entry.is_file() and pattern.match(entry.name):
            try:
                entry.unlink()
                done.entries += not entry.name.endswith(".tmp")
            except OSError:
                kept = True
            continue
        done.left.append(entry)
        kept = True
    if kept:
        return False
    try:
        if not shard:
            (folder / TAG_NAME).unlink()
        folder.rmdir()
    except OSError:
        return False
    done.removed += 0 if shard else 1
    return True
