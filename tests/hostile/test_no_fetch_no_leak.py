"""Active content in sources and notes is dropped or escaped; nothing is fetched, nothing leaks.

A local listener counts connections: none may arrive while briefgen reads hostile HTML and
Markdown and renders a PDF and HTML from them.
"""
from __future__ import annotations

import socket
import threading

import pytest
from click.testing import CliRunner

from briefgen.cli import main


@pytest.fixture
def listener():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    hits: list[str] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            hits.append("connection")
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    server.close()


def hostile_html(port: int) -> str:
    url = f"http://127.0.0.1:{port}"
    return f"""<!doctype html><html lang="en"><head><title>Floods kill 12 in river towns</title>
<meta http-equiv="refresh" content="0; url={url}/refresh"><base href="{url}/">
<link rel="stylesheet" href="{url}/style.css"><style>@import url("{url}/import.css");
body {{ background: url("{url}/bg.png") }} p {{ background: url("file:///etc/passwd") }}</style>
<script src="{url}/tracker.js"></script><script>fetch("{url}/xhr")</script></head>
<body onload="fetch('{url}/onload')"><article><h1>Floods kill 12 in river towns</h1>
<p>At least 12 people were killed when the river burst its banks on Monday, officials said in the provincial capital.</p>
<p><img src="{url}/pixel.gif" onerror="alert(1)"> <img src="file:///etc/passwd">Rescue teams searched for
survivors on Tuesday as the water receded, the mayor said. <a href="javascript:alert(1)">More</a></p>
<iframe src="{url}/frame"></iframe><object data="file:///etc/passwd"></object>
<p>&lt;script&gt;alert("escaped")&lt;/script&gt; was posted on the town's website, officials said.</p>
</article></body></html>"""


def hostile_note(port: int) -> str:
    url = f"http://127.0.0.1:{port}"
    return (f"**Assessment**: watch the river.\n\n<script>alert(1)</script>\n\n<img src=\"{url}/note.png\">\n\n"
            f"[click](javascript:alert(1)) and ![x]({url}/md.png) and ![y](file:///etc/passwd)\n")


def test_hostile_sources_and_notes_fetch_nothing_and_run_nothing(listener, tmp_path):
    port, hits = listener
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "page.html").write_text(hostile_html(port), encoding="utf-8")
    (sources / "note-like.md").write_text("---\ntitle: Markdown with raw HTML\n---\n" + hostile_note(port),
                                          encoding="utf-8")
    note = tmp_path / "note.md"
    note.write_text(hostile_note(port), encoding="utf-8")
    pdf, html = tmp_path / "b.pdf", tmp_path / "b.html"
    result = CliRunner().invoke(main, ["build", str(sources), "--notes", str(note), "-o", str(pdf), "-o", str(html)])
    assert result.exit_code == 0, result.output
    assert hits == []
    page = html.read_text(encoding="utf-8")
    lowered = page.lower()
    # Markup that would act (run, fetch, redirect) must be gone; the same words as plain text are fine.
    for active in ("<script", "onload=", "onerror=", 'href="javascript:', "<iframe", "<object", "http-equiv=\"refresh",
                   "<base", 'src="http', 'src="file', "url(http", "url(\"http", "@import"):
        assert active not in lowered, active
    assert "root:x:0:0" not in page and b"root:x:0:0" not in pdf.read_bytes()
    figures = page.split('class="key-figures')[1][:3000]
    assert ">12<" in figures  # the article's toll made it in; its active content did not


def test_pdf_renderer_refuses_remote_and_local_urls(listener):
    from briefgen.render.fetcher import RefusedURL, SafeFetcher

    port, hits = listener
    fetcher = SafeFetcher(allowed_dirs=[])
    for url in (f"http://127.0.0.1:{port}/x.css", "file:///etc/passwd", "ftp://example.org/x",
                f"file://127.0.0.1:{port}/etc/passwd"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert hits == [] and len(fetcher.refused) == 4
