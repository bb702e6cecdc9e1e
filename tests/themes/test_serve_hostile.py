"""`briefgen serve` against hostile clients: a page elsewhere reaching it through DNS rebinding
(a foreign Host header) or a cross-site request, many clients at once, many live-reload streams,
and clients that send their request slowly or too much of it.

The server runs in this process on a free port, with a fixed page and state (no build), so the
threads it starts can be counted."""
from __future__ import annotations

import http.client
import json
import selectors
import socket
import threading
import time
from pathlib import Path

import pytest

from briefgen import serve
from briefgen.config import Settings
from briefgen.serve import BuildState, Preview, make_server, request_checks

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sources"
SECRET_PATH = "/home/analyst/cases/orvana/theme/partials/title.html"
PAGE = "<!DOCTYPE html><html><head><title>Orvana</title></head><body><p>brief</p></body></html>"


@pytest.fixture
def server():
    preview = Preview([EXAMPLES], Settings())
    preview.state = BuildState(version=4, html=PAGE, error=f"{SECRET_PATH}:2: undefined name 'x'")
    stop = threading.Event()
    httpd = make_server(preview, stop, 0)
    runner = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    runner.start()
    yield httpd
    stop.set()
    with preview.changed:
        preview.changed.notify_all()
    httpd.shutdown()
    httpd.server_close()
    runner.join(timeout=30)


def port_of(httpd) -> int:
    return httpd.server_address[1]


def request(httpd, path: str, host: str | None = None, headers: dict | None = None) -> tuple[int, bytes]:
    """GET `path` with exactly this Host header; an event stream is read up to its first event."""
    connection = http.client.HTTPConnection("127.0.0.1", port_of(httpd), timeout=60)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host or f"localhost:{port_of(httpd)}")
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        if response.getheader("Content-Type") == "text/event-stream":
            return response.status, response.fp.readline()
        return response.status, response.read()
    finally:
        connection.close()


def open_stream(httpd) -> tuple[socket.socket, bytes]:
    """An /events connection left open; returns the socket and its status line."""
    sock = socket.create_connection(("127.0.0.1", port_of(httpd)), timeout=60)
    sock.sendall(f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port_of(httpd)}\r\n\r\n".encode())
    head = b""
    while b"\r\n" not in head:
        chunk = sock.recv(1)
        if not chunk:
            break
        head += chunk
    return sock, head


@pytest.mark.parametrize("path", ["/", "/status", "/events", "/index.html", "/nothing-here"])
@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example",
                                  "localhost:1", None])
def test_a_foreign_host_is_refused_before_anything_is_served(server, path, host):
    connection = http.client.HTTPConnection("127.0.0.1", port_of(server), timeout=60)
    connection.putrequest("GET", path, skip_host=True)
    if host is not None:
        connection.putheader("Host", host.format(port=port_of(server)))
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    assert response.status == 403
    assert len(body) < 200 and b"Orvana" not in body and SECRET_PATH.encode() not in body


@pytest.mark.parametrize("host", ["localhost:{port}", "localhost", "127.0.0.1:{port}", "127.0.0.1",
                                  "[::1]:{port}", "LOCALHOST:{port}"])
def test_this_machines_names_are_served(server, host):
    status, body = request(server, "/status", host.format(port=port_of(server)))
    assert status == 200
    assert json.loads(body)["version"] == 4
    status, body = request(server, "/", host.format(port=port_of(server)))
    assert status == 200 and b"Orvana" in body


def test_a_request_made_by_another_sites_page_is_refused(server):
    status, body = request(server, "/status", headers={"Sec-Fetch-Site": "cross-site"})
    assert status == 403 and SECRET_PATH.encode() not in body
    assert request(server, "/status", headers={"Sec-Fetch-Site": "same-origin"})[0] == 200


def test_two_hundred_clients_at_once_are_all_answered_by_a_bounded_set_of_threads(server):
    """200 connections opened at once, each sending its request as soon as it is connected (one
    thread of this test drives them all, so every thread counted is the server's)."""
    before, peak = threading.active_count(), 0
    request_bytes = f"GET /status HTTP/1.1\r\nHost: localhost:{port_of(server)}\r\nConnection: close\r\n\r\n".encode()
    answers: dict[socket.socket, bytearray] = {}
    with selectors.DefaultSelector() as selector:
        for _ in range(200):
            sock = socket.socket()
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port_of(server)))
            answers[sock] = bytearray()
            selector.register(sock, selectors.EVENT_WRITE)
        open_count, deadline = 200, time.monotonic() + 120
        while open_count and time.monotonic() < deadline:
            peak = max(peak, threading.active_count())
            for key, events in selector.select(timeout=0.5):
                sock = key.fileobj
                if events & selectors.EVENT_WRITE:
                    sock.sendall(request_bytes)
                    selector.modify(sock, selectors.EVENT_READ)
                    continue
                try:
                    chunk = sock.recv(65536)
                except ConnectionError:
                    chunk = b""
                answers[sock] += chunk
                if not chunk:
                    selector.unregister(sock)
                    sock.close()
                    open_count -= 1
    statuses = [bytes(answer[:12]) for answer in answers.values()]
    assert statuses == [b"HTTP/1.1 200"] * 200
    assert peak - before <= serve.MAX_CONNECTIONS


def test_event_streams_are_capped_and_threads_stay_bounded(server):
    before = threading.active_count()
    streams = [open_stream(server) for _ in range(50)]
    try:
        held = [sock for sock, head in streams if b" 200 " in head]
        refused = [head for _sock, head in streams if b" 503 " in head]
        during = threading.active_count()
    finally:
        for sock, _head in streams:
            sock.close()
    assert len(held) == serve.MAX_EVENT_STREAMS
    assert len(refused) == 50 - serve.MAX_EVENT_STREAMS
    assert during - before <= serve.MAX_CONNECTIONS


def test_a_closed_event_stream_gives_its_place_back(server):
    streams = [open_stream(server) for _ in range(serve.MAX_EVENT_STREAMS)]
    assert all(b" 200 " in head for _sock, head in streams)
    assert request(server, "/events")[0] == 503
    for sock, _head in streams:
        sock.close()
    deadline = time.monotonic() + 60
    while (answer := request(server, "/events"))[0] != 200:
        assert time.monotonic() < deadline, "closed event streams never gave their places back"
        time.sleep(0.2)
    assert answer == (200, b"data: 4\n")       # the version first, so a stale page reloads


def test_a_request_sent_a_byte_at_a_time_is_cut_off(server, monkeypatch):
    monkeypatch.setattr(request_checks, "HEAD_SECONDS", 1.0)
    sock = socket.create_connection(("127.0.0.1", port_of(server)), timeout=60)
    sock.sendall(b"GET /status HTTP/1.1\r\n")
    closed = False
    try:
        for _ in range(120):        # a minute of one header byte every half second
            sock.sendall(b"X")
            time.sleep(0.5)
    except OSError:
        closed = True
    else:
        closed = sock.recv(100) == b""
    finally:
        sock.close()
    assert closed, "the server kept a connection whose request never ended"


def test_a_request_head_over_the_budget_is_refused(server):
    """90 KB of headers in lines and a count http.server alone would accept."""
    filler = b"".join(b"X-Filler-%d: %s\r\n" % (n, b"z" * 1500) for n in range(60))
    sock = socket.create_connection(("127.0.0.1", port_of(server)), timeout=60)
    try:
        sock.sendall(b"GET /status HTTP/1.1\r\nHost: localhost\r\n" + filler + b"\r\n")
    except OSError:
        pass                        # the server may close before reading it all
    answer = sock.recv(100)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 431"), answer
