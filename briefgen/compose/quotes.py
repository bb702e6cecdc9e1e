"""Quotes: who said what (a quote without a speaker stays in the facts), and what a quote brings."""
from __future__ import annotations

import re

from briefgen.compose.cite import MAX_ITEM_MARKS, Citer
from briefgen.compose.ids import item_id
from briefgen.model import BriefQuote, Facts

_NUMBER_IN_QUOTE = re.compile(r"\d|\b(?:hundreds?|thousands?|millions?|dozens?|tens)\b", re.I)
_DECISION_WORDS = re.compile(r"\b(?:will|must|need|needs|urge|urged|call on|calls on|appeal|decided|ordered|"
                             r"declared?|announce[ds]?|deploy\w*|evacuat\w*|suspend\w*|warn\w*|expect\w*|"
                             r"fear\w*|risk\w*|worst|critical|catastroph\w*|crisis|emergency)\b", re.I)
MIN_QUOTE_WORDS = 6


def quotes(facts: Facts, cite: Citer) -> list[BriefQuote]:
    roles = {p.name.lower(): p.role for p in facts.people if p.role}
    found = []
    for quote in facts.quotes:
        if not quote.speaker or not cite.citable(quote):
            continue  # "who said what" without a who: kept in the facts, not worth a line of the brief
        found.append(BriefQuote(
            id=item_id("quote", quote.speaker, quote.text), text=quote.text, speaker=quote.speaker,
            # The people list is where an analyst fixes a role, so it wins over the quote's own.
            role=roles.get((quote.speaker or "").lower()) or quote.role, language=quote.language,
            date=quote.date, marks=cite.fact_marks(quote, MAX_ITEM_MARKS)))
    return found


def quote_substance(quote: BriefQuote) -> int:
    """What a quote brings to the page: a speaker with a role (an official, an agency), a figure,
    a decision or an assessment; a fragment of a few words ("a tragedy") brings little."""
    words = len(quote.text.split())
    if words < MIN_QUOTE_WORDS:
        return 0
    return (1 + bool(quote.role) + 2 * bool(_NUMBER_IN_QUOTE.search(quote.text))
            + bool(_DECISION_WORDS.search(quote.text)))
