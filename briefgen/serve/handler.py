"""The preview's HTTP handler: every request passes the checks of request_checks.py (head budget,
Host, Sec-Fetch-Site) first; then / is the page, /status the last build as JSON, /events the
live-reload stream."""
from __future__ import annotations

import io
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

from briefgen.serve.events import stream_events
from briefgen.serve.request_checks import HEAD_SECONDS, HeadTooLarge, _HeadBudget, local_host

if TYPE_CHECKING:
    from briefgen.serve.preview import Preview

log = logging.getLogger("briefgen.serve")


def make_handler(preview: Preview, stop: threading.Event) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = HEAD_SECONDS   # the first read's timeout, before the budget takes over

        def log_message(self, format, *args) -> None:  # noqa: A002 — quiet: the terminal shows builds
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
                stream_events(self, preview, stop)
            except OSError:      # the client went away, or stopped reading for SEND_SECONDS
                pass
            finally:
                streams.release()

    return Handler
