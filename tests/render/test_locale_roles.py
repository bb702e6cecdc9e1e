"""A speaker's role: a common title is said in the brief's language, any other stays as the
source wrote it, marked with its language."""
from __future__ import annotations

import pytest

from briefgen.compose import compose
from briefgen.i18n import catalog_path, shipped_locales
from briefgen.render import prepare
from briefgen.render.roles import ROLES
from tests.render.conftest import load_facts


@pytest.fixture(scope="module")
def brief():
    return compose(load_facts("seed"))


def speaker_line(brief, lang: str, role: str, source_language: str | None = None) -> str:
    quote = brief.quotes[0].model_copy(update={"role": role})
    sources = brief.sources
    if source_language:
        number = quote.marks[0].number
        sources = [s.model_copy(update={"language": source_language}) if s.number == number else s
                   for s in sources]
    renderer = prepare("default")
    page = renderer.bare_html(brief.model_copy(update={"quotes": [quote], "sources": sources}),
                              renderer.localize(lang))
    return page.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0]


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "porte-parole"), ("es", "portavoz"), ("de", "Sprecher"), ("pt", "porta-voz"),
    ("ru", "официальный представитель"), ("uk", "речник"), ("ar", "المتحدث الرسمي"),
])
def test_common_title_is_said_in_the_brief_language(brief, lang, expected):
    line = speaker_line(brief, lang, "Spokesperson")
    assert f", {expected}" in line or f"، {expected}" in line
    assert "Spokesperson" not in line


def test_title_in_a_french_source_is_translated_through_its_own_catalog(brief):
    line = speaker_line(brief, "de", "porte-parole", source_language="fr")
    assert ", Sprecher" in line and "porte-parole" not in line


def test_english_spelling_variant_finds_the_title(brief):
    assert ", chef de la police" in speaker_line(brief, "fr", "Chief of Police")


def test_unknown_role_stays_verbatim_with_its_language(brief):
    line = speaker_line(brief, "fr", "Russian Foreign Minister")
    assert '<bdi lang="en" dir="ltr">Russian Foreign Minister</bdi>' in line


def test_role_in_the_brief_language_is_printed_as_written(brief):
    assert "</span>, Spokesperson, " in speaker_line(brief, "en", "Spokesperson")


def test_every_title_is_translated_in_every_language():
    from babel.messages.pofile import read_po

    for lang in shipped_locales():
        with catalog_path(lang).open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for msgid in ROLES.values():
            message = catalog.get(msgid, context="role")
            assert message is not None and message.string and not message.fuzzy, (lang, msgid)


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", 'porte-parole, <bdi lang="en" dir="ltr">Valdera Relief Council</bdi>'),
    ("ar", 'المتحدث الرسمي، <bdi lang="en" dir="ltr">Valdera Relief Council</bdi>'),
])
def test_a_known_title_of_a_named_body_is_said_with_the_body_in_its_own_words(brief, lang, expected):
    assert expected in speaker_line(brief, lang, "spokesman for the Valdera Relief Council")


def test_a_known_title_of_a_french_body_in_a_french_source_is_translated_too(brief):
    line = speaker_line(brief, "en", "porte-parole de la Croix-Rouge", source_language="fr")
    assert ', <bdi lang="fr" dir="ltr">Croix-Rouge</bdi>' in line and "porte-parole" not in line


def test_an_unknown_role_is_marked_with_its_language_tag_like_a_quote(brief):
    line = speaker_line(brief, "fr", "director of operations in the north")
    assert '<bdi lang="en" dir="ltr">director of operations in the north</bdi> <abbr class="lang-tag"' in line
