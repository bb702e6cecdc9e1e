"""`template check` flags each broken template with the right file:line, in one line, never a traceback
or a hang. The set lives in tests/themes/broken/<case>/ (each extends the default theme)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.render.check import check_theme
from tests.themes.conftest import BROKEN

BRIEFGEN = str(Path(sys.executable).parent / "briefgen")

# case -> [(file the problem is in, line, words of the message)], every problem the check must report.
EXPECTED = {
    "syntax": [("syntax/partials/header.html", 2, "syntax error")],
    "undefined": [("undefined/partials/footer.html", 2, "no_such_field"),
                  ("undefined/partials/footer.html", 4, "'missing_name' is undefined")],
    "escape_mro": [("escape_mro/partials/header.html", 2, "escape attempt blocked")],
    "escape_globals": [("escape_globals/partials/header.html", 3, "escape attempt blocked")],
    "nested_loops": [("nested_loops/partials/header.html", 3, "loop iterations")],
    "huge_output": [("huge_output/partials/header.html", 3, "characters of output")],
    "recursion": [("recursion/partials/header.html", 1, "call themselves")],
    "include_outside": [("include_outside/partials/header.html", 3, "template not found")],
    "import_outside": [("import_outside/partials/header.html", 1, "template not found")],
    "css_urls": [("css_urls/style.css", 1, "@import refused"), ("css_urls/style.css", 3, "https://tracker"),
                 ("css_urls/style.css", 5, "file:///etc/passwd"), ("css_urls/style.css", 6, "url() refused")],
    "html_url": [("html_url/partials/header.html", 3, "outside URL refused")],
    "english": [("english/partials/footer.html", 3, "Prepared by the night desk"),
                ("english/partials/footer.html", 4, "title=")],
    "overflow": [("overflow/style.css", 4, "overflow")],
    "tiny_type": [("tiny_type/style.css", 4, "below the theme's min_font_size")],
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_broken_template_is_flagged_at_its_line(case, example_sample):
    problems = check_theme(BROKEN / case, example_sample)
    found = [(p.path, p.line, str(p)) for p in problems]
    assert len(problems) == len(EXPECTED[case]), found
    for (path, line, words), problem in zip(EXPECTED[case], problems):
        assert (problem.path, problem.line) == (path, line), found
        assert words in str(problem), found
        assert "\n" not in str(problem) and "Traceback" not in str(problem)
        assert str(problem).startswith(f"{path}:{line}: ")


def test_every_case_is_covered():
    assert sorted(p.name for p in BROKEN.iterdir() if p.is_dir()) == sorted(EXPECTED)


def test_symlink_out_of_the_theme_is_not_followed(tmp_path, example_sample):
    theme = tmp_path / "linked"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    secret = tmp_path / "secret.html"
    secret.write_text("TOP SECRET\n", encoding="utf-8")
    (theme / "partials" / "leak.html").symlink_to(secret)
    (theme / "partials" / "header.html").write_text('<div>\n{% include "partials/leak.html" %}\n</div>\n',
                                                    encoding="utf-8")
    # Refused when the theme is loaded, before any template (or the fit cache) could read it.
    problems = check_theme(theme, example_sample)
    assert [(p.path, p.line) for p in problems] == [(str(theme.resolve() / "partials" / "leak.html"), None)]
    assert "outside the theme folder" in problems[0].message and "TOP SECRET" not in problems[0].message


def test_cli_reports_one_line_per_problem_and_exits_1():
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    run = subprocess.run([BRIEFGEN, "template", "check", str(BROKEN / "undefined"),
                          "--quick"], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 1, run.stderr
    lines = run.stdout.splitlines()
    assert lines == [
        "undefined/partials/footer.html:2: undefined name: 'Brief object' has no attribute "
        "'no_such_field' [example]",
        "undefined/partials/footer.html:4: undefined name: 'missing_name' is undefined [example]",
    ]
    assert "Traceback" not in run.stderr


def test_cli_runaway_loop_does_not_hang():
    run = subprocess.run([BRIEFGEN, "template", "check",
                          str(BROKEN / "nested_loops"), "--quick"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stdout.startswith("nested_loops/partials/header.html:3: ")
    assert "Traceback" not in run.stdout + run.stderr
