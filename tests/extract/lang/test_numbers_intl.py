"""Russian, Ukrainian and Arabic numbers: words in every case, digits, scales, vague words."""
from __future__ import annotations

import pytest

from briefgen.extract.lang import numbers_ar, numbers_cyrillic


def _values(numbers):
    return [(n.value, bool(n.vague)) for n in numbers]


@pytest.mark.parametrize("lang, text, expected", [
    ("ru", "в аварии погибли пять человек", [(5, False)]),
    ("ru", "спасли двадцать семь пассажиров", [(27, False)]),
    ("ru", "эвакуировали двести сорок три жителя", [(243, False)]),
    ("ru", "пострадали трое рабочих", [(3, False)]),
    ("ru", "приютили четырех беженцев", [(4, False)]),
    ("ru", "лишились крова 12 000 жителей", [(12000, False)]),
    ("ru", "около 2,5 тыс. человек", [(2500, False)]),
    ("ru", "бежали три тысячи человек", [(3000, False)]),
    ("ru", "ранены десятки людей", [(10, True)]),
    ("ru", "эвакуированы сотни тысяч жителей", [(100000, True)]),
    ("ru", "тысячи людей остались без света", [(1000, True)]),
    ("uk", "загинули п'ятеро військових", [(5, False)]),
    ("uk", "поранено дев’ятнадцять людей", [(19, False)]),
    ("uk", "евакуювали понад 1 200 мешканців", [(1200, False)]),
    ("uk", "сотні тисяч біженців", [(100000, True)]),
    ("uk", "шістьох дітей", [(6, False)]),
])
def test_cyrillic_numbers_are_read_in_any_case(lang, text, expected):
    assert _values(numbers_cyrillic.find_numbers(text, lang)) == expected


def test_cyrillic_two_unit_words_in_a_row_are_not_added_up():
    assert [n.value for n in numbers_cyrillic.find_numbers("два три", "ru")] != [5]


def test_cyrillic_decimal_comma_is_a_fraction_not_thousands():
    [n] = numbers_cyrillic.find_numbers("дитині було 3,5 року", "uk")
    assert n.value == 3.5 and n.decimal


def test_cyrillic_vague_number_keeps_the_printed_words():
    [n] = numbers_cyrillic.find_numbers("Десятки тысяч жителей", "ru")
    assert n.value == 10000 and n.vague == "Десятки тысяч"


@pytest.mark.parametrize("lang, before, qualifier", [
    ("ru", "на борту было более ", "более"),
    ("ru", "погибли по меньшей мере ", "по меньшей мере"),
    ("uk", "поранено понад ", "понад"),
    ("uk", "загинули щонайменше ", "щонайменше"),
])
def test_cyrillic_qualifiers_make_a_count_approximate(lang, before, qualifier):
    assert numbers_cyrillic.qualifier(before, lang) == qualifier


@pytest.mark.parametrize("text, expected", [
    ("أصيب ثمانية أشخاص", [(8, False)]),
    ("نزح 12 ألف شخص", [(12000, False)]),
    ("نزح 12 ألفا", [(12000, False)]),
    ("لجأ ٣٥٠ شخصا", [(350, False)]),
    ("لجأ ۳۵۰ شخصا", [(350, False)]),
    ("قتل خمسة وعشرون جنديا", [(25, False)]),
    ("فقد أربعة عشر صيادا", [(14, False)]),
    ("أجلي ثلاثة آلاف ساكن", [(3000, False)]),
    ("وثلاثة مسعفين", [(3, False)]),
    ("عشرات الجرحى", [(10, True)]),
    ("نزوح مئات الآلاف", [(100000, True)]),
    ("فرار الآلاف", [(1000, True)]),
    ("مئتا شخص", [(200, False)]),
    ("1,250 نازحا", [(1250, False)]),
])
def test_arabic_numbers_in_words_and_every_digit_script(text, expected):
    assert _values(numbers_ar.find_numbers(text)) == expected


def test_arabic_ordinals_with_the_article_are_not_counts():
    assert numbers_ar.find_numbers("كان في الثالثة من عمره، وأخوه في الخامسة عشر") == []


def test_arabic_vague_number_keeps_the_printed_words():
    [n] = numbers_ar.find_numbers("فر عشرات الآلاف")
    assert n.value == 10000 and n.vague == "عشرات الآلاف"


def test_arabic_qualifiers_before_and_after():
    assert numbers_ar.qualifier("نزح أكثر من ") == "أكثر من"
    assert numbers_ar.qualifier("قتل نحو ") == "نحو"
    assert numbers_ar.qualifier_after(" على الأقل في الهجوم") == "على الأقل"


def test_arabic_dual_of_a_scale_counts_two():
    assert [n.value for n in numbers_ar.find_numbers("نزح ألفا شخص ونحو ألفي طفل ومليونا لاجئ")] == [2000, 2000, 2000000]


def test_a_digit_run_too_long_to_be_a_count_is_no_number():
    assert numbers_ar.find_numbers("٣" * 400 + " ألف شخص") == []
    assert numbers_cyrillic.find_numbers("9" * 400 + " тысяч человек", "ru") == []
