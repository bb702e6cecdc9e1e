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

from . import claims, dates, event_status
from .describe import describe
from .doc import Doc
from .ruler import Ruler

TIMESTAMP_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
# "CASTREL, Sarvona, March 3 (NWS) - ", "LONDON (Reuters) - ", "ORVANA, Sarvona — ": the story's filing, not an event
DATELINE_RE = re.compile(r"[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]*?)*"
                         r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
                         r"\s*(?:\([^)]*\))?\s*[-—–]+\s")

@dataclass
class EventCand:
    date: dt.date
    status: str
    start: int
    end: int
    description: str = ""
    sent: tuple[int, int] = (0, 0)
    precision: str = "day"  # model.DatePrecision
    said_by: str | None = None  # whose claim the line is (claims.py)


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


def _dateline_end(doc: Doc, sent: tuple[int, int]) -> int:
    ps = doc.paragraphs[doc.paragraph_index(sent[0])][0]
    m = DATELINE_RE.match(doc.text, ps) if ps == sent[0] else None
    return m.end() if m else sent[0]


# "... Manila/Kuala Lumpur 26 December —Four days after ...": a place, a date and a dash, with
# no preposition, is a dateline run into the text (the headline glued to the lead), not an event.
_INLINE_DATELINE_BEFORE = re.compile(r"[A-Z][\w/.'’-]*\s+$")
_INLINE_DATELINE_AFTER = re.compile(r"\s*[—–]")


def _inline_dateline(doc: Doc, e: dates.DateExpr) -> bool:
    return e.weekday is None and e.precision == "day" and \
        _INLINE_DATELINE_AFTER.match(doc.text, e.end) is not None and \
        _INLINE_DATELINE_BEFORE.search(doc.text, max(0, e.start - 40), e.start) is not None


# "The Korva Dam, an earthen embankment completed in 1988, gave way ...": a year or month inside an
# aside about a noun dates the noun, not the clause's event.
_ASIDE_OPEN_RE = re.compile(r",\s*(?:a|an|which|who|whose)\b[^,;]*$", re.IGNORECASE)


def _in_aside(doc: Doc, sent: tuple[int, int], e: dates.DateExpr) -> bool:
    if e.precision == "day" or _ASIDE_OPEN_RE.search(doc.text, sent[0], e.start) is None:
        return False
    return _ASIDE_CLOSE_RE.match(doc.text, e.end, sent[1]) is not None


_ASIDE_CLOSE_RE = re.compile(r"[^,;]*,")


def _skip(doc: Doc, sent: tuple[int, int], e: dates.DateExpr, body_start: int) -> bool:
    return e.start < body_start or dates.is_span_edge(doc.text, e, sent[0]) or _inline_dateline(doc, e) \
        or _in_aside(doc, sent, e)


def _ahead_status(doc: Doc, sent: tuple[int, int], e: dates.DateExpr) -> str:
    """A date after publication that the tense walk read as past is still to come; a forecast
    further back than the walk reaches ("has forecast ... rains ... tomorrow") makes it expected."""
    words = {t.lower for t in doc.tokens_in(sent[0], e.start)}
    return "expected" if words & _FORECASTS_AHEAD else "scheduled"


_FORECASTS_AHEAD = event_status.FORECASTS - {"may", "could", "might"}


def _alpha_words_outside(toks: list, exprs: list[dates.DateExpr], enough: int = 5) -> int:
    """How many all-letter words stand outside the date expressions, counted up to `enough`."""
    n = 0
    for t in toks:
        if t.text.isalpha() and not any(e.start <= t.start < e.end for e in exprs):
            n += 1
            if n >= enough:
                break
    return n


def dated_sentences(doc: Doc) -> list[EventCand]:
    out = []
    # the sentences that hold a date expression, from one pass over the document's: most hold
    # none, and `dates.find` would filter the whole list again for each (sentences do not overlap)
    held = {doc.sentence_index(e.start) for e in dates.find(doc)}
    for k, sent in enumerate(doc.sentences):
        exprs = dates.find(doc, *sent) if k in held else None
        if not exprs:
            continue
        if _alpha_words_outside(doc.tokens_in(*sent), exprs) < 5 or TIMESTAMP_RE.search(doc.text, *sent):
            continue  # a dateline or time stamp, not an event
        body = _dateline_end(doc, sent)
        spans = [(e.start, e.end) for e in exprs]
        for e in exprs:
            if _skip(doc, sent, e, body):
                continue
            status = event_status.status(doc, sent, e)
            if doc.in_quote(e.start) and status in ("past", "ongoing"):
                continue  # a speaker's narrative is not the record; a plan announced in a quote is
            date = e.date
            if status in ("scheduled", "expected") and e.weekday is not None and e.future_ok and doc.published:
                date = dates.resolve_weekday(doc.published, e.weekday, True)
            elif status in ("scheduled", "expected") and e.ahead is not None:
                date = e.ahead  # "will hold elections in October": the coming October
            elif doc.published and date and date > doc.published and status == "past" and e.yearless \
                    and event_status.clear_past(doc, sent, e):
                date = dates.past_reading(e, doc.published)  # "On May 31, 150 people were killed": last May
            elif doc.published and date and date > doc.published and status == "past":
                status = _ahead_status(doc, sent, e)
            if date:
                start, end = _clause(doc, sent, e)
                draft = describe(doc.text, sent, spans, (e.start, e.end), status)
                said = claims.said_by(doc, sent, draft.said) if draft.said and draft.text else None
                out.append(EventCand(date, status, start, end, draft.text, sent, e.precision, said))
    return out


def dedupe(doc: Doc, cands: list[EventCand]) -> list[EventCand]:
    """One event per (date, clause), and one sentence never gives the same line under two dates."""
    seen: set = set()
    out = []
    for c in cands:
        keys = {(c.date, c.start), (c.sent, c.description.lower()), (c.date, c.description.lower())}
        if len(c.description.split()) < 3 or keys & seen:
            continue
        seen |= keys
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
    return RULES.fold(cands, doc)
