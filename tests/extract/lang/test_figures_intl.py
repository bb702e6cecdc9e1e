"""Casualty figures in Russian, Ukrainian and Arabic sentences: category by lemma, things that
are not people dropped, parts and subsets not counted twice."""
from __future__ import annotations

import pytest

from briefgen.extract.lang import figures_ar, figures_cyrillic


def _figs(found):
    return sorted((f.num.value, f.category) for f in found)


@pytest.mark.parametrize("lang, text, expected", [
    ("ru", "При пожаре на складе погибли семь человек.", [(7, "killed")]),
    ("ru", "После обстрела 12 жителей госпитализированы.", [(12, "injured")]),
    ("ru", "Спасатели нашли тела пятерых туристов.", []),
    ("ru", "Девять рыбаков числятся пропавшими без вести.", [(9, "missing")]),
    ("ru", "Из села эвакуировали более 300 жителей.", [(300, "evacuated")]),
    ("ru", "Под завалами нашли двоих погибших и троих выживших.", [(2, "killed")]),
    ("uk", "Унаслідок вибуху загинули шестеро шахтарів.", [(6, "killed")]),
    ("uk", "Ще 14 людей отримали поранення.", [(14, "injured")]),
    ("uk", "Понад 200 мешканців евакуювали з підтопленого району.", [(200, "evacuated")]),
])
def test_cyrillic_figure_category_comes_from_any_inflected_form(lang, text, expected):
    assert _figs(figures_cyrillic.find(text, lang)) == expected


@pytest.mark.parametrize("lang, text", [
    ("ru", "Пожар уничтожил 40 домов, погибших нет."),
    ("ru", "Погибшие были доставлены в морг 3 июля."),
    ("ru", "Телефон горячей линии: +7 (800) 100-20-30, погибших двое."),
    ("uk", "Загиблій жінці було 45 років."),
    ("uk", "Загинула 27-річна вчителька."),
    ("uk", "Поранені, десять з них у важкому стані."),
])
def test_cyrillic_numbers_that_count_no_people_are_no_figures(lang, text):
    assert [f.num.value for f in figures_cyrillic.find(text, lang) if f.num.value != 2] == []


def test_cyrillic_vague_quantity_is_approximate_with_its_words():
    [f] = figures_cyrillic.find("В результате удара ранены десятки человек.", "ru")
    assert (f.num.value, f.category, f.approx, f.num.vague) == (10, "injured", True, "десятки")


def test_cyrillic_teaser_before_a_site_address_is_not_the_story():
    text = "Найдены 4 тела. В Перу 50 человек погибли после оползня Общество example.com Поиски идут."
    assert _figs(figures_cyrillic.find(text, "ru")) == [(4, "killed")]


@pytest.mark.parametrize("text, expected", [
    ("أسفر الهجوم عن مقتل 11 جنديا.", [(11, "killed")]),
    ("وأصيب ثمانية مدنيين بجروح.", [(8, "injured")]),
    ("وفر 3 آلاف شخص من القرية.", [(3000, "displaced")]),
    ("ولا يزال 20 صيادا مفقودين.", [(20, "missing")]),
    ("وقتل خمسة عمال، بينهم طفلان، في الانفجار.", [(5, "killed")]),
    ("دمر القصف أربعة مستشفيات.", []),
    ("وبلغت نسبة الدمار سبعين بالمئة.", []),
    ("وكان الطفل في الخامسة من عمره.", []),
    ("واعتقلت الشرطة 14 متظاهرا على الأقل.", [(14, "detained")]),
])
def test_arabic_figure_category_through_clitics_and_endings(text, expected):
    assert _figs(figures_ar.find(text)) == expected


def test_arabic_aside_with_a_subset_does_not_take_the_verb_of_the_next_count():
    text = "وأنقذ خفر السواحل عشرة أشخاص، من بينهم امرأة غرق ثلاثة من أبنائها."
    assert (10, "killed") not in _figs(figures_ar.find(text))


def test_arabic_count_of_a_displacement_named_before_it():
    [f] = figures_ar.find("استمر نزوح السكان والذي تجاوز عددهم 12 ألفا خلال يومين.")
    assert (f.num.value, f.category) == (12000, "displaced")


def test_arabic_at_least_after_the_group_makes_the_count_approximate():
    [f] = figures_ar.find("قتل 30 مهاجرا على الأقل قبالة الساحل.")
    assert f.approx and f.qualifier == "على الأقل"


def test_a_sentence_made_of_thousands_of_counts_is_read_without_error():
    ru = "Погибли " + ", ".join(["5 человек"] * 3000) + "."
    ar = "قتل " + "، ".join(["5 أشخاص"] * 3000) + "."
    assert [f.num.value for f in figures_cyrillic.find(ru, "ru")] == [5]
    assert [f.num.value for f in figures_ar.find(ar)] == [5]


def test_cyrillic_count_joined_by_and_takes_the_category_before_it():
    found = figures_cyrillic.find("Ранены двое полицейских и 14 мирных жителей.", "ru")
    assert (14, "injured") in _figs(found)
    assert _figs(figures_cyrillic.find("Загинули 3 людини та 2 собаки.", "uk")) == [(3, "killed")]


def test_cyrillic_abbreviation_dot_does_not_end_the_sentence():
    assert _figs(figures_cyrillic.find("Рятувальники вивезли 1,2 тис. осіб, яких евакуювали.", "uk")) == []
    assert _figs(figures_cyrillic.find("1,2 тис. осіб евакуювали з району.", "uk")) == [(1200, "evacuated")]
