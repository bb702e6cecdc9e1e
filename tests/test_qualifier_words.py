"""A source's hedge in any shipped language reaches the page: 'au moins 31' is never printed as '31'."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from briefgen.compose import compose
from briefgen.extract import extract_source
from briefgen.merge import resolve
from briefgen.model import Source
from briefgen.vocabulary import QUALIFIER_OF, qualifier_of

EXTRACT_DATA = Path(__file__).resolve().parents[1] / "briefgen" / "extract" / "data"


def _extractor_qualifiers() -> list[tuple[str, str]]:
    words = []
    for lang in ("fr", "es", "de", "pt"):
        table = tomllib.loads((EXTRACT_DATA / lang / "figures.toml").read_text(encoding="utf-8"))
        words += [(lang, w) for w in table["qualifiers"]]
    for lang in ("ru", "uk", "ar"):
        table = tomllib.loads((EXTRACT_DATA / lang / "numbers.toml").read_text(encoding="utf-8"))["qualifiers"]
        words += [(lang, w) for w in table["before"] + table["after"]]
    return words


@pytest.mark.parametrize(("lang", "word"), _extractor_qualifiers())
def test_every_word_the_extractor_hedges_with_is_known_to_the_page(lang, word):
    """A word missing here would print the hedged number as exact."""
    assert " ".join(word.lower().split()) in QUALIFIER_OF or qualifier_of(word) is not None, (lang, word)


@pytest.mark.parametrize(("words", "expected"), [
    ("au moins", "at_least"), ("Plus de", "more_than"), ("Более", "more_than"), ("не менее", "at_least"),
    ("щонайменше", "at_least"), ("على الأقل", "at_least"), ("أكثر من", "more_than"), ("mindestens", "at_least"),
    ("rund", "about"), ("pelo menos", "at_least"), ("casi", "nearly"), ("upwards of", "more_than"),
    ("weitere", None), ("an additional", None), ("au total", None), (None, None),
])
def test_qualifier_words_map_onto_the_briefs_qualifier(words, expected):
    assert qualifier_of(words) == expected


@pytest.mark.parametrize(("lang", "text", "qualifier"), [
    ("fr", "Au moins 31 personnes ont été tuées lundi dans les inondations à Valdera, selon la protection civile.",
     "at_least"),
    ("de", "Mindestens 31 Menschen sind am Montag bei den Überschwemmungen in Valdera ums Leben gekommen.",
     "at_least"),
    ("es", "Más de 31 personas murieron el lunes en las inundaciones de Valdera, según Protección Civil.",
     "more_than"),
])
def test_a_hedged_count_in_another_language_keeps_its_hedge_on_the_page(lang, text, qualifier):
    source = Source(id="s1", path="a.txt", text=text, language=lang)
    [figure] = compose(resolve(extract_source(source))).figures
    assert (figure.value, figure.qualifier, figure.approx) == (31, qualifier, True)
