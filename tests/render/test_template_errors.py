"""Template problems name the template file and line."""
from __future__ import annotations

import pytest

from briefgen.compose import compose
from briefgen.errors import TemplateError
from briefgen.render import render


def make_theme(tmp_path, header: str):
    theme = tmp_path / "broken"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "broken"\nextends = "default"\n', encoding="utf-8")
    (theme / "partials" / "header.html").write_text(header, encoding="utf-8")
    return theme


def test_undefined_name_names_file_and_line(tmp_path, seed_facts):
    theme = make_theme(tmp_path, "<div>\n<p>{{ brief.place }}</p>\n<p>{{ brief.no_such_field }}</p>\n</div>\n")
    with pytest.raises(TemplateError) as info:
        render(compose(seed_facts), formats=["html"], theme=str(theme))
    assert info.value.path.endswith("broken/partials/header.html")
    assert info.value.line == 3
    assert "no_such_field" in str(info.value)
    assert "header.html:3" in str(info.value)


def test_syntax_error_names_file_and_line(tmp_path, seed_facts):
    theme = make_theme(tmp_path, "<div>\n{% if brief.place %}\n<p>unclosed</p>\n")
    with pytest.raises(TemplateError) as info:
        render(compose(seed_facts), formats=["html"], theme=str(theme))
    assert info.value.path.endswith("partials/header.html")
    assert info.value.line is not None


def test_sandbox_blocks_python_internals(tmp_path, seed_facts):
    theme = make_theme(tmp_path, "{{ brief.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(TemplateError):
        render(compose(seed_facts), formats=["html"], theme=str(theme))
