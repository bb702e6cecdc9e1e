"""The one sentence splitter (briefgen/sentences.py) in every script briefgen reads: the English
rules, and the stops, capitals and quote marks of the other languages."""
from __future__ import annotations

from briefgen.sentences import sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_an_arabic_question_mark_ends_a_sentence():
    text = "هل وصلت المساعدات؟ قال المسؤول إنها وصلت صباح اليوم."
    assert split(text) == ["هل وصلت المساعدات؟", "قال المسؤول إنها وصلت صباح اليوم."]


def test_an_arabic_full_stop_ends_a_sentence_though_arabic_has_no_capitals():
    text = "غرق القارب قرب الساحل. وأنقذ الصيادون عشرة أشخاص."
    assert split(text) == ["غرق القارب قرب الساحل.", "وأنقذ الصيادون عشرة أشخاص."]


def test_a_cyrillic_capital_opens_a_sentence_but_an_abbreviation_before_lowercase_does_not():
    text = "Паром затонул вечером. Спасены 1,2 тыс. человек, сообщили власти."
    assert split(text) == ["Паром затонул вечером.", "Спасены 1,2 тыс. человек, сообщили власти."]
    text = "Mr. Kerry met Gen. Smith and J. Doe in the U.S. on Monday. They spoke."  # English as before
    assert split(text) == ["Mr. Kerry met Gen. Smith and J. Doe in the U.S. on Monday.", "They spoke."]


def test_a_sentence_opening_with_a_guillemet_or_an_accented_capital_is_a_new_sentence():
    text = "Le pont a cédé mardi. « Nous avons tout perdu », a dit un habitant. Évacués, ils attendent."
    assert split(text) == ["Le pont a cédé mardi.", "« Nous avons tout perdu », a dit un habitant.",
                           "Évacués, ils attendent."]

