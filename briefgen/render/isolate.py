"""A template render in a child process with a memory limit and a wall clock: a theme's last wall.

The sandbox (sandbox.py) refuses what it sees coming; this catches what it cannot: an allocation
in C that slips past a size check, one call that runs for minutes between two budget checks. On
POSIX each render is forked (about 5 ms; the templates are compiled in the parent first, so the
child only runs them): the child lowers RLIMIT_AS to what the process maps now plus
`MEMORY_HEADROOM`, renders, and sends back the page, or the error as JSON (never a pickle: the
child ran the theme's code). The parent kills it when the time is up. Where there is no fork,
the render runs in process under the sandbox's own caps.
"""
from __future__ import annotations

import contextvars
import json
import os
import select
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from briefgen import errors
from briefgen.errors import BriefgenError, TemplateError

MEMORY_HEADROOM = 768 * 2**20       # a brief's render needs a few MB; a runaway gets this far
GRACE_SECONDS = 2.0                 # past the sandbox's own deadline, for it to report the line first

# Lists a render appends to that the caller reads afterwards (`template check` records every
# undefined name): what the child appends is carried back and appended in the parent.
_CARRIED: contextvars.ContextVar[tuple[contextvars.ContextVar, ...]] = contextvars.ContextVar(
    "briefgen_carried", default=())


@contextmanager
def carry_back(var: contextvars.ContextVar) -> Iterator[None]:
    """While this is open, items an isolated render appends to `var`'s list (tuples of JSON
    values) reach `var`'s list in this process too."""
    token = _CARRIED.set(_CARRIED.get() + (var,))
    try:
        yield
    finally:
        _CARRIED.reset(token)


def can_isolate() -> bool:
    return hasattr(os, "fork") and hasattr(os, "waitpid") and os.environ.get("BRIEFGEN_RENDER_IN_PROCESS") != "1"


def run_isolated(render: Callable[[], str], *, seconds: float, where: str) -> str:
    """`render()` in a forked child, its page returned; a BriefgenError it raised, raised here.

    `where` names the theme file an error points at when the child dies without a word (killed
    for time, or by the memory limit inside C code)."""
    if not can_isolate():
        return render()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:                                    # the child: never returns
        os.close(read_end)
        _child(render, write_end)
    os.close(write_end)
    try:
        data, finished = _read_all(read_end, time.monotonic() + seconds + GRACE_SECONDS)
    finally:
        os.close(read_end)
        if not _reaped(pid):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    if not finished:
        raise TemplateError(f"render stopped: took more than {seconds:g} s", path=where)
    return _result(data, where)


def _child(render: Callable[[], str], out: int) -> None:
    code = 0
    try:
        _limit_memory()
        carried = [(var, len(var.get() or ())) for var in _CARRIED.get()]
        head: dict = {"kind": "page"}
        body = b""
        try:
            body = render().encode("utf-8", "surrogatepass")
        except BriefgenError as exc:
            head = {"kind": "error", "class": type(exc).__name__, "message": exc.message,
                    "path": exc.path, "line": exc.line}
        except MemoryError:
            head = {"kind": "error", "class": "TemplateError", "path": None, "line": None,
                    "message": "render stopped: the template used too much memory"}
        except BaseException:                       # noqa: BLE001 — a bug of ours, shown with --debug
            head = {"kind": "crash"}
            body = traceback.format_exc().encode("utf-8", "replace")
        head["carried"] = [list((var.get() or [])[start:]) for var, start in carried]
        view = memoryview(json.dumps(head).encode() + b"\n" + body)
        while view:
            view = view[os.write(out, view):]
    except BaseException:                           # noqa: BLE001 — nothing may escape a forked child
        code = 1
    finally:
        os._exit(code)


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:
        return
    mapped = mapped_bytes()
    if mapped is None:
        return
    limit = mapped + MEMORY_HEADROOM
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def mapped_bytes() -> int | None:
    """The process's virtual size (Linux: /proc/self/statm), which RLIMIT_AS counts."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _read_all(fd: int, deadline: float) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"", False
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)


def _reaped(pid: int) -> bool:
    try:
        if os.waitpid(pid, os.WNOHANG)[0]:
            return True
        # The pipe closed, so the child is in os._exit: wait a moment rather than kill it.
        for _ in range(50):
            time.sleep(0.002)
            if os.waitpid(pid, os.WNOHANG)[0]:
                return True
        return False
    except ChildProcessError:
        return True


def _result(data: bytes, where: str) -> str:
    line, _, body = data.partition(b"\n")
    try:
        head = json.loads(line)
    except ValueError:                              # the child died before it could say anything
        raise TemplateError("render stopped: the template used too much memory or time", path=where) from None
    for var, items in zip(_CARRIED.get(), head.get("carried", ())):
        found = var.get()
        if found is not None:
            found.extend(tuple(item) for item in items)
    if head["kind"] == "page":
        return body.decode("utf-8", "surrogatepass")
    if head["kind"] == "crash":
        raise RuntimeError("the template render failed:\n" + body.decode("utf-8", "replace"))
    kind = getattr(errors, str(head["class"]), TemplateError)
    if not (isinstance(kind, type) and issubclass(kind, BriefgenError)):
        kind = TemplateError
    raise kind(head["message"], path=head["path"] or where, line=head["line"])
