"""The checks every request to the preview passes before any handling: its head (request line
and headers) arrives whole, small enough and in time, and its Host header names this machine."""
from __future__ import annotations

import io
import socket
import time
from http.client import HTTPException

# The names a request may give in its Host header: this machine's, with our port or none.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
HEAD_BYTES = 64 * 1024        # a request line and headers (localhost cookies from other apps included)
HEAD_SECONDS = 10.0           # ... must arrive whole within this, and an idle keep-alive ends then
SEND_SECONDS = 10.0           # a client that stops reading is dropped when a write blocks this long


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
