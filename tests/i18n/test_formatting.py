"""Dates, numbers, lists and plurals come from Babel and the catalogs, locale passed explicitly."""
from __future__ import annotations

import datetime as dt
import html

import pytest

from briefgen.i18n import Formatters, load_translations, parse_locale
from briefgen.model import KeyFigure, Subset
from briefgen.render.phrases import Phrases

DAY = dt.date(2016, 12, 8)
NBSP, NNBSP = "\u00a0", "\u202f"


def fmt(tag: str) -> Formatters:
    spec = parse_locale(tag)
    return Formatters(spec.locale, spec.digits)


class _Plain:
    """Phrases' output as the reader sees it (the Markup's entities resolved)."""

    def __init__(self, phrases: Phrases) -> None:
        self.phrases = phrases

    def __getattr__(self, name):
        method = getattr(self.phrases, name)
        return lambda *args, **kw: html.unescape(str(method(*args, **kw)))


def phrases(tag: str) -> _Plain:
    spec = parse_locale(tag)
    return _Plain(Phrases(Formatters(spec.locale, spec.digits), load_translations(spec.locale), spec.language, "en"))


@pytest.mark.parametrize("tag, expected", [
    ("en", "December 8, 2016"),
    ("fr", "8 décembre 2016"),
    ("de", "8. Dezember 2016"),
    ("ru", "8 декабря 2016\u202fг."),
    ("uk", "8 грудня 2016\u202fр."),
    ("es", "8 de diciembre de 2016"),
    ("pt", "8 de dezembro de 2016"),
    ("ar", "8 ديسمبر 2016"),
    ("ar-u-nu-arab", "٨ ديسمبر ٢٠١٦"),
])
def test_long_dates(tag, expected):
    # Dates never break across lines: their spaces are no-break spaces.
    assert fmt(tag).format_date(DAY, "long") == expected.replace(" ", NBSP)


def test_medium_dates_and_ranges():
    assert fmt("en").format_date(DAY) == f"Dec{NBSP}8,{NBSP}2016"
    assert fmt("de").format_date(DAY) == f"8.{NBSP}Dez.{NBSP}2016"   # not 08.12.2016
    assert fmt("fr").format_date_range(dt.date(2016, 12, 6), DAY) == f"6–8{NBSP}déc.{NBSP}2016"
    assert fmt("ru").format_day(DAY) == f"8{NBSP}дек."


@pytest.mark.parametrize("tag, expected", [
    ("en", "18,000"), ("fr", f"18{NNBSP}000"), ("de", "18.000"), ("ru", f"18{NBSP}000"), ("uk", f"18{NBSP}000"),
    ("es", "18.000"), ("pt", "18.000"), ("ar", "18,000"), ("ar-u-nu-arab", "١٨٬٠٠٠"),
])
def test_numbers(tag, expected):
    assert fmt(tag).format_number(18000) == expected


def test_percentages():
    assert fmt("fr").format_percent(0.45) == f"45{NBSP}%"
    assert fmt("en").format_percent(0.45) == "45%"
    assert fmt("de").format_percent(0.45) == f"45{NBSP}%"


@pytest.mark.parametrize("tag, expected", [
    ("en", "A, B, and C"), ("fr", "A, B et C"), ("de", "A, B und C"), ("ru", "A, B и C"),
    ("uk", "A, B і C"), ("es", "A, B y C"), ("pt", "A, B e C"), ("ar", "A وB وC"),
])
def test_lists(tag, expected):
    assert fmt(tag).format_list(["A", "B", "C"]) == expected


@pytest.mark.parametrize("tag, forms", [
    ("ru", {1: "подтверждает 1 источник", 2: "подтверждают 2 источника", 5: "подтверждают 5 источников",
            21: "подтверждает 21 источник", 12: "подтверждают 12 источников"}),
    ("uk", {1: "підтверджує 1 джерело", 3: "підтверджують 3 джерела", 5: "підтверджують 5 джерел"}),
    ("fr", {1: "confirmé par 1 source", 2: "confirmé par 2 sources"}),
    ("ar", {1: "أكده مصدر واحد", 2: "أكده مصدران", 3: "أكدته 3 مصادر", 11: "أكده 11 مصدراً",
            100: "أكده 100 مصدر"}),
])
def test_plural_forms(tag, forms):
    translations = load_translations(parse_locale(tag).locale)
    for n, expected in forms.items():
        text = translations.ngettext("confirmed by %(count)s source", "confirmed by %(count)s sources", n)
        assert text % {"count": n} == expected


def figure(**kw) -> KeyFigure:
    return KeyFigure(**{"id": "figure:x", "category": "killed", "value": 369, "group": "civilians",
                        "place": "east Aleppo", **kw})


@pytest.mark.parametrize("tag, expected", [
    ("en", "369 civilians killed in east Aleppo"),
    ("fr", "369 civils tués dans l'est d'Alep"),
    ("es", "369 civiles muertos en el este de Alepo"),
    ("pt", "369 civis mortos no leste de Alepo"),
    ("de", "369 Zivilisten getötet im Osten von Aleppo"),
    ("ru", "погибли 369 мирных жителей на востоке Алеппо"),
    ("uk", "загинули 369 цивільних на сході Алеппо"),
    ("ar", "مقتل 369 مدنياً في شرق حلب"),
])
def test_fact_sentences_in_the_briefs_language(tag, expected):
    assert str(phrases(tag).figure_phrase(figure())) == expected


def test_agreement_and_plural_in_fact_sentences():
    fr = phrases("fr")
    assert str(fr.figure_phrase(figure(value=1, group="civilian", place=None))) == "1 civil tué"
    assert str(fr.figure_phrase(figure(group="people", place="Aleppo"))) == "369 personnes tuées à Alep"
    assert str(fr.figure_phrase(figure(category="trapped", value=10000, vague="tens of thousands",
                                       place="eastern Aleppo"))) == (
        "des dizaines de milliers de civils pris au piège dans l'est d'Alep")
    assert str(fr.subset_phrase(Subset(value=45, group="children"))) == "dont 45 enfants"
    ru = phrases("ru")
    assert str(ru.figure_phrase(figure(value=1, group="women", place=None))) == "погибла 1 женщина"
    assert str(ru.figure_phrase(figure(value=2, place=None))) == "погибли 2 мирных жителя"
    assert str(ru.subset_phrase(Subset(value=45, group="children"))) == "в том числе 45 детей"
    assert str(phrases("ar").subset_phrase(Subset(value=5, group="children"))) == "بينهم 5 أطفال"
    assert str(fr.figure_phrase(figure(category="displaced", value=9000, qualifier="more_than",
                                       place=None))) == f"plus de 9{NNBSP}000 civils déplacés"


def test_unknown_words_stay_verbatim_and_marked():
    fr = phrases("fr")
    text = str(fr.figure_phrase(figure(group="Kurdish fighters", place="Kurdish-controlled district")))
    assert text == ('369 personnes tuées (<bdi lang="en" dir="ltr">Kurdish fighters</bdi>) '
                    '(<bdi lang="en" dir="ltr">Kurdish-controlled district</bdi>)')
    assert str(fr.place_name("Aleppo")) == "Alep" and str(phrases("ru").place_name("Aleppo")) == "Алеппо"
    assert str(phrases("ar").place_name("Aleppo")) == "حلب"
    assert "&lt;script&gt;" in str(fr.phrases.place_name("<script>"))


@pytest.mark.parametrize(("tag", "expected"), [("fr", "1er janvier 2019"), ("en", "January 1, 2019"),
                                               ("de", "1. Januar 2019"), ("es", "1 de enero de 2019")])
def test_the_first_of_a_month_is_an_ordinal_in_french(tag, expected):
    first = dt.date(2019, 1, 1)
    assert fmt(tag).format_date(first, "long") == expected.replace(" ", NBSP)
    assert fmt("fr").format_day(first) == f"1er{NBSP}janv."
    assert fmt("fr").format_date(dt.date(2019, 1, 11), "long") == f"11{NBSP}janvier{NBSP}2019"
