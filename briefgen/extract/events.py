"""Events: sentences with a resolvable day, dated against the publication date, with a
status read from the tense around the date words.

Past is the default reading of news ("said on Friday"); an event is scheduled or expected
only on explicit words ("has been scheduled Saturday", "to meet on Saturday", "will",
"is expected to"), and only then does a weekday point forward.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import dates
from . import text as T
from .doc import Doc
from .ruler import Ruler

SCHEDULED_RE = re.compile(
    r"\b(?:will|shall|scheduled|due to|is due|are due|set to|is to|are to|plans? to|planned|planning to|to be held|"
    r"upcoming|to (?:meet|visit|hold|travel|attend|begin|start|resume|vote|sign|open|launch|return|arrive|"
    r"convene|gather|discuss|decide|announce|finish))\b", re.IGNORECASE)
EXPECTED_RE = re.compile(r"\b(?:expected to|likely to|could|may|might|would|hopes? to|intends? to)\b", re.IGNORECASE)
ONGOING_RE = re.compile(r"\b(?:is|are)\s+(?:still\s+)?[a-z]+ing\b")
TIMESTAMP_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


@dataclass
class EventCand:
    date: dt.date
    status: str
    start: int
    end: int


CLAUSE_SPLIT_RE = re.compile(r";\s+|,?\s+(?:and|but|while|whereas)\s+(?=(?:a|an|the|his|her|their|its|[A-Z])\b)")


def _clause(doc: Doc, sent: tuple[int, int], expr: dates.DateExpr) -> tuple[int, int]:
    """The clause of the sentence that holds the date words ("... said X, and a meeting has been
    scheduled Saturday ..." -> the meeting clause), so two events of one sentence read apart."""
    start, end = sent
    for m in CLAUSE_SPLIT_RE.finditer(doc.text, *sent):
        if doc.in_quote(m.start()) != doc.in_quote(expr.start):
            continue
        if m.end() <= expr.start:
            start = m.end()
        elif m.start() >= expr.end:
            end = m.start()
            break
    return start, end


def _status(doc: Doc, sent: tuple[int, int], expr: dates.DateExpr) -> str:
    toks = doc.tokens_in(sent[0], expr.start)[-7:]
    window = doc.text[toks[0].start:expr.start] if toks else ""
    if SCHEDULED_RE.search(window):
        return "scheduled"
    if EXPECTED_RE.search(window):
        return "expected"
    if ONGOING_RE.search(window) and expr.date == doc.published:
        return "ongoing"
    return "past"


def dated_sentences(doc: Doc) -> list[EventCand]:
    out = []
    for sent in doc.sentences:
        exprs = dates.find(doc, *sent)
        if not exprs:
            continue
        words = [t for t in doc.tokens_in(*sent) if not any(e.start <= t.start < e.end for e in exprs)]
        if len([t for t in words if t.text.isalpha()]) < 5 or TIMESTAMP_RE.search(doc.text, *sent):
            continue  # a dateline or time stamp, not an event
        for e in exprs:
            status = _status(doc, sent, e)
            date = e.date
            if status in ("scheduled", "expected") and e.weekday is not None and e.future_ok and doc.published:
                date = dates.resolve_weekday(doc.published, e.weekday, True)
            elif e.weekday is None and doc.published and date and date > doc.published and status == "past":
                status = "scheduled"
            if date:
                start, end = _clause(doc, sent, e)
                out.append(EventCand(date, status, start, end))
    return out


def dedupe(doc: Doc, cands: list[EventCand]) -> list[EventCand]:
    seen, out = set(), []
    for c in cands:
        key = (c.date, c.start)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def richest_first(doc: Doc, cands: list[EventCand]) -> list[EventCand]:
    """Among events of one day and status, the one naming most places and people comes first
    (later stages that keep one per day keep the most telling one); otherwise text order."""
    def names(c: EventCand) -> int:
        return len([m for m in doc.mentions_in(c.start, c.end) if m.kind in ("place", "person", "org")])
    first: dict[tuple, int] = {}
    for n, c in enumerate(cands):
        first.setdefault((c.date, c.status), n)
    return sorted(cands, key=lambda c: (first[(c.date, c.status)], -names(c)))


RULES: Ruler = Ruler([
    ("dedupe", dedupe),
    ("richest_first", richest_first),
])


def run(doc: Doc) -> list[EventCand]:
    cands = dated_sentences(doc)
    for _name, rule in RULES:
        cands = rule(doc, cands)
    return cands


def describe(doc: Doc, c: EventCand, limit: int = 240) -> str:
    """The sentence, squashed, without a caption label ("Air strike: ..."), cut at a word."""
    text = T.squash(doc.text[c.start:c.end])
    text = re.sub(r"^[A-Z][\w ]{0,20}:\s+(?=[A-Z])", "", text)
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text
