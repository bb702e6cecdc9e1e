"""One rule chain, a lexicon per language: the document's language picks the lists the rules read."""
from __future__ import annotations

import datetime as dt

from briefgen.extract import extract_source, lexicon
from briefgen.extract.doc import Doc
from briefgen.model import Source


def source(text: str, lang: str) -> Source:
    return Source(id="s1", path="a.txt", text=text, language=lang, published=dt.date(2025, 2, 4))


def test_lists_are_read_in_the_documents_language():
    with lexicon.reading("fr"):
        assert lexicon.months()["février"] == 2 and "mardi" in lexicon.weekdays()
    with lexicon.reading("en"):
        assert "février" not in lexicon.months()


def test_a_language_without_data_is_read_with_the_english_lists():
    with lexicon.reading("it") as lang:
        assert lang == "en" and "said" in lexicon.speech_verbs()


def test_shared_name_lists_keep_the_english_names_in_every_language():
    with lexicon.reading("fr"):
        assert lexicon.known_orgs()["ICRC"] == "International Committee of the Red Cross"


def test_german_quotes_open_low_and_close_with_the_high_mark():
    text = "Der Sprecher sagte: „Wir bleiben hier.“ Danach fuhr er zurück in die Stadt."
    doc = Doc.build(text, "s1", lang="de")
    assert [text[q.start:q.end] for q in doc.quotes] == ["Wir bleiben hier."]


def test_a_quote_keeps_the_language_of_its_source():
    text = "« Nous resterons ici jusqu'au bout », a déclaré mardi le maire, Paul Ferrand."
    facts = extract_source(source(text, "fr"))
    assert facts.quotes and all(q.language == "fr" for q in facts.quotes)
