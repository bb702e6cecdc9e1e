"""`briefgen locales` lists the catalogs; `--check` fails on a missing or fuzzy entry; `--lang` lists."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.errors import ConfigError
from briefgen.i18n import LOCALES_DIR, catalog_status, parse_locales
from briefgen.pipeline import localized_path
from tests.i18n.conftest import SHIPPED

FIXTURES = LOCALES_DIR.parent / "tests" / "fixtures"


def test_locales_lists_every_catalog_complete():
    result = CliRunner().invoke(main, ["locales", "--check"])
    assert result.exit_code == 0, result.output
    for lang in SHIPPED:
        assert f"{lang} " in result.output
    assert "rtl" in result.output and "6 plural forms" in result.output


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalog_complete(lang):
    status = catalog_status(lang)
    assert status.complete, (status.missing, status.fuzzy, status.errors)
    assert status.plural_forms == {"ru": 3, "uk": 3, "ar": 6, "fr": 3, "es": 3, "pt": 3}.get(lang, 2)


def test_check_finds_missing_and_fuzzy(tmp_path):
    shutil.copy(LOCALES_DIR / "briefgen.pot", tmp_path / "briefgen.pot")
    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    po = (LOCALES_DIR / "fr" / "LC_MESSAGES" / "briefgen.po").read_text(encoding="utf-8")
    po = po.replace('msgstr "Note de situation"', 'msgstr ""')
    po = po.replace('msgid "Who said what"', '#, fuzzy\nmsgid "Who said what"')
    (tmp_path / "fr" / "LC_MESSAGES" / "briefgen.po").write_text(po, encoding="utf-8")
    status = catalog_status("fr", locales_dir=tmp_path)
    assert not status.complete
    assert status.missing == ["Situation brief"] and status.fuzzy == ["Who said what"]


def test_lang_lists_and_output_names():
    assert [s.tag for s in parse_locales("en, fr,ar,fr")] == ["en", "fr", "ar"]
    assert parse_locales("ar-u-nu-arab")[0].digits == "arab"
    with pytest.raises(ConfigError):
        parse_locales("xx-nope")
    from pathlib import Path
    assert localized_path(Path("out/brief.pdf"), "fr") == Path("out/brief.fr.pdf")


def test_render_writes_one_brief_per_language(tmp_path):
    out = tmp_path / "brief.pdf"
    result = CliRunner().invoke(main, ["render", str(FIXTURES / "seed.facts.json"), "--lang", "en,fr,ar",
                                       "-o", str(out), "-o", str(tmp_path / "brief.html")])
    assert result.exit_code == 0, result.output
    for lang in ("en", "fr", "ar"):
        assert (tmp_path / f"brief.{lang}.pdf").read_bytes().startswith(b"%PDF")
        assert f'<html lang="{lang}"' in (tmp_path / f"brief.{lang}.html").read_text(encoding="utf-8")
    assert not out.exists()


def test_unshipped_language_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["render", str(FIXTURES / "seed.facts.json"), "--lang", "fr,it",
                                       "-o", str(tmp_path / "b.pdf")])
    assert result.exit_code == 2 and "no catalog for language 'it'" in result.output
    assert not list(tmp_path.iterdir())


def test_default_language_is_the_sources_when_shipped(tmp_path):
    from briefgen.i18n import sources_language
    from tests.render.conftest import load_facts

    facts = load_facts("seed")
    assert sources_language(facts.sources) == "en"
    for source in facts.sources:
        source.language = "fr-CA"
    assert sources_language(facts.sources) == "fr"
    for source in facts.sources:
        source.language = "zh"
    assert sources_language(facts.sources) == "en"
