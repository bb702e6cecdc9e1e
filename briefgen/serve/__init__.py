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

The parts, one concern a module: inputs.py (what is watched, the poll loop), preview.py (the
state and the warm rebuild), page.py (the page and its content policy), request_checks.py (a
request's head budget and Host), handler.py (the HTTP handler), events.py (the live-reload
stream), server.py (the bounded threaded server).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from briefgen.config import Settings
from briefgen.serve.events import EVENTS_KEEPALIVE, EVENTS_MAX_SECONDS, MAX_EVENT_STREAMS
from briefgen.serve.handler import make_handler
from briefgen.serve.inputs import FACTS_SUFFIXES, POLL_SECONDS, looks_like_facts
from briefgen.serve.page import OVERLAY, RELOAD_SCRIPT, preview_policy
from briefgen.serve.preview import BuildState, Preview
from briefgen.serve.request_checks import HEAD_BYTES, HEAD_SECONDS, LOCAL_HOSTS, SEND_SECONDS, HeadTooLarge, local_host
from briefgen.serve.server import LISTEN_BACKLOG, MAX_CONNECTIONS, PreviewServer, make_server

__all__ = ["EVENTS_KEEPALIVE", "EVENTS_MAX_SECONDS", "FACTS_SUFFIXES", "HEAD_BYTES", "HEAD_SECONDS", "LISTEN_BACKLOG",
           "LOCAL_HOSTS", "MAX_CONNECTIONS", "MAX_EVENT_STREAMS", "OVERLAY", "POLL_SECONDS", "RELOAD_SCRIPT",
           "SEND_SECONDS", "BuildState", "HeadTooLarge", "Preview", "PreviewServer", "local_host",
           "looks_like_facts", "make_handler", "make_server", "preview_policy", "serve"]


def serve(targets: list[Path], settings: Settings, *, port: int = 8000,
          on_build: Callable[[BuildState], object] | None = None,
          ready: Callable[[int], object] | None = None) -> None:
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
