"""The HTML brief (and the `serve` preview) holds no markup that navigates or fetches on its own when
it is opened — a <meta> refresh, prefetch/preconnect links, `ping=`, handlers, scripts, frames —
whatever a theme wrote, in any case or attribute order, inside <noscript> or <svg>. A page without
any (the built-in themes') is left byte for byte as it was."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import lxml.etree
import lxml.html
import pytest

from briefgen.compose import compose
from briefgen.render import CONTENT_POLICY, prepare, render, with_content_policy
from briefgen.themetools.check import check_theme
from briefgen.paths import TEMPLATES_DIR
from tests.themes.test_theme_walls import write

TRACKER = "tracker.example"

# Each payload reaches its own tracker URL; none of them may be left in the output.
PAYLOADS = {
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=https://tracker.example/refresh">',
    "meta-refresh-shouting": '<META CONTENT="1; URL=https://tracker.example/loud" HTTP-EQUIV="Refresh">',
    "meta-refresh-in-body": '<p>x</p><meta content="0;url=https://tracker.example/late" http-equiv=refresh>',
    "dns-prefetch": '<link rel="dns-prefetch" href="//tracker.example">',
    "preconnect": '<LINK HREF="https://tracker.example/pc" REL="PreConnect">',
    "prefetch-among-rels": '<link rel="stylesheet prefetch" href="https://tracker.example/pf.css">',
    "prerender": "<link rel=prerender href=https://tracker.example/pr>",
    "preload": '<link as="image" rel="preload" href="https://tracker.example/pl.png">',
    "modulepreload": '<link rel="modulepreload" href="https://tracker.example/m.js">',
    "anchor-ping": '<a href="https://example.org/ok" ping="https://tracker.example/ping">ok</a>',
    "area-ping": '<map name="m"><AREA shape="rect" coords="0,0,1,1" href="#" PING="https://tracker.example/area"></map>',
    "noscript-refresh": '<noscript><meta http-equiv="refresh" content="0;url=https://tracker.example/ns"></noscript>',
    "noscript-hidden-in-attribute": ('<noscript><p title="</noscript><meta http-equiv=refresh '
                                     "content='0;url=https://tracker.example/mx'>\">x</p></noscript>"),
    "svg-ping": '<svg><a href="#top" ping="https://tracker.example/svg"><text>t</text></a></svg>',
    "svg-onload": "<svg onload=\"location='https://tracker.example/onload'\"></svg>",
    "svg-script": '<svg><script href="https://tracker.example/svg.js"></script></svg>',
    "base": '<base href="https://tracker.example/base/">',
    "script": '<script src="https://tracker.example/s.js"></script>',
    "iframe": '<iframe src="https://tracker.example/frame"></iframe>',
    "object": '<object data="https://tracker.example/obj"></object>',
    "embed": '<embed src="https://tracker.example/embed">',
    "form-action": '<form action="https://tracker.example/form"><button formaction="https://tracker.example/b">b</button></form>',
    "handler": "<img alt=\"\" src=\"data:,\" onerror=\"fetch('https://tracker.example/err')\">",
}
KEEP = '<p id="kept">a &amp; b &lt; c</p>'


UNSAFE = " | ".join([
    "//*[local-name()='meta'][translate(@http-equiv,'REFSH','refsh')='refresh']", "//*[local-name()='link'][@rel]",
    *(f"//*[local-name()='{name}']" for name in ("base", "script", "iframe", "object", "embed", "noscript")),
    *(f"//*[@{name}]" for name in ("ping", "onload", "onerror", "action", "formaction")),
])


def assert_clean(page: str) -> None:
    """No unsafe markup as lxml parses the page, nor as a browser with scripting on does (tinyhtml5,
    <noscript> as raw text); a tracker URL is left only as inert text (a title, the page's words)."""
    from tinyhtml5.parser import HTMLParser

    browser = lxml.etree.fromstring(ElementTree.tostring(HTMLParser(namespace_html_elements=False).parse(
        page, scripting=True)))
    for tree in (lxml.html.document_fromstring(page), browser):
        assert not tree.xpath(UNSAFE), [lxml.etree.tostring(e)[:120] for e in tree.xpath(UNSAFE)]
        for element in tree.iter():
            if isinstance(element.tag, str):
                assert all(TRACKER not in value for name, value in element.attrib.items() if name != "title")


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_is_removed_from_a_page(name):
    page = f"<!DOCTYPE html>\n<html><head><title>t</title>{PAYLOADS[name]}</head><body>{PAYLOADS[name]}{KEEP}</body></html>"
    out = with_content_policy(page)
    assert_clean(out)
    assert KEEP in out and out.count(CONTENT_POLICY) == 1 and out.startswith("<!DOCTYPE html>\n" + CONTENT_POLICY)


def test_a_page_without_payloads_is_left_byte_for_byte():
    page = ('<!DOCTYPE html>\n<html lang="en"><HEAD><meta charset=utf-8><title>t</title></HEAD>\n'
            '<body><a href="https://example.org/">x</a> <svg viewBox="0 0 1 1"><path d="M0 0"/></svg>'
            f"{KEEP}<!-- a note --></body></html>\n")
    assert with_content_policy(page) == page.replace("<!DOCTYPE html>\n", "<!DOCTYPE html>\n" + CONTENT_POLICY + "\n", 1)


# --- a hostile theme, end to end -------------------------------------------------------------

@pytest.fixture(scope="module")
def example_facts():
    from briefgen.merge import resolve
    from briefgen.themetools.samples import example_facts as load

    return resolve(load())


@pytest.fixture(scope="module")
def hostile_theme(tmp_path_factory):
    base = (TEMPLATES_DIR / "default" / "base.html").read_text(encoding="utf-8")
    head = (TEMPLATES_DIR / "default" / "partials" / "head.html").read_text(encoding="utf-8")
    base = base.replace('{% include "partials/head.html" %}', head.rstrip("\n"), 1)   # the <head> inline
    assert "</head>" in base
    payloads = "\n".join(PAYLOADS.values())
    base = base.replace("</head>", payloads + "\n</head>", 1).replace("</main>", payloads + "\n</main>", 1)
    return write(tmp_path_factory.mktemp("themes") / "tracking", {"theme.toml": 'extends = "default"\n',
                                                                  "base.html": base})


def test_hostile_theme_html_brief_is_clean(hostile_theme, example_facts):
    html = render(compose(example_facts), formats=["html"], theme=str(hostile_theme), max_pages=3).outputs["html"].decode()
    assert_clean(html)
    assert html.startswith("<!DOCTYPE html>\n" + CONTENT_POLICY) and 'class="band"' in html


def test_hostile_theme_preview_page_is_clean(hostile_theme, example_facts):
    renderer = prepare(str(hostile_theme))
    page = renderer.preview_html(compose(example_facts), renderer.localize("en"))
    assert_clean(page)
    assert 'class="band"' in page


def test_template_check_names_each_payload_line(hostile_theme, example_sample):
    problems = [p for p in check_theme(hostile_theme, example_sample) if "removed from the HTML output" in p.message]
    assert {p.path for p in problems} == {"tracking/base.html"}
    head = (hostile_theme / "base.html").read_text(encoding="utf-8").split("</head>")[0].count("\n")
    lines = sorted({p.line for p in problems})
    assert lines and all(line is not None for line in lines) and min(lines) > 1 and any(line <= head + 1 for line in lines)
    for word in ("refresh", "dns-prefetch", "ping=", "<script>", "<base>", "onload="):
        assert any(word in p.message for p in problems), word


@pytest.mark.parametrize("theme", ["default", "flash"])
def test_builtin_theme_html_is_unchanged_by_the_sanitiser(theme, example_facts, monkeypatch):
    sanitised = render(compose(example_facts), formats=["html"], theme=theme).outputs["html"]
    monkeypatch.setattr("briefgen.render.sanitise.sanitise", lambda page: page)
    untouched = render(compose(example_facts), formats=["html"], theme=theme).outputs["html"]
    assert sanitised == untouched and re.search(rb"<body", sanitised)
