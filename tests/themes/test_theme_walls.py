"""What a theme.toml may point at: `extends` and `stylesheets` stay among theme folders, and
`template check` reports files that are not UTF-8 instead of crashing."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.compose import compose
from briefgen.errors import TemplateError
from briefgen.render import render
from briefgen.themetools.check import check_theme
from briefgen.render.theme import load_theme
from tests.conftest import run_cli

SECRET = "TOP-SECRET-4711"


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture
def secret(tmp_path) -> Path:
    return write(tmp_path / "x", {"secret.txt": SECRET + "\n", "secret.html": SECRET + "\n"}) / "secret.txt"


@pytest.fixture(scope="module")
def example_facts():
    from briefgen.merge import resolve
    from briefgen.themetools.samples import example_facts as load

    return resolve(load())


def _refused(theme: Path, line: int | None, *words: str) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        load_theme(theme)
    error = caught.value
    assert error.path == str(theme / "theme.toml") and error.line == line, str(error)
    assert "theme.toml" in error.message and "\n" not in str(error)
    for word in words:
        assert word in str(error)
    return error


# --- extends ------------------------------------------------------------------------------------

def test_extends_root_cannot_include_a_file_from_anywhere(tmp_path, secret, example_facts):
    # The review's repro: `extends = "/"` made "/" a theme folder, so an include reached any file.
    relative = secret.relative_to("/").as_posix()
    theme = write(tmp_path / "evil", {
        "theme.toml": 'name = "evil"\nextends = "/"\n',
        "partials/header.html": '<div>{%% include "%s" %%}</div>\n' % relative,
    })
    _refused(theme, 2, "'/'", "built-in")
    with pytest.raises(TemplateError):
        render(compose(example_facts), formats=["html"], theme=str(theme))


def test_extends_a_folder_without_theme_toml_is_refused(tmp_path, secret):
    # `secret.parent` is a folder, but not a theme: it would have been trusted by the loader and fetcher.
    theme = write(tmp_path / "evil", {"theme.toml": f'extends = "{Path("..") / "x"}"\n'})
    _refused(theme, 1)


def test_extends_is_not_resolved_from_the_working_directory(tmp_path, monkeypatch):
    write(tmp_path / "cwd" / "other", {"theme.toml": 'name = "other"\n'})
    theme = write(tmp_path / "themes" / "house", {"theme.toml": '# my theme\nextends = "other"\n'})
    monkeypatch.chdir(tmp_path / "cwd")
    _refused(theme, 2, "'other'")


def test_extends_absolute_path_is_refused_even_to_a_theme(tmp_path):
    other = write(tmp_path / "other", {"theme.toml": 'name = "other"\n'})
    theme = write(tmp_path / "house", {"theme.toml": f'extends = "{other}"\n'})
    _refused(theme, 1)


def test_extends_a_builtin_name_or_a_sibling_theme_folder(tmp_path, monkeypatch):
    base = write(tmp_path / "themes" / "base", {"theme.toml": 'name = "base"\nextends = "flash"\n'})
    house = write(tmp_path / "themes" / "house", {"theme.toml": 'extends = "../base"\n'})
    monkeypatch.chdir("/")
    folders = load_theme(house).folders
    assert folders[:2] == (house.resolve(), base.resolve())
    assert [f.name for f in folders[2:]] == ["flash", "default"]


def test_check_reports_a_bad_extends_in_one_line(tmp_path, secret):
    theme = write(tmp_path / "evil", {"theme.toml": 'extends = "/"\n',
                                      "partials/header.html": "<div>{{ brief.place }}</div>\n"})
    run = run_cli("template", "check", theme, "--quick")
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines() == [run.stdout.strip()]
    assert run.stdout.startswith(f"{theme / 'theme.toml'}:1: ") and "extends" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr and SECRET not in run.stdout + run.stderr


# --- stylesheets --------------------------------------------------------------------------------

def test_stylesheet_leaving_the_theme_is_refused(tmp_path, secret, example_facts):
    up = "../" * len(tmp_path.parts)
    theme = write(tmp_path / "evil", {
        "theme.toml": f'extends = "default"\nstylesheets = ["style.css", "{up}{secret.relative_to("/").as_posix()}"]\n',
        "style.css": ".a { color: red; }\n",
    })
    _refused(theme, 2, "stylesheet", "outside")
    with pytest.raises(TemplateError):
        render(compose(example_facts), formats=["html"], theme=str(theme))


def test_stylesheet_symlink_out_of_the_theme_is_refused(tmp_path, secret):
    theme = write(tmp_path / "evil", {"theme.toml": 'extends = "default"\nstylesheets = ["style.css"]\n'})
    (theme / "style.css").symlink_to(secret)
    _refused(theme, 2, "'style.css'")


def test_stylesheet_by_default_symlinked_out_is_refused(tmp_path, secret):
    # No `stylesheets` key: "style.css" is still read, so it is fenced all the same.
    theme = write(tmp_path / "evil", {"theme.toml": 'extends = "default"\n'})
    (theme / "style.css").symlink_to(secret)
    _refused(theme, None, "'style.css'")


def test_stylesheets_inside_the_theme_still_work(tmp_path, example_facts):
    theme = write(tmp_path / "house", {
        "theme.toml": 'extends = "default"\nstylesheets = ["css/a.css", "./b.css"]\n',
        "css/a.css": ".a-rule { color: red; }\n",
        "b.css": ".b-rule { color: blue; }\n",
    })
    html = render(compose(example_facts), formats=["html"], theme=str(theme)).outputs["html"].decode()
    assert html.index(".a-rule") < html.index(".b-rule")


# --- files that are not UTF-8 -------------------------------------------------------------------

def test_check_reports_files_that_are_not_utf8(tmp_path, example_sample):
    theme = write(tmp_path / "latin", {
        "theme.toml": 'extends = "default"\n',
        "partials/header.html": b"<div>\n{{ brief.place }}\n\xe9t\xe9\n</div>\n",
        "style.css": b".a { color: red; }\n/* caf\xe9 */\n",
    })
    problems = check_theme(theme, example_sample)
    assert [(p.path, p.line) for p in problems] == [("latin/partials/header.html", 3), ("latin/style.css", 2)]
    assert all("not UTF-8" in p.message for p in problems)


def test_build_with_a_template_that_is_not_utf8_names_file_and_line(tmp_path, example_facts):
    theme = write(tmp_path / "latin", {"theme.toml": 'extends = "default"\n',
                                       "partials/header.html": b"<div>\n\xff\n</div>\n"})
    with pytest.raises(TemplateError) as caught:
        render(compose(example_facts), formats=["html"], theme=str(theme))
    assert (caught.value.path, caught.value.line) == ("latin/partials/header.html", 2)
    assert "not UTF-8" in caught.value.message


def test_theme_toml_that_is_not_utf8(tmp_path):
    theme = write(tmp_path / "latin", {"theme.toml": b'name = "caf\xe9"\n'})
    with pytest.raises(TemplateError) as caught:
        load_theme(theme)
    assert caught.value.line == 1 and "not UTF-8" in caught.value.message
