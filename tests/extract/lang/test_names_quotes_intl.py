"""People, organisations, places and quotes in Russian, Ukrainian and Arabic sentences of our own."""
from __future__ import annotations

from briefgen.extract.lang import names_ar, names_cyrillic, quotes_intl


def _by_kind(found, kind):
    return {n.name: n for n in found if n.kind == kind}


def test_russian_person_after_a_role_is_named_in_the_nominative_with_the_role():
    text = ("Об этом сообщил мэр Томска Иван Кляйн. Позже Кляйну доложили о пожаре. "
            "Губернатор поручил помочь семьям.")
    people = _by_kind(names_cyrillic.find(text, "ru"), "person")
    assert people["Иван Кляйн"].role == "мэр Томска"


def test_russian_inflected_name_printed_only_once_is_given_as_its_lemma():
    people = _by_kind(names_cyrillic.find("Он доложил президенту Владимиру Путину о ситуации.", "ru"), "person")
    assert "Владимир Путин" in people


def test_ukrainian_place_in_any_case_is_cited_under_its_nominative():
    text = "Удар по Харкову. У Харкові загинули двоє людей. Харків знову під обстрілом."
    places = _by_kind(names_cyrillic.find(text, "uk"), "place")
    assert len(places["Харків"].mentions) == 3


def test_place_after_a_place_noun_and_the_stops_of_a_route():
    text = "Автобус ехал по маршруту Оймякон — Томтор — Хандыга. В поселке Тикси спасатели работали."
    places = _by_kind(names_cyrillic.find(text, "ru"), "place")
    assert {"Оймякон", "Томтор", "Хандыга", "Тикси"} <= set(places)


def test_capital_abbreviations_are_organisations_unless_listed_as_not():
    orgs = _by_kind(names_cyrillic.find("Как сообщили в МЧС, СМИ узнали об этом от BBC News.", "ru"), "org")
    assert "МЧС" in orgs and "BBC News" in orgs and "СМИ" not in orgs


def test_ukrainian_surname_after_a_naming_phrase_with_the_role_before_it():
    people = _by_kind(names_cyrillic.find("Поліція затримала 40-річного водія на прізвище Ван.", "uk"), "person")
    assert "Ван" in people


def test_russian_quote_credited_through_a_pronoun_to_the_person_named_before():
    text = ("Губернатор области Петр Сомов посетил больницу. «Всем раненым оказывают помощь», — сказал он.")
    found = names_cyrillic.find(text, "ru")
    [q] = quotes_intl.find(text, "ru", found)
    assert q.speaker == "Петр Сомов" and text[q.start:q.end].startswith("Всем раненым")


def test_quote_with_no_person_behind_it_is_left_out():
    text = "«Поиски продолжаются», — передает агентство."
    assert quotes_intl.find(text, "ru", names_cyrillic.find(text, "ru")) == []


def test_arabic_places_from_the_gazetteer_through_clitics_and_after_place_nouns():
    text = "وصل المهاجرون إلى صقلية بعد أن غادروا بلدة زوارة، ثم توجه بعضهم لإيطاليا."
    places = _by_kind(names_ar.find(text), "place")
    assert {"صقلية", "زوارة", "إيطاليا"} <= set(places)


def test_arabic_adjective_with_the_article_is_not_a_place_noun_phrase():
    places = _by_kind(names_ar.find("قصفت الطائرات المدينة وريفها الشمالي."), "place")
    assert places == {}


def test_arabic_organisations_from_the_list_and_by_head_noun():
    text = "وقالت وزارة الصحة الفلسطينية إن الأمم المتحدة أرسلت مساعدات بحسب خفر السواحل الليبي."
    orgs = _by_kind(names_ar.find(text), "org")
    assert {"وزارة الصحة الفلسطينية", "الأمم المتحدة", "خفر السواحل الليبي"} <= set(orgs)


def test_arabic_people_by_first_name_after_a_role_and_after_a_naming_verb():
    text = ("وقال المتحدث باسم الشرطة خالد النمر إن البحث مستمر. وقالت المديرة الإقليمية لمنظمة الصحة العالمية "
            "مارغريت تشان في مؤتمر صحفي إن الوضع خطير. وروى شاب يدعى بيتر كوفي ما حدث.")
    people = _by_kind(names_ar.find(text), "person")
    assert {"خالد النمر", "مارغريت تشان", "بيتر كوفي"} <= set(people)
    assert "المديرة الإقليمية" in people["مارغريت تشان"].role


def test_arabic_quotes_by_surname_and_by_a_verb_with_no_subject():
    text = ('ونجا شاب يدعى سامي حداد من الحادث. وقال الحداد "رأينا الموج يرتفع فجأة". '
            'وأضاف "لم نعرف إلى أين نذهب".')
    found = names_ar.find(text)
    quotes = quotes_intl.find(text, "ar", found)
    assert [q.speaker for q in quotes] == ["سامي حداد", "سامي حداد"]


def test_russian_dialogue_line_opened_by_a_dash_is_a_quote():
    text = ("На месте работал начальник смены Андрей Лукин.\n"
            "— Мы вывели всех, кого смогли, — сказал Лукин.\n")
    found = names_cyrillic.find(text, "ru")
    [q] = quotes_intl.find(text, "ru", found)
    assert q.speaker == "Андрей Лукин" and text[q.start:q.end] == "Мы вывели всех, кого смогли"


def test_ukrainian_role_several_words_before_the_name():
    text = "Про це повідомив начальник Полтавської обласної військової адміністрації Філіп Пронін."
    people = _by_kind(names_cyrillic.find(text, "uk"), "person")
    assert people["Філіп Пронін"].role.startswith("начальник")


def test_arabic_first_name_followed_by_a_prepositional_phrase_is_no_person():
    people = _by_kind(names_ar.find("ولم يعد الماء في القرية صالحا للشرب، وقال سامي للصحفيين إن الوضع صعب."), "person")
    assert people == {}
