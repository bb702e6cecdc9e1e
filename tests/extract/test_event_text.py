"""Event text: a timeline line is a whole clause with its subject, never a cut piece of its
sentence. Sentences written for these tests; the traps are lines that look cut but are whole."""
from __future__ import annotations

import pytest

from briefgen.extract.describe import describe


def _line(sentence: str, date: str = "on Monday") -> str:
    start = sentence.index(date)
    return describe(sentence, (0, len(sentence)), [(start, start + len(date))], (start, start + len(date))).text


@pytest.mark.parametrize("sentence", [
    "Of the province's nine districts, on Monday.",
    "Smaller floods on Monday and 2001.",
])
def test_a_cut_piece_without_a_clause_is_no_event(sentence: str) -> None:
    assert _line(sentence) == ""


@pytest.mark.parametrize("line,whole", [
    ("returned to the capital to lead the talks", False),
    ("saw the army launch more than 30 drones", False),
    ("In Lisbon was very concerned by the violence", False),
    ("Of the country", False),
    ("United Nations said it would send tents", True),   # "United" is no lost verb
    ("Red Cross teams reached the town", True),
    ("Ahmed said the town was flooded", True),
    ("Rebels overran the base after a long siege", True),
])
def test_a_line_opening_on_a_lost_subject_is_a_fragment(line: str, whole: bool) -> None:
    from briefgen.extract.describe import _fragment

    assert _fragment(line) is not whole


def test_a_second_count_that_lost_its_verb_is_cut_off_the_line() -> None:
    line = _line("Hundreds of people have been wounded on Monday and thousands")
    assert line == "Hundreds of people have been wounded"


def test_a_bullet_before_a_line_is_no_part_of_it() -> None:
    line = _line("•: A bombing at a concert hall killed 22 people on Monday.")
    assert line.startswith("A bombing at a concert hall killed 22 people")


@pytest.mark.parametrize("sentence,line", [
    ("KAMPALA, Uganda (AP) — Floodwaters swept away a bridge on Monday, cutting off three villages.",
     "Floodwaters swept away a bridge"),
    ("NAIROBI Heavy rains flooded the market on Monday, officials said.", "Heavy rains flooded the market"),
    ("UNICEF Sudan delivered tents on Monday.", "UNICEF Sudan delivered tents"),   # an acronym is no dateline
    ("A river burst its banks on Monday, the ministry said in a statement.", "A river burst its banks"),
    ("The governor told Reuters on Monday that the dam would hold.", "The dam would hold"),
    ("The minister, who visited the camp on Monday, promised more tents.", "The minister visited the camp"),
    ("Talks between the two sides will resume on Monday in Geneva.", "Talks between the two sides will resume in Geneva"),
    ("The storm made landfall on Monday near the port, packing winds of 180 km/h.",
     "The storm made landfall near the port"),
])
def test_a_line_is_the_clause_of_its_date_without_dateline_or_attribution(sentence: str, line: str) -> None:
    assert _line(sentence) == line


@pytest.mark.parametrize(("lang", "sentence", "date"), [
    ("de", "Am Freitag hatte ein schweres Erdbeben die Hafenstadt Varna erschüttert.", "Freitag"),
    ("de", "Seit Montag suchen Helfer in den Trümmern nach Verschütteten.", "Montag"),
    ("fr", "Le barrage a cédé dans la nuit du 4 mars, selon la préfecture.", "4 mars"),
    ("es", "El terremoto sacudió la ciudad de Lorca el viernes por la tarde.", "viernes"),
    ("pt", "A barragem rompeu na sexta-feira, segundo a Defesa Civil.", "sexta-feira"),
])
def test_a_line_in_another_language_keeps_its_date_words(lang, sentence, date) -> None:
    """Cutting the date leaves 'Am hatte …', '… le', '… el' behind: outside English the line keeps them."""
    from briefgen.extract import lexicon
    with lexicon.reading(lang):
        line = _line(sentence, date)
    assert date in line and line.split()[0] == sentence.split()[0], line


def test_a_long_line_in_another_language_is_cut_after_a_comma_and_marked() -> None:
    from briefgen.extract import lexicon
    sentence = ("Am Montag teilten die Behörden mit, dass die Flut in den Dörfern entlang des Flusses mehr als "
                "zweihundert Häuser zerstört und die wichtigste Brücke der Region beschädigt habe, während "
                "Helfer mit Booten und Hubschraubern weiter nach Vermissten in den überschwemmten Gebieten suchten.")
    with lexicon.reading("de"):
        line = _line(sentence, "Montag")
    assert line.endswith("beschädigt habe…") and line.startswith("Am Montag"), line


def test_an_english_line_still_loses_its_date_words() -> None:
    assert _line("The dam failed on Monday, flooding the valley.") == "The dam failed"


def test_a_long_sentence_from_the_cyrillic_and_arabic_readers_is_cut_at_a_word() -> None:
    from briefgen.extract.lang.plug import _short
    sentence = "وكانت قوات النظام بدأت عملياتها العسكرية في المحافظة " * 8 + "لتشمل مدينة درعا"
    line = _short(sentence)
    assert line.endswith("…") and len(line) <= 241 and line[:-1].split()[-1] in sentence.split()
