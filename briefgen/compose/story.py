"""The story: what most sources say happened, and where."""
from __future__ import annotations

import re

from briefgen.compose.cite import Citer
from briefgen.model import BriefStory, Facts

MAIN_PLACE_CANDIDATES = 8


def story(facts: Facts, cite: Citer) -> BriefStory:
    """What most sources say happened (a crisis type beats "none"), where most of those say it
    happened, from the earliest of them; the newest one's headline."""
    stories = [s for s in facts.stories if s.source in cite.sources]
    if not stories:
        return BriefStory()
    order = {source_id: i for i, source_id in enumerate(cite.sources)}
    stories.sort(key=lambda s: order[s.source])
    typed = [s.type for s in stories if s.type != "none"]
    kind = max(typed, key=lambda t: (typed.count(t), -typed.index(t))) if typed else "none"
    chosen = [s for s in stories if s.type == kind] or stories
    places = [s.place for s in chosen if s.place]
    place = max(places, key=lambda p: (places.count(p), -places.index(p))) if places else None
    with_place = next((s for s in chosen if s.place == place), chosen[0])
    dates = [s.date for s in chosen if s.date]
    return BriefStory(type=kind, hazard=next((s.hazard for s in chosen if s.hazard), None), place=place,
                      country=with_place.country, date=min(dates) if dates else None,
                      headline=chosen[-1].headline)


def main_place(facts: Facts) -> tuple[str | None, str | None]:
    """The place the sources talk about most: mentions in the texts, then citations. Only the
    places cited by the most sources compete: counting every place's mentions in every text
    of a 10,000-article archive would take minutes, and a place few sources cite is not the
    story's main place anyway."""
    if not facts.places:
        return None, None
    by_sources = sorted(facts.places, key=lambda p: (-len({c.source for c in p.citations}), p.name))
    candidates = by_sources[:MAIN_PLACE_CANDIDATES]
    corpus = "\n\n".join(s.text for s in facts.sources)   # a name never spans two texts

    def weight(place) -> tuple[int, int]:
        return _mentions(place.name, corpus), len(place.citations)

    best = max(candidates, key=weight)
    return best.name, best.country


def _mentions(name: str, text: str) -> int:
    """How often `name` stands as a whole word or phrase in `text` (what `\\bname\\b` finds).
    A pattern that starts with the name's letters lets the regex engine search for them as a
    literal, many times faster than one starting with \\b; the boundary before is checked here."""
    if not name:
        return 0
    pattern = re.compile(re.escape(name) + r"\b")
    before_word = bool(_WORD.match(name[0]))
    count = 0
    for match in pattern.finditer(text):
        start = match.start()
        prev_word = start > 0 and bool(_WORD.match(text[start - 1]))
        if prev_word != before_word:   # \b before a word character: a non-word one (or the start) before it
            count += 1
    return count


_WORD = re.compile(r"\w")
