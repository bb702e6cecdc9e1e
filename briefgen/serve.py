"""`briefgen serve`: a live preview on 127.0.0.1 that rebuilds when sources, theme or facts change.

One thread polls modification times (no watchdog dependency; a brief's folders are small) and
rebuilds; the HTTP server (stdlib, threaded) serves the last good brief with a small script that
listens to Server-Sent Events on /events and reloads the page when a build finishes. A failed
build keeps the server up: the page shows the last good brief under an overlay with the error's
file:line, and the tab title says it too.

Warm rebuilds reuse what did not change: facts are re-extracted only when a source changed, the
theme's Jinja environment (and WeasyPrint's fonts) stay loaded and Jinja recompiles only the
template files that changed (its loader checks their mtimes). A rebuild shows the page at once
with the items the last one-page fit left out, then checks the fit with a layout pass and shows
the page again only if that decision changed (see `Preview.build`). The page embeds the whole
fonts: subsetting them to its characters would cost seconds whenever an edit brings a new one.

The page keeps a content policy as strict as the brief's: it runs only the preview's own inline
scripts (allowed by their sha256 hashes, so a script a theme or a source slipped into the brief
still does not run), connects only back to this server (/events), and loads images and fonts
from data: URLs only.
"""
from __future__ import annotations

import base64
import errno
import hashlib
import html
import io
import json
import logging
import re
import selectors
import socket
import threading
import time
from dataclasses import dataclass, field
from http.client import HTTPException
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.config import Settings
from briefgen.errors import BriefgenError, ConfigError
from briefgen.pipeline import Pipeline

if TYPE_CHECKING:
    from briefgen.compose import TrimStep

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25
FACTS_SUFFIXES = (".json", ".yaml", ".yml")

# The names a request may give in its Host header: this machine's, with our port or none.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
LISTEN_BACKLOG = 128          # connections the kernel queues while every thread is busy
MAX_CONNECTIONS = 32          # threads serving connections at once; more wait in the backlog
MAX_EVENT_STREAMS = 16        # /events clients held at once (each holds a thread); more get 503
HEAD_BYTES = 64 * 1024        # a request line and headers (localhost cookies from other apps included)
HEAD_SECONDS = 10.0           # ... must arrive whole within this, and an idle keep-alive ends then
SEND_SECONDS = 10.0           # a client that stops reading is dropped when a write blocks this long
EVENTS_KEEPALIVE = 10.0       # a comment line this often keeps proxies and the browser from timing out
EVENTS_MAX_SECONDS = 300.0    # then the stream ends and EventSource reconnects: nothing holds a slot for ever

RELOAD_SCRIPT = """<script>
(function () {
  var version = %(version)d;
  var events = new EventSource("/events");
  events.onmessage = function (e) { if (Number(e.data) !== version) { location.reload(); } };
})();
</script>"""

OVERLAY = """<div id="briefgen-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;
background:rgba(20,20,20,.82);color:#fff;font:14px/1.5 monospace;padding:8vh 8vw;white-space:pre-wrap">
<strong style="color:#ff8a80">briefgen: the brief could not be rebuilt</strong>

<span class="briefgen-error-message">%(message)s</span>

The page below is the last brief that built. Fix the file and save: this page reloads by itself.</div>
<script>document.title = %(title)s;</script>"""


_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def preview_policy(page_scripts: str) -> str:
    """The preview's content policy (a <meta>): the brief's, plus the inline scripts in `page_scripts`
    (by hash) and connections to this server."""
    digests = (base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
               for body in _SCRIPT.findall(page_scripts))
    scripts = " ".join(f"'sha256-{digest}'" for digest in digests) or "'none'"
    return ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
            f"font-src data:; style-src 'unsafe-inline'; script-src {scripts}; connect-src 'self'; "
            "base-uri 'none'; form-action 'none'\">")


def looks_like_facts(path: Path) -> bool | None:
    """Is this JSON file a facts file (an object with "schema_version" or "sources"), rather than an
    article or a list of them? None when it cannot be told (unreadable, invalid JSON)."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return isinstance(data, dict) and ("schema_version" in data or "sources" in data)


@dataclass
class BuildState:
    version: int = 0
    html: str = ""                       # last good brief (HTML output)
    error: str | None = None             # last build's error, one line
    seconds: float = 0.0                 # duration of the last build
    pages: int = 0
    passes: int = 0
    dropped: list[str] = field(default_factory=list)
    # When the one-page fit of this page was checked (None: not yet, the page was shown first).
    checked_seconds: float | None = None


class Preview:
    """Builds the brief from `target` (a sources folder/file list or a facts file) and watches inputs."""

    def __init__(self, targets: list[Path], settings: Settings) -> None:
        self.targets = targets
        self.settings = settings
        self.pipeline = Pipeline(settings)
        self.state = BuildState()
        self.changed = threading.Condition()
        self._facts = None
        self._facts_key: tuple | None = None
        self._mtimes: dict[Path, int] = {}
        self._json_is_facts: bool | None = None   # the last verdict on a single .json target
        self._theme_files: frozenset[Path] = frozenset()
        self._renderer = None
        self._renderer_key: tuple | None = None
        self._fit_ids: list[TrimStep] | None = None    # what the last one-page fit left out

    # -- inputs ---------------------------------------------------------------------------
    def is_facts_file(self) -> bool:
        """One facts file (YAML, or JSON that holds facts) rather than articles. A JSON file is told
        by its content: a .json article is a source like any other. While it is not valid JSON (being
        edited), the last verdict stands; a facts file at first, whose loader names the bad line."""
        if len(self.targets) != 1 or not self.targets[0].is_file():
            return False
        target = self.targets[0]
        suffix = target.suffix.lower()
        if suffix != ".json":
            return suffix in FACTS_SUFFIXES
        verdict = looks_like_facts(target)
        if verdict is not None:
            self._json_is_facts = verdict
        return self._json_is_facts if self._json_is_facts is not None else True

    def source_files(self) -> list[Path]:
        files: list[Path] = []
        for target in self.targets:
            if target.is_dir():
                files += sorted(p for p in target.rglob("*") if p.is_file() and not p.name.startswith("."))
            elif target.exists():
                files.append(target)
        if self.settings.notes:
            files.append(Path(self.settings.notes))
        return files

    def theme_files(self) -> list[Path]:
        from briefgen.render.theme import load_theme

        try:
            folders = load_theme(self.settings.theme).folders
        except BriefgenError:
            folder = Path(self.settings.theme)
            folders = (folder,) if folder.is_dir() else ()
        return sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())

    def snapshot(self) -> dict[Path, int]:
        return self.scan()[0]

    def scan(self) -> tuple[dict[Path, int], frozenset[Path]]:
        """Modification times of every input, and which of them are sources: one walk of the folders."""
        sources = self.source_files()
        theme = self.theme_files()
        self._theme_files = frozenset(theme)
        stamps = {}
        for path in [*sources, *theme]:
            try:
                stamps[path] = path.stat().st_mtime_ns
            except OSError:
                continue
        return stamps, frozenset(sources)

    # -- building -------------------------------------------------------------------------
    def facts(self, source_stamps: tuple):
        """Extract (or load) the facts, again only when a source or the facts file changed. What
        comes back is resolved (extraction merges and resolves; a hand-edited file is resolved
        here, once per change) and is only read by the rebuilds that share it."""
        from briefgen.facts_io import load_facts

        if self._facts is None or source_stamps != self._facts_key:
            if self.is_facts_file():
                self._facts = self.pipeline.resolved(load_facts(self.targets[0]))
            else:
                self._facts = self.pipeline.facts(self.targets)
            self._facts_key = source_stamps
        return self._facts

    def renderer(self, stamps: dict[Path, int]):
        """The theme, its Jinja environment and fetcher, kept between rebuilds: Jinja recompiles a
        changed template by itself (its loader checks mtimes); any other theme file (theme.toml, a
        stylesheet) changed, or a template added or removed (an override Jinja would not look
        for), makes them anew."""
        key = tuple(sorted((str(p), 0 if p.suffix.lower() == ".html" else m) for p, m in stamps.items()
                           if p in self._theme_files))
        if self._renderer is None or key != self._renderer_key:
            self._renderer = self.pipeline.renderer()
            self._renderer_key = key
        return self._renderer

    def build(self, scanned: tuple[dict[Path, int], frozenset[Path]] | None = None) -> BuildState:
        """Rebuild the page. With a one-page fit decided before, the page is shown at once with the
        same items left out, then the fit is checked (a layout pass) and the page shown again only if
        the decision changed: an edit shows in a fraction of the layout's time, and the page ends up
        exactly what `briefgen build` makes."""
        start = time.perf_counter()
        stamps, source_set = scanned if scanned is not None else self.scan()
        sources = tuple(sorted((str(p), m) for p, m in stamps.items() if p in source_set))
        shown = None
        try:
            facts = self.facts(sources)
            notes = self.pipeline.notes()
            renderer = self.renderer(stamps)
            composed = self.pipeline.compose(facts, notes)
            for page in self.pipeline.preview(composed, renderer, self._fit_ids):
                if page.fit_ids is None:       # the page with the last fit's choice, not laid out yet
                    shown = self._publish(page.html, start, page.dropped)
                    continue
                self._fit_ids = page.fit_ids
                if page.html is None:          # the layout confirmed what is shown
                    with self.changed:
                        shown.pages, shown.passes = page.pages, page.passes
                        shown.checked_seconds = time.perf_counter() - start
                    new = shown
                else:
                    new = self._publish(page.html, start, page.dropped, pages=page.pages, passes=page.passes,
                                        checked=True)
        except BriefgenError as exc:
            new = self._publish(None, start, error=str(exc))
        except Exception as exc:  # noqa: BLE001 — the preview must outlive any bug
            log.exception("preview build failed")
            new = self._publish(None, start, error=f"internal error: {type(exc).__name__}: {exc}")
        self._mtimes = stamps
        return new

    def _publish(self, page: str | None, start: float, dropped=(), *, error: str | None = None, pages: int = 0,
                 passes: int = 0, checked: bool = False) -> BuildState:
        """Show a new page (None: keep the last good one, under `error`) and wake the browsers."""
        with self.changed:
            state = self.state
            if page is not None and not checked:
                pages = state.pages       # not laid out yet: the last count stands meanwhile
            seconds = time.perf_counter() - start
            new = BuildState(state.version + 1, state.html if page is None else page, error, seconds, pages,
                             passes, list(dropped), seconds if checked else None)
            self.state = new
            self.changed.notify_all()
        return new

    def watch(self, stop: threading.Event, on_build=None) -> None:
        while not stop.wait(POLL_SECONDS):
            scanned = self.scan()
            if scanned[0] != self._mtimes:
                state = self.build(scanned)
                if on_build:
                    on_build(state)

    # -- the page -------------------------------------------------------------------------
    def page(self) -> str:
        state = self.state
        body = state.html or "<!DOCTYPE html><html><head><title>briefgen</title></head><body></body></html>"
        extra = RELOAD_SCRIPT % {"version": state.version}
        if state.error:
            extra += OVERLAY % {"message": html.escape(state.error),
                                "title": json.dumps("briefgen error: " + state.error[:200]).replace("<", "\\u003c")}
        # The brief's policy would block the preview's own scripts: it gives way to one that allows
        # exactly those (by hash) and the /events connection, and nothing more.
        from briefgen.render import CONTENT_POLICY, with_content_policy

        body = with_content_policy(body.replace(CONTENT_POLICY, ""), preview_policy(extra))
        index = body.rfind("</body>")
        return body[:index] + extra + body[index:] if index >= 0 else body + extra


def local_host(header: str | None, port: int) -> bool:
    """Does a request's Host header name this machine (127.0.0.1, localhost, [::1]) with our port
    or none? A page elsewhere that rebinds its own name to 127.0.0.1 (DNS rebinding) gets here
    with that name in Host, and a browser gives the answer to that page."""
    if not header:
        return False
    host = header.strip().lower()
    return any(host in (name, f"{name}:{port}") for name in LOCAL_HOSTS)


class HeadTooLarge(HTTPException):
    """A request line and headers over HEAD_BYTES (http.server answers 431 for the headers)."""


class _HeadBudget(io.RawIOBase):
    """A connection's input, read under a budget while a request's head (request line and
    headers) arrives: HEAD_BYTES, within HEAD_SECONDS in all. A timeout on each read alone lets a
    client sending a byte every few seconds (slow loris) hold a thread for ever."""

    def __init__(self, connection: socket.socket) -> None:
        super().__init__()
        self.connection = connection
        self.deadline: float | None = None
        self.left = HEAD_BYTES

    def readable(self) -> bool:
        return True

    def begin(self) -> None:
        self.deadline, self.left = time.monotonic() + HEAD_SECONDS, HEAD_BYTES

    def end(self) -> None:
        self.deadline = None
        self.connection.settimeout(SEND_SECONDS)

    def readinto(self, buffer) -> int:
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("request head too slow")
            self.connection.settimeout(left)
        count = self.connection.recv_into(buffer)
        if self.deadline is not None:
            self.left -= count
            if self.left < 0:
                raise HeadTooLarge("request head too large")
        return count


class PreviewServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with a listen backlog and a bound on the threads it starts: a new
    connection waits (in the backlog) for one of MAX_CONNECTIONS slots."""

    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True

    def __init__(self, *args, **kwargs) -> None:
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self.event_streams = threading.BoundedSemaphore(MAX_EVENT_STREAMS)
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address) -> None:
        self.slots.acquire()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def handle_error(self, request, client_address) -> None:
        # A client that vanished or misbehaved is its own problem: no traceback on the terminal.
        log.debug("serve: connection from %s ended with an error", client_address, exc_info=True)


def _peer_gone(connection: socket.socket) -> bool:
    """An event-stream client never sends after its request: input readable means it closed."""
    with selectors.DefaultSelector() as selector:
        selector.register(connection, selectors.EVENT_READ)
        return bool(selector.select(0))


def make_handler(preview: Preview, stop: threading.Event):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = HEAD_SECONDS   # the first read's timeout, before the budget takes over

        def log_message(self, format, *args):  # noqa: A002 — quiet: the terminal shows builds
            log.debug("serve: " + format, *args)

        def setup(self) -> None:
            super().setup()
            self.rfile.close()    # the plain reader: this one reads under the head's budget
            self.head = _HeadBudget(self.connection)
            self.rfile = io.BufferedReader(self.head)

        def handle_one_request(self) -> None:
            self.head.begin()
            try:
                super().handle_one_request()
            except HeadTooLarge:
                # Raised while reading the request line, which http.server does not catch.
                self.close_connection = True
                self.command, self.request_version, self.requestline = None, "HTTP/1.1", ""
                self._refuse(431, b"request head too large\n")

        def parse_request(self) -> bool:
            """The request line and headers, then the gate: only this machine's names in Host,
            and no request another site's page made (Sec-Fetch-Site), before any other handling."""
            if not super().parse_request():
                return False
            self.head.end()
            if not local_host(self.headers.get("Host"), self.server.server_address[1]):
                self._refuse(403, b"briefgen serve answers only to http://127.0.0.1, localhost or [::1]\n")
                return False
            if self.headers.get("Sec-Fetch-Site", "").lower() in ("cross-site", "same-site"):
                self._refuse(403, b"briefgen serve answers only to its own page\n")
                return False
            return True

        def _refuse(self, status: int, body: bytes) -> None:
            self.close_connection = True
            try:
                self._send(status, body, "text/plain; charset=utf-8", close=True)
            except OSError:
                pass

        def _send(self, status: int, body: bytes, kind: str, *, close: bool = False) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            if close:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            if path in ("/", "/index.html"):
                self._send(200, preview.page().encode("utf-8"), "text/html; charset=utf-8")
            elif path == "/status":
                s = preview.state
                body = json.dumps({"version": s.version, "error": s.error, "seconds": round(s.seconds, 4),
                                   "pages": s.pages, "passes": s.passes, "dropped": s.dropped})
                self._send(200, body.encode("utf-8"), "application/json")
            elif path == "/events":
                self._events()
            else:
                self._send(404, b"not found", "text/plain")

        def _events(self) -> None:
            """Server-Sent Events: the build version, at once and on every change. Each stream
            holds a thread, so only MAX_EVENT_STREAMS are kept; one whose client went away is
            noticed within a second, and every stream ends after EVENTS_MAX_SECONDS (EventSource
            reconnects by itself, and its first message tells the page whether it is stale)."""
            streams = self.server.event_streams
            if not streams.acquire(blocking=False):
                self._refuse(503, b"too many live-reload connections\n")
                return
            self.close_connection = True
            try:
                self._stream_events()
            except OSError:      # the client went away, or stopped reading for SEND_SECONDS
                pass
            finally:
                streams.release()

        def _stream_events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.flush()
            seen, quiet_since = -1, time.monotonic()
            ends = quiet_since + EVENTS_MAX_SECONDS
            while not stop.is_set() and time.monotonic() < ends and not _peer_gone(self.connection):
                with preview.changed:
                    if preview.state.version == seen:
                        preview.changed.wait(timeout=1)
                    version = preview.state.version
                if version != seen:
                    self.wfile.write(f"data: {version}\n\n".encode())
                elif time.monotonic() - quiet_since >= EVENTS_KEEPALIVE:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    continue
                self.wfile.flush()
                seen, quiet_since = version, time.monotonic()

    return Handler


def make_server(preview: Preview, stop: threading.Event, port: int) -> PreviewServer:
    """The preview's HTTP server on 127.0.0.1:`port`, listening but not yet serving."""
    try:
        return PreviewServer(("127.0.0.1", port), make_handler(preview, stop))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on 127.0.0.1 is already in use (choose another with --port, "
                              "or --port 0 for any free one)") from None
        raise ConfigError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None


def serve(targets: list[Path], settings: Settings, *, port: int = 8000, on_build=None,
          ready=None) -> None:
    """Build once, then serve on 127.0.0.1:`port` and rebuild on every change until interrupted."""
    preview = Preview(targets, settings)
    stop = threading.Event()
    # The port first: a port in use is a one-line error before any (slow) build.
    server = make_server(preview, stop, port)
    try:
        state = preview.build()
        if on_build:
            on_build(state)
        watcher = threading.Thread(target=preview.watch, args=(stop, on_build), daemon=True)
        watcher.start()
        if ready:
            ready(server.server_address[1])
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        with preview.changed:
            preview.changed.notify_all()
        server.server_close()
