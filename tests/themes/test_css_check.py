"""Bad CSS in a theme is reported where it is, `style.css:LINE:COL`: unknown properties, invalid
values and syntax errors are problems for `template check` (exit 1) and warnings at build (exit 0,
ten lines at most, then a count); the built-in themes have none."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefgen.paths import TEMPLATES_DIR
from briefgen.render.css_check import check_stylesheet
from tests.conftest import EXAMPLES, run_cli
from tests.themes.test_theme_walls import write

EXAMPLE = EXAMPLES / "01-wire-valdera.txt"

UNKNOWN_PROPERTY = ".masthead {\n  font-weight: bold;\n  colour: navy;\n}\n"
INVALID_VALUE = "/* the headline */\n.masthead { margin: 0; color: 12px; }\n"
UNCLOSED_AT_END = ".masthead { color: navy; }\n\n.kicker {\n  font-style: italic;\n"
UNCLOSED_IN_THE_MIDDLE = ".masthead { color: navy;\n.kicker { font-style: italic; }\n.footer { color: grey; }\n"


def house(folder: Path, css: str, **more: str) -> Path:
    return write(folder / "house", {"theme.toml": 'name = "house"\nextends = "default"\n', "style.css": css, **more})


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=cwd)   # in this process: bad CSS is a mistake, not an attack that could hang


def check(theme: Path) -> subprocess.CompletedProcess:
    return run("template", "check", str(theme), "--quick", cwd=theme.parent)


def build(theme: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (sources / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    return run("build", str(sources), "--theme", str(theme), "-o", str(tmp_path / "brief.pdf"), cwd=tmp_path)


def css_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.search(r"\.css:\d+:\d+: ", line)]


@pytest.mark.parametrize("css, where, words", [
    (UNKNOWN_PROPERTY, "house/style.css:3:3: ", "unknown property 'colour' (did you mean 'color'?)"),
    (INVALID_VALUE, "house/style.css:2:24: ", "invalid value for 'color': '12px'"),
], ids=["unknown-property", "invalid-value"])
def test_template_check_fails_naming_the_stylesheet_line_and_column_of_bad_css(tmp_path, css, where, words):
    result = check(house(tmp_path, css))
    assert result.returncode == 1, result.stdout + result.stderr[-2000:]
    assert css_lines(result.stdout) == [line for line in result.stdout.splitlines() if line.startswith(where)]
    assert len(css_lines(result.stdout)) == 1 and words in css_lines(result.stdout)[0], result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("css, where", [(UNCLOSED_AT_END, "house/style.css:3:9: "),
                                        (UNCLOSED_IN_THE_MIDDLE, "house/style.css:1:11: ")],
                         ids=["at-the-end", "in-the-middle"])
def test_template_check_reports_a_missing_brace_at_the_block_left_open(tmp_path, css, where):
    result = check(house(tmp_path, css))
    assert result.returncode == 1, result.stdout + result.stderr[-2000:]
    assert any(line.startswith(where) and "'{' is never closed" in line for line in result.stdout.splitlines()), \
        result.stdout


def test_a_stylesheet_pulled_in_by_import_is_reported_with_its_own_name_and_lines(tmp_path):
    theme = house(tmp_path, '@import "parts.css";\n.masthead { color: navy; }\n',
                  **{"parts.css": ".kicker {\n  font-style: italic;\n  text-colour: red;\n}\n"})
    result = check(theme)
    assert result.returncode == 1, result.stdout + result.stderr[-2000:]
    assert [line.split(" ", 1)[0] for line in css_lines(result.stdout)] == ["house/parts.css:3:3:"], result.stdout


def test_a_build_with_bad_css_succeeds_with_one_warning_line_per_problem(tmp_path):
    theme = house(tmp_path, UNKNOWN_PROPERTY + INVALID_VALUE)
    result = build(theme, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "brief.pdf").is_file()
    warned = css_lines(result.stderr)
    assert [re.search(r"style\.css:\d+:\d+", line).group(0) for line in warned] == ["style.css:3:3", "style.css:6:24"]
    assert all(line.startswith("WARNING") for line in warned), result.stderr


def test_a_build_warns_about_ten_css_problems_then_says_how_many_more(tmp_path):
    css = "".join(f".c{n} {{ colour: red; }}\n" for n in range(1, 16))
    result = build(house(tmp_path, css), tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(css_lines(result.stderr)) == 10, result.stderr
    assert css_lines(result.stderr)[-1].split("style.css:", 1)[1].startswith("10:")
    assert "and 5 more CSS problems" in result.stderr and "template check" in result.stderr


@pytest.mark.parametrize("theme", sorted(p.name for p in TEMPLATES_DIR.iterdir() if (p / "style.css").is_file()))
def test_a_built_in_theme_stylesheet_has_nothing_to_report(theme):
    path = TEMPLATES_DIR / theme / "style.css"
    assert check_stylesheet(path, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("theme", ["default", "flash"])
def test_a_build_with_a_built_in_theme_warns_about_no_css(tmp_path, theme):
    result = build(TEMPLATES_DIR / theme, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "briefgen.render.css" not in result.stderr and not css_lines(result.stderr), result.stderr


def test_what_a_browser_uses_and_weasyprint_leaves_is_not_reported(tmp_path):
    css = (":root { --accent: #123; }\n"
           ".a { -webkit-print-color-adjust: exact; color: var(--accent); transition: color 1s; cursor: pointer; }\n"
           ".b::-webkit-scrollbar { display: none; }\n"
           "@keyframes pulse { from { opacity: 0; } to { opacity: 1; } }\n"
           "@media screen and (max-width: 40em) { .c { display: block; } }\n"
           "@page { margin: 1cm; @bottom-right { content: counter(page); } }\n"
           "@font-face { font-family: House; src: url(house.woff2) format('woff2'); font-display: swap; }\n")
    path = tmp_path / "style.css"
    assert check_stylesheet(path, css) == []


def test_a_hostile_stylesheet_is_reported_without_a_traceback(tmp_path):
    path = tmp_path / "style.css"
    css = ".a { width: " + "(" * 20000 + " }\n" + ".b {" * 3000 + "color: red" + "}" * 3000
    found = check_stylesheet(path, css)
    assert found and all(problem.line >= 1 and problem.column >= 1 for problem in found)
