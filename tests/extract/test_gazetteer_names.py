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
