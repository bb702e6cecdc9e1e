"""An unclosed block is reported where it opened, not at the end of the file (issue 14, item 13)."""
from __future__ import annotations

import jinja2
import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.render.unclosed import unclosed_block

from ..conftest import EXAMPLES


@pytest.mark.parametrize("source, expected", [
    ("<p>\n{% if a %}\nx\n</p>\n", ("if", 2)),
    ("{% for x in y %}\n{% if x %}{% endif %}\n\n", ("for", 1)),
    ("{% set a = 1 %}\n{% set b %}\ntext\n", ("set", 2)),            # the block form only
    ("{% if a %}{% endif %}\n{% macro m() %}\n", ("macro", 2)),
    ("{% if a %}x{% else %}y{% endif %}\n", None),
])
def test_the_innermost_unclosed_block_is_found_where_it_opened(source, expected):
    assert unclosed_block(jinja2.Environment(), source) == expected


def _theme_with_header(folder, header: str):
    (folder / "partials").mkdir(parents=True)
    (folder / "theme.toml").write_text(f'name = "{folder.name}"\nextends = "default"\n', encoding="utf-8")
    (folder / "partials" / "header.html").write_text(header, encoding="utf-8")
    return folder


def test_check_and_build_name_the_line_of_the_unclosed_if(tmp_path):
    theme = _theme_with_header(tmp_path / "open_if", "<div>\n{% if brief.place %}\n<p>{{ brief.place }}</p>\n"
                                                     "<p>more</p>\n</div>\n")
    check = CliRunner().invoke(main, ["template", "check", str(theme)])
    assert "partials/header.html:2: syntax error: {% if %} opened here is never closed" in check.output
    build = CliRunner().invoke(main, ["build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf")])
    assert build.exit_code not in (0, 4) and "partials/header.html:2:" in build.output, build.output


def test_a_new_label_no_catalog_translates_is_a_problem_of_template_check(tmp_path):
    theme = _theme_with_header(tmp_path / "labels", '<div>\n<p>{{ _("Flood watch level") }}</p>\n'
                                                    '<p>{{ _("Key figures") }}</p>\n</div>\n')
    # --quick: the labels are checked before any sample is rendered; the edge cases add nothing here.
    check = CliRunner().invoke(main, ["template", "check", str(theme), "--quick"])
    assert check.exit_code == 1
    assert "partials/header.html:2: label 'Flood watch level' has no translation in ar, de, es, fr" in check.output
    assert "Key figures" not in check.output            # a shipped label every catalog translates
