"""Subdivisions as English news spells them: no transliteration marks, no type word."""
from __future__ import annotations

from briefgen.extract import extract_source, gazetteer

from .conftest import make_source


def test_a_subdivision_is_found_without_its_transliteration_marks() -> None:
    assert gazetteer.lookup("Bihar").kind == "subdivision"
    assert gazetteer.lookup("Badakhshan").country == "AF"


def test_a_city_keeps_its_kind_when_its_province_has_the_same_name() -> None:
    assert gazetteer.lookup("Kabul").kind == "city"


def test_the_type_word_is_dropped_only_from_the_end() -> None:
    assert gazetteer._plain("Takhār Province", "Province") == "Takhar"
    assert gazetteer._plain("Province", "Province") == "Province"


def test_a_story_in_a_province_names_it() -> None:
    facts = extract_source(make_source("Floods in Takhar and in Bihar forced thousands from their homes."))
    assert {"Takhar", "Bihar"} <= {p.name for p in facts.places}


def _countries(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in extract_source(make_source(text)).places}


def test_a_country_name_with_a_small_word_inside_is_read_whole() -> None:
    places = _countries("Aid convoys crossed from Bosnia and Herzegovina and reached the Democratic Republic "
                        "of the Congo on Monday.")
    assert places.get("Democratic Republic of the Congo") == "CD"
    assert places.get("Bosnia and Herzegovina") == "BA"
    assert "Herzegovina" not in places


def test_a_name_several_countries_share_takes_the_country_of_the_other_places() -> None:
    # Kasai is a town in Japan and a province of DR Congo: the article's other places decide.
    places = _countries("Militias attacked villages in Kasai on Sunday. Survivors walked to Kananga and to "
                        "Tshikapa, and some reached Kinshasa by road.")
    assert places["Kasai"] == "CD"


def test_congo_alone_follows_the_article() -> None:
    drc = _countries("Ebola spread in Congo this week. New cases were confirmed in Goma and Beni, "
                     "near the border with Uganda, and in Butembo.")
    assert drc["Congo"] == "CD"
    other = _countries("Floods hit Congo this week. Streets of Brazzaville and Pointe-Noire were under "
                       "water, and Dolisie was cut off.")
    assert other["Congo"] == "CG"


def test_a_big_city_keeps_its_own_country_whatever_else_the_article_names() -> None:
    places = _countries("Officials in Texas, Houston and Dallas met with envoys who had flown in from Paris "
                        "after talks in Austin.")
    assert places.get("Paris") == "FR"


def test_without_other_places_the_table_s_choice_stands() -> None:
    places = _countries("Heavy rain fell in Kasai on Monday, officials said.")
    assert places.get("Kasai") == gazetteer.lookup("Kasai").country
