"""A shared theme's stylesheets cannot make a build run for minutes: @imports are followed within a
budget (count and bytes, repeats counted), whether briefgen inlines them or WeasyPrint loads them
from the theme's own markup; past it, one line names the stylesheet and the line of the @import."""
from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.errors import TemplateError
from briefgen.paths import TEMPLATES_DIR
from briefgen.themetools.check import check_theme
from briefgen.render.theme import load_theme
from tests.conftest import EXAMPLES
from tests.themes.test_theme_walls import write

BRIEFGEN = str(Path(sys.executable).parent / "briefgen")
EXAMPLE = EXAMPLES / "01-wire-valdera.txt"
# Generous: today's behaviour runs for minutes; a capped loop stops in seconds.
TIMEOUT = 60

SELF_IMPORTS = ".masthead { color: navy; }\n" + '@import "style.css";\n' * 12
PING = '.ping { color: red; }\n@import "pong.css";\n@import "pong.css";\n@import "pong.css";\n'
PONG = '.pong { color: blue; }\n@import url(style.css);\n@import url("style.css");\n@import \'style.css\';\n'

LOOPS = {
    "self": {"style.css": SELF_IMPORTS},
    "ping-pong": {"style.css": PING, "pong.css": PONG},
}


def loop_theme(folder: Path, kind: str) -> Path:
    return write(folder, {"theme.toml": 'name = "loop"\nextends = "default"\n', **LOOPS[kind]})


@pytest.fixture
def sources(tmp_path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    return folder


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # The run's cache (BRIEFGEN_CACHE_DIR, if set) is kept: it holds the instanced fonts.
    return subprocess.run([BRIEFGEN, *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("kind", sorted(LOOPS))
def test_build_with_an_import_loop_stops_with_one_line_naming_the_stylesheet(tmp_path, sources, kind):
    theme = loop_theme(tmp_path / "loop", kind)
    run_ = run("build", str(sources), "--theme", str(theme), "-o", str(tmp_path / "brief.html"), cwd=tmp_path)
    assert run_.returncode == 3, run_.stderr[-2000:]
    errors = error_lines(run_.stderr)
    assert len(errors) == 1 and re.search(r"(style|pong)\.css:\d+: ", errors[0]), run_.stderr[-2000:]
    assert "@import" in errors[0] and "Traceback" not in run_.stderr
    assert not (tmp_path / "brief.html").exists()


@pytest.mark.parametrize("kind", sorted(LOOPS))
def test_template_check_reports_an_import_loop_with_file_and_line(tmp_path, kind):
    theme = loop_theme(tmp_path / "loop", kind)
    run_ = run("template", "check", str(theme), "--quick", cwd=tmp_path)
    assert run_.returncode == 1, run_.stdout + run_.stderr[-2000:]
    lines = run_.stdout.splitlines()
    assert len(lines) == 1 and re.match(r"loop/(style|pong)\.css:\d+: .*@import", lines[0]), run_.stdout
    assert "Traceback" not in run_.stdout + run_.stderr


def test_a_link_loop_weasyprint_would_follow_is_capped_too(tmp_path, sources):
    # Not in theme.toml's stylesheets, so briefgen does not inline it: WeasyPrint loads it through
    # the fetcher from the theme's own <link>. `@import"…"` needs no space and escapes spell @import.
    head = (TEMPLATES_DIR / "default" / "partials" / "head.html").read_text(encoding="utf-8")
    assert "</head>" in head
    head = head.replace("</head>", '<link rel="stylesheet" href="loop.css">\n</head>', 1)
    theme = write(tmp_path / "linked", {
        "theme.toml": 'extends = "default"\n',
        "partials/head.html": head,
        "loop.css": '@im\\70 ort "loop.css";\n' + '@import"loop.css";\n' * 11 + ".x { color: red }\n",
    })
    run_ = run("build", str(sources), "--theme", str(theme), "-o", str(tmp_path / "brief.pdf"), cwd=tmp_path)
    assert run_.returncode == 3, run_.stderr[-2000:]
    errors = error_lines(run_.stderr)
    assert len(errors) == 1 and re.search(r"linked/loop\.css:\d+: .*stylesheets", errors[0]), run_.stderr[-2000:]
    assert "Traceback" not in run_.stderr


def test_stylesheet_bytes_are_capped_counting_repeats(tmp_path):
    # Thirty imports of one 100 kB file: well under the @import count, over the 2 MB of text.
    rule = ".r { color: red; }\n"
    theme = write(tmp_path / "heavy", {
        "theme.toml": 'extends = "default"\n',
        "big.css": rule * (100_000 // len(rule)),
        "style.css": ".a { color: blue; }\n" + '@import "big.css";\n' * 30,
    })
    with pytest.raises(TemplateError) as caught:
        load_theme(theme).css()
    error = caught.value
    assert error.path == "heavy/style.css" and 2 <= error.line <= 31, str(error)
    assert "MB" in error.message and "\n" not in str(error)


def test_a_theme_within_the_budget_is_inlined_whole(tmp_path, example_sample):
    theme = write(tmp_path / "fine", {
        "theme.toml": 'extends = "default"\n',
        "style.css": '@import"parts/a.css";\n@import url(parts/b.css);\n.own { color: green; }\n',
        "parts/a.css": ".part-a { color: red; }\n",
        "parts/b.css": '@import "c.css";\n.part-b { color: blue; }\n',
        "parts/c.css": ".part-c { color: gray; }\n",
    })
    css = load_theme(theme).css()
    assert all(rule in css for rule in (".part-a", ".part-b", ".part-c", ".own")) and "@import" not in css
    assert check_theme(theme, example_sample) == []



def test_a_huge_data_url_is_cut_in_log_lines(tmp_path, caplog):
    from briefgen.render.pdf import html_to_pdf

    # Two megabytes that are not an image: WeasyPrint logs the URL it failed to load.
    url = "data:image/png;base64," + "QUJD" * 500_000
    html = f'<html><head><style>p {{ background: url("{url}") }}</style></head><body><p>text</p></body></html>'
    with caplog.at_level(logging.DEBUG):
        html_to_pdf(html, base_dir=tmp_path)
    about_it = [r.getMessage() for r in caplog.records if "data:image/png" in r.getMessage()]
    assert about_it and all(len(message) < 1000 for message in about_it), [len(m) for m in about_it]


def test_an_image_used_many_times_is_not_taken_for_a_loop(tmp_path):
    rules = "".join(f".icon-{n} {{ background: url(dot.svg) }}\n" for n in range(200))
    theme = write(tmp_path / "icons", {
        "theme.toml": 'extends = "default"\n',
        "dot.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
        "style.css": rules,
    })
    resolved = load_theme(theme).resolved_css()
    assert resolved.error is None and resolved.text.count('url("data:image/svg+xml;base64,') == 200
