"""Claims: "X said that Y" is an event line attributed to X (`Event.said_by`), not a plain fact.

The speaker is a named person or organisation (never the outlet spoken TO, a place or words
inside quote marks), a pronoun's person, a country that is the whole subject, or a party
(data/claim_parties.txt); generic sourcing ("officials said", "police said") gives no speaker.
Sentences written for these tests; every story is read as published on Thursday 8 December 2016.
"""
from __future__ import annotations

import pytest

from briefgen.extract import extract_source
from briefgen.model import Event, Facts

from .conftest import make_source


def _events(text: str) -> list[Event]:
    return extract_source(make_source("Report from the region\n\n" + text)).events


def _line(text: str, words: str) -> Event:
    [event] = [e for e in _events(text) if words in e.description.lower()]
    return event


@pytest.mark.parametrize("first,second,pronoun,speaker", [
    ("Mr Peter Kamau, the camp manager,", "Ms Grace Otieno of the water board", "She", "Grace Otieno"),
    ("Ms Grace Otieno of the water board", "Mr Peter Kamau, the camp manager,", "He", "Peter Kamau"),
])
def test_a_pronoun_after_a_man_and_a_woman_is_the_one_of_its_gender(first, second, pronoun, speaker):
    text = (f"{first} met {second} in Kisumu on Monday. "
            f"{pronoun} said on Tuesday that the camps had run out of clean water after the pumps failed.")
    assert _line(text, "clean water").said_by == speaker


@pytest.mark.parametrize("text,words,speaker", [
    # a named person at the head; the outlet spoken TO is never the speaker
    ("Interior Minister Amadou Sall said on Tuesday that the rebels had withdrawn from the northern towns "
     "of Kora and Beli.", "withdrawn", "Amadou Sall"),
    ("Defence Minister Ana Ruiz told Reuters on Tuesday that the army had retaken the bridge over the Lenta "
     "river.", "bridge", "Ana Ruiz"),
    # "according to" at the head and at the tail; a party named by its noun
    ("According to the ministry, the ceasefire took hold on Monday in all three provinces of the east.",
     "ceasefire", "the ministry"),
    ("Rebel fighters pulled out of the market town of Kora on Monday, according to the army.", "kora", "the army"),
    # between commas; a spokesman speaks for the party before his title
    ("Fighting around the airport stopped on Monday, the defence ministry said, although residents reported "
     "more gunfire overnight.", "airport", "the defence ministry"),
    ("The militants blew up the only bridge into the valley on Monday, an army spokesman said.", "bridge",
     "an army spokesman"),
    # a named organisation at the tail; a country that is the whole subject
    ("The road to the camps reopened on Wednesday, the World Food Programme said in a statement.", "road",
     "World Food Programme"),
    ("Ghana said on Tuesday it was preparing to send 300 soldiers to join the peacekeeping mission.",
     "300 soldiers", "Ghana"),
])
def test_an_attributed_line_is_its_speakers_claim(text, words, speaker):
    event = _line(text, words)
    assert event.said_by == speaker
    assert " said" not in event.description and "according" not in event.description.lower()


@pytest.mark.parametrize("text,words", [
    ("At least 14 people were killed when the bus overturned on Monday, officials said.", "bus overturned"),
    ("Gunmen opened fire on a crowded market in the north of the city on Sunday, police said.", "market"),
    ("Floods swept away 200 homes in the delta on Monday, state media said.", "homes"),
    ("About 3,000 families received food parcels on Tuesday, a news release said.", "food parcels"),
    ("Eleven miners were rescued from the flooded shaft on Monday, a witness said.", "miners"),
])
def test_generic_sourcing_of_a_report_has_no_claim_speaker(text, words):
    assert _line(text, words).said_by is None


def test_a_place_in_the_attribution_is_never_the_speaker():
    text = "Officials in Kano said on Monday that twelve people had died in the flooding along the river."
    assert _line(text, "twelve people").said_by is None


def test_a_claim_inside_a_quote_is_not_recorded_as_the_quoted_partys():
    text = ('"The army said on Monday that it had left the town, but nobody believes it," the mayor told '
            'reporters. The mayor visited the shelters on Wednesday with two aid workers.')
    speakers = {e.said_by for e in _events(text)}
    assert "The army" not in speakers and "the army" not in speakers


def test_a_plain_fact_has_no_speaker():
    assert _line("The river burst its banks on Monday and flooded three districts of the capital.",
                 "burst").said_by is None


def test_facts_files_without_said_by_still_load_and_said_by_is_in_the_schema():
    old = {"events": [{"date": "2016-12-05", "description": "The dam failed", "citations": []}]}
    assert Facts.model_validate(old).events[0].said_by is None
    assert "said_by" in Facts.model_json_schema()["$defs"]["Event"]["properties"]


def test_he_said_after_a_claim_naming_someone_is_the_earlier_speaker_not_the_one_named():
    text = ("Presidential spokesman Omar Diallo briefed reporters in the capital. Diallo said the president "
            "had ordered the army to help. President Ibrahim Keita himself was to visit the flooded towns on "
            "Sunday, he said.")
    assert _line(text, "visit").said_by == "Omar Diallo"
