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


def people(text: str, lang: str) -> dict[str, str | None]:
    return {p.name: p.role for p in extract_source(source(text, lang)).people}


def speakers(text: str, lang: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_source(source(text, lang)).quotes}


def test_a_french_title_before_a_name_is_the_persons_role():
    found = people("Mardi, la ministre de la Santé Claire Duvernois a visité l'hôpital de Lisière.", "fr")
    assert found == {"Claire Duvernois": "ministre de la Santé"}


def test_a_spanish_role_before_the_comma_is_the_persons_role():
    found = people("La reunión fue convocada por el alcalde de la ciudad, Ramón Quintero Vidal.", "es")
    assert found == {"Ramón Quintero Vidal": "alcalde de la ciudad"}


def test_a_german_compound_role_names_the_person():
    found = people("Der bayerische Gesundheitsminister Klaus Berger besuchte am Montag die Klinik.", "de")
    assert found["Klaus Berger"].endswith("Gesundheitsminister")


def test_a_portuguese_role_after_the_comma_ends_before_its_clause():
    found = people("Marta Ribeiro Gomes, diretora do hospital regional que atendeu os feridos, pediu calma.", "pt")
    assert found == {"Marta Ribeiro Gomes": "diretora do hospital regional"}


def test_a_quote_goes_to_the_role_noun_of_a_person_named_before():
    text = ("O prefeito Carlos Mendes Lima visitou a escola na terça-feira. "
            "\"Vamos reconstruir tudo o que foi perdido\", disse o prefeito.")
    assert speakers(text, "pt") == {"Vamos reconstruir tudo o que foi perdido": "Carlos Mendes Lima"}


def test_an_inverted_french_verb_credits_the_person_named_before():
    text = ("Le préfet Julien Morvan a rencontré les familles. "
            "« Nous ne laisserons personne sans toit », a-t-il promis aux habitants.")
    assert speakers(text, "fr") == {"Nous ne laisserons personne sans toit": "Julien Morvan"}


def figures(text: str, lang: str) -> set[tuple]:
    return {(f.value, f.category, f.approx) for f in extract_source(source(text, lang)).figures}


def test_french_number_words_and_casualty_nouns_make_figures():
    assert figures("Selon la préfecture, l'explosion de l'usine a fait quatre morts et onze blessés.", "fr") \
        == {(4, "killed", False), (11, "injured", False)}


def test_a_german_vague_quantity_takes_the_policy_number():
    assert figures("Nach dem Sturm sind Hunderte Menschen obdachlos geworden.", "de") == {(100, "displaced", True)}


def test_a_spanish_toll_with_a_thousands_point_is_one_number():
    assert figures("Las víctimas mortales de la epidemia ascienden a 12.480, según el ministerio.", "es") \
        == {(12480, "killed", False)}


def test_a_portuguese_scale_word_multiplies_a_decimal():
    assert figures("Cerca de 3,5 mil pessoas ficaram desalojadas pela enchente.", "pt") == {(3500, "displaced", True)}


def test_ages_dates_clock_times_and_distances_are_no_figures():
    text = ("Le 14 mars, à 20 h 30, un conducteur de 45 ans a percuté un car à 30 kilomètres de Lisière, "
            "faisant deux blessés.")
    assert figures(text, "fr") == {(2, "injured", False)}


def event_dates(text: str, lang: str) -> set[str]:
    return {str(e.date) for e in extract_source(source(text, lang)).events}


def test_a_german_weekday_glued_to_a_time_of_day_is_dated():
    # published Tuesday 4 February 2025: "am Sonntagabend" is Sunday 2 February
    assert event_dates("Der Damm brach am Sonntagabend nach tagelangem Regen.", "de") == {"2025-02-02"}


def test_a_day_of_the_month_in_brackets_settles_the_weekday():
    # published Tuesday 4 February 2025: "quinta-feira (6)" is the Thursday after, not the one before
    text = "O governo anunciou que a ponte será reaberta na quinta-feira (6), após a vistoria."
    assert event_dates(text, "pt") == {"2025-02-06"}


def test_a_french_month_name_dates_an_event():
    assert event_dates("L'incendie s'est déclaré le 28 janvier dans un entrepôt du port.", "fr") == {"2025-01-28"}


def test_a_place_noun_names_a_place_the_gazetteer_does_not_know():
    facts = extract_source(source("Das Feuer erreichte am Abend die Insel Varnholm und zwei Dörfer.", "de"))
    assert [p.name for p in facts.places] == ["Varnholm"]


def test_a_public_office_and_the_place_it_serves_is_an_organisation():
    facts = extract_source(source("A Prefeitura de Lagoa Serena decretou luto oficial de três dias.", "pt"))
    assert "Prefeitura de Lagoa Serena" in [o.name for o in facts.organizations]


def test_an_organisation_goes_by_the_form_the_article_prints():
    facts = extract_source(source("La ONU pidió una tregua inmediata en la región.", "es"))
    assert [o.name for o in facts.organizations] == ["ONU"]
