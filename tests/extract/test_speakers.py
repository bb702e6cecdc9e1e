"""Who said a quote: same and next sentence, appositions, pronouns, role nouns, listeners.

Every sentence here was written for these tests; the traps are the failure patterns seen on
real articles (the outlet a speaker talks to taken as the speaker, a pronoun sent to the wrong
person, a title kept on the name, an unnamed speaker given someone else's name).
"""
from __future__ import annotations

import pytest

from briefgen.extract import extract_source

from .conftest import make_source


def _speaker(text: str, starts: str) -> str | None:
    facts = extract_source(make_source(text))
    hits = [q for q in facts.quotes if q.text.startswith(starts)]
    assert hits, [q.text for q in facts.quotes]
    return hits[0].speaker


@pytest.mark.parametrize("text,starts,speaker", [
    # "X told <outlet>": X speaks, the outlet never
    ('"The bridge is gone and the village is cut off," Amina Yusuf told Reuters.', "The bridge", "Amina Yusuf"),
    ('Leila Haddad, a nurse at the clinic, worked all night.\n\n'
     '"We ran out of bandages by dawn," she told Al Jazeera from the border.', "We ran out", "Leila Haddad"),
    ('Police chief Omar Farouk said the roads were blocked.\n\n'
     '"The phone lines are down across the valley," he told Kandor.', "The phone lines", "Omar Farouk"),
    # an apposition between the quote and its verb
    ('"The water came at night and took everything," Tomas Kral, head of the regional fire service, '
     'told the BBC.', "The water came", "Tomas Kral"),
    ('"We cannot reach the northern villages," the UN humanitarian coordinator Ruth Awino said in a statement.',
     "We cannot reach", "Ruth Awino"),
    # two single closing marks close a double quote
    ('“The tweets were meant to confuse voters,’’ Ines Carvalho, director of the watchdog group Clear Count, '
     'told the BBC.', "The tweets were meant", "Ines Carvalho"),
    # "quoted X as saying": X speaks, not the agency quoting
    ('The state news agency reported the clash on Monday.\n\n'
     '"The situation is under control," the agency quoted Governor Ivan Sorokin as saying.',
     "The situation is under", "Ivan Sorokin"),
    # "according to Name" names a source
    ('According to Ahmed Barre, "the water is still rising in the lower town."', "the water is still", "Ahmed Barre"),
    # the next sentence names the speaker
    ('"We have nothing left to eat. The children are sick." Ahmed Barre said on Monday.',
     "We have nothing", "Ahmed Barre"),
    # a title is not part of the name
    ('"Schools in the county will stay shut this week," State Sen. Maria Lopez said.', "Schools in", "Maria Lopez"),
    ('"We condemn this attack on our crew in the strongest terms," Globe Editor-in-Chief Rosa Lind said.',
     "We condemn", "Rosa Lind"),
    # role nouns resolve to the nearest compatible mention
    ('The Health Ministry opened three field hospitals on Tuesday.\n\n'
     '"Supplies are arriving by road and by air," a spokesman for the ministry said.', "Supplies are", "Health Ministry"),
    ('The World Food Programme warned of shortages in the camps.\n\n'
     '"Our stocks will run out within weeks," the agency said.', "Our stocks", "World Food Programme"),
    ('Mayor Ines Duval visited the shelters on Sunday. Rescue teams worked through the night.\n\n'
     '"Nobody will be left behind in this town," the mayor said.', "Nobody will", "Ines Duval"),
    # a lone name in the attribution slot is a person, and not the previous paragraph's speaker
    ('"The situation is dire and getting worse," the charity\'s director, Sarah Jones, told Reuters.\n\n'
     '"There is no water left in the camp," Ahmed said.', "There is no water", "Ahmed"),
    # "but said": the subject is the one before the first quote
    ('After the meeting, Defence Minister Lena Brandt told reporters she was waiting for "a clear answer," '
     'but said "we are close to a deal."', "we are close", "Lena Brandt"),
    # "she" after an unnamed spokeswoman is her organisation's voice, not the governor's named before
    ('Governor Musa Dangana toured the flooded districts.\n\n'
     'A spokeswoman for the Red Cross said teams had reached three villages. "The needs are enormous," she said.',
     "The needs are", "Red Cross"),
    # "he" skips a woman named first in the sentence before
    ('Ms Lena Ortiz met Mr Karl Brandt in Vienna on Monday.\n\n"We agreed on nothing at all," he said.',
     "We agreed on nothing", "Karl Brandt"),
    # a pronoun after a named speaker, past a quote running over two paragraphs
    ('Dr. Sara Okoye, who runs the district hospital, said the wards were full.\n\n'
     '"Every bed is taken. Patients lie in the corridors.\n\n'
     '"We have asked for tents and for more staff," she added.', "We have asked", "Sara Okoye"),
])
def test_quote_credited_to_its_speaker(text: str, starts: str, speaker: str) -> None:
    assert _speaker(text, starts) == speaker


@pytest.mark.parametrize("text,starts", [
    # an unnamed speaker stays unnamed
    ('"I lost everything I owned in one night," said one woman in the queue.', "I lost everything"),
    # "she" never goes to a man, even the only person named
    ('Mr Omar Haddad, the mayor, opened the shelter on Sunday.\n\n"There are not enough blankets," she said.',
     "There are not enough"),
    # an unnamed resident talking to a radio station
    ('Governor Musa Dangana toured the flooded districts.\n\n'
     '"It is chaos here and nobody has come," one resident told Radio Kura.', "It is chaos"),
    # "he" after an unnamed speaker is that speaker, not the governor named before
    ('Governor Paul Amadi toured the camp on Friday.\n\n'
     'One of the residents, who gave no name, said the food had run out.\n\n'
     '"We have had nothing for three days," he said.', "We have had nothing"),
    # "the president" is not the former president named before
    ('Former president Ivan Petrov criticised the plan in a speech.\n\n'
     '"We will not give up an inch of our land," the president said.', "We will not give up"),
    # a quote that is the object of a phrase ('remarks" by X') is not X's attribution
    ('The envoy condemned the "reckless and dangerous remarks" by Tariq Osman, who had said earlier that '
     'talks were over.', "reckless and dangerous"),
    # a person named as someone's relation is not the speaker
    ('Ahmed Barre, a farmer, lost his house in the flood.\n\n'
     '"We found nothing but mud," Barre\'s brother told reporters.', "We found nothing"),
    # the listener is never the speaker, even when it is a person
    ('"The road to the coast is open again," the governor told Ana Ruiz, a reporter for a local paper.',
     "The road to the coast"),
])
def test_quote_without_a_named_speaker_stays_unattributed(text: str, starts: str) -> None:
    assert _speaker(text, starts) is None


def test_name_given_only_in_quote_marks_is_the_speaker() -> None:
    text = ('A teacher, who asked to be identified only as "Samir," said the school was hit twice.\n\n'
            '"The roof fell in on the classroom," he said.')
    assert _speaker(text, "The roof fell") == "Samir"


@pytest.mark.parametrize("text,outlet", [
    ('"The count is still rising in the east," Khalid Noor told Radio Sawt al-Nas.', "Radio Sawt al-Nas"),
    ('"The airport will stay closed for days," CNN reported.', "CNN"),
    ('"We did not expect the river to rise so fast," Nadia Ferhat told Channel 4 News.', "Channel 4 News"),
])
def test_outlet_never_credited_with_a_quote(text: str, outlet: str) -> None:
    facts = extract_source(make_source(text))
    assert facts.quotes
    assert all(q.speaker is None or outlet.split()[0] not in q.speaker for q in facts.quotes)


def test_person_named_by_title_keeps_title_as_role() -> None:
    facts = extract_source(make_source('"The levee held," State Sen. Maria Lopez said on Tuesday.'))
    people = {p.name: p.role for p in facts.people}
    assert "Maria Lopez" in people and "Sen" in (people["Maria Lopez"] or "")


@pytest.mark.parametrize("text,words", [
    ("The island lies on the Pacific \"Ring of Fire\", where plates meet.", "Ring of Fire"),
    ("'Rising waters'\n\nThe river rose two metres overnight, officials said.", "Rising waters"),
    ("The account later went back to the name \"Party Press Office\" and its old logo.", "Party Press Office"),
])
def test_names_and_headings_in_quote_marks_are_no_quotes(text: str, words: str) -> None:
    assert all(q.text != words for q in extract_source(make_source(text)).quotes)


def test_short_scare_quote_with_a_speaker_stays() -> None:
    facts = extract_source(make_source('The rights group called the deaths "a very worrying development."'))
    assert any(q.text.startswith("a very worrying development") for q in facts.quotes)


def test_hyphenated_title_is_the_role() -> None:
    facts = extract_source(make_source('"We condemn this attack," Globe Editor-in-Chief Rosa Lind said on Friday.'))
    assert {p.name: p.role for p in facts.people}.get("Rosa Lind") == "Globe Editor-in-Chief"


@pytest.mark.parametrize("text,name,role", [
    ('"The roads are cut," Karsa district police chief Ilyas Moran told reporters.', "Ilyas Moran",
     "Karsa district police chief"),
    ('"We are stretched thin," said Lt. Col. Dara Venn, a spokesman for the peacekeeping force.', "Dara Venn",
     "Lt. Col., spokesman for the peacekeeping force"),
])
def test_role_kept_whole(text: str, name: str, role: str) -> None:
    assert {p.name: p.role for p in extract_source(make_source(text)).people}.get(name) == role


def test_name_that_its_points_back_to_is_an_organisation() -> None:
    text = ("Norvale is known for its low prices. Norvale on Thursday cut its forecast for the year, citing "
            "\"a very uncertain market for the months ahead\".")
    facts = extract_source(make_source(text))
    assert "Norvale" in [o.name for o in facts.organizations]
    assert "Norvale" not in [p.name for p in facts.people]
    assert [q.speaker for q in facts.quotes] == ["Norvale"]


def test_a_role_noun_no_known_role_fits_is_the_one_person_named_just_before() -> None:
    text = ('Marta Ilves has said the talks must go on. The Estonian prime minister told reporters on Monday '
            'that any deal would need "guarantees that both sides can live with".')
    facts = extract_source(make_source(text))
    assert [q.speaker for q in facts.quotes] == ["Marta Ilves"]
    assert facts.quotes[0].speaker_found == "role_noun"
    assert {p.name: p.role for p in facts.people}["Marta Ilves"] == "Estonian prime minister"


@pytest.mark.parametrize("text", [
    # two people named just before: the role noun cannot choose
    'Marta Ilves met Jonas Berg on Sunday. The prime minister told reporters the deal needs "guarantees for all".',
    # the one person named has another role already
    'Mayor Marta Ilves spoke first. The prime minister told reporters the deal needs "guarantees for all".',
])
def test_a_role_noun_stays_unresolved_when_no_single_person_fits(text: str) -> None:
    assert _speaker(text, "guarantees") is None


@pytest.mark.parametrize("text,name,role", [
    # a role with a prepositional tail before the name's comma
    ("An engineer at the city's water treatment plant, Sara Lind, told reporters the pumps had failed.",
     "Sara Lind", "engineer at the city's water treatment plant"),
    ("A spokesman for the regional hospital, Tomas Rehn, said the wards were full.",
     "Tomas Rehn", "spokesman for the regional hospital"),
    # a bystander's word as title says less than the apposition after the name: both are kept
    ("Witness Ali Demir, a 40-year-old farmer, said the gunmen came at night.", "Ali Demir", "Witness, farmer"),
])
def test_role_phrases_around_the_name(text: str, name: str, role: str) -> None:
    people = {p.name: p.role for p in extract_source(make_source(text)).people}
    assert people.get(name) == role


def test_a_clause_before_the_comma_is_no_role() -> None:
    text = "Troops reached the village in the hills, Anna Berg said on Monday."
    assert {p.name: p.role for p in extract_source(make_source(text)).people} == {"Anna Berg": None}
