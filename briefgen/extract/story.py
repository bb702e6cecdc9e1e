"""The story of one source: its main event (a type of the taxonomy), main place and date.

Read from where a news text says what it is about: the headline first, then the lead (the
opening sentences) and the dateline. A type wins by the words of `data/event_types.toml` it
has there, the headline's counting three times the lead's; a story needs one headline word or
two lead words, or it is "none" (business, sport, politics). The main place is the one the
headline names (the most specific when it names several), else the dateline's, else the
lead's first, else the most mentioned. Figures the headline or lead state are marked `lead`:
the page leads with them (compose).
"""
from __future__ import annotations

import dataclasses
import functools
import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..model import EVENT_TYPES, Facts, Figure, Place, Source, Story
from . import text as T

DATA = Path(__file__).resolve().parent / "data"
LEAD_CHARS = 600              # the lead: the opening sentences, up to about this many characters
HEADLINE_WEIGHT = 3
MIN_SCORE = 2                 # one headline word, or two in the lead


@dataclass(frozen=True)
class Lexicon:
    """One language's event-type patterns (in tie-break order) and disease names."""

    types: tuple[tuple[str, re.Pattern], ...]
    diseases: tuple[tuple[str, re.Pattern], ...]
    any_disease: re.Pattern              # all of them in one pattern: one search per text, not forty
    other_senses: re.Pattern          # "trade war": blanked before the types are matched
    accidents: tuple[tuple[str, re.Pattern], ...]
    type_words: tuple[tuple[str, tuple[str, ...]], ...] = ()   # the words `types` are made of
    clitics: tuple[str, ...] = ()
    type_starts: re.Pattern | None = None  # where a word of some type starts (`_type_counts`)
    disease_keys: tuple[str, ...] | None = None  # `key_words` of the disease names


def word_pattern(words: list[str], clitics: list[str] | tuple[str, ...] = (), ignore_case: bool = True) -> re.Pattern:
    """One case-insensitive pattern for a word list: "flood*" matches any ending, a lone "*" any one
    word ("over the past * years"), others whole words. `clitics` are what a language writes
    onto the front of a word (Arabic "al-", "wa-", "bi-": الغارات, وفرار): a word may carry one."""
    front = "(?:" + "|".join(sorted(map(re.escape, clitics), key=len, reverse=True)) + ")?" if clitics else ""
    entries = sorted(((word, _entry(word)) for word in words), key=lambda pair: len(pair[1]), reverse=True)
    return re.compile(r"(?<!\w)" + front + _grouped(entries), re.IGNORECASE if ignore_case else 0)


def _grouped(entries: list[tuple[str, str]]) -> str:
    """The alternation of the entries' patterns (each with the word it was made from), tried in
    the order given, written as a tree on their common letters: "(?:s(?:ince(?!\\w)...|eit...)|f...)".
    Why: `re` tries every alternative at every word start, and with IGNORECASE it cannot skip one
    on its first letter; as a tree, a letter that does not match rules out all the entries under it
    (a search of figure_scope.toml's 300 entries over a clause: 0.25 ms flat, ~x10 less as a tree).
    The first entry that matches is the same: entries under two letters never match at one place
    (the letters match no common character, `re` being the judge), the order under a letter is
    kept, and an entry whose next piece is not a letter (a space, "*", its end) stays in its place
    and splits the list there."""
    segments: list[dict[str, list[tuple[str, str]]]] = [{}]
    for word, entry in entries:
        first = word[:1]
        head = re.escape(first)
        if not first or first == "*" or not entry.startswith(head):
            segments += [{"": [("", entry)]}, {}]   # kept between the entries before and after it
            continue
        groups = segments[-1]
        key = next((k for k in groups if k and re.fullmatch(re.escape(k), first, re.IGNORECASE)), first)
        groups.setdefault(key, []).append((word[1:], entry[len(head):]))
    parts = []
    for groups in segments:
        for key, rests in groups.items():
            if not key:
                parts += [entry for _, entry in rests]
            elif len(rests) == 1:
                parts.append(re.escape(key) + rests[0][1])
            else:
                parts.append(re.escape(key) + _grouped(rests))
    return "(?:" + "|".join(parts) + ")"


def key_words(entries) -> tuple[str, ...] | None:
    """One lowercased word of each entry (its longest; a wildcard's "*" left off), for `may_match`.
    None when that test would not be exact: an entry with no word, or with a character outside
    ASCII that matches an ASCII letter when case is ignored ("ſ" matches "s")."""
    entries = list(entries)
    if not folds_safely(entries):
        return None
    keys = set()
    for entry in entries:
        words = [w.rstrip("*") for w in entry.split() if w.rstrip("*")]
        if not words:
            return None
        keys.add(max(words, key=len).lower())
    return tuple(keys)


def folds_safely(entries: list[str]) -> bool:
    """Whether no character of the entries outside ASCII matches an ASCII letter when case is
    ignored ("ſ" matches "s", "K" Kelvin "k"): then, on ASCII text, ignoring case is lowercasing."""
    odd = {ch for entry in entries for ch in entry if not ch.isascii()}
    return not any(re.fullmatch(re.escape(ch), a, re.IGNORECASE) for ch in odd for a in string.ascii_letters)


def may_match(keys: tuple[str, ...] | None, text: str) -> bool:
    """False only when no entry with these `key_words` can match in `text`, case ignored: on
    ASCII text (or text whose other characters are caseless, `T.case_plain`) a match holds its
    entry's key word, lowercased, in the lowercased text. A few substring tests instead of a
    pattern tried at every character."""
    if keys is None or not T.case_plain(text):
        return True
    low = text.lower()
    return any(k in low for k in keys)


def _entry(words: str) -> str:
    parts = []
    for word in words.split():
        if word == "*":
            parts.append(r"(?:\S+\s+)?")
        elif word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*\s+")
        else:
            parts.append(re.escape(word) + r"(?!\w)\s+")
    return "".join(parts)[:-3] if parts[-1].endswith(r"\s+") else "".join(parts)


@functools.cache
def lexicon(language: str = "en") -> Lexicon:
    table = tomllib.loads((DATA / "event_types.toml").read_text(encoding="utf-8"))
    clitics = table["clitics"].get(language, [])

    def words_of(entry: dict[str, list[str]]) -> list[str]:
        # A language without its own words for a type is read with the English ones.
        return entry.get(language) or entry["en"]

    def own_and_english(entry: dict[str, list[str]]) -> list[str]:
        # Disease names and "not" phrases: English ones are often printed as they are (COVID-19, Ebola).
        return list(dict.fromkeys(entry.get(language, []) + entry["en"]))

    type_words = tuple((name, tuple(words_of(words))) for name, words in table.items()
                       if name in EVENT_TYPES and name != "none")
    types = tuple((name, word_pattern(list(words), clitics)) for name, words in type_words)
    diseases = tuple((name, word_pattern([name], clitics)) for name in own_and_english(table["diseases"]))
    accidents = tuple((kind, word_pattern(words_of(words), clitics))
                      for kind, words in table["accident_kinds"].items())
    any_type = word_pattern([w for _, words in type_words for w in words], clitics)
    # every place one matches, overlaps included; None if a type could match nothing (then findall counts)
    type_starts = None if any(p.fullmatch("") for _, p in types) else re.compile(f"(?={any_type.pattern})",
                                                                               re.IGNORECASE)
    return Lexicon(types, diseases, word_pattern([name for name, _ in diseases], clitics),
                   word_pattern(own_and_english(table["not"])), accidents, type_words, tuple(clitics), type_starts,
                   key_words(name for name, _ in diseases))


@functools.cache
def _lowered_types(language: str) -> Lexicon | None:
    """The lexicon with twins of its type patterns (and `type_starts`) made of the lowercased words
    and matched with case: on lowercased ASCII text they give the matches the others give on the
    text (same starts and ends), about twice as fast. None when that would not hold: a character
    that folds onto ASCII (`folds_safely`), or no `type_starts`."""
    words = lexicon(language)
    if words.type_starts is None or not folds_safely([*words.clitics, *(w for _, ws in words.type_words for w in ws)]):
        return None
    clitics = [c.lower() for c in words.clitics]
    type_words = [(name, [w.lower() for w in ws]) for name, ws in words.type_words]
    types = tuple((name, word_pattern(ws, clitics, ignore_case=False)) for name, ws in type_words)
    any_type = word_pattern([w for _, ws in type_words for w in ws], clitics, ignore_case=False)
    return dataclasses.replace(words, types=types, type_starts=re.compile(f"(?={any_type.pattern})"))


def _disease_named(words: Lexicon, found: str) -> str:
    """The list's own spelling of a disease the text names ("EBOLA" -> "Ebola")."""
    return next((name for name, pattern in words.diseases if pattern.fullmatch(" ".join(found.split()))), found)


_SENTENCE_STOP_RE = re.compile(r"[.!?][\"'”’]?\s")


def lead_of(text: str) -> str:
    """The opening sentences: up to the first sentence end past LEAD_CHARS // 2, at most LEAD_CHARS."""
    head = text[:LEAD_CHARS]
    ends = [m.end() for m in _SENTENCE_STOP_RE.finditer(head) if m.end() >= LEAD_CHARS // 2]
    return head[:ends[0]] if ends else head


def event_type(headline: str, lead: str, language: str = "en") -> tuple[str, str | None]:
    """(type, hazard) of a headline and lead; ("none", None) when nothing names a crisis."""
    words = lexicon(language)
    headline, lead = words.other_senses.sub(" ", headline), words.other_senses.sub(" ", lead)
    disease = next((_disease_named(words, match.group()) for part in (headline, lead)
                    if may_match(words.disease_keys, part) and (match := words.any_disease.search(part))), None)
    scores: dict[str, int] = {}
    lowered = _lowered_types(language)
    in_headline, in_lead = (_type_counts(lowered, part.lower()) if lowered is not None and T.case_plain(part)
                            else _type_counts(words, part) for part in (headline, lead))
    for name, _ in words.types:
        score = HEADLINE_WEIGHT * in_headline[name] + in_lead[name]
        if score:
            scores[name] = score
    if disease:
        scores["epidemic"] = scores.get("epidemic", 0) + HEADLINE_WEIGHT
    order = {name: i for i, (name, _) in enumerate(words.types)}
    best = max(scores, key=lambda name: (scores[name], -order.get(name, 99)), default=None)
    if best is None or scores[best] < MIN_SCORE:
        return "none", None
    if best == "storm":
        named = next((m.group() for part in (headline, lead) for m in [_NAMED_STORM.search(part)] if m), None)
        return best, named
    if best == "accident":
        return best, next((kind for part in (headline, lead) for kind, pattern in words.accidents
                           if pattern.search(part)), None)
    return best, disease if best == "epidemic" else None


def _type_counts(words: Lexicon, text: str) -> dict[str, int]:
    """`len(pattern.findall(text))` of each type. Every match of a type starts where a word of
    some type matches, so one scan finds those places and each type's pattern is tried there
    only, as findall would (left to right, from the end of its last match): fifteen scans of
    the text, one character at a time, cost four times more."""
    if words.type_starts is None:
        return {name: len(pattern.findall(text)) for name, pattern in words.types}
    starts = [m.start() for m in words.type_starts.finditer(text)]
    counts = {}
    for name, pattern in words.types:
        n = pos = 0
        for at in starts:
            if at >= pos and (m := pattern.match(text, at)) is not None:
                n, pos = n + 1, m.end()
        counts[name] = n
    return counts


def _named_in(place: Place, text: str) -> int | None:
    if place.name not in text:
        return None                 # most places are not in a headline: no pattern needed
    # the first occurrence standing as a word of its own, as `(?<!\w)name(?!\w)` finds it (one
    # character is `\w` exactly when it is alphanumeric or "_"), without a pattern per place
    name, q = place.name, text.find(place.name)
    while q >= 0:
        end = q + len(name)
        if not (q and _word_char(text[q - 1])) and not (end < len(text) and _word_char(text[end])):
            return q
        q = text.find(name, q + 1)
    return None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def main_place(source: Source, places: list[Place], lead: str) -> Place | None:
    if not places:
        return None
    headline = source.title or ""
    in_headline = [p for p in places if _named_in(p, headline) is not None]
    if in_headline:
        # "Flooding in Assam, India": the place that is not the country itself is the more specific.
        return min(in_headline, key=lambda p: (_is_country(p), _named_in(p, headline)))
    if source.dateline:
        dateline = next((p for p in places if p.name.lower() == source.dateline.lower()), None)
        if dateline is not None:
            return dateline
    in_lead = [(at, p) for p in places if (at := _named_in(p, lead)) is not None]
    if in_lead:
        return min(in_lead, key=lambda pair: pair[0])[1]
    return max(places, key=lambda p: (len(p.citations), p.name))


def _is_country(place: Place) -> bool:
    from .gazetteer import country_name

    return bool(place.country) and country_name(place.country) == place.name


# "Tropical Storm Tembin", "Hurricane Maria", "Super Typhoon Haiyan": a storm's own name.
_NAMED_STORM = re.compile(r"\b(?:Super\s+)?(?:Tropical\s+Storm|Typhoon|Hurricane|Cyclone|Storm)\s+[A-Z][a-z]+\b")
_HEADLINE_NUMBER = re.compile(r"\d[\d,.]*")


def _numbers(text: str) -> set[float]:
    found = set()
    for token in _HEADLINE_NUMBER.findall(text):
        token = token.rstrip(".,").replace(",", "")
        try:
            found.add(float(token))
        except ValueError:
            continue
    return found


def stated_in_lead(figure: Figure, headline_numbers: set[float], lead_end: int) -> bool:
    return figure.value in headline_numbers or any(c.start < lead_end for c in figure.citations)


def tell(facts: Facts, source: Source) -> Story:
    """The story of `source` (whose facts are `facts`), its lead figures marked."""
    language = source.language or "en"
    lead = lead_of(source.text or "")
    kind, hazard = event_type(source.title or "", lead, language)
    place = main_place(source, facts.places, lead)
    headline_numbers = _numbers(source.title or "")
    for i, figure in enumerate(facts.figures):
        if stated_in_lead(figure, headline_numbers, len(lead)):
            facts.figures[i] = figure.model_copy(update={"lead": True})
    return Story(source=source.id, type=kind, hazard=hazard, place=place.name if place else None,
                 country=place.country if place else None, date=source.published, headline=source.title)
