"""The live-reload stream (/events): Server-Sent Events carrying the build version, at once and
on every change, so the page reloads itself when a rebuild finishes."""
from __future__ import annotations

import selectors
import socket
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler

    from briefgen.serve.preview import Preview

MAX_EVENT_STREAMS = 16        # /events clients held at once (each holds a thread); more get 503
EVENTS_KEEPALIVE = 10.0       # a comment line this often keeps proxies and the browser from timing out
EVENTS_MAX_SECONDS = 300.0    # then the stream ends and EventSource reconnects: nothing holds a slot for ever


def _peer_gone(connection: socket.socket) -> bool:
    """An event-stream client never sends after its request: input readable means it closed."""
    with selectors.DefaultSelector() as selector:
        selector.register(connection, selectors.EVENT_READ)
        return bool(selector.select(0))


def stream_events(handler: BaseHTTPRequestHandler, preview: Preview, stop: threading.Event) -> None:
    """Answer `handler`'s request with the event stream until the server stops, the client goes
    away or EVENTS_MAX_SECONDS pass; a keep-alive comment fills each quiet EVENTS_KEEPALIVE."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/event-stream")
    handler.send_header("Cache-Control", "no-store")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.flush()
    seen, quiet_since = -1, time.monotonic()
    ends = quiet_since + EVENTS_MAX_SECONDS
    while not stop.is_set() and time.monotonic() < ends and not _peer_gone(handler.connection):
        with preview.changed:
            if preview.state.version == seen:
                preview.changed.wait(timeout=1)
            version = preview.state.version
        if version != seen:
            handler.wfile.write(f"data: {version}\n\n".encode())
        elif time.monotonic() - quiet_since >= EVENTS_KEEPALIVE:
            handler.wfile.write(b": keep-alive\n\n")
        else:
            continue
        handler.wfile.flush()
        seen, quiet_since = version, time.monotonic()
