"""The bottom line is generated from the story and the leading figures, in the brief's language:
whole sentences, never a source's clause, never two events in one."""
from __future__ import annotations

import datetime as dt

import pytest


def _facts(story: dict, figures: list[tuple[str, dict]], sources: int = 1):
    """Facts of `sources` copies of one made-up article, each giving every figure of `figures`
    ((words in the text, Figure fields)); the story is each source's reading."""
    from briefgen.model import Citation, Facts, Figure, Source, Story

    text = " ".join(words + "." for words, _ in figures) or "Nothing was counted."
    ids = [f"s{n}" for n in range(1, sources + 1)]
    facts = Facts(sources=[Source(id=i, path=f"{i}.txt", text=text, outlet=f"Outlet {i}",
                                  published=dt.date(2026, 4, 17)) for i in ids],
                  stories=[Story(source=i, **story) for i in ids])
    for words, fields in figures:
        start = text.index(words)
        facts.figures.append(Figure(text=words, **fields, independent=sources, agreement=sources,
                                    citations=[Citation(source=i, start=start, end=start + len(words)) for i in ids]))
    return facts


def _said(facts, lang: str) -> list[str]:
    import html
    import re

    from briefgen.compose import compose
    from briefgen.render import prepare
    from briefgen.render.bottom_line_text import bottom_line_sentences

    phrases = prepare("default").localize(lang).phrases
    # Tags dropped, and Babel's no-break spaces read as spaces ("April\u00a016", "1 200").
    return [" ".join(html.unescape(re.sub(r"<[^>]*>", "", str(text))).split())
            for text, _marks in bottom_line_sentences(compose(facts).bottom_line, phrases)]


QUAKE = {"type": "earthquake", "place": "Harrow Vale", "date": dt.date(2026, 4, 16)}
QUAKE_FIGURES = [
    ("At least 587 people were killed", {"value": 587, "approx": True, "qualifier": "at least",
                                         "category": "killed", "lead": True}),
    ("155 people are still missing", {"value": 155, "category": "missing"}),
    ("The 1998 tremor killed 2,000 people", {"value": 2000, "category": "killed", "scope": "context",
                                            "scope_reason": "another_event"}),
]


@pytest.mark.parametrize("lang, expected", [
    ("en", ["An earthquake struck in Harrow Vale on April 16, 2026.",
            "As of April 17, 2026, 3 sources report at least 587 people killed and 155 people missing."]),
    ("fr", ["Un séisme s'est produit à Harrow Vale le 16 avril 2026.",
            "Au 17 avril 2026, selon 3 sources : au moins 587 personnes tuées et 155 personnes disparues."]),
    ("ar", ["وقع زلزال في Harrow Vale يوم 16 أبريل 2026.",
            "حتى 17 أبريل 2026، وبحسب 3 مصادر: مقتل ما لا يقل عن 587 شخصاً وفقدان 155 شخصاً."]),
    ("ru", ["16 апреля 2026 г. в Harrow Vale произошло землетрясение.",
            "На 17 апреля 2026 г., по данным 3 источников: погибли не менее 587 человек и пропали без вести 155 человек."]),
])
def test_a_quake_bottom_line_says_what_struck_where_and_when_then_its_leading_tolls(lang, expected):
    # The 1998 toll is another event's: never in the bottom line, never merged with this one's.
    assert _said(_facts(QUAKE, QUAKE_FIGURES, sources=3), lang) == expected


@pytest.mark.parametrize("lang, sources, expected", [
    ("ru", 1, "по данным 1 источника:"), ("ru", 2, "по данным 2 источников:"),
    ("ru", 5, "по данным 5 источников:"), ("ar", 1, "وبحسب مصدر واحد:"), ("ar", 2, "وبحسب مصدرين:"),
    ("ar", 3, "وبحسب 3 مصادر:"), ("ar", 11, "وبحسب 11 مصدرًا:"), ("en", 1, "one source reports"),
])
def test_the_number_of_sources_agrees_with_its_noun(lang, sources, expected):
    assert expected in _said(_facts(QUAKE, QUAKE_FIGURES[:1], sources=sources), lang)[1]


def test_a_toll_of_one_takes_the_singular():
    facts = _facts(QUAKE, [("One man was killed", {"value": 1, "category": "killed", "group": "men"})])
    assert _said(facts, "ru")[1].endswith(": погиб 1 мужчина.")


FLOOD = {"type": "flood", "place": "the Orrin basin", "date": dt.date(2026, 4, 15)}
FLOOD_FIGURES = [("Tens of thousands of people fled the rising water",
                  {"value": 10000, "approx": True, "vague": "tens of thousands", "category": "displaced", "lead": True})]


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Floods struck in the Orrin basin on April 15, 2026.",
            "As of April 17, 2026, one source reports tens of thousands of people displaced."]),
    ("fr", ["Des inondations se sont produites à the Orrin basin le 15 avril 2026.",
            "Au 17 avril 2026, selon une source : des dizaines de milliers de personnes déplacées."]),
    ("ar", ["وقعت فيضانات في the Orrin basin يوم 15 أبريل 2026.",
            "حتى 17 أبريل 2026، وبحسب مصدر واحد: نزوح عشرات الآلاف من الأشخاص."]),
    ("ru", ["15 апреля 2026 г. в the Orrin basin произошло наводнение.",
            "На 17 апреля 2026 г., по данным 1 источника: перемещены десятки тысяч людей."]),
])
def test_a_vague_figure_keeps_its_words_and_no_number_is_made_up(lang, expected):
    said = _said(_facts(FLOOD, FLOOD_FIGURES), lang)
    assert said == expected
    assert "10" not in said[1].replace("17", "").replace("2026", "")


NEWS = {"type": "none", "place": "Harrow Vale", "date": dt.date(2026, 4, 16),
        "headline": "Harrow Vale council approves the new bridge"}


@pytest.mark.parametrize("lang, expected", [
    ("en", ["As of April 17, 2026, one source reports 1,200 people evacuated."]),
    ("fr", ["Au 17 avril 2026, selon une source : 1 200 personnes évacuées."]),
    ("ar", ["حتى 17 أبريل 2026، وبحسب مصدر واحد: إجلاء 1,200 شخص."]),
    ("ru", ["На 17 апреля 2026 г., по данным 1 источника: эвакуированы 1 200 человек."]),
])
def test_a_story_with_no_crisis_event_says_its_headline_fact_only(lang, expected):
    figures = [("1,200 people were evacuated from the old bridge", {"value": 1200, "category": "evacuated", "lead": True}),
               ("40 people were injured", {"value": 40, "category": "injured"})]
    said = _said(_facts(NEWS, figures), lang)
    assert said == expected            # no event sentence, no headline clause, one figure


def test_a_story_with_no_crisis_event_and_no_people_count_has_no_bottom_line():
    from briefgen.compose import compose

    facts = _facts(NEWS, [("The bridge cost 40 million", {"value": 40, "category": "other"})])
    assert compose(facts).bottom_line is None
    assert _said(facts, "en") == []


def test_quotes_of_substance_come_before_fragments():
    from briefgen.compose import quote_substance
    from briefgen.model import BriefQuote

    def q(text, role=None):
        return BriefQuote(id=text[:8], text=text, speaker="A. Speaker", role=role)

    fragment = q("A real tragedy", role="Mayor")
    figure = q("We have counted 312 families without shelter in the valley", role="Mayor")
    decision = q("We will open three more shelters before the weekend", role="Governor")
    plain = q("It was a very long night for everyone in the town")
    assert quote_substance(fragment) == 0
    assert quote_substance(figure) > quote_substance(decision) > quote_substance(plain) > quote_substance(fragment)


@pytest.mark.parametrize("words, expected", [
    ("upwards of", "more_than"), ("Well over", "more_than"), ("close to", "nearly"), ("at most", "up_to"),
    ("as many as", "up_to"), ("an estimated", "about"), ("an additional", None), ("", None),
])
def test_every_qualifier_extract_reads_has_one_typed_value(words, expected):
    from briefgen.extract.figure_words import QUALIFIER_RE
    from briefgen.model import qualifier_of

    assert qualifier_of(words) == expected
    listed = QUALIFIER_RE.pattern.split("(?P<q>")[1].split(")")[0].split("|")
    from briefgen.model import QUALIFIER_OF
    assert set(listed) <= set(QUALIFIER_OF), set(listed) - set(QUALIFIER_OF)


def test_upwards_of_is_printed_as_more_than():
    from briefgen.compose import compose
    from briefgen.model import Citation, Facts, Figure, Source

    text = "Upwards of 300 people were killed."
    facts = Facts(sources=[Source(id="s1", path="a.txt", text=text)],
                  figures=[Figure(value=300, approx=True, qualifier="upwards of", text="Upwards of 300 people",
                                  category="killed", citations=[Citation(source="s1", start=0, end=21)])])
    assert compose(facts).figures[0].qualifier == "more_than"


def test_the_analysts_own_figure_stands_for_its_category():
    from briefgen.compose import compose
    from briefgen.model import Citation, Facts, Figure, Source

    text = "At least 31 people were killed in the floods, officials said on Tuesday."
    facts = Facts(sources=[Source(id="s1", path="a.txt", text=text)],
                  figures=[Figure(value=31, qualifier="at least", approx=True, text="At least 31 people",
                                  category="killed", lead=True, citations=[Citation(source="s1", start=0, end=18)]),
                           Figure(value=40, text="40 people (field count)", category="killed", origin="analyst")])
    killed = [f for f in compose(facts).figures if f.category == "killed"]
    assert [f.value for f in killed] == [40]
