"""Figures read by clause: each number gets the category and the time of its own clause; counts
of another event (another year, another kind of disaster) are not this story's.

Sentences written for these tests; the traps are patterns seen on real articles.
"""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract import extract_source
from briefgen.model import Source

from .conftest import make_source


def _figures(text: str, title: str | None = None) -> set[tuple[float, str]]:
    src = make_source(text, published=dt.date(2020, 6, 10))
    if title:
        src = Source(**{**src.model_dump(), "title": title})
    return {(f.value, f.category) for f in extract_source(src).figures}


@pytest.mark.parametrize("text,expected", [
    # a second number in the clause keeps its own category
    ("The blast tore through the market on Monday, leaving 200 dead and another 900 hurt.",
     {(200, "killed"), (900, "injured")}),
    ("The storm killed 12 people and injured 30 others in the coastal towns.", {(12, "killed"), (30, "injured")}),
    # movement phrases: abroad is refugees, a town or "the fighting" is displacement
    ("About 6,800 people from the province have fled to Kenya since Sunday.", {(6800, "refugees")}),
    ("An estimated 4,000 have sought refuge in Ethiopia.", {(4000, "refugees")}),
    ("The violence has forced about 9,000 to flee to neighbouring countries.", {(9000, "refugees")}),
    ("More than 12,000 people fled the fighting on Tuesday.", {(12000, "displaced")}),
    ("About 3,000 families lost their homes when the river burst its banks.", {(3000, "displaced")}),
    ("Some 65,000 people have sought sanctuary at UN bases.", {(65000, "displaced")}),
    ("The floods have impacted 250,000 people across the province.", {(250000, "affected")}),
    # a toll with an aside between "toll" and its verb
    ("The toll in the floods, which have affected 2.5 million people in 12 districts, mounted to 379 on Thursday.",
     {(2_500_000, "affected"), (379, "killed")}),
    # people going home are returnees (other), not refugees or displaced
    ("More than 12,000 refugees have returned home since March.", {(12000, "other")}),
    ("About 40,000 displaced people have returned to their villages.", {(40000, "other")}),
    # South Asian scales
    ("Nearly 59 lakh people have been affected by the floods.", {(5_900_000, "affected")}),
    ("Over two crore people are still affected in the state.", {(20_000_000, "affected")}),
    # a hyphenated modifier is not a participle; a number before a casualty noun is not a year
    ("There were over 1100 measles-associated deaths in the region.", {(1100, "killed")}),
    # "since 2010" opens a comparison, not another event
    ("Floods killed 40 people on Sunday, the worst since 2010.", {(40, "killed")}),
    ("The war has killed more than 300,000 people since 2011.", {(300000, "killed")}),
])
def test_figure_takes_its_own_clause(text: str, expected: set) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize("text", [
    # a bare "fled", a crossing every day, a ferry's passengers: no category
    "One attacker was shot dead by guards and two others fled.",
    "Some 500 people cross the bridge each day to sell vegetables.",
    # counts of another year: the clause, the clause a participle hangs on, the sentence's opening
    "In 2010 an earthquake in the same region killed 3,000 people.",
    "Two years ago, a cyclone killed 900 people in the same district.",
    "The town was hit before, in 2012, when floods displaced more than 40,000 residents.",
    "It was the worst crash since 1995, when 70 people were killed near the same junction.",
    "The 2016 clashes in the valley left at least 69 people dead.",
    "A similar attack in March 2015 killed 14 soldiers, leaving 30 others wounded.",
])
def test_background_or_uncategorised_number_is_no_figure(text: str) -> None:
    assert _figures(text) == set()


def test_other_kind_of_event_is_not_the_storys_figure() -> None:
    text = ("The outbreak has infected 900 children in the capital.\n\n"
            "The country is also coping with an earthquake that struck on Monday, killing 4,000 people.")
    assert (4000, "killed") not in _figures(text, title="Virus outbreak spreads among children")


def test_same_kind_of_event_keeps_its_figure() -> None:
    text = "The earthquake also brought down a school, killing 40 pupils."
    assert (40, "killed") in _figures(text, title="Earthquake strikes mountain towns")


def test_the_same_count_keeps_the_telling_that_names_its_group() -> None:
    text = ("An official said 1,700 fatalities had been reported from five districts.\n\n"
            "The earthquake struck at dawn, killing at least 1,700 people.")
    groups = [f.group for f in extract_source(make_source(text)).figures if f.value == 1700]
    assert groups == ["people"]


def test_part_of_an_uncounted_group_keeps_the_group() -> None:
    text = "In total, 51 health workers have been infected, of whom 17 have died."
    figs = [(f.value, f.category, f.group) for f in extract_source(make_source(text)).figures]
    assert figs == [(17, "killed", "health workers")]


@pytest.mark.parametrize("text,expected", [
    # "the number of <group> has reached N": the group's cue word is the category
    ("The number of people displaced by the floods in the delta has climbed above 250,000.", {(250000, "displaced")}),
    ("Since March, the number of injured civilians in the city has reached 1,204.", {(1204, "injured")}),
    # trap: a number of things that are not people, and a number with no cue at all
    ("The number of damaged schools has reached 340.", set()),
    ("The number of visitors to the park has reached 12,000.", set()),
    # a change of the count before it is a count of the same category
    ("The number of people displaced has reached 90,000, up by 4,100 people on last week.",
     {(90000, "displaced"), (4100, "displaced")}),
    # trap: "up by" with no count before it decides nothing
    ("Prices went up by 30 percent in the market.", set()),
    # "N of whom were <cue>": a count, not a part of something else
    ("Gunmen fired on a bus carrying nine nurses, three of whom were wounded.", {(3, "injured")}),
    ("Police questioned 27 of the passengers.", set()),
    # a group named by what befell it that received aid in the clause is a count of people assisted
    ("Last week 7,800 displaced people received emergency food assistance.", {(7800, "assisted")}),
    ("More than 5,000 displaced people, returnees and host families received some form of aid.", {(5000, "assisted")}),
    # trap: the aid is someone else's business; they stay displaced
    ("Some 4,000 displaced people are sheltering in schools while agencies bring aid.", {(4000, "displaced")}),
])
def test_counts_read_from_their_clause(text: str, expected: set) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    # people in care for a hurt are injured
    ("Forty-two people were in hospital on Sunday after the bus overturned.", {(42, "injured")}),
    ("Doctors said 300 victims were being treated at the city's two hospitals.", {(300, "injured")}),
    ("Medics treated 85 people suffering from burns after the blast.", {(85, "injured")}),
    # traps: the sick of an outbreak are cases, not injured; patients are not victims of the event
    ("About 120 people were in hospital with cholera symptoms on Friday.", set()),
    ("Some 60 patients were being treated when the generator failed.", set()),
])
def test_people_in_care(text: str, expected: set) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a noun of the event, then "of": the count is its object
    ("The raid led to the displacement of over 3,000 civilians from the valley.", {(3000, "displaced")}),
    ("Negotiators secured the release of 14 hostages on Monday.", {(14, "released")}),
    # trap: a noun that is no event ("the mayor of 20,000 residents") decides nothing
    ("She has been the mayor of 20,000 residents since 2019.", set()),
    # an aside between dashes does not cut the predicate off its count
    ("Some 6 million people - nearly half of the population - need food and medical assistance.",
     {(6_000_000, "in_need")}),
    ("Thousands of families are still in urgent need of shelter.", {(1000, "in_need")}),
])
def test_event_nouns_asides_and_need(text: str, expected: set) -> None:
    assert _figures(text) == expected


# --- counts in brackets, parts and groups (issue 17: figures in parentheses) ---------------------

def _full(text: str) -> list[tuple[float, str | None, str | None, list]]:
    facts = extract_source(make_source(text, published=dt.date(2020, 6, 10)))
    return [(f.value, f.category, f.group, [(s.value, s.group) for s in f.subsets]) for f in facts.figures]


def test_a_toll_broken_down_by_district_in_brackets_gives_each_district_the_category() -> None:
    figs = _figures("Patna district accounted for 60 deaths, followed by Darbhanga (31), Ranvali (22) and "
                    "Katihar (14).")
    assert {(60, "killed"), (31, "killed"), (22, "killed"), (14, "killed")} <= figs


def test_a_name_with_a_number_in_brackets_is_still_an_age() -> None:
    assert _figures("The dead included Luca Ferri (65) and Maria Rossi (34), officials said.") == set()


def test_a_breakdown_by_country_in_brackets_takes_the_category_of_its_count() -> None:
    figs = _figures("Across the region, nine of all reported cases were lethal (7 in Spain and two in Portugal).")
    assert {(9, "killed"), (7, "killed")} <= figs


def test_a_part_that_is_no_death_stays_out() -> None:
    assert _figures("So far 40 of 53 member states have reported cases to the agency.") == set()


def test_a_bracket_between_a_number_and_its_noun_is_skipped() -> None:
    figs = _full("In total, 38 (35 confirmed and three probable) aid workers have been infected, of whom 9 have died.")
    assert (9, "killed", "aid workers", []) in figs


def test_a_noun_before_workers_narrows_the_group_but_a_category_word_does_not() -> None:
    figs = _full("More than 30 people, including four health workers, were killed. Seventeen injured workers "
                 "were taken to hospital.")
    assert (30, "killed", "people", [(4, "health workers")]) in figs
    assert (17, "injured", "workers", []) in figs


def test_a_part_named_by_its_condition_is_a_subset() -> None:
    figs = _full("Forty people were in hospital, including six who were in a critical condition, the mayor said.")
    assert (40, "injured", "people", [(6, "in critical condition")]) in figs


def test_injuries_that_proved_fatal_are_deaths() -> None:
    assert (3, "killed") in _figures("Three of the injured later died in hospital, doctors said.")


def test_a_count_of_places_between_a_group_and_its_verb_does_not_cut_the_clause() -> None:
    figs = _figures("More than 80,000 people in 14 provinces have been affected. Some 300 people in 12 "
                    "villages were evacuated and 40 were injured.")
    assert {(80000, "affected"), (300, "evacuated"), (40, "injured")} <= figs
    assert not {f for f in figs if f[0] in (14, 12)}


def test_a_figure_does_not_quote_the_count_of_places_inside_its_clause() -> None:
    facts = extract_source(make_source("More than 80,000 people in 14 provinces have been affected."))
    [fig] = facts.figures
    assert (fig.value, fig.category) == (80000, "affected")
    assert "14 provinces" not in fig.text


def test_a_count_in_a_relative_clause_does_not_take_the_main_clause_date() -> None:
    text = ("On Monday, the agency issued fresh advice for travellers returning from the region, where "
            "the outbreak has claimed more than 4,000 lives. On Tuesday, floods killed 40 people in the valley.")
    facts = extract_source(make_source(text, published=dt.date(2014, 10, 29)))
    dates = {f.value: f.date for f in facts.figures}
    assert dates[4000] is None
    assert dates[40] == dt.date(2014, 10, 28)


def test_a_breakdown_opening_a_bracket_counts_even_when_the_rest_is_a_long_list() -> None:
    figs = _figures("Fourteen of the reported cases were lethal (8 in Chile and one in each of Peru, Bolivia "
                    "and Ecuador). About 40 people died (the youngest aged 3).")
    assert {(14, "killed"), (8, "killed"), (40, "killed")} <= figs
    assert (3, "killed") not in figs


def test_a_shortened_figure_text_is_still_exactly_its_cited_words() -> None:
    text = "More than 80,000 people in 14 provinces have been affected."
    facts = extract_source(make_source(text))
    [fig] = facts.figures
    assert text[fig.citations[0].start:fig.citations[0].end] == fig.text


@pytest.mark.parametrize("text,expected", [
    ("A tank crew killed a Varnese reporter near the border in October, an inquiry found.", {(1, "killed")}),
    ("A policewoman was shot dead outside the station in Karsa on Monday.", {(1, "killed")}),
    ("Gunmen killed a young farmer and wounded 12 people at the market.", {(1, "killed"), (12, "injured")}),
    ("A bomb killed a man and injured two children in the square.", {(1, "killed"), (2, "injured")}),
    ("Rebels abducted an aid worker on the road to Tarvo.", {(1, "detained")}),   # as "abducted 3 aid workers"
    # traps: no singular person after the article, or the verb is not this one's
    ("The storm killed a number of cattle and damaged 40 homes.", set()),
    ("A reporter was told to leave the town before the vote.", set()),
    ("A man who was killed in the 2019 floods is buried here.", set()),
])
def test_one_victim_is_counted_by_its_article(text, expected):
    """"Killed a reporter" is one person killed, though no number is written."""
    found = {f for f in _figures(text) if f[0] in (1, 2, 12)}
    assert found == expected
