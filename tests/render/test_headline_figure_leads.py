"""Which count of a category leads the page when the headline and the lead give several."""
from __future__ import annotations

from briefgen.compose import compose
from briefgen.model import Citation, Facts, Figure, Source, Story

HEADLINE = "Flood toll in the delta reaches 212"
TEXT = ("Flood toll in the delta reaches 212\n\n"
        "Rescue teams said 14 more people died on Tuesday as the water kept rising. "
        "The overall toll in the delta now stands at 212, officials said.")


def _figure(value: int, words: str) -> Figure:
    start = TEXT.index(words, 40)
    return Figure(value=value, text=words, category="killed", lead=True,
                  citations=[Citation(source="s1", start=start, end=start + len(words))])


def test_the_headlines_own_count_leads_its_category_before_an_earlier_lead_sentence():
    facts = Facts(sources=[Source(id="s1", path="a.txt", title=HEADLINE, text=TEXT)],
                  stories=[Story(source="s1", type="flood", headline=HEADLINE)],
                  figures=[_figure(14, "14 more people died"), _figure(212, "212")])
    assert [f.value for f in compose(facts).figures][:1] == [212]


def test_a_thousands_mark_in_the_headline_still_names_the_count():
    headline = "Flood toll in the delta reaches 1.212"
    text = TEXT.replace("212", "1.212")
    start_small, start_big = text.index("14 more"), text.rindex("1.212")
    facts = Facts(sources=[Source(id="s1", path="a.txt", title=headline, text=text)],
                  stories=[Story(source="s1", type="flood", headline=headline)],
                  figures=[Figure(value=14, text="14 more", category="killed", lead=True,
                                  citations=[Citation(source="s1", start=start_small, end=start_small + 7)]),
                           Figure(value=1212, text="1.212", category="killed", lead=True,
                                  citations=[Citation(source="s1", start=start_big, end=start_big + 5)])])
    assert [f.value for f in compose(facts).figures][:1] == [1212]
