"""Labels are cased by the catalogs and the language's rules (no CSS text-transform), agree with
the noun they stand for, and units agree with their number."""
from __future__ import annotations

import pytest
from markupsafe import Markup

from briefgen.compose import compose
from briefgen.model import KeyFigure
from briefgen.render import prepare
from briefgen.render.phrases import capitalize_in
from tests.render.conftest import load_facts


def phrases(lang: str):
    return prepare("default").localize(lang).phrases


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("istanbul", "tr", "İstanbul"), ("istanbul", "en", "Istanbul"), ("ijsselmeer", "nl", "IJsselmeer"),
    ("« été »", "fr", "« Été »"), ("¿dónde?", "es", "¿Dónde?"), ("ǆungla", "hr", "ǅungla"),
])
def test_first_letter_is_capitalised_by_the_language_rules(text, lang, expected):
    assert capitalize_in(text, lang) == expected


def test_capital_steps_over_leading_markup():
    text = Markup('<bdi lang="en" dir="ltr">tens of thousands</bdi>')
    assert capitalize_in(text, "fr") == Markup('<bdi lang="en" dir="ltr">Tens of thousands</bdi>')


def figure(group: str | None, category: str = "killed") -> KeyFigure:
    return KeyFigure(id="f", category=category, value=12, group=group)


@pytest.mark.parametrize(("lang", "group", "expected"), [
    ("es", "civilians", "Muertos"), ("es", "women", "Muertas"),
    ("pt", "men", "Mortos"), ("pt", "children", "Mortas"),
    ("fr", "soldiers", "Tués"), ("fr", "women", "Tuées"),
    ("de", "women", "Tote"), ("ru", "women", "Погибшие"), ("en", "women", "Killed"),
])
def test_figure_heading_agrees_with_its_group(lang, group, expected):
    assert phrases(lang).category_heading(figure(group)) == expected


@pytest.mark.parametrize(("lang", "forms"), [
    ("ru", {1: "человек", 2: "человека", 5: "человек", 21: "человек", 22: "человека", 112: "человек"}),
    ("uk", {1: "людина", 2: "людини", 5: "людей", 21: "людина", 24: "людини", 111: "людей"}),
    ("ar", {2: "شخصين", 3: "أشخاص", 11: "شخصاً", 100: "شخص"}),
])
def test_units_agree_with_their_number(lang, forms):
    words = phrases(lang)
    for n, expected in forms.items():
        assert words.counted(None, n)[0] == expected, n


@pytest.mark.parametrize("theme", ["default", "flash"])
def test_figure_headings_are_cased_by_the_catalog(theme):
    brief = compose(load_facts("seed"))
    renderer = prepare(theme)
    page = renderer.bare_html(brief, renderer.localize("fr"))
    assert ">Tués<" in page or ">Tuées<" in page
    assert ">tués<" not in page


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "1\u202f000\u202f000 de personnes tuées"), ("es", "1.000.000 de personas muertas"),
    ("pt", "1.000.000 de pessoas mortas"), ("fr", "2 personnes tuées"),
])
def test_a_round_million_takes_the_many_form(lang, expected):
    value = 2 if expected.startswith("2") else 1_000_000
    assert phrases(lang).figure_phrase(KeyFigure(id="f", category="killed", value=value, group="people")) == expected


@pytest.mark.parametrize(("lang", "value", "qualifier", "expected"), [
    ("ru", 31, "at_least", "погибли не менее 31 человека"),
    ("ru", 3, "more_than", "погибли более 3 человек"),
    ("ru", 31, None, "погиб 31 человек"),              # no qualifier: the number's own agreement
    ("ru", 21, "nearly", "погиб почти 21 человек"),     # an adverb leaves the case alone
    ("uk", 21, "about", "загинули близько 21 людини"),
    ("uk", 4, "up_to", "загинули до 4 людей"),
])
def test_a_genitive_qualifier_makes_the_noun_genitive_and_the_verb_plural(lang, value, qualifier, expected):
    fig = KeyFigure(id="f", category="killed", value=value, approx=qualifier is not None, qualifier=qualifier)
    assert str(phrases(lang).figure_phrase(fig)).replace("\u00a0", " ") == expected


@pytest.mark.parametrize(("source_group", "lang", "expected"), [
    ("человека", "en", "people"), ("personnes", "en", "people"), ("المدنيين", "en", "civilians"),
    ("Kinder", "fr", "enfants"), ("дітей", "es", "niños"),
])
def test_a_group_counted_in_another_language_is_said_in_the_brief_s(source_group, lang, expected):
    # A Russian source counts "3 человека": an English brief says "3 people", not the Russian word.
    assert phrases(lang).counted(source_group, 3)[0] == expected


def test_an_english_analyst_note_reads_left_to_right_in_an_arabic_brief():
    from briefgen.i18n import writing_direction

    assert writing_direction("**Assessment:** the rescue phase is ending") == "ltr"
    assert writing_direction("  تقييم: انتهت مرحلة الإنقاذ") == "rtl"


def test_a_claim_by_a_common_noun_of_another_language_is_marked_and_a_name_is_not():
    words = phrases("fr")
    assert "(EN)" in words.claimed("Accident à Sarvona", "the government", "en")
    assert "(EN)" not in words.claimed("Accident à Sarvona", "OCHA", "en")


@pytest.fixture(scope="module")
def overflow_html() -> dict[str, str]:
    """The overflow facts (several sources, a disputed figure) as HTML in French, Arabic and English
    (the page's markup without its embedded fonts: subsetting them is what costs, not the words)."""
    prepared, brief = prepare("default"), compose(load_facts("overflow"))
    return {lang: prepared.bare_html(brief, prepared.localize(lang)) for lang in ("fr", "ar", "en")}


def _paragraph(html: str, css_class: str) -> str:
    import re
    start = html.index(f'class="{css_class}')
    return re.sub(r"<[^>]+>", "", html[start:html.index("</p>", start)].split(">", 1)[1])


@pytest.mark.parametrize(("lang", "colon", "semicolon"), [
    ("fr", "\u202f: ", "\u202f; "), ("ar", ": ", "؛ "), ("en", ": ", "; "),
])
def test_punctuation_between_values_follows_the_language(overflow_html, lang, colon, semicolon):
    """French sets a narrow no-break space before ':' and ';', Arabic writes its own semicolon: the
    separators come from the catalogs, not from the template."""
    dispute = _paragraph(overflow_html[lang], "dispute")
    assert colon in dispute and semicolon in dispute, dispute


@pytest.mark.parametrize(("lang", "label"), [
    ("fr", "Mise à jour"), ("es", "Actualización"), ("pt", "Atualização"), ("ru", "Обновлено"), ("de", "Stand"),
])
def test_as_of_label_is_a_noun_before_its_colon(lang, label):
    """'Au : 5 mars' puts a colon after a preposition; the header says 'Mise à jour : 5 mars'."""
    assert prepare("default").localize(lang).translations.gettext("As of") == label


@pytest.mark.parametrize(("lang", "group", "expected"), [
    ("en", "refugees", "8,000 refugees"), ("en", "people", "8,000 people fled as refugees"),
    ("fr", "refugees", "8\u202f000 réfugiés"),
])
def test_a_refugee_count_says_refugees_once(lang, group, expected):
    """'8,000 refugees fled as refugees' repeats itself: a group that names the category stands alone."""
    figure = KeyFigure(id="f", category="refugees", value=8000, group=group)
    assert str(phrases(lang).figure_phrase(figure)) == expected


def _title(text: str, lang: str = "en") -> str:
    """The title of a one-article brief; the text's first line is the article's headline."""
    from briefgen.extract import extract_source
    from briefgen.merge import resolve
    from tests.extract.conftest import make_source
    headline, body = text.split("\n\n", 1)
    source = make_source(body).model_copy(update={"title": headline})
    return str(phrases(lang).story_title(compose(resolve(extract_source(source)))))


def test_fighting_that_drove_people_out_is_titled_with_the_displacement():
    text = ("Fighting drives 120,000 from homes in Varno\n\n"
            "Heavy fighting between the army and rebel militias in Varno province has displaced about 120,000 "
            "people in two weeks, the United Nations said on Monday.\n\n"
            "Families walked for days to reach camps near the river, where water and shelter are scarce.\n\n"
            "Talks between the two sides are due to resume in the capital next week.\n\n"
            "Aid groups said at least 40 people had been killed since the clashes began.")
    title = _title(text)
    assert title.endswith("armed clashes and displacement"), title
    assert _title(text, "fr").endswith("affrontements armés et déplacements")


def test_fighting_whose_page_leads_with_the_dead_is_titled_with_the_fighting_alone():
    text = ("Clashes kill 40 in Varno\n\n"
            "At least 40 people were killed in heavy fighting between the army and rebel militias in Varno "
            "province on Sunday, officials said. Some families have left their villages.")
    assert _title(text).endswith("armed clashes"), _title(text)


@pytest.mark.parametrize(("lang", "expected"), [("ru", "Индонезия"), ("fr", "Indonésie"), ("ar", "إندونيسيا"),
                                               ("en", "Indonesia")])
def test_a_country_is_named_in_the_briefs_language(lang, expected):
    """The gazetteer names countries in English; a Russian title says 'Индонезия: …', not 'Indonesia: …'."""
    assert str(phrases(lang).place_name("Indonesia")) == expected
    assert str(phrases(lang).figure_phrase(KeyFigure(id="f", category="missing", value=40, place="Indonesia"))
               ).endswith(f"({expected})")


def test_a_place_that_is_no_country_stays_in_the_sources_words():
    assert "Sarvona Hills" in str(phrases("fr").place_name("Sarvona Hills"))
