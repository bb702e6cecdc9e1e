"""What a figure applies to, and figures that are not the count they look like.

Rules of the figure chain that read the sentence around a figure rather than its own
words: tolls of long-past events, bodies recovered in one incident, and the place and
date a figure applies to. A place or date is only given when the sentence ties it to the
figure: a town named after "..., after rescuers recovered two bodies near Sestina" is
where the bodies were, not where the toll applies, so the figure gets no place (None
beats wrong).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from . import clauses, dates
from . import text as T
from .doc import Doc

# a clause or attribution between a figure and a place: the place belongs to the other clause
CLAUSE_GAP_RE = re.compile(r",\s*(?:after|as|when|while|before|since|because|which|who|where|most|many|some|"
                           r"sending|leaving|forcing)\b|\b(?:said|says|told|according)\b|;")
INCREMENT_BEFORE_RE = re.compile(r"\b(?:more|another|further|additional)\s*$", re.IGNORECASE)
INCREMENT_AFTER_RE = re.compile(r"\s+(?:more|further|additional)\b", re.IGNORECASE)
BODY_WORDS = frozenset({"bodies", "corpses", "remains"})


def background(doc: Doc, cands: list) -> None:
    """Counts of another event are not this story's: a figure whose clause (or the clause its
    participle hangs on, or the sentence's opening) dates it two years or more back ("In 2014 ...
    attacks left 69 dead", "Two years earlier, clashes displaced 400,000"), or whose sentence tells
    of an event of another kind, introduced as another one ("also coping with an earthquake that
    struck Monday, killing thousands" in an epidemic story). Dropped: precision first."""
    # the kinds of event the headline names, else the lead's
    story = clauses.hazards(doc.title or "") or clauses.hazards(doc.text[:300])
    for c in cands:
        if c.drop or not c.category:
            continue  # a number with no category is dropped anyway
        if clauses.dated_before(doc, c.sent, c.num.start) or clauses.other_event(doc, c.sent, story):
            c.drop = True


def _body_count(doc: Doc, c) -> bool:
    return c.head in BODY_WORDS or doc.text[c.num.end:c.np_end].lower().split()[-1:] == ["bodies"]


def recovered_bodies(doc: Doc, cands: list) -> None:
    """"Rescuers recovered two more bodies", "..., after rescuers recovered two bodies from a farmhouse":
    bodies found in one incident are part of a toll, not the toll. Dropped when counted as an increment
    ("two more", "another two") or when the sentence gives a toll of its own."""
    for c in cands:
        if c.drop or not _body_count(doc, c):
            continue
        before = doc.text[max(c.sent[0], c.start - 15):c.num.start]
        increment = INCREMENT_BEFORE_RE.search(before) or INCREMENT_AFTER_RE.match(doc.text, c.num.end)
        toll_first = any(o is not c and o.sent == c.sent and not o.drop and o.category == "killed"
                         and not _body_count(doc, o) and o.num.start < c.num.start for o in cands)
        if increment or toll_first:
            c.drop = True


def _locative(doc: Doc, m) -> bool:
    """A place after "in/at/on/across/near ..." (possibly "in eastern"), not a possessor ("Asia's")."""
    prev = [t.lower for t in doc.tokens_in(max(0, m.start - 30), m.start)][-3:]
    return any(w in ("in", "at", "on", "across", "near", "into", "from", "inside", "outside") for w in prev)


def _same_clause(doc: Doc, start: int, end: int) -> bool:
    return CLAUSE_GAP_RE.search(doc.text, start, end) is None


# a relative clause: what it tells happened at its own time ("On Monday the agency issued
# guidance for West Africa, where the outbreak has claimed 4,000 lives": Monday is the guidance's)
RELATIVE_GAP_RE = re.compile(r",\s*(?:where|which|who|whose)\b")


def _other_clause_date(doc: Doc, d, c) -> bool:
    """Whether a relative clause opens between the date and the figure after it."""
    return d.end <= c.num.start and RELATIVE_GAP_RE.search(doc.text, d.end, c.num.start) is not None


def _place_after(doc: Doc, c, nxt: int):
    """The first place after the figure, in its clause, after a locative word and before the next
    figure; failing that, the first such place with no comma after the next figure. The tests run
    only until the answer is known (most figures have one place after them, or none)."""
    after = (m for m in doc.mentions_in(c.num.end, c.sent[1], "place")
             if _locative(doc, m) and _same_clause(doc, c.num.end, m.start))
    for m in after:  # sorted by start: once one is past the next figure, all the rest are
        if m.start < nxt:
            return m
        if "," not in doc.text[nxt:m.start]:
            return m
    return None


def place_and_date(doc: Doc, cands: list) -> None:
    """The place named after the figure in its clause, else the nearest before it; the date of the
    sentence when it has one day (not the start of a stretch: "evacuated since Monday night")."""
    # every figure's start by sentence, sorted, once (not a scan of all figures per figure)
    starts: dict[tuple[int, int], list[int]] = {}
    for d in cands:
        starts.setdefault(d.sent, []).append(d.num.start)
    for found_starts in starts.values():
        found_starts.sort()
    for c in cands:
        if c.drop or not c.category:
            continue
        later = starts[c.sent]
        k = bisect_right(later, c.num.start)
        nxt = min(later[k], c.sent[1]) if k < len(later) else c.sent[1]
        m = _place_after(doc, c, nxt)
        if m is None:
            # the nearest locative place before the figure: read backwards, the first that is one
            m = next((p for p in reversed(doc.mentions_in(c.sent[0], c.num.start, "place")) if _locative(doc, p)),
                     None)
        if m:
            pre = doc.text[max(0, m.start - 12):m.start].split()
            mod = pre[-1] if pre and pre[-1].lower() in T.DIRECTIONS and doc.text[m.start - 1] == " " else None
            c.place = f"{mod} {m.key}" if mod and doc.text[m.start - len(mod) - 1:m.start - 1] == mod else m.key
        # Only a day dates a figure: a figure has no precision field, and "this year" pinned to
        # 1 January would read as a newer count than the story's own.
        found = [d for d in dates.find(doc, *c.sent)
                 if d.precision == "day" and not dates.is_span_edge(doc.text, d, c.sent[0])
                 and not _other_clause_date(doc, d, c)]
        if len({d.date for d in found}) == 1:
            c.date = found[0].date
