"""The URL fetcher serves data: URLs and theme/font files, and refuses everything else."""
from __future__ import annotations

import logging

import pytest

from briefgen.paths import TEMPLATES_DIR
from briefgen.render.fetcher import RefusedURL, SafeFetcher
from briefgen.render.pdf import make_fetcher

THEME = TEMPLATES_DIR / "default"


@pytest.fixture
def fetcher() -> SafeFetcher:
    return make_fetcher([THEME])


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/",
    "http://127.0.0.1:8080/latest/meta-data",
    "https://example.org/logo.png",
    "file:///etc/passwd",
    f"file://{THEME}/../../pyproject.toml",
    "ftp://127.0.0.1/x",
])
def test_refuses_outside_urls(fetcher, url, caplog):
    with caplog.at_level(logging.WARNING, logger="briefgen.render.fetcher"), pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert "refused to fetch" in caplog.text


def test_allows_data_urls(fetcher):
    response = fetcher.fetch("data:text/plain;base64,aGVsbG8=")
    assert response.read() == b"hello"


def test_allows_theme_files(fetcher):
    response = fetcher.fetch((THEME / "style.css").as_uri())
    try:
        assert b"@page" in response.read()
    finally:
        response.close()


def test_symlink_out_of_the_theme_is_refused(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "leak.css").symlink_to("/etc/passwd")
    fetcher = SafeFetcher([tmp_path / "theme"])
    with pytest.raises(RefusedURL):
        fetcher.fetch((tmp_path / "theme" / "leak.css").as_uri())


def test_weasyprint_skips_a_refused_resource(tmp_path, caplog):
    from briefgen.render.pdf import html_to_pdf

    html = ('<html><body><img src="http://127.0.0.1:9/x.png">'
            '<img src="file:///etc/passwd"><p>still rendered</p></body></html>')
    with caplog.at_level(logging.WARNING):
        pdf, timing = html_to_pdf(html, base_dir=THEME)
    assert pdf.startswith(b"%PDF") and timing.pages == 1
    assert "http://127.0.0.1:9/x.png" in caplog.text and "file:///etc/passwd" in caplog.text
