"""The facts model's typed vocabularies: categories, event types, kinds and statuses, date precision,
qualifiers, figure scope and how a speaker was found. `briefgen.model` re-exports every name.

The values are part of ../shared/design/FACTS.md's contract (tools outside the project read
them): add values freely, never rename one.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

Category = Literal[
    "killed", "injured", "missing", "displaced", "evacuated", "trapped", "refugees",
    "detained", "released", "affected", "in_need", "assisted", "other",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
EventStatus = Literal["past", "ongoing", "scheduled", "expected"]
# How closely an event's date is known: "on Monday" is a day; "last week", "over the weekend" a week;
# "in October", "last month" a month; "last year", "in 2011" a year. The date is then the first day of
# that stretch (a week's Monday, a weekend's Saturday, a month's 1st, a year's 1 January), so it stays
# an ISO date every reader of the contract can sort and compare.
DatePrecision = Literal["day", "week", "month", "year"]
# What a story is about (docs/story.md): the taxonomy of main events, "none" for a story with no
# crisis event (business, sport, politics).
EventType = Literal[
    "flood", "earthquake", "storm", "wildfire", "landslide", "drought", "epidemic", "armed_clashes",
    "air_strike", "attack", "mass_shooting", "protest", "displacement", "accident", "political_crisis", "none",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
# What one dated event is (docs/events.md): the story taxonomy's hazards and violence, plus what
# people and institutions do about them. A typed event's line is generated in the brief's
# language (render/event_lines.py); an event no kind fits keeps its source clause, verbatim.
EventKind = Literal[
    "flood", "earthquake", "storm", "wildfire", "landslide", "drought", "epidemic", "armed_clashes",
    "air_strike", "attack", "mass_shooting", "protest", "displacement", "accident",
    "statement", "meeting", "talks", "decision", "deployment", "evacuation", "appeal", "aid_delivery",
    "arrest", "ceasefire", "election", "rescue", "report",
]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]
# Who gave a fact: read from an article by the extractor, or added by hand by the analyst (in the
# facts file, `origin: analyst`). The brief marks the analyst's facts and never trims them first.
Origin = Literal["article", "analyst"]
ANALYST: Origin = "analyst"

# How a number is hedged, as the page prints it (through the catalogs); `qualifier_of` maps the
# words a source uses onto it. A figure keeps the source's words; the brief gets this type.
Qualifier = Literal["about", "more_than", "at_least", "up_to", "nearly", "fewer_than"]
_QUALIFIER_WORDS = Path(__file__).with_name("data") / "qualifier_words.toml"
# Arabic letters the extractor's lists write in one form: hamza carriers, alif maqsura, ta marbuta,
# and the short-vowel marks.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", **{chr(c): None for c in range(0x064B, 0x0653)}})


def _qualifier_key(words: str) -> str:
    return " ".join(words.lower().translate(_ARABIC_FOLD).split())


def _load_qualifier_words() -> dict[str, Qualifier | None]:
    table = tomllib.loads(_QUALIFIER_WORDS.read_text(encoding="utf-8"))
    known = set(Qualifier.__args__)  # type: ignore[attr-defined]
    return {_qualifier_key(word): (kind if kind in known else None)
            for language in table.values() for kind, words in language.items() for word in words}


# Every language's hedging words onto the brief's qualifier (data/qualifier_words.toml).
QUALIFIER_OF: dict[str, Qualifier | None] = _load_qualifier_words()


def qualifier_of(words: str | None) -> Qualifier | None:
    """The brief's qualifier for a source's words, in any language ("upwards of", "au moins",
    "Более" -> more_than, at_least, more_than); None for none or for words that hedge nothing."""
    return QUALIFIER_OF.get(_qualifier_key(words or ""))


# Whether a figure counts the story's own event, or is background: another time, event or place,
# a rate, a projection or capacity, a population (docs/story.md lists the reasons).
Scope = Literal["main", "context"]
ScopeReason = Literal["another_time", "another_event", "another_place", "rate", "projection", "population",
                      "cumulative"]

# How a quote's speaker was found (extract/quotes.py, speakers.py): named in the quote's own
# sentence, in a short attribution sentence right after it, through a "he/she" or a role noun ("the
# mayor said") resolved to the nearest fitting mention, or carried over from the quote next to it.
SpeakerFound = Literal["same_sentence", "next_sentence", "pronoun", "role_noun", "carried_over"]
