"""An untyped timeline or what-next line is its source's words: in another language than the brief's
it is shown verbatim with its language marked (`lang` and the same tag quotes carry), never mixed
in. (A typed event's line is generated in the brief's language: test_event_lines.py.)"""
from __future__ import annotations

import re

import pytest

from briefgen.model import TimelineEntry
# The seed brief and its bare HTML, as the quote tests render them (`brief` is their fixture).
from tests.render.test_locale_quotes import THEMES, brief, html  # noqa: F401

FRENCH_LINE = "Les secours ont évacué le quartier inondé"


def _lines(page: str, section: str) -> list[str]:
    block = re.search(rf'<section class="{section}">(.*?)</section>', page, re.S)
    assert block, f"no {section} section"
    return re.findall(r"<li data-item=.*?</li>", block.group(1), re.S)


@pytest.mark.parametrize("theme", THEMES)
def test_english_event_lines_in_a_french_brief_carry_lang_en_and_the_en_tag(brief, theme):
    assert brief.timeline and brief.next
    page = html(brief, "fr", theme)
    for section in ("what-happened", "what-next"):
        for line in _lines(page, section):
            assert '<bdi lang="en" dir="ltr">' in line
            assert '<abbr class="lang-tag" title="anglais">(EN)</abbr>' in line


def test_a_french_source_event_in_an_english_brief_of_english_sources_is_marked_french(brief):
    first = brief.timeline[0]
    number = first.marks[0].number
    sources = [s.model_copy(update={"language": "fr"}) if s.number == number else s for s in brief.sources]
    line = TimelineEntry(id=first.id, date=first.date, description=FRENCH_LINE, marks=first.marks[:1])
    page = html(brief.model_copy(update={"timeline": [line], "sources": sources}), "en")
    [shown] = _lines(page, "what-happened")
    assert f'<bdi lang="fr" dir="ltr">{FRENCH_LINE}</bdi>' in shown
    assert '<abbr class="lang-tag" title="French">(FR)</abbr>' in shown
