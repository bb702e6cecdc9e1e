"""A quote stays in the words and language it was said in: `<q lang>`, a language tag when it
is not the brief's language, `dir` when it runs the other way; never a translation."""
from __future__ import annotations

import re

import pytest

from briefgen.compose import compose
from briefgen.render import prepare
from tests.render.conftest import load_facts

ARABIC = "سنواصل العمل حتى يعود الجميع إلى بيوتهم"
THEMES = ("default", "flash")


@pytest.fixture(scope="module")
def brief():
    return compose(load_facts("seed"))


def html(brief, lang: str, theme: str = "default") -> str:
    renderer = prepare(theme)
    return renderer.bare_html(brief, renderer.localize(lang))


@pytest.mark.parametrize("theme", THEMES)
def test_english_quote_in_a_french_brief_is_marked_english_and_tagged(brief, theme):
    page = html(brief, "fr", theme)
    assert "«\xa0<q lang=\"en\">we&#39;re working on something here</q>\xa0»" in page
    assert '<abbr class="lang-tag" title="anglais">(EN)</abbr>' in page


@pytest.mark.parametrize("theme", THEMES)
def test_quote_in_the_brief_language_has_no_tag(brief, theme):
    page = html(brief, "en", theme)
    assert "“<q lang=\"en\">we&#39;re working on something here</q>”" in page
    assert "class=\"lang-tag\"" not in page


@pytest.mark.parametrize("theme", THEMES)
def test_arabic_quote_in_an_english_brief_runs_right_to_left(brief, theme):
    quote = brief.quotes[0].model_copy(update={"text": ARABIC, "language": "ar"})
    page = html(brief.model_copy(update={"quotes": [quote]}), "en", theme)
    assert f'<q lang="ar" dir="rtl">{ARABIC}</q>' in page
    assert '<abbr class="lang-tag" title="Arabic">(AR)</abbr>' in page


def test_english_quote_in_an_arabic_brief_runs_left_to_right(brief):
    page = html(brief, "ar")
    assert re.search(r'<q lang="en" dir="ltr">we&#39;re working on something here</q>', page)
    assert '(EN)</abbr>' in page


def test_quote_without_its_own_language_takes_its_source_language(brief):
    number = brief.quotes[0].marks[0].number
    sources = [s.model_copy(update={"language": "fr"}) if s.number == number else s for s in brief.sources]
    text = "nous restons sur place"
    quote = brief.quotes[0].model_copy(update={"text": text, "language": None})
    page = html(brief.model_copy(update={"quotes": [quote], "sources": sources}), "en")
    assert f'<q lang="fr">{text}</q>' in page
    assert '<abbr class="lang-tag" title="French">(FR)</abbr>' in page


@pytest.mark.parametrize("lang", ["de", "ru", "uk", "es", "pt"])
def test_quote_words_are_never_translated(brief, lang):
    page = html(brief, lang)
    assert "we&#39;re working on something here</q>" in page
    assert "(EN)</abbr>" in page
