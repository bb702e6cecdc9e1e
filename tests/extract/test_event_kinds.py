"""Each event's kind, read from its clause in every language briefgen reads, and the clauses that
stay untyped (denied, cancelled, hedged, quoted, or about an event no kind covers). Sentences
written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract import extract_source
from briefgen.extract.event_kinds import clause_kind
from briefgen.model import Event, Facts, Source


@pytest.mark.parametrize("language, clause, expected", [
    ("en", "A strong earthquake shook the coastal towns before dawn", "earthquake"),
    ("en", "The health ministry issued a statement on the cholera outbreak", "statement"),
    ("en", "Foreign ministers met in Vienna to discuss the crisis", "meeting"),
    ("en", "Authorities ordered the evacuation of three riverside districts", "evacuation"),
    ("en", "The Red Cross appealed for 2 million dollars", "appeal"),
    ("en", "Police arrested four men near the border", "arrest"),
    ("fr", "Un séisme a secoué le nord de l'île dans la nuit", "earthquake"),
    ("fr", "Le ministère a publié un communiqué sur la situation", "statement"),
    ("fr", "Les habitants du quartier ont été évacués par les pompiers", "evacuation"),
    ("fr", "L'armée a déployé deux bataillons dans la région", "deployment"),
    ("es", "Las inundaciones anegaron decenas de casas en el valle", "flood"),
    ("es", "Los cancilleres celebraron una reunión de urgencia en Lima", "meeting"),
    ("es", "La policía detuvo a tres sospechosos del robo", "arrest"),
    ("pt", "Um deslizamento de terra atingiu o bairro durante a madrugada", "landslide"),
    ("pt", "O governo decretou luto oficial de três dias", "decision"),
    ("pt", "Os bombeiros retomaram o resgate das vítimas", "rescue"),
    ("de", "Ein Erdbeben der Stärke 5 erschütterte die Insel", "earthquake"),
    ("de", "Die Regierung verhängte eine Ausgangssperre über die Stadt", "decision"),
    ("de", "Hunderte Bewohner wurden in der Nacht evakuiert", "evacuation"),
    ("ru", "Наводнение затопило несколько сел на юге области", "flood"),
    ("ru", "Министр выступил с заявлением о ситуации в регионе", "statement"),
    ("ru", "Жителей трех домов эвакуировали после взрыва газа", "evacuation"),
    ("ru", "Президент провел встречу с губернатором", "meeting"),
    ("uk", "Ракетний удар пошкодив дві школи в місті", "air_strike"),
    ("uk", "Рятувальники продовжують розбирати завали", "rescue"),
    ("uk", "Поліція затримала підозрюваного у підпалі", "arrest"),
    ("ar", "ضرب زلزال قوي المدينة فجر الأحد", "earthquake"),
    ("ar", "وأصدرت الوزارة بيانا حول الوضع في المخيمات", "statement"),
    ("ar", "وتواصلت عمليات إجلاء السكان من الأحياء المنكوبة", "evacuation"),
    ("ar", "وشنت الطائرات غارات على أطراف البلدة", "air_strike"),
    ("ar", "وبدأت القوات عملياتها العسكرية في ريف المحافظة", "armed_clashes"),
    ("es", "Los combates se intensificaron en la frontera", "armed_clashes"),
])
def test_the_kind_of_an_event_is_read_from_its_clause(language, clause, expected):
    assert clause_kind(clause, language) == expected


@pytest.mark.parametrize("language, clause, expected", [
    # The first event word names the event: a statement about a flood is a statement.
    ("en", "A statement about the flood was read out on state radio", "statement"),
    ("en", "Floods cut off the valley, the ministry said in a statement", "flood"),
    ("fr", "Un communiqué sur les inondations a été publié", "statement"),
    ("de", "Eine Erklärung zum Erdbeben wurde verlesen", "statement"),
    ("ru", "Заявление о наводнении опубликовал губернатор", "statement"),
    ("ar", "بيان حول الفيضانات صدر عن المحافظة", "statement"),
    # A drone attack is an air strike before it is an attack.
    ("ru", "В результате атаки дронов пострадали два человека", "air_strike"),
])
def test_the_first_event_word_of_the_clause_decides(language, clause, expected):
    assert clause_kind(clause, language) == expected


@pytest.mark.parametrize("language, clause", [
    ("en", "The meeting was cancelled because of the storm warnings"),
    ("en", "The ministers did not meet as planned"),
    ("en", "Diplomats were hopeful about a potential ceasefire"),
    ("fr", "La réunion prévue à Genève a été annulée"),
    ("es", "La reunión fue aplazada hasta nuevo aviso"),
    ("pt", "A reunião com os ministros foi cancelada"),
    ("de", "Das Treffen der Minister wurde abgesagt"),
    ("ru", "Встреча министров была отменена"),
    ("uk", "Засідання уряду перенесли на наступний тиждень"),
    ("ar", "تم تأجيل الاجتماع إلى الأسبوع المقبل"),
    ("en", "The army has stopped all military operations in the city"),
    ("de", "Die Armee hat die Militäroperation beendet"),
])
def test_a_denied_cancelled_stopped_or_hedged_event_stays_untyped(language, clause):
    assert clause_kind(clause, language) is None


@pytest.mark.parametrize("language, clause", [
    ("en", 'The mayor told reporters: "the earthquake destroyed everything"'),
    ("fr", "Le maire a déclaré : « le séisme a tout détruit »"),
    ("de", "Der Bürgermeister sagte: „Das Erdbeben hat alles zerstört“"),
    ("ru", "Мэр сказал: «землетрясение разрушило всё»"),
])
def test_an_event_word_in_quoted_speech_types_nothing(language, clause):
    assert clause_kind(clause, language) is None


@pytest.mark.parametrize("language, clause", [
    ("en", "Hundreds attended a vigil for the victims of the attack"),
    ("fr", "Les obsèques des victimes de l'attentat ont eu lieu à Nice"),
    ("uk", "У місті попрощалися з загиблими внаслідок ракетного удару"),
    ("en", "The minister was taken to hospital after a heart attack"),
    ("de", "Die Feuerwehr kämpft seit Tagen gegen die Flammen"),
])
def test_a_clause_about_an_event_no_kind_covers_stays_untyped(language, clause):
    assert clause_kind(clause, language) is None


def test_an_at_least_count_in_russian_is_not_a_negation():
    assert clause_kind("В результате наводнения погибли не менее 10 человек", "ru") == "flood"


def test_extraction_types_an_event_with_its_actor_and_place():
    text = ("Red Cross sends aid to Nepal\n\n"
            "KATHMANDU — The International Committee of the Red Cross appealed on Monday for help for the "
            "families of Pokhara. A strong earthquake struck Pokhara on Sunday, officials said.")
    facts = extract_source(Source(id="s1", path="s1.txt", text=text, published=dt.date(2026, 3, 4)))
    by_kind = {e.kind: e for e in facts.events}
    assert by_kind["appeal"].actor == "International Committee of the Red Cross"
    assert by_kind["earthquake"].place == "Pokhara"
    assert by_kind["earthquake"].actor is None    # a hazard has no actor


def test_a_facts_file_from_before_event_kinds_still_loads():
    facts = Facts.model_validate({"events": [{"date": "2026-03-01", "description": "The dam failed"}]})
    assert facts.events[0].kind is None and facts.events[0].actor is None and facts.events[0].place is None
    assert Event(description="x", kind="evacuation").kind == "evacuation"
