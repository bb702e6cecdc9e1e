"""What each dated event is: a kind of `EventKind`, read from its clause with the word lists of
`data/event_kinds.toml`, plus who acts and where (people, organisations and places of the facts
named in the clause).

A kind is a claim the brief then makes in the reader's language (render/event_lines.py), so an
event is typed only when its clause clearly says what it is: the kind word must stand outside
quoted speech, the clause must not deny, cancel or hedge it ("the meeting was cancelled", "a
potential ceasefire"), and the first event word of the clause decides ("a statement about the
flood" is a statement; "a vigil for the victims of the attack" is a vigil, which no kind covers,
so the event stays untyped). Untyped events keep their source clause, verbatim: never wrong.

Runs after both event rule chains (extract/events.py for the languages read word by word,
lang/plug.py's sentences for ru/uk/ar), on the facts, so one rule types them all.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from ..model import EVENT_KINDS, Citation, Event, Facts
from . import text as T
from .story import DATA, folds_safely, lexicon as story_lexicon, word_pattern

# Kinds whose line names who acts ("UN Security Council: meeting"); the hazards have no actor.
ACTOR_KINDS = frozenset({"statement", "meeting", "talks", "decision", "deployment", "evacuation", "appeal",
                         "aid_delivery", "arrest", "ceasefire", "rescue", "report"})
# Quoted speech: a speaker's words are not the record (a clause cut inside a quote runs to its end).
_QUOTED = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)')


@dataclass(frozen=True)
class KindWords:
    """One language's kind patterns (in tie-break order), the words of events outside the kinds,
    the words that make a clause unclear, and the phrases taken out before those are looked for."""

    kinds: tuple[tuple[str, re.Pattern], ...]
    any_kind: re.Pattern      # all kinds' words in one tree: where the first kind word starts
    other: re.Pattern
    unclear: re.Pattern
    blank: re.Pattern | None


@functools.cache
def kind_words(language: str = "en", lowered: bool = False) -> KindWords | None:
    """The language's patterns. With `lowered`, twins made of the lowercased words that do not
    ignore case: on lowercased ASCII text they match where the others do on the text, about twice
    as fast; None when that would not hold (story.folds_safely). `blank` is not twinned (it edits
    the text)."""
    table = tomllib.loads((DATA / "event_kinds.toml").read_text(encoding="utf-8"))
    clitics = tomllib.loads((DATA / "event_types.toml").read_text(encoding="utf-8"))["clitics"].get(language, [])

    def words_of(entry: dict[str, list[str]]) -> list[str]:
        # A language without its own list is read with the English one (as event_types.toml).
        words = entry.get(language) or entry["en"]
        return [w.lower() for w in words] if lowered else words

    kind_lists = [(name, words_of(words)) for name, words in table.items() if name in EVENT_KINDS]
    other, unclear = words_of(table["other"]), words_of(table["not"])
    if lowered:
        if not folds_safely([*clitics, *other, *unclear, *(w for _, words in kind_lists for w in words)]):
            return None
        clitics = [c.lower() for c in clitics]
    case = not lowered
    kinds = tuple((name, word_pattern(words, clitics, case)) for name, words in kind_lists)
    blank = table["blank"].get(language)
    any_kind = word_pattern([w for _, words in kind_lists for w in words], clitics, case)
    return KindWords(kinds, any_kind, word_pattern(other, clitics, case), word_pattern(unclear, clitics, case),
                     word_pattern(blank) if blank and not lowered else None)


def clause_kind(clause: str, language: str = "en") -> str | None:
    """The kind of event a clause clearly names, or None."""
    words = kind_words(language)
    text = _QUOTED.sub(" ", clause)
    text = story_lexicon(language).other_senses.sub(" ", text)   # "heart attack", "trade war"
    if words.blank:
        text = words.blank.sub(" ", text)
    lowered = kind_words(language, True) if T.case_plain(text) else None
    if lowered is not None:  # the same answers, from the faster twins (positions are kept)
        words, text = lowered, text.lower()
    if words.unclear.search(text):
        return None
    # One scan finds where the first kind word starts (a kind pattern matches there iff the tree
    # does); the kinds are then tried only at that place, in tie-break order: the same kind as the
    # earliest of ~30 searches over the whole clause.
    found = words.any_kind.search(text)
    if found is None:
        return None
    start = found.start()
    name = next(name for name, pattern in words.kinds if pattern.match(text, start))
    other = words.other.search(text)
    return None if other and other.start() < start else name


def _first_named(names, span: Citation, text: str, line: str) -> str | None:
    """The name whose mention comes first inside the event's cited span and is in its line (the
    clause is wider than the line it gives: a name outside the line is not what the line is about)."""
    hits = [(c.start, item.name) for item in names for c in item.citations
            if c.source == span.source and span.start <= c.start and c.end <= span.end and text[c.start:c.end] in line]
    return min(hits)[1] if hits else None


def type_event(event: Event, facts: Facts, language: str) -> None:
    """Sets the event's kind, actor and place when its clause names a kind; leaves it as it is else."""
    if event.kind is not None or not event.citations:
        return                                     # typed already (by hand, or a facts file re-read)
    kind = clause_kind(event.description, language)
    if kind is None:
        return
    span = event.citations[0]
    source = facts.source(span.source)
    text = source.text if source else ""
    actor = _first_named([*facts.people, *facts.organizations], span, text, event.description) \
        if kind in ACTOR_KINDS else None
    event.kind, event.actor, event.place = kind, actor, _first_named(facts.places, span, text, event.description)


def run(facts: Facts, language: str) -> None:
    for event in facts.events:
        type_event(event, facts, language)
