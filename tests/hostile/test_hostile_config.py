"""A hostile `briefgen.toml` in a sources folder, and a `--dask` address that is not a Dask
scheduler: one line naming the file (and line) or the address, never a traceback or a hang."""
from __future__ import annotations

import http.server
import os
import shutil
import threading

import pytest

from tests.conftest import EXAMPLES

from .oneline import briefgen, one_error_line

ARTICLE = EXAMPLES / "01-wire-valdera.txt"


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    return folder


def build(tmp_path, timeout: float = 60):
    return briefgen(tmp_path, "build", "sources", "-o", "brief.html", "-q", timeout=timeout)


@pytest.mark.parametrize("text, line, problem", [
    ('[outlets]\n"Northern Wire Service" = 1\nnested = ' + "[" * 3000 + "]" * 3000 + "\n", 3,
     "nested deeper than 64 levels"),
    ('[outlets]\n"Northern Wire Service" = ' + "3" * 5000 + "\n", 2, "an integer with more than 30 digits"),
], ids=["nesting", "huge-int"])
def test_a_briefgen_toml_past_the_limits_names_its_line(tmp_path, sources, text, line, problem):
    (sources / "briefgen.toml").write_text(text, encoding="utf-8")
    result = build(tmp_path, timeout=30)
    assert one_error_line(result, f"sources/briefgen.toml:{line}").endswith(problem)
    assert not (tmp_path / "brief.html").exists()


def test_a_briefgen_toml_past_the_size_limit_is_refused(tmp_path, sources):
    (sources / "briefgen.toml").write_text('[outlets]\n"Northern Wire Service" = 1\n' + "# note\n" * 200_000,
                                           encoding="utf-8")
    assert "too large" in one_error_line(build(tmp_path), "sources/briefgen.toml")


@pytest.mark.parametrize("target", ["outside.toml", "/dev/zero"], ids=["file", "dev-zero"])
def test_a_briefgen_toml_symlink_leaving_the_folder_is_not_followed(tmp_path, sources, target):
    outside = tmp_path / target  # /dev/zero stays itself
    if target == "outside.toml":
        outside.write_text('[outlets]\n"Northern Wire Service" = 1\n', encoding="utf-8")
    elif not outside.exists():
        pytest.skip(f"no {target} here")
    (sources / "briefgen.toml").symlink_to(outside)
    line = one_error_line(build(tmp_path, timeout=30), "sources/briefgen.toml")
    assert line.endswith("symlink points outside sources; not followed")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_briefgen_toml_that_is_a_fifo_is_refused_without_waiting(tmp_path, sources):
    os.mkfifo(sources / "briefgen.toml")
    assert one_error_line(build(tmp_path, timeout=30), "sources/briefgen.toml").endswith("not a regular file")


# --- --dask ADDRESS ----------------------------------------------------------------------

class _SilentHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture
def http_port():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _SilentHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def extract_on_dask(tmp_path, address: str):
    # A shorter connect timeout than the 20 s default keeps the test quick; the behaviour is the same.
    return briefgen(tmp_path, "extract", ARTICLE, "-o", "facts.json", "-q", "--no-cache", "--dask", address,
                    timeout=90, prelude="import briefgen.dask_runner as d; d.CONNECT_TIMEOUT = '3s'")


def test_dask_address_of_an_http_server_is_not_a_scheduler(tmp_path, http_port):
    pytest.importorskip("distributed")
    address = f"tcp://127.0.0.1:{http_port}"
    result = extract_on_dask(tmp_path, address)
    assert result.returncode == 1, result.stderr     # a failure of the run, not a usage error (2)
    line = one_error_line(result, f"--dask {address}")
    assert "not a Dask scheduler" in line or "no Dask scheduler answered" in line, line
    assert not (tmp_path / "facts.json").exists()


@pytest.mark.parametrize("address", ["ucx://127.0.0.1:1", "http://127.0.0.1:8786", "tcp://127.0.0.1:notaport"])
def test_dask_address_of_another_kind_is_refused_before_any_work(tmp_path, address):
    pytest.importorskip("distributed")
    result = extract_on_dask(tmp_path, address)
    assert result.returncode == 1, result.stderr
    line = one_error_line(result, f"--dask {address}")
    assert line.endswith("not a scheduler address (use tcp://HOST:PORT, tls://HOST:PORT or local)")
