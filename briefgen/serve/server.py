"""The preview's HTTP server: stdlib, threaded, on 127.0.0.1 only, with a bound on the threads
it starts and on the live-reload streams it holds."""
from __future__ import annotations

import errno
import logging
import threading
from http.server import ThreadingHTTPServer
from typing import TYPE_CHECKING

from briefgen.errors import ConfigError
from briefgen.serve.events import MAX_EVENT_STREAMS
from briefgen.serve.handler import make_handler

if TYPE_CHECKING:
    from briefgen.serve.preview import Preview

log = logging.getLogger("briefgen.serve")

LISTEN_BACKLOG = 128          # connections the kernel queues while every thread is busy
MAX_CONNECTIONS = 32          # threads serving connections at once; more wait in the backlog


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


def make_server(preview: Preview, stop: threading.Event, port: int) -> PreviewServer:
    """The preview's HTTP server on 127.0.0.1:`port`, listening but not yet serving."""
    try:
        return PreviewServer(("127.0.0.1", port), make_handler(preview, stop))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on 127.0.0.1 is already in use (choose another with --port, "
                              "or --port 0 for any free one)") from None
        raise ConfigError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
