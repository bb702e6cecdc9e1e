"""Random text never crashes extraction with anything but ExtractError, and every citation
stays inside the text."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import ExtractError
from briefgen.extract import extract_source
from briefgen.model import Source

WORDS = ['said', '"', "'", "“", "”", "‘", "’", "Mr", "Dr", "President", "John", "Smith", "killed", "at least",
         "10,000", "dozens", "of", "people", "on", "Monday", "in", "Aleppo", ",", ".", "\n", "including", "5",
         "children", "-", "Tuesday", "will", "meet", "the", "town", "of", "(CDC)", "Centers", "for", "he", "told",
         "tens of thousands", "al-Assad's", "1999", "6.2", "5-year-old", "December 5,", "2014", "who", ":"]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_random_text_never_crashes(text: str, published: dt.date | None) -> None:
    try:
        facts = extract_source(Source(id="s1", path="random.txt", text=text, published=published))
    except ExtractError:
        return
    for kind in ("people", "organizations", "places", "quotes", "figures", "events"):
        for fact in getattr(facts, kind):
            for c in fact.citations:
                assert c.source == "s1" and 0 <= c.start < c.end <= len(text)
    for f in facts.figures:
        assert text[f.citations[0].start:f.citations[0].end] == f.text
