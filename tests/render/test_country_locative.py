"""'In <country>' as each language says it: articles in French, Portuguese and German, the
locative case in Russian and Ukrainian; a source's own spelling of the country is understood."""
from __future__ import annotations

import pytest

from briefgen.render import prepare
from briefgen.render.bottom_line_text import where
from briefgen.render.country_locative import country_in


@pytest.mark.parametrize(("code", "language", "expected"), [
    ("ML", "fr", "au Mali"), ("TR", "fr", "en Turquie"), ("US", "fr", "aux États-Unis"), ("IQ", "fr", "en Irak"),
    ("CU", "fr", "à Cuba"), ("MX", "fr", "au Mexique"), ("KP", "fr", "en Corée du Nord"),
    ("IQ", "pt", "no Iraque"), ("SY", "pt", "na Síria"), ("US", "pt", "nos Estados Unidos"),
    ("PH", "pt", "nas Filipinas"), ("PT", "pt", "em Portugal"), ("CA", "pt", "no Canadá"),
    ("TR", "de", "in der Türkei"), ("IQ", "de", "im Irak"), ("ID", "de", "in Indonesien"),
    ("US", "de", "in den Vereinigten Staaten"),
    ("ID", "ru", "в Индонезии"), ("SS", "ru", "в Южном Судане"), ("FR", "ru", "во Франции"), ("CU", "ru", "на Кубе"),
    ("IQ", "uk", "в Іраку"), ("SS", "uk", "в Південному Судані"), ("ZA", "uk", "в Південно-Африканській Республіці"),
    ("TR", "es", "en Turquía"), ("SY", "ar", "في سوريا"), ("ID", "en", None),
])
def test_in_a_country(code, language, expected):
    assert country_in(code, language) == expected


@pytest.mark.parametrize(("place", "language", "expected"), [
    ("Mali", "fr", "au Mali"), ("Iraque", "pt", "no Iraque"), ("Türkei", "de", "in der Türkei"),
    ("Indonesia", "ru", "в Индонезии"), ("Indonesia", "en", "in Indonesia"),
])
def test_the_bottom_line_says_where_with_the_countrys_grammar(place, language, expected):
    """The gazetteer's English name or the source's own spelling: the brief's language either way."""
    assert str(where(place, prepare("default").localize(language).phrases)) == expected


def test_a_place_that_is_no_country_keeps_the_catalogs_in():
    assert "Valdera" in str(where("Valdera", prepare("default").localize("fr").phrases))
