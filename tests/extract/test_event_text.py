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
