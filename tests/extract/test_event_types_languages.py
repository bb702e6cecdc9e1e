"""Event types read from headlines and leads in every language briefgen reads, and the scope
words of other languages; headlines and sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.lexicon import reading
from briefgen.extract.scope import Clause, clause_of, scope_of
from briefgen.extract.story import event_type
from briefgen.model import Story

PUBLISHED = dt.date(2024, 6, 12)


@pytest.mark.parametrize("language, headline, expected", [
    ("fr", "Un séisme de magnitude 6 secoue le sud du pays", "earthquake"),
    ("fr", "Inondations : trois villages coupés du monde", "flood"),
    ("fr", "Des manifestants dispersés au gaz lacrymogène devant le parlement", "protest"),
    ("es", "Un tiroteo en un centro comercial deja cinco muertos", "mass_shooting"),
    ("es", "Miles de desplazados huyen de los combates en la frontera", "displacement"),
    ("es", "Brote de cólera en los campamentos del norte", "epidemic"),
    ("pt", "Enchentes deixam milhares de desabrigados no sul", "flood"),
    ("pt", "Deslizamento de terra soterra casas na serra", "landslide"),
    ("de", "Waldbrände bedrohen Dörfer an der Küste", "wildfire"),
    ("de", "Schweres Erdbeben erschüttert die Region", "earthquake"),
    ("de", "Anschlag auf einen Markt: Polizei sucht Täter", "attack"),
    ("ru", "Ракетный удар по порту: есть погибшие", "air_strike"),
    ("ru", "Наводнение затопило десятки домов", "flood"),
    ("uk", "Через посуху громади лишилися врожаю", "drought"),
    ("uk", "Унаслідок обстрілу міста загинули двоє людей", "attack"),
    ("ar", "غارات جوية على أحياء المدينة ليلا", "air_strike"),
    ("ar", "الفيضانات تغمر قرى في الجنوب", "flood"),
    ("ar", "آلاف النازحين يصلون إلى المخيمات", "displacement"),
    # Traps: a crisis word in another sense is no crisis story, in other languages too.
    ("fr", "La guerre commerciale pèse sur les exportations", "none"),
    ("de", "Handelskrieg: Zölle steigen erneut", "none"),
    ("es", "El delantero marca y su equipo sale de la crisis de resultados", "none"),
])
def test_the_event_type_is_read_from_a_headline_in_its_language(language, headline, expected):
    assert event_type(headline, "", language)[0] == expected


def test_an_accident_in_another_language_names_its_kind():
    assert event_type("Паром затонул у побережья острова", "", "ru") == ("accident", "shipwreck")
    assert event_type("Incendio en un mercado: varios heridos", "", "es") == ("accident", "fire")
    assert event_type("Zug entgleist nahe der Grenze", "", "de") == ("accident", "train crash")


def test_an_epidemic_in_another_language_names_its_disease_as_written():
    assert event_type("Épidémie de choléra dans la capitale", "", "fr") == ("epidemic", "choléra")


def test_arabic_words_are_found_behind_the_article_and_conjunctions():
    # الغارات ("the raids") and وفرار ("and the flight"): the listed words behind a clitic.
    assert event_type("استمرار الغارات على المدينة", "", "ar")[0] == "air_strike"
    assert event_type("وفرار آلاف العائلات من القرى", "", "ar")[0] == "displacement"


def test_a_type_word_inside_another_word_is_not_read():
    # "Fluten" is a flood, "Flutlicht" (floodlight) is not.
    assert event_type("Flutlicht im Stadion fällt aus", "", "de")[0] == "none"


def _scope(language: str, sentence: str, number: str, story: Story) -> str | None:
    start = sentence.index(number)
    with reading(language):
        return scope_of(Clause(*clause_of(sentence, start, start + len(number)), PUBLISHED, story))


WAR = Story(source="s", type="armed_clashes", place="Norden")
DROUGHT = Story(source="s", type="drought", place="Kismaro")


@pytest.mark.parametrize("language, sentence, number, reason", [
    ("fr", "Depuis le début de la guerre, 12 000 civils ont été tués.", "12 000", "cumulative"),
    ("es", "Desde el inicio de la guerra han muerto 8.000 personas.", "8.000", "cumulative"),
    ("de", "Seit Kriegsbeginn wurden 5000 Menschen getötet.", "5000", "cumulative"),
    ("ru", "С начала войны погибли 3000 человек.", "3000", "cumulative"),
    ("uk", "Торік у регіоні загинули 40 людей.", "40", "another_time"),
    ("ar", "قتل 500 شخص العام الماضي في المنطقة.", "500", "another_time"),
])
def test_a_background_figure_in_another_language_is_context(language, sentence, number, reason):
    assert _scope(language, sentence, number, WAR) == reason


def test_a_crisis_total_over_a_year_or_more_is_cumulative():
    sentence = "In less than a year, the unrest has claimed more than 2,100 lives."
    assert _scope("en", sentence, "2,100", WAR) == "cumulative"


def test_a_total_for_a_whole_region_around_the_story_is_context():
    sentence = "The entire Lake Basin region faces a drought that has left 9 million people in need."
    assert _scope("en", sentence, "9 million", DROUGHT) == "another_place"
    # The story's own region is the story's area.
    own = Story(source="s", type="drought", place="Lake Basin")
    assert _scope("en", sentence, "9 million", own) is None
