"""The bottom line is generated or a clean clause, never a raw fragment."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("description, ok", [
    ("Parliament will vote on an emergency budget", True),
    ("The dam on the Tavra River failed", True),
    ("She said on local radio that the water was rising", False),     # pronoun without its referent
    ("NAIROBI Heavy rains swept away two bridges", False),             # dateline glued to the first word
    ("Forcing families to leave their homes", False),                  # a participle, not a subject
    ("Rescuers pulled survivors from the rubble of the", False),       # cut off mid-phrase
    ("Talks", False),                                                   # not a sentence
])
def test_the_bottom_line_repeats_only_clauses_that_read_alone(description, ok):
    from briefgen.compose import reads_alone

    assert reads_alone(description) is ok


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
                           Figure(value=40, text="40 people (field count)", category="killed", source="analyst")])
    killed = [f for f in compose(facts).figures if f.category == "killed"]
    assert [f.value for f in killed] == [40]
