"""Subdivisions as English news spells them: no transliteration marks, no type word."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def _places(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in extract_source(make_source(text)).places}


def test_a_place_written_without_its_accents_is_found() -> None:
    assert _places("The train had left from Przemysl on Saturday morning.") == {"Przemysl": "PL"}


def test_a_compass_word_between_the_preposition_and_a_town_keeps_it_a_place() -> None:
    assert "Przemysl" in _places("The train was bound for the capital from southeastern Przemysl.")


def test_a_plural_place_noun_makes_every_name_of_its_list_a_place() -> None:
    places = _places("Houses collapsed in the badly hit Imogiri and Wonokerto districts south of the city. "
                     "Cases were confirmed in Mangina, Kalunguta and Oicha health zones.")
    assert {"Imogiri", "Wonokerto", "Mangina", "Kalunguta", "Oicha"} <= set(places)


def test_a_plural_noun_after_demonyms_names_no_place() -> None:
    assert _places("Voters in the Kenyan and Ugandan provinces stayed home.") == {}


def test_a_compass_word_opening_a_district_name_stays_in_it() -> None:
    assert "East Tanvara" in _places("The minister toured the flooded areas of East Tanvara district.")


def test_a_country_spelled_across_of_the_is_one_place() -> None:
    places = _places("Outbreaks were reported in the Democratic Republic of the Congo and across the Horn of Africa.")
    assert places.get("Democratic Republic of the Congo") == "CD"
    assert "Horn of Africa" in places
    assert "Congo" not in places


def test_an_institution_of_a_country_is_no_place() -> None:
    assert "Bank of England" not in _places("The Bank of England raised its rates on Thursday.")


def test_a_toll_broken_down_by_district_makes_every_district_a_place_of_the_country() -> None:
    places = _places("Patna reported 40 deaths, followed by Darbhanga (30), Ranvali (22), Katihar (20), "
                     "North Ostra and Madhubani (9 each) and Saran (2).")
    assert {"Ranvali", "North Ostra", "Katihar"} <= set(places)
    assert places["Saran"] == "IN"  # not the Kazakh town of that name


def test_a_list_of_people_with_their_ages_is_no_list_of_places() -> None:
    assert _places("The dead were Tom Reed (43), Ana Lopes (36), Sam Hill (35) and Eva Moss (20).") == {}


def test_a_province_after_its_district_is_a_place() -> None:
    places = _places("Fighting in Dara district, Pul-e-Alam, displaced more than 7,000 people.")
    assert "Pul-e-Alam" in places


def test_a_speaker_after_a_district_comma_is_no_place() -> None:
    assert "Smith" not in _places("Fighting in the district, Smith said, displaced people.")


def test_an_employer_after_a_role_and_at_is_no_place() -> None:
    assert "Harbor Crest Advisors" not in _places("Rates will fall, said Tom Reyes, chief economist at Harbor Crest Advisors.")


def test_a_country_name_with_a_small_word_inside_is_read_whole() -> None:
    places = _places("Aid convoys crossed from Bosnia and Herzegovina and reached the Democratic Republic "
                        "of the Congo on Monday.")
    assert places.get("Democratic Republic of the Congo") == "CD"
    assert places.get("Bosnia and Herzegovina") == "BA"
    assert "Herzegovina" not in places


def test_a_name_several_countries_share_takes_the_country_of_the_other_places() -> None:
    # Kasai is a town in Japan and a province of DR Congo: the article's other places decide.
    places = _places("Militias attacked villages in Kasai on Sunday. Survivors walked to Kananga and to "
                        "Tshikapa, and some reached Kinshasa by road.")
    assert places["Kasai"] == "CD"


def test_congo_alone_follows_the_article() -> None:
    drc = _places("Ebola spread in Congo this week. New cases were confirmed in Goma and Beni, "
                     "near the border with Uganda, and in Butembo.")
    assert drc["Congo"] == "CD"
    other = _places("Floods hit Congo this week. Streets of Brazzaville and Pointe-Noire were under "
                       "water, and Dolisie was cut off.")
    assert other["Congo"] == "CG"


def test_a_big_city_keeps_its_own_country_whatever_else_the_article_names() -> None:
    places = _places("Officials in Texas, Houston and Dallas met with envoys who had flown in from Paris "
                        "after talks in Austin.")
    assert places.get("Paris") == "FR"


def test_without_other_places_the_table_s_choice_stands() -> None:
    places = _places("Heavy rain fell in Kasai on Monday, officials said.")
    assert places.get("Kasai") == gazetteer.lookup("Kasai").country


def test_loading_the_table_takes_it_out_of_the_garbage_collectors_walks() -> None:
    # a fresh process: the table is loaded once per process, and the test must see that load
    script = ("import gc\n"
              "from briefgen.extract import gazetteer\n"
              "before = gc.get_freeze_count()\n"
              "gazetteer.lookup('Paris')\n"
              "print(before, gc.get_freeze_count() - before >= len(gazetteer._table()))\n")
    assert _in_a_fresh_process(script) == ["0", "True"]


def test_after_the_first_extraction_the_collector_runs_less_often() -> None:
    # a fresh process, as `briefgen extract` starts one: the first extraction loads the table and
    # sets the collector for the extractor's many short-lived objects
    script = ("import gc\n"
              "from briefgen.extract import extract_source\n"
              "from briefgen.model import Source\n"
              "before = gc.get_threshold()[0]\n"
              "extract_source(Source(id='a', path='a.txt', text='Rain fell in Paris on Monday, officials said.'))\n"
              "print(before, gc.get_freeze_count() > 0, gc.get_threshold()[0] > before)\n")
    assert _in_a_fresh_process(script) == ["700", "True", "True"]


def _in_a_fresh_process(script: str) -> list[str]:
    """The words `script` prints, run by a new interpreter (the table is loaded once per process)."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).parents[2], check=True).stdout.split()
