"""Themes: a user theme changes one block and falls back for the rest; a second built-in theme;
`template list/new/check`; theme CSS made self-contained through the fetcher rules."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen.compose import compose
from briefgen.render import render
from briefgen.themetools.check import check_theme
from briefgen.render.theme import list_themes, load_theme
from tests.conftest import run_cli

FIGURES_BLOCK = re.compile(r'<section class="key-figures.*?</section>\n|<section class="my-figures.*?</section>\n', re.S)


@pytest.fixture(scope="module")
def default_html(example_facts):
    return render(compose(example_facts), formats=["html"]).outputs["html"].decode()


@pytest.fixture(scope="module")
def example_facts():
    from briefgen.merge import resolve
    from briefgen.themetools.samples import example_facts as load

    return resolve(load())


def write_theme(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_user_theme_overrides_only_the_figures_block(tmp_path, example_facts, default_html):
    theme = write_theme(tmp_path / "house", {
        "theme.toml": 'name = "house"\nextends = "default"\n',
        "base.html": '{% extends "default/base.html" %}\n{% block key_figures %}\n'
                     '<section class="my-figures">{% for f in brief.figures %}<p data-item="{{ f.id }}">'
                     '{{ f.category|category_label }}: {{ f|amount }}</p>{% endfor %}</section>\n{% endblock %}\n',
    })
    html = render(compose(example_facts), formats=["html"], theme=str(theme), max_pages=3).outputs["html"].decode()
    assert '<section class="my-figures">' in html and '<section class="key-figures' not in html
    # Everything but the figures block is the built-in page, byte for byte (both unfitted: the
    # shorter figures block would otherwise leave room the built-in page has to trim for).
    whole = render(compose(example_facts), formats=["html"], max_pages=3).outputs["html"].decode()
    assert FIGURES_BLOCK.sub("", html) == FIGURES_BLOCK.sub("", whole)


def test_user_partial_overrides_one_partial_everywhere(tmp_path, example_facts, default_html):
    theme = write_theme(tmp_path / "house", {
        "theme.toml": 'extends = "default"\n',
        "partials/bottom_line.html": '<section class="bottom-line"><p>{{ _("Bottom line") }}</p></section>\n',
    })
    html = render(compose(example_facts), formats=["html"], theme=str(theme)).outputs["html"].decode()
    assert '<section class="bottom-line"><p>Bottom line</p></section>' in html
    assert html.count("data-item=") == default_html.count("data-item=")


def test_user_css_comes_after_the_builtin_css(tmp_path, example_facts):
    theme = write_theme(tmp_path / "green", {"theme.toml": 'extends = "default"\n',
                                             "style.css": ":root { --accent: #2e6b30; }\n"})
    html = render(compose(example_facts), formats=["html"], theme=str(theme)).outputs["html"].decode()
    assert html.index("/* default/style.css */") < html.index("/* green/style.css */")


def test_flash_is_a_different_layout_on_one_page(example_facts):
    result = render(compose(example_facts), formats=["pdf", "html"], theme="flash")
    html = result.outputs["html"].decode()
    assert result.pages == 1
    assert 'class="figure-table"' in html and "Flash update" in html
    assert "/* default/style.css */" not in html          # inherit_css = false
    assert html.index('class="bottom-line"') < html.index('class="key-figures"')


def test_theme_names_and_list():
    assert [name for name, _, _ in list_themes()] == ["default", "flash"]
    flash = load_theme("flash")
    assert flash.folders[-1].name == "default" and flash.names["default"] == flash.folders[-1]


@pytest.mark.parametrize("theme", ["default", "flash"])
def test_builtin_themes_pass_the_full_check(theme):
    assert [str(p) for p in check_theme(theme)] == []


def test_template_new_scaffolds_a_theme_that_passes_check(tmp_path):
    folder = tmp_path / "house"
    run = run_cli("template", "new", folder, "--from", "flash")
    assert run.returncode == 0, run.stderr
    assert {p.name for p in folder.iterdir()} == {"theme.toml", "base.html", "style.css", "partials"}
    assert 'extends = "flash"' in (folder / "theme.toml").read_text()
    assert '{% extends "flash/base.html" %}' in (folder / "base.html").read_text()
    run = run_cli("template", "check", folder, "--quick")
    assert run.returncode == 0, run.stdout + run.stderr
    again = run_cli("template", "new", folder)
    assert again.returncode == 2 and again.stderr.count("\n") == 1


def test_template_list_cli():
    run = run_cli("template", "list")
    assert run.returncode == 0
    assert run.stdout.splitlines()[1].startswith("flash (extends default): ")


def test_theme_css_urls_are_inlined_or_refused(tmp_path, example_facts):
    theme = write_theme(tmp_path / "pix", {
        "theme.toml": 'extends = "default"\n',
        "style.css": '@import "extra.css";\n.band { background-image: url(dot.svg); }\n'
                     '.kicker { background: url(https://tracker.example/p.png); }\n',
        "extra.css": ".title { color: red; }\n",
        "dot.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    })
    html = render(compose(example_facts), formats=["html"], theme=str(theme)).outputs["html"].decode()
    assert ".title { color: red; }" in html and "@import" not in html
    assert 'url("data:image/svg+xml;base64,' in html
    assert "tracker.example" not in html and 'url("data:,")' in html


def test_an_edit_to_an_imported_stylesheet_is_seen_without_a_restart(tmp_path):
    """`serve` keeps resolved stylesheets between rebuilds; an @imported file's edit must show."""
    import os

    from briefgen.render.css import resolve_stylesheets

    style, extra = tmp_path / "style.css", tmp_path / "extra.css"
    style.write_text('@import "extra.css";\nbody { margin: 0 }\n', encoding="utf-8")
    extra.write_text("h1 { color: red }\n", encoding="utf-8")
    assert "color: red" in resolve_stylesheets((style,), (tmp_path,)).text
    extra.write_text("h1 { color: blue }\n", encoding="utf-8")
    stamp = extra.stat().st_mtime_ns + 10_000_000
    os.utime(extra, ns=(stamp, stamp))
    again = resolve_stylesheets((style,), (tmp_path,)).text
    assert "color: blue" in again and "color: red" not in again
