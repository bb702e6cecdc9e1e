"""A timeline line whose event is someone's claim (`said_by`) is shown as theirs, through the
catalog ("…, the ministry said", "…, selon …"), the speaker's words kept verbatim; brief.json
carries the speaker. A line without one reads as before."""
from __future__ import annotations

import re

import pytest

import json

from briefgen.render.brief_json import brief_json
from briefgen.render import prepare
from tests.render.test_locale_events import _lines
# The seed brief and its bare HTML, as the quote tests render them (`brief` is their fixture).
from tests.render.test_locale_quotes import THEMES, brief, html  # noqa: F401

CLAIM = "The fighting around the airport had stopped"


def _claimed(brief, said_by: str | None = "the defence ministry"):
    first = brief.timeline[0]
    line = first.model_copy(update={"description": CLAIM, "said_by": said_by})
    return brief.model_copy(update={"timeline": [line] + brief.timeline[1:]})


def _text(line: str) -> str:
    return re.sub(r"<[^>]+>", "", re.sub(r"<sup.*?</sup>|<a .*?</a>", "", line, flags=re.S))


@pytest.mark.parametrize("theme", THEMES)
def test_the_english_brief_says_whose_claim_the_line_is(brief, theme):
    [shown] = [x for x in _lines(html(_claimed(brief), "en", theme), "what-happened") if CLAIM in x]
    assert f"{CLAIM}, the defence ministry said" in _text(shown)


@pytest.mark.parametrize("theme", THEMES)
def test_the_french_brief_says_selon_with_the_speaker_verbatim_in_english(brief, theme):
    [shown] = [x for x in _lines(html(_claimed(brief), "fr", theme), "what-happened") if CLAIM in x]
    assert (f'<bdi lang="en" dir="ltr">{CLAIM}</bdi>, selon '
            '<bdi lang="en" dir="ltr">the defence ministry</bdi>') in shown


def test_a_line_without_a_speaker_has_no_attribution(brief):
    [shown] = [x for x in _lines(html(_claimed(brief, None), "en"), "what-happened") if CLAIM in x]
    assert " said" not in _text(shown)


def test_a_speaker_with_markup_is_escaped(brief):
    [shown] = [x for x in _lines(html(_claimed(brief, "<b>Army</b>"), "en"), "what-happened") if CLAIM in x]
    assert "&lt;b&gt;Army&lt;/b&gt; said" in shown


def test_brief_json_gives_the_events_speaker(brief):
    out = json.loads(brief_json(_claimed(brief), prepare("default").localize("en")))
    assert out["events"][0]["said_by"] == "the defence ministry"
    assert all(e["said_by"] is None for e in out["events"][1:] if e["description"] != CLAIM)
