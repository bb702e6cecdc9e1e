"""Every reader, through the same entry point a build uses (`read_file`)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefgen.errors import SourceError
from briefgen.config import Settings
from briefgen.ingest import discover, read_file
from briefgen.pipeline import extract_facts

SCRAPED = """Skip to main content
Home | World | Politics | Business
Subscribe to our newsletter
Floods cut off three towns in the north
By Jane Doe | Northern Wire | 3 March 2026

CASTREL, Sarvona (NW) - At least 12 people were killed when the river burst its banks, officials said on Tuesday.

"We have never seen water like this," said Mayor Ana Ruiz.

Share this article
© 2026 Northern Wire. All rights reserved.
Join our mailing list
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def only_source(path: Path):
    sources, _ = read_file(path)
    assert len(sources) == 1
    return sources[0]


def test_txt_finds_article_inside_chrome(tmp_path):
    src = only_source(write(tmp_path, "a.txt", SCRAPED))
    assert src.title == "Floods cut off three towns in the north"
    assert src.outlet == "Northern Wire"
    assert src.byline == "Jane Doe"
    assert src.published == date(2026, 3, 3)
    assert src.dateline == "Castrel"
    assert src.text.startswith("CASTREL, Sarvona (NW) - At least 12 people")
    assert src.text.endswith('said Mayor Ana Ruiz.')
    for chrome in ("Subscribe", "Share this", "©", "mailing list", "Home |"):
        assert chrome not in src.text


def test_txt_seed_article(seed_path):
    src = only_source(seed_path)
    assert src.title == "Kerry 'Hopeful' About Aleppo Ceasefire Agreement with Russia"
    assert src.outlet == "VOA News"
    assert src.published == date(2016, 12, 8)
    assert src.text.startswith("Russian Foreign Minister Sergei Lavrov on Thursday")
    for chrome in ("UNITED24", "Weapons of Mass Destruction", "mailing list", "By VOA News"):
        assert chrome not in src.text


def test_txt_without_metadata_keeps_text(tmp_path):
    src = only_source(write(tmp_path, "plain.txt", "Quake hits coast\n\nA strong earthquake struck on Monday."))
    assert src.title == "Quake hits coast"
    assert src.text == "A strong earthquake struck on Monday."
    assert src.published is None


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff"), ("cp1252", b""), ("utf-8", b"")])
def test_txt_encodings(tmp_path, encoding, bom):
    text = "Caf\u00e9 talks fail\n\n\u201cNo deal,\u201d said Jos\u00e9 M\u00fcller on Friday, a na\u00efve hope.\n"
    src = only_source(write(tmp_path, "enc.txt", bom + text.encode(encoding)))
    assert src.title == "Caf\u00e9 talks fail"
    assert "\u201cNo deal,\u201d said Jos\u00e9 M\u00fcller" in src.text
    assert "\ufeff" not in src.text


@pytest.mark.parametrize("data,why", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF document"),
    (bytes(range(256)) * 8, "binary"),
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
])
def test_not_text_is_refused_with_the_file_named(tmp_path, data, why):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(SourceError) as info:
        read_file(path)
    assert str(path) in str(info.value)
    assert why in str(info.value)


def test_html_via_trafilatura(tmp_path):
    html = """<!doctype html><html lang="en"><head><title>Storm batters coast</title>
    <meta property="og:site_name" content="Coast Daily"><meta name="author" content="Ali Khan">
    <meta property="article:published_time" content="2026-03-04"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav><script>track()</script>
    <article><h1>Storm batters coast</h1>
    <p>A storm battered the coast on Tuesday, killing at least four people and forcing hundreds from their homes, officials said.</p>
    <p>"The wind was stronger than anything we have seen," said Mayor Lina Roe, who toured the damaged harbour on Wednesday morning.</p>
    </article><footer>Copyright 2026 Coast Daily</footer></body></html>"""
    src = only_source(write(tmp_path, "a.html", html))
    assert src.title == "Storm batters coast"
    assert src.outlet == "Coast Daily"
    assert src.byline == "Ali Khan"
    assert src.published == date(2026, 3, 4)
    assert src.language == "en"
    assert src.text.startswith("A storm battered the coast")
    assert "track()" not in src.text and "Copyright" not in src.text and "Home" not in src.text


def test_markdown_front_matter_and_no_raw_html(tmp_path):
    md = """---
title: Relief reaches valley
outlet: Field Notes
published: 2026-03-05
url: https://example.org/relief
language: en
byline: Sam Ode
---
Relief convoys reached the **valley** on Thursday.

<script>alert(1)</script>

- water
- shelter
"""
    src = only_source(write(tmp_path, "a.md", md))
    assert (src.title, src.outlet, src.byline, src.url) == ("Relief reaches valley", "Field Notes", "Sam Ode",
                                                            "https://example.org/relief")
    assert src.published == date(2026, 3, 5)
    assert src.text.split("\n\n")[0] == "Relief convoys reached the valley on Thursday."
    assert "water" in src.text and "**" not in src.text


def test_markdown_malformed_front_matter_names_file_and_line(tmp_path):
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\noutlet: X\n---\nBody text.\n")
    with pytest.raises(SourceError) as info:
        read_file(path)
    assert str(path) in str(info.value) and "front matter" in str(info.value)


def test_json_one_article_and_list(tmp_path):
    one = {"title": "T1", "outlet": "O", "published": "2026-03-05", "text": "Para one.\n\nPara two."}
    src = only_source(write(tmp_path, "one.json", json.dumps(one)))
    assert (src.title, src.outlet, src.published, src.text) == ("T1", "O", date(2026, 3, 5), "Para one.\n\nPara two.")
    many, _ = read_file(write(tmp_path, "many.json", json.dumps([one, {**one, "text": "Other."}])))
    assert [s.text for s in many] == ["Para one.\n\nPara two.", "Other."]


@pytest.mark.parametrize("data,message", [('{"title": "x", "text": "cut', "invalid JSON"),
                                          ('{"title": "no text"}', 'no "text" field'),
                                          ('[1, 2]', 'no "text" field')])
def test_json_broken(tmp_path, data, message):
    with pytest.raises(SourceError, match=message):
        read_file(write(tmp_path, "x.json", data))


def test_source_id_is_derived_from_content(tmp_path):
    a = only_source(write(tmp_path, "a.txt", SCRAPED))
    b = only_source(write(tmp_path, "b.txt", SCRAPED))
    assert a.id == b.id and a.path != b.path


def test_discover_is_stable_skips_hidden_and_outside_symlinks(tmp_path):
    root = tmp_path / "sources"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in ("b.txt", "a.md", "sub/c.json", ".secret.txt", ".hidden/d.txt", "notes.docx"):
        write(root, name, "x")
    outside = write(tmp_path, "outside.txt", "x")
    (root / "link.txt").symlink_to(outside)
    files, warnings = discover([root])
    assert [f.relative_to(root).as_posix() for f in files] == ["a.md", "b.txt", "sub/c.json"]
    assert any("link.txt" in w and "outside" in w for w in warnings)


def test_ingest_skips_bad_files_and_keeps_good_ones(tmp_path):
    write(tmp_path, "good.txt", SCRAPED)
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    facts = extract_facts([tmp_path, tmp_path / "good.txt"], Settings())  # named twice, read once
    assert len(facts.sources) == 1
    assert len(facts.warnings) == 1 and "image.txt" in facts.warnings[0] and "skipped" in facts.warnings[0]


@pytest.mark.parametrize("url,kept", [("https://example.org/a", True), ("http://example.org", True),
                                      ("javascript:alert(1)", False), ("file:///etc/passwd", False),
                                      ("data:text/html,x", False), ("  ", False)])
def test_only_web_links_survive_as_source_url(tmp_path, url, kept):
    src = only_source(write(tmp_path, "a.json", json.dumps({"title": "T", "url": url, "text": "Body."})))
    assert src.url == (url if kept else None)


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_file(fifo)
