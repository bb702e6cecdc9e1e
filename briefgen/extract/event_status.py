"""An event's status from the words that govern its date expression.

News narrates the past, so past is the default. The words read are those between the
clause start and the date, walked backwards from the date: the first cue met decides, and
a finite past verb ("said", "crested", "had been injured") ends the walk as past. So in
"Kestel, who visited Orvana on Tuesday, said the government would host a conference next
Monday" Tuesday is past (nearest: "visited") and Monday scheduled (nearest: "would").

Rules run in order (first answer wins); each sees the walk's words nearest-first.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from . import dates
from .doc import Doc
from .names import SPEECH_VERBS
from .ruler import Ruler

EXPECTED = frozenset("expect expects expected forecast forecasts predicted predict predicts likely could may might "
                     "hope hopes hoped intend intends".split())
SCHEDULED = frozenset("will shall scheduled planned plans plan due set upcoming postponed rescheduled".split())
# "agreed to meet on Saturday", "to be held on Monday": an infinitive of a meeting-like verb
MEETING_INF_RE = re.compile(r"\bto\s+(?:be\s+held|meet|visit|hold|host|co-host|travel|attend|begin|start|resume|vote|"
                            r"sign|open|launch|return|arrive|convene|gather|discuss|decide|announce|finish|crest|"
                            r"peak|reach|raise)\b", re.IGNORECASE)
PAST_IRREGULAR = frozenset("""was were had did went came began took made gave saw left fell rose hit struck
broke found got held met sent spoke thought brought fought flew fled ran led lost kept told said won wrote
sank shook swept blew tore spread caught drove froze overran shot hid rang stood sold""".split())
ANNOUNCING = frozenset("announced declared ordered decided approved agreed said proclaimed".split())
HOPES = frozenset("hope hopes hoped intend intends".split())
DETERMINERS = frozenset("the a an its their his her our this that these those be been".split())
ASPECTUAL = frozenset("began started continued tried managed able failed".split())
LEADS_FORWARD = frozenset({"starting", "beginning", "from"})
MAX_WORDS = 14
# the sets the rules test words against, made once (not a new set for each word)
PLAN_WORDS = EXPECTED | SCHEDULED
FORECASTS = EXPECTED - HOPES
_WALK_STOP_RE = re.compile(r";|\s[–—-]\s|[\"“”]")
_STILL_DOING_RE = re.compile(r"\b(?:is|are)\s+(?:still\s+)?[a-z]+ing\b")

Walk = list[str]   # lowercase words before the date, nearest first


def _walk(doc: Doc, sent: tuple[int, int], expr: dates.DateExpr) -> Walk:
    start = sent[0]
    for m in _WALK_STOP_RE.finditer(doc.text, sent[0], expr.start):
        start = m.end()  # a clause or quote boundary closes the walk
    # only the nearest MAX_WORDS are read: the others are not lowercased
    return [t.lower for t in reversed(doc.tokens_in(start, expr.start)[-MAX_WORDS:])]


def _is_past_verb(word: str) -> bool:
    # the ending before the (per-language) list: most words end otherwise
    return word in PAST_IRREGULAR or word.endswith(("ed", "id", "ld")) and word in SPEECH_VERBS or (
        len(word) > 4 and word.endswith("ed") and word not in PLAN_WORDS)


def clear_past(doc: Doc, sent: tuple[int, int], expr: dates.DateExpr) -> bool:
    """Whether the clause holding a date is plainly past: a finite past verb ("were killed",
    "struck") and no modal or plan word. "which kick off on June 8" is not."""
    from .clauses import split  # clauses reads the word lists; import it only when asked
    start, end = next(((s, e) for s, e in split(doc, *sent) if s <= expr.start < e), sent)
    toks = [t.lower for t in doc.tokens_in(start, end)
            if not doc.in_quote(t.start) and not expr.start <= t.start < expr.end]  # "May" is no modal
    if any(w in SCHEDULED or w in EXPECTED or w == "would" for w in toks):
        return False
    return any(_is_past_verb(w) and (n == 0 or toks[n - 1] not in DETERMINERS) for n, w in enumerate(toks))


def next_weekday(doc: Doc, expr: dates.DateExpr, walk: Walk, after: str) -> str | None:
    """"next Monday" is ahead whatever the tense ("hopes ... next Monday" stays expected)."""
    if not doc.text[expr.start:expr.end].lower().startswith("next"):
        return None
    # a forecast makes it expected; a hope about a fixed day ("hopes to raise ... next Monday") does not
    return "expected" if any(w in FORECASTS for w in walk) else "scheduled"


def starting_on(doc: Doc, expr: dates.DateExpr, walk: Walk, after: str) -> str | None:
    """"announced three days of mourning starting on Wednesday": a start announced is still to come."""
    words = [w for w in walk if w != "on"]
    if words and words[0] in LEADS_FORWARD and expr.future_ok \
            and any(w in ANNOUNCING or w in SCHEDULED for w in words[1:8]):
        return "scheduled"
    return None


def nearest_cue(doc: Doc, expr: dates.DateExpr, walk: Walk, after: str) -> str | None:
    """Walk back from the date: a modal or plan word decides, a finite past verb stops the walk."""
    for n, w in enumerate(walk):
        prev = walk[n + 1] if n + 1 < len(walk) else ""
        if w in EXPECTED:
            return "expected"
        if w == "to" and prev in ("due", "set", "is", "are"):
            return "scheduled"
        if w in SCHEDULED and not (w in ("planned", "set", "due") and prev in ("had", "was", "were")):
            return "scheduled"
        if w == "would" and (n == 0 or walk[n - 1] not in ("have", "be")):
            return "scheduled"
        if _is_past_verb(w) and prev not in DETERMINERS and not (w == "held" and prev == "be"):
            return "past"  # "the flooded town" is an adjective, not the clause's verb
    return None


def infinitive(doc: Doc, expr: dates.DateExpr, walk: Walk, after: str) -> str | None:
    """"agreed ... to meet on Saturday in Geneva": the meeting is scheduled."""
    window = " ".join(reversed(walk[:5]))
    m = MEETING_INF_RE.search(window)
    if m is None:
        return None
    before = window[:m.start()].split()
    if before and before[-1] in ASPECTUAL:
        return None  # "began to return on Monday" is past
    return "expected" if any(w in FORECASTS for w in walk) else "scheduled"  # "expect the river to crest"


def ongoing(doc: Doc, expr: dates.DateExpr, walk: Walk, after: str) -> str | None:
    """"are still searching ... today": only for the publication day."""
    if expr.date == doc.published and _STILL_DOING_RE.search(" ".join(reversed(walk))):
        return "ongoing"
    return None


Rule = Callable[[Doc, dates.DateExpr, Walk, str], "str | None"]
RULES: Ruler[Rule] = Ruler([
    ("next_weekday", next_weekday),
    ("starting_on", starting_on),
    ("infinitive", infinitive),
    ("nearest_cue", nearest_cue),
    ("ongoing", ongoing),
])


def status(doc: Doc, sent: tuple[int, int], expr: dates.DateExpr) -> str:
    walk = _walk(doc, sent, expr)
    after = doc.text[expr.end:sent[1]]
    return RULES.first(doc, expr, walk, after) or "past"
