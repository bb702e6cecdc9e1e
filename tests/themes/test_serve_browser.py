"""`briefgen serve` in a real headless Chromium: the page reloads itself after a template edit,
shows a template error (file:line) without the server dying, and recovers when it is fixed.

The browser is driven through its DevTools HTTP endpoint only (/json/list gives each tab's
title), so no websocket client is needed: the theme's title partial is what the test edits.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

BRIEFGEN = str(Path(sys.executable).parent / "briefgen")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sources"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (scripts/test-deps.sh)")


class Lines:
    """Collects a process's stderr lines in a thread; `wait_for` a pattern."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line)

    def wait_for(self, pattern: str, timeout: float) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                found = re.search(pattern, line)
                if found:
                    return found
            time.sleep(0.1)
        raise AssertionError(f"no line matching {pattern!r} in:\n{''.join(self.lines)}")


def tab_title(devtools_port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=5) as response:
        tabs = [t for t in json.load(response) if t.get("type") == "page"]
    return tabs[0]["title"] if tabs else ""


def wait_title(devtools_port: int, predicate, timeout: float = 60) -> str:
    deadline, title = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            title = tab_title(devtools_port)
        except OSError:
            pass
        if predicate(title):
            return title
        time.sleep(0.2)
    raise AssertionError(f"tab title still {title!r}")


@pytest.fixture
def workspace(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    theme = tmp_path / "house"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "house"\nextends = "default"\n', encoding="utf-8")
    return sources, theme


@contextmanager
def preview(sources: Path, theme: Path, tmp_path: Path):
    """`briefgen serve` and a headless Chromium on its page; both stopped whatever happens.
    Yields (server process, its stderr lines, the preview's port, the browser's DevTools port)."""
    processes: list[subprocess.Popen] = []
    try:
        server = subprocess.Popen([BRIEFGEN, "serve", str(sources), "--theme", str(theme), "--port", "0"],
                                  stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        processes.append(server)
        server_log = Lines(server.stderr)
        port = int(server_log.wait_for(r"serving on http://127\.0\.0\.1:(\d+)/", timeout=120).group(1))
        browser = subprocess.Popen([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--no-first-run", "--disable-extensions",
                                    f"--user-data-dir={tmp_path / 'profile'}", "--remote-debugging-port=0",
                                    f"http://127.0.0.1:{port}/"],
                                   stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        processes.append(browser)
        devtools = int(Lines(browser.stderr).wait_for(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/",
                                                      timeout=60).group(1))
        yield server, server_log, port, devtools
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_serve_reloads_chromium_after_a_template_edit_and_shows_errors(workspace, tmp_path):
    sources, theme = workspace
    title = theme / "partials" / "title.html"
    title.write_text("{{ brief.place }} v1\n", encoding="utf-8")
    with preview(sources, theme, tmp_path) as (server, server_log, port, devtools):
        assert wait_title(devtools, lambda t: t.endswith("v1")) == "Valdera v1"

        # A template edit: the server rebuilds, the page reloads itself through /events.
        title.write_text("{{ brief.place }} v2\n", encoding="utf-8")
        assert wait_title(devtools, lambda t: t.endswith("v2")) == "Valdera v2"

        # A broken template: an overlay (and the tab title) name the file and line; the server lives on.
        title.write_text("{{ brief.place }}\n{{ brief.no_such_field }}\n", encoding="utf-8")
        broken = wait_title(devtools, lambda t: t.startswith("briefgen error"))
        assert "house/partials/title.html:2" in broken and "no_such_field" in broken
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            page = response.read().decode()
        assert 'id="briefgen-error"' in page and "house/partials/title.html:2" in page
        assert server.poll() is None

        # Fixed: the brief is back.
        title.write_text("{{ brief.place }} v3\n", encoding="utf-8")
        assert wait_title(devtools, lambda t: t.endswith("v3")) == "Valdera v3"
        assert "Traceback" not in "".join(server_log.lines)


def test_serve_runs_its_own_scripts_but_not_a_themes(workspace, tmp_path):
    """The preview's policy lets its reload script run (the page follows an edit) and nothing a theme
    put in the brief: an inline script and an onerror handler that would set the tab title."""
    sources, theme = workspace
    title = theme / "partials" / "title.html"
    title.write_text("{{ brief.place }} v1\n", encoding="utf-8")
    (theme / "partials" / "header.html").write_text(
        "<script>document.title = 'pwned by script';</script>\n"
        "<img src=\"data:,\" onerror=\"document.title = 'pwned by handler'\" alt=\"\">\n", encoding="utf-8")
    with preview(sources, theme, tmp_path) as (server, server_log, port, devtools):
        assert wait_title(devtools, lambda t: t.endswith("v1") or "pwned" in t) == "Valdera v1"
        title.write_text("{{ brief.place }} v2\n", encoding="utf-8")
        assert wait_title(devtools, lambda t: t.endswith("v2") or "pwned" in t) == "Valdera v2"
        time.sleep(1)
        assert tab_title(devtools) == "Valdera v2"
