"""The HTML brief's Content-Security-Policy is the first element of its <head>, whatever the theme's
markup: a `<head>` inside a comment or no `<head>` at all cannot push it out."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest

from briefgen.compose import compose
from briefgen.render import CONTENT_POLICY, render, with_content_policy
from briefgen.themetools.check import check_theme

TRACKER = "https://tracker.example/pixel.png"
HEADLESS = ('<!doctype html>\n<meta charset="utf-8">\n<title>{{ brief.place }}</title>\n'
            "<style>{{ font_css }}{{ theme_css }}{{ page_css }}</style>\n"
            '<p class="title">{{ brief.place }}</p>\n<img src="' + TRACKER + '" alt="">\n')
COMMENT_TRICK = ('<!DOCTYPE html><!-- <head> -->\n<html lang="{{ locale_tag }}">\n<head>\n<meta charset="utf-8">\n'
                 "<title>{{ brief.place }}</title>\n<style>{{ theme_css }}</style>\n</head>\n"
                 '<body><p class="title">{{ brief.place }}</p><img src="' + TRACKER + '" alt=""></body>\n</html>\n')


@pytest.fixture(scope="module")
def example_facts():
    from briefgen.merge import resolve
    from briefgen.themetools.samples import example_facts as load

    return resolve(load())


def theme_with_base(folder: Path, base: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    (folder / "base.html").write_text(base, encoding="utf-8")
    return folder


class FirstTags(HTMLParser):
    """The markup events in order, as html.parser tokenizes them."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, str]] = []

    def handle_decl(self, decl):
        self.events.append(("decl", decl.lower()))

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag if tag != "meta" else f"meta {dict(attrs).get('http-equiv')}"))

    def handle_comment(self, data):
        self.events.append(("comment", data))


def assert_policy_first(page: str) -> None:
    assert page.count(CONTENT_POLICY) == 1
    # The tokenizer: nothing but a doctype before the policy; the policy is not inside a comment.
    parser = FirstTags()
    parser.feed(page)
    events = [e for e in parser.events if e[0] != "decl"]
    assert events[0] == ("start", "meta Content-Security-Policy"), parser.events[:3]
    # A tree builder: the policy is the first element of <head>.
    head = lxml.html.document_fromstring(page).find("head")
    first = next(child for child in head if isinstance(child.tag, str))
    assert first.tag == "meta" and first.get("http-equiv") == "Content-Security-Policy"
    assert "default-src 'none'" in first.get("content")


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html><!-- <head> -->\n<html><head><title>t</title></head><body></body></html>",
    "<!DOCTYPE html>\n<html><body><p>no head</p></body></html>",
    "\n  <!doctype HTML>\n<p>no html, no head</p>",
    "<p>no doctype</p>",
    '<!-- <head> --><html lang="en"><head></head><body></body></html>',
    "<html><script>/* <head> */</script><head></head></html>",
    "\ufeff<!DOCTYPE html SYSTEM \"about:legacy-compat\"><html><head></head></html>",
])
def test_policy_comes_first_whatever_the_markup(page):
    out = with_content_policy(page)
    assert_policy_first(out)
    doctype_end = page.lower().find(">") + 1 if page.lstrip("\ufeff \n").lower().startswith("<!doctype") else 0
    assert out[:doctype_end] == page[:doctype_end]       # a leading doctype stays first: standards mode


def test_comment_trick_theme_gets_the_policy(tmp_path, example_facts):
    theme = theme_with_base(tmp_path / "trick", COMMENT_TRICK)
    html = render(compose(example_facts), formats=["html"], theme=str(theme)).outputs["html"].decode()
    assert html.startswith("<!DOCTYPE html>\n" + CONTENT_POLICY)
    assert_policy_first(html)
    assert lxml.html.document_fromstring(html).find("head").find("title") is not None


def test_headless_theme_gets_the_policy_and_check_still_reports_its_remote_image(tmp_path, example_facts,
                                                                                  example_sample):
    theme = theme_with_base(tmp_path / "headless", HEADLESS)
    html = render(compose(example_facts), formats=["html"], theme=str(theme)).outputs["html"].decode()
    assert_policy_first(html)
    assert TRACKER in html          # the theme's own markup is kept; the policy is what stops it loading
    problems = [str(p) for p in check_theme(theme, example_sample)]
    assert any("outside URL refused" in p and TRACKER in p for p in problems), problems
