"""General rules for sources in French, Spanish, German and Portuguese, each read from made-up
sentences: organisations after a kind noun, places a sentence or an office opens, linked place
names, speakers behind an honorific, a role noun or a first name, signed posts, and counts after
the noun of what was done to people."""
from __future__ import annotations

import datetime as dt

from briefgen.extract import extract_source
from briefgen.model import Source


def facts(text: str, lang: str):
    return extract_source(Source(id="s1", path="a.txt", text=text, language=lang, published=dt.date(2026, 3, 4)))


def test_a_name_after_a_german_kind_noun_is_the_organisation_not_the_noun():
    f = facts("Nach Angaben der Hochwasserbehörde Vorn stieg der Fluss weiter. Die Daten von Vorn "
              "zeigen das. Wie die Nachrichtenagentur KNA-P berichtete, kamen Helfer aus dem Süden.", "de")
    assert {o.name for o in f.organizations} >= {"Vorn", "KNA-P"}
    assert not any("behörde" in o.name or "agentur" in o.name for o in f.organizations)


def test_a_french_kind_noun_names_an_acronym_after_it():
    f = facts("Selon la chaîne TVR, les secours sont arrivés mardi à Lisière.", "fr")
    assert "TVR" in {o.name for o in f.organizations}


def test_a_sentence_opening_with_its_locative_still_marks_the_place_after_it():
    f = facts("In Kravetsk im Norden des Landes suchten Helfer die ganze Nacht nach Überlebenden.", "de")
    assert "Kravetsk" in {p.name for p in f.places}


def test_a_place_name_linked_by_a_short_lowercase_particle_is_a_place():
    f = facts("Na cidade de Tappeh-e Nur, o hospital ficou danificado.", "pt")
    assert "Tappeh-e Nur" in {p.name for p in f.places}


def test_the_place_a_public_office_serves_is_a_place_too():
    f = facts("La préfecture du Haut-Vorne a publié un bilan dans la nuit.", "fr")
    assert "préfecture du Haut-Vorne" in {o.name for o in f.organizations}
    assert "Haut-Vorne" in {p.name for p in f.places}


def test_a_french_honorific_before_a_surname_links_it_to_the_person():
    f = facts("Le ministre Paul Ferrand est arrivé mardi. M. Ferrand a précisé que la digue était "
              "«fragilisée par trois jours de pluie continue», selon la préfecture.", "fr")
    assert {q.speaker for q in f.quotes} == {"Paul Ferrand"}


def test_a_pronoun_after_a_role_noun_of_a_named_person_is_that_person():
    f = facts("Le ministre de l'Intérieur Paul Ferrand s'est rendu à Lisière. Il a été accueilli par le "
              "maire, Jean Morel. Le seuil d'alerte est "
              "passé au rouge, a annoncé le ministre. Cette mesure comprend «la fermeture des routes "
              "le long de la rivière jusqu'à nouvel ordre», a-t-il poursuivi.", "fr")
    assert {q.text[:12]: q.speaker for q in f.quotes}["la fermeture"] == "Paul Ferrand"


def test_a_lone_first_name_after_a_speech_verb_is_the_person_named_in_full():
    f = facts("El director, Abebe Tesfaye Gebremariam, habló el lunes. \"Las vacunas llegarán en dos "
              "semanas a todas las regiones del país\", ha vaticinado Abebe.", "es")
    assert [q.speaker for q in f.quotes] == ["Abebe Tesfaye Gebremariam"]
    assert [p.name for p in f.people] == ["Abebe Tesfaye Gebremariam"]
    assert "Abebe" not in f.people[0].aliases  # a first name is never a name to merge people by


def test_the_signature_of_an_embedded_post_names_a_person():
    f = facts("Nuestros pensamientos están con los heridos. — Marta Lindqvist (@mlindqvist) 1 de marzo "
              "de 2026 La policía cerró la estación.", "es")
    assert "Marta Lindqvist" in {p.name for p in f.people}


def test_a_count_after_the_noun_of_what_was_done_to_people_takes_its_category():
    f = facts("La policía investiga el apuñalamiento de cuatro personas en la estación de Lisk.", "es")
    assert [(x.value, x.category) for x in f.figures] == [(4, "injured")]
    f = facts("La policía investiga el caso de cuatro personas en la estación de Lisk.", "es")
    assert not f.figures
