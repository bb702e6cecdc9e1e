"""Scope of each figure: does it count the story's event (`main`) or is it background (`context`)?

A true number from another time, event or place, a rate, a projection or a population must
never lead the page. Each rule reads the figure's own clause (the sentence cut at commas,
semicolons, dashes and "while/but/whereas/despite", plus a short time phrase opening the sentence:
"In 2010, an earthquake killed 3,000") and returns a reason or None; the first reason wins.
Word lists are data (`data/figure_scope.toml`); the rules are small and ordered (`RULES`).
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Facts, Figure, Story
from . import text as T
from .lexicon import current, role_referents, speech_verbs
from .ruler import Ruler
from .story import folds_safely, lexicon, word_pattern

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Clause:
    """The words a figure's scope is read from, and what the rules need beside them."""

    text: str               # the figure's clause (lower-cased), with an opening time phrase
    before: str             # the clause's words before the figure (lower-cased)
    after: str              # the figure's words and the rest of its clause (lower-cased)
    published: dt.date | None
    story: Story
    country: str | None = None  # the country of the figure's own place, when the gazetteer knows it


@functools.cache
def _words(language: str = "en") -> dict:
    table = tomllib.loads((DATA / "figure_scope.toml").read_text(encoding="utf-8"))
    lang = lambda kind: table[kind].get(language) or table[kind]["en"]  # noqa: E731
    return {
        "rate": _yes_no_pattern(lang("rate")),
        "projection": word_pattern(lang("projection")),
        "not_after_modal": tuple(table["projection"]["not_after_modal"]),
        "population_before": re.compile(
            r"(?:" + "|".join(re.escape(w) for w in table["population"]["before"]) + r")(?:\s+\w+){0,2}\s*$"),
        "population": _yes_no_pattern(table["population"]["anywhere"]),
        "another_time": _yes_no_pattern(lang("another_time")),
        "cumulative": _yes_no_pattern(lang("cumulative")),
        "wider_area": word_pattern(lang("wider_area")),
    }


def _yes_no_pattern(words: list[str]) -> re.Pattern:
    """word_pattern(words) for a rule that only asks whether it matches: "* years earlier" is found
    exactly where "years earlier" is (the wildcard may match nothing), and without it `re` does
    not try a wildcard word before every word of the clause (x3 slower)."""
    return word_pattern([_without_leading_wildcards(w) for w in words])


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_SINCE_YEAR = re.compile(r"\bsince\s+(?:\w+\s+){0,2}(1[89]\d\d|20\d\d)\b")
_CLAUSE_BREAK = re.compile(r"[;:—–]|,|\s-\s|\b(?:while|whereas|but|although|though|despite)\b"
                           r"|\band\s+(?=(?:the|it|its|they|their|he|she|officials|authorities|a|an)\b)",
                           re.IGNORECASE)
# A short phrase opening the sentence ("In 2010,", "Two years earlier,") sets the time of all of it.
_OPENING_TIME = re.compile(r"\s*[^,;.]{2,40},")
# A sentence end: [.!?], closing marks and spaces before a capital or digit, or a line break.
# Written to open on one class, so `re` skips to a stop or a break in C (clause_of scans up to
# 1,500 characters back for every figure); the lookbehind picks the branch its character allows.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9]))")


# A sentence is read at most this far on either side of a figure: a 200 KB page with no full stop
# must not make every figure scan the whole page (quadratic time).
SENTENCE_WINDOW = 1_500


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts (read at most SENTENCE_WINDOW back)."""
    start = max(0, pos - SENTENCE_WINDOW)
    for match in _SENTENCE_END.finditer(text, start, pos):
        start = match.end()
    return start


def clause_of(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(the clause holding text[start:end] with an opening time phrase, its words before start,
    its words from start on)."""
    sentence_start = _sentence_start(text, start)
    limit = min(len(text), end + SENTENCE_WINDOW)
    stop = _SENTENCE_END.search(text, end, limit)
    sentence_end = stop.start() + 1 if stop else limit
    clause_start = sentence_start
    for match in _CLAUSE_BREAK.finditer(text, sentence_start, start):
        clause_start = match.end()
    brk = _CLAUSE_BREAK.search(text, end, sentence_end)
    clause_end = brk.start() if brk else sentence_end
    opening = ""
    if clause_start > sentence_start:
        opened = _OPENING_TIME.match(text, sentence_start, clause_start)
        opening = opened.group() if opened else ""
    return ((opening + " " + text[clause_start:clause_end]).lower(), text[clause_start:start].lower(),
            text[start:clause_end].lower())


def rate(c: Clause) -> str | None:
    # After the number: "500 people cross each day" (not "a month of conflict has displaced 413,000").
    return "rate" if _words(current())["rate"].search(c.after) else None


def population(c: Clause) -> str | None:
    if _words(current())["population_before"].search(c.before) or _words(current())["population"].search(c.text):
        return "population"
    return None


def projection(c: Clause) -> str | None:
    for match in _words(current())["projection"].finditer(c.text):
        after = c.text[match.end():].split()[:1]
        if after and after[0] in _words(current())["not_after_modal"]:
            continue            # "may have died": an uncertain report of what happened
        return "projection"
    return None


def cumulative(c: Clause) -> str | None:
    if _words(current())["cumulative"].search(c.text):
        return "cumulative"
    since = _SINCE_YEAR.search(c.text)
    if since and c.published and int(since.group(1)) < c.published.year:
        return "cumulative"     # "since 2011", "since September 2016": a crisis's total, not this event's
    return None


def another_time(c: Clause) -> str | None:
    if _words(current())["another_time"].search(c.text):
        return "another_time"
    if c.published is not None:
        for year in map(int, _YEAR.findall(c.text)):
            # A year before this one (January's article may still speak of last December).
            if year < c.published.year - (1 if c.published.month <= 2 else 0):
                return "another_time"
    return None


# Event types that go together: a storm's toll is given as "floods and landslides killed 164", a
# quake's as "the tsunami". A clause naming a type of another family names another event.
FAMILIES = (
    frozenset({"flood", "storm", "landslide", "drought", "wildfire"}),
    frozenset({"earthquake", "landslide"}),
    frozenset({"epidemic"}),
    frozenset({"attack", "air_strike", "armed_clashes", "mass_shooting"}),
)
_NAMED_IN_CLAUSES = ("earthquake", "flood", "storm", "wildfire", "landslide", "epidemic", "attack", "air_strike")


def another_event(c: Clause) -> str | None:
    """A clause naming another disease than the epidemic's, or an event of another family
    ("thousands died in the Sichuan earthquake" in an outbreak story)."""
    kind = c.story.type
    if kind == "epidemic" and c.story.hazard and c.story.hazard.lower() not in c.text:
        for name, pattern in lexicon(current()).diseases:
            if name.lower() != c.story.hazard.lower() and pattern.search(c.text):
                return "another_event"
    pattern = _other_families(kind, current())
    return "another_event" if pattern is not None and pattern.search(c.text) else None


@functools.cache
def _other_families(kind: str | None, language: str) -> re.Pattern | None:
    """One pattern for the words of every event type outside `kind`'s family (None: no family)."""
    family = frozenset().union(*(f for f in FAMILIES if kind in f))
    if not family:
        return None
    return _types_pattern(language, frozenset(name for name in _NAMED_IN_CLAUSES
                                              if name not in family and name != "epidemic"))


def _types_pattern(language: str, names: frozenset[str]) -> re.Pattern | None:
    """One pattern for the words of the event types `names`, for a yes/no search: it matches
    where one of theirs does (one tree of words is searched ~x5 faster than each type's in turn)."""
    words = lexicon(language)
    found = [w for name, type_words in words.type_words if name in names for w in type_words]
    return word_pattern(found, words.clitics) if found else None


def another_place(c: Clause) -> str | None:
    """A figure placed in another country than the story's ("landslides in neighbouring Nepal")."""
    if c.country and c.story.country and c.country != c.story.country:
        return "another_place"
    return None


def wider_area(c: Clause) -> str | None:
    """A total for a whole region around the story's place ("the entire Horn of Africa region faces
    a drought that has left 12 million in need", in a story about Mogadishu): background, and not
    the story's place ("another_place" on the page)."""
    match = _words(current())["wider_area"].search(c.text)
    if match is None or (c.story.place and c.story.place.lower() in match.group()):
        return None             # "across the Kasai region" in a story about Kasai is the story's area
    return "another_place"


RULES: Ruler[Callable[[Clause], str | None]] = Ruler([
    ("cumulative", cumulative),
    ("another_time", another_time),
    ("another_event", another_event),
    ("another_place", another_place),
    ("wider_area", wider_area),
    ("rate", rate),
    ("population", population),
    ("projection", projection),
])


@functools.cache
def _any_cue(language: str, lowered: bool = False) -> re.Pattern | None:
    """Every word any rule looks for, in one pattern: most clauses hold none, and then no rule
    needs to run (the other-country rule reads no words). With `lowered`, the same words
    lowercased in a pattern that does not ignore case: on lowercased ASCII text it matches where
    the first does on the text, about twice as fast (`re` skips an alternative on its first
    letter only when case counts). None when that would not hold (`story.folds_safely`)."""
    words = tomllib.loads((DATA / "figure_scope.toml").read_text(encoding="utf-8"))
    entries = [w for table in words.values() for key, values in table.items() if key != "not_after_modal"
               for w in values]
    entries += [name for name, _ in lexicon(language).diseases]
    types = [w for name, type_words in lexicon(language).type_words if name in _NAMED_IN_CLAUSES for w in type_words]
    clitics = list(lexicon(language).clitics)
    if lowered:
        if not folds_safely([*entries, *types, *clitics]):
            return None
        entries, types, clitics = ([w.lower() for w in ws] for ws in (entries, types, clitics))
    pattern = _yes_no_pattern(entries).pattern
    if types:  # as `_types_pattern` makes it
        pattern += "|" + word_pattern(types, clitics).pattern
    return re.compile(pattern + r"|(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)", 0 if lowered else re.IGNORECASE)


def _has_cue(text: str) -> bool:
    fast = _any_cue(current(), True) if T.case_plain(text) else None
    if fast is not None:
        return fast.search(text.lower()) is not None
    return _any_cue(current()).search(text) is not None


def _without_leading_wildcards(entry: str) -> str:
    words = entry.split()
    while len(words) > 1 and words[0] == "*":
        words.pop(0)
    return " ".join(words)


def scope_of(clause: Clause) -> str | None:
    """The first reason a rule gives, or None (the figure counts the story's event)."""
    if not _has_cue(clause.text):
        return another_place(clause)
    for _name, rule in RULES:
        reason = rule(clause)
        if reason:
            return reason
    return None


def run(facts: Facts, story: Story, text: str, published: dt.date | None) -> None:
    """Set `scope`/`scope_reason` of each figure of `facts` (one source's, whose text is `text`)."""
    countries = {p.name: p.country for p in facts.places if p.country}
    for i, figure in enumerate(facts.figures):
        reason = _reason(figure, story, text, published, countries.get(figure.place or ""))
        if reason:
            facts.figures[i] = figure.model_copy(update={"scope": "context", "scope_reason": reason})


# A list item or paragraph headed by its own date ("• June 3, 2017: A van rammed into ...",
# "12 March 2016 - Gunmen ..."): every sentence of it tells of that day.
_DATED_ITEM = re.compile(r"[ \t•*·–-]*(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
                         r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>\d{4}))\s*[:–—-]\s")
_MONTHS = {name.lower(): n for n in range(1, 13)
           for name in (calendar.month_name[n], calendar.month_abbr[n], "Sept" if n == 9 else "")}
_MONTHS.pop("", None)
DATED_ITEM_DAYS = 30  # an item dated more than this before publication tells of another time


def dated_item(text: str, pos: int, published: dt.date | None) -> str | None:
    """"another_time" when the paragraph holding `pos` opens with a date a month or more before
    publication (a list of earlier attacks in a story about the latest one)."""
    if published is None:
        return None
    m = _DATED_ITEM.match(text, text.rfind("\n", 0, pos) + 1)
    if m is None:
        return None
    month = _MONTHS.get((m.group("m1") or m.group("m2")).lower())
    try:
        day = dt.date(int(m.group("y1") or m.group("y2")), month or 0, int(m.group("d1") or m.group("d2")))
    except ValueError:
        return None  # not a month name, or no such day
    return "another_time" if (published - day).days > DATED_ITEM_DAYS else None


# A sentence that goes on with the report of the sentence before it: a pronoun or a generic noun
# (data/role_referents.txt) and a speech verb ("It said ...", "The agency also warned ...").
_GOES_ON = re.compile(r"[\"'“‘(]?(?:it|he|she|they|the\s+(\w+))\s+(?:also\s+)?(\w+)\b", re.IGNORECASE)


def report_of_another_time(text: str, pos: int) -> str | None:
    """"another_time" for a figure in a sentence that goes on with an earlier report: "Doctors
    Without Borders said last month that the city is shelled daily. It said tens of thousands
    remain trapped": the second sentence is last month's report too, though it names no time.
    The report's time must stand right after its speech verb ("said last month", "reported
    two years ago"); a time elsewhere in that sentence may be the event's own."""
    if current() != "en":
        return None  # the pronouns above are English
    start = _sentence_start(text, pos)
    goes_on = _GOES_ON.match(text, start, pos)
    verbs = speech_verbs(current())
    if goes_on is None or goes_on.group(2).lower() not in verbs or \
            (goes_on.group(1) and goes_on.group(1).lower() not in role_referents()):
        return None
    previous = text[_sentence_start(text, max(0, start - 1)):start].lower()
    for match in _words(current())["another_time"].finditer(previous):
        if any(word.strip(",") in verbs for word in previous[:match.start()].split()[-2:]):
            return "another_time"
    return None


def _reason(figure: Figure, story: Story, text: str, published: dt.date | None, country: str | None) -> str | None:
    if not figure.citations:
        return None
    cite = figure.citations[0]
    if dated_item(text, cite.start, published) or report_of_another_time(text, cite.start):
        return "another_time"
    return scope_of(Clause(*clause_of(text, cite.start, cite.end), published, story, country))
