"""The cache root and its folders: made 0700, tagged, owner-checked; entries read and written safely.

A cache is read back as trusted input (compiled templates are code, fonts are parsed by C
libraries), so it must be one only this user can write to. Every folder briefgen makes here goes
through `private_folder`: made 0700 and tagged with a CACHEDIR.TAG (https://bford.info/cachedir/,
which backup tools honour, and which `briefgen cache clear` requires before it deletes anything).
A folder that is owned by another user (or is a symlink someone else owns), or that other users
can write to, is not used: one warning, and the run goes on without that cache.
"""
from __future__ import annotations

import atexit
import logging
import os
import shutil
import stat
import tempfile
from functools import lru_cache
from pathlib import Path

from briefgen.cache.keys import KINDS
from briefgen.display import shown

log = logging.getLogger("briefgen.cache")

TAG_NAME = "CACHEDIR.TAG"
SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"
_OUR_LINE = b"# briefgen cache folder: `briefgen cache clear` may empty it."
TAG = SIGNATURE + b"\n" + _OUR_LINE + b"\n# About cache directory tags: https://bford.info/cachedir/\n"

# The stores under the cache root, made (and checked) before any code puts a file in them.
STORES = tuple(dict.fromkeys(kind.place[0] for kind in KINDS))

_warned: set[str] = set()


def cache_root() -> Path:
    """The cache root, checked: a fresh one is made 0700 and tagged. When it cannot be used
    safely, a throwaway folder for this run (removed at exit), so nothing is read from it."""
    override = os.environ.get("BRIEFGEN_CACHE_DIR")
    if override:
        return _checked_root(str(Path(override).expanduser()), default=False)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return _checked_root(str(Path(base).expanduser() / "briefgen"), default=True)


@lru_cache(maxsize=8)
def _checked_root(root: str, default: bool) -> Path:
    path = Path(root)
    if default:
        # ~/.cache/briefgen is briefgen's by convention, also when an older briefgen (0755 or,
        # under a umask of 002, 0775 folders, no tags) made it: make it private and tag it.
        for folder in (path, *(path / store for store in STORES)):
            _adopt(folder)
    if all(private_folder(path, store) is not None for store in STORES):
        return path
    throwaway = Path(tempfile.mkdtemp(prefix="briefgen-cache-"))
    atexit.register(shutil.rmtree, throwaway, ignore_errors=True)
    # Worker processes (fonts, extraction) look the root up again: they must find this one.
    os.environ["BRIEFGEN_CACHE_DIR"] = str(throwaway)
    log.warning("running with an empty cache that is removed at exit")
    return throwaway


def private_folder(root: Path, *names: str, create: bool = True) -> Path | None:
    """`root/names...` as a cache folder only this user can write to, made if missing (`create`):
    0700 and tagged. None when it is missing (and not `create`) or one of its folders is not
    safe to use: then a warning names the folder, once per run."""
    folder = Path(root)
    try:
        if not _usable(folder, create, root=True):
            return None
        for name in names:
            folder = folder / name
            if not _usable(folder, create):
                return None
    except OSError as exc:
        _refuse(folder, exc.strerror or str(exc))
        return None
    return folder


def _usable(folder: Path, create: bool, root: bool = False) -> bool:
    try:
        link = os.lstat(folder)
    except FileNotFoundError:
        if not create:
            return False
        if root:
            folder.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            link = os.lstat(folder)   # a concurrent run made it first: check it like any other
        else:
            os.chmod(folder, 0o700)   # mkdir's mode went through the umask
            _tag(folder)
            return True
    problem = _problem(folder, link, root)
    if problem:
        _refuse(folder, problem)
        return False
    return True


def _problem(folder: Path, link: os.stat_result, root: bool) -> str | None:
    """Why `folder` (lstat `link`) is not safe to read cache entries from, or None.

    Folders inside the root are briefgen's own, made 0700: one others can write to was not made
    by this briefgen or was opened up since. The root may be a folder of the user's
    (`--cache-dir`), group-writable under a user-private-group umask: there every folder
    briefgen uses is checked by owner, so only a root anyone can write to (and rename our
    folders in: no sticky bit) is refused."""
    target = os.stat(folder) if stat.S_ISLNK(link.st_mode) else link
    if not stat.S_ISDIR(target.st_mode):
        return "not a folder"
    if not (_owner_ok(link) and _owner_ok(target)):
        return "owned by another user"
    writable = target.st_mode & (0o002 if root else 0o022) and not (root and target.st_mode & stat.S_ISVTX)
    if hasattr(os, "getuid") and writable:
        return f"other users can write to it (mode {target.st_mode & 0o777:o}; `chmod 700` it to use it)"
    return None


def _owner_ok(st: os.stat_result) -> bool:
    # Where there are no uids (Windows), folder ownership is the platform's business.
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def _refuse(folder: Path, problem: str) -> None:
    if str(folder) not in _warned:
        _warned.add(str(folder))
        log.warning("not using the cache folder %s: %s; running without it", shown(folder), problem)


def _adopt(folder: Path) -> None:
    try:
        st = os.lstat(folder)
        if stat.S_ISDIR(st.st_mode) and _owner_ok(st):   # a symlink or another user's folder: checked, not adopted
            os.chmod(folder, 0o700)
            if not is_tagged(folder):
                _tag(folder)
    except OSError:
        pass


def _tag(folder: Path) -> None:
    try:
        fd = os.open(folder / TAG_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return
    with os.fdopen(fd, "wb") as fh:
        fh.write(TAG)


def is_tagged(folder: Path) -> bool:
    """Whether `folder` (not a symlink) holds briefgen's CACHEDIR.TAG: a folder briefgen made."""
    if Path(folder).is_symlink():
        return False
    data = read_entry(Path(folder) / TAG_NAME, limit=4096)
    return data is not None and data.startswith(SIGNATURE) and _OUR_LINE in data


def read_entry(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of a cache file, or None when it is missing, not a regular file (a symlink, a
    FIFO that would block), larger than `limit` or unreadable: a miss, never an error."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (limit is not None and st.st_size > limit):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def write_entry(entry: Path, data: bytes) -> None:
    """Temp file + rename, no fsync; a read-only or full disk only costs the work again.
    `entry.parent` is a checked folder (`private_folder`) or a shard made here inside one."""
    tmp = None
    try:
        if not entry.parent.is_dir():
            try:
                os.mkdir(entry.parent, 0o700)
            except FileExistsError:
                pass
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
