"""`briefgen locales --check` also checks each catalog's Plural-Forms against CLDR and flags CSS
that changes the case of (translated) text in the shipped themes, with file and line."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.i18n import LOCALES_DIR, catalog_status
from briefgen.render import casing
from tests.i18n.conftest import SHIPPED

TWO_FORMS = '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"'


def copy_catalog(tmp_path, lang: str) -> tuple[str, object]:
    shutil.copy(LOCALES_DIR / "briefgen.pot", tmp_path / "briefgen.pot")
    (tmp_path / lang / "LC_MESSAGES").mkdir(parents=True)
    po = tmp_path / lang / "LC_MESSAGES" / "briefgen.po"
    return (LOCALES_DIR / lang / "LC_MESSAGES" / "briefgen.po").read_text(encoding="utf-8"), po


@pytest.mark.parametrize("lang", SHIPPED)
def test_shipped_plural_forms_match_cldr(lang):
    assert not [e for e in catalog_status(lang).errors if "Plural-Forms" in e]


def test_plural_forms_unlike_cldr_are_an_error_with_file_and_line(tmp_path):
    text, po = copy_catalog(tmp_path, "fr")
    header = next(line for line in text.splitlines() if line.startswith('"Plural-Forms:'))
    po.write_text(text.replace(header, TWO_FORMS), encoding="utf-8")
    line = text.splitlines().index(header) + 1
    status = catalog_status("fr", locales_dir=tmp_path)
    assert not status.complete
    assert any(f"briefgen.po:{line}: Plural-Forms gives 2 forms; CLDR's fr numbers take 3 (many, one, other)" in e
               for e in status.errors), status.errors


def test_russian_rule_that_confuses_categories_is_an_error(tmp_path):
    text, po = copy_catalog(tmp_path, "ru")
    header = next(line for line in text.splitlines() if line.startswith('"Plural-Forms:'))
    wrong = '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);\\n"'
    po.write_text(text.replace(header, wrong), encoding="utf-8")
    assert any("CLDR's ru numbers take 3 (few, many, one)" in e
               for e in catalog_status("ru", locales_dir=tmp_path).errors)


def test_plural_message_with_an_empty_form_is_missing(tmp_path):
    text, po = copy_catalog(tmp_path, "uk")
    po.write_text(text.replace('msgstr[2] "людей"', 'msgstr[2] ""', 1), encoding="utf-8")
    assert "counted|person" in catalog_status("uk", locales_dir=tmp_path).missing


def test_shipped_themes_do_not_change_the_case_of_text():
    assert casing.case_changes(casing.shipped_stylesheets()) == []


def test_case_change_is_found_in_nested_rules_not_in_comments(tmp_path):
    css = tmp_path / "style.css"
    css.write_text("/* .x { text-transform: uppercase } */\nh2 {\n  color: red;\n  text-transform: uppercase;\n}\n"
                   "@media print {\n  .label { text-transform: capitalize }\n}\n.n { text-transform: none }\n",
                   encoding="utf-8")
    found = casing.case_changes([css])
    assert [p.split(str(tmp_path))[1] for p in found] == [
        "/style.css:4: text-transform: uppercase on 'h2' (translated text is cased by the catalogs: "
        "upper-casing is language-specific)",
        "/style.css:7: text-transform: capitalize on '.label' (translated text is cased by the catalogs: "
        "upper-casing is language-specific)"]


def test_locales_check_fails_on_a_theme_that_upper_cases_labels(tmp_path, monkeypatch):
    css = tmp_path / "style.css"
    css.write_text(".kicker {\n  text-transform: uppercase;\n}\n", encoding="utf-8")
    monkeypatch.setattr(casing, "shipped_stylesheets", lambda: [css])
    result = CliRunner().invoke(main, ["locales", "--check"])
    assert result.exit_code == 1
    assert f"{css}:2: text-transform: uppercase on '.kicker'" in result.output
