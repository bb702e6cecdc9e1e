"""A timeline line for an event: the short clause saying what happened, not the sentence.

The brief prints events one line each, so "CASTREL, Sarvona, March 3 (NWS) - At least 27
people were killed, including nine children, after the Korva Dam ... gave way late on
Monday, sending a wall of water ..., officials said on Tuesday." becomes "The Korva Dam on
the swollen Tavra River gave way" (Monday) and "At least 27 people were killed" (Tuesday).

The sentence is copied with its date expressions replaced by markers (⟦D⟧ this event's
date, ⟦d⟧ any other), then rewritten by the ordered rules below: dateline and attribution
off, the clause holding the date picked, date words, parentheticals and trailing
subordinate clauses dropped, "will hold" read as the headline's "to hold", a missing
subject put back. The description is a paraphrase; the event's `text` keeps the source words.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import text as T
from .ruler import Ruler

D, OTHER = "⟦D⟧", "⟦d⟧"
ANY_DATE = r"⟦[dD]⟧"
SPEECH = r"(?:said|says|told(?:\s+(?:reporters|journalists|a\s+\w+|the\s+\w+|\w+))?|announced|reported|added|stated|warned)"
DATELINE_RE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]*?)*(?:,?\s*⟦[dD]⟧)?\s*(?:\([^)]*\))?\s*[-—–]+\s*")
CAPTION_RE = re.compile(r"^[A-Z][\w ]{0,20}:\s+(?=[A-Z])")
TAIL_ATTRIBUTION_RE = re.compile(
    rf"(?:,\s*|\s+)(?:(?:the|a|an)\s+)?[^,;\"“”]{{0,70}}?\b{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?"
    rf"(?:\s+(?:in\s+a\s+statement|by\s+telephone|in\s+\w+))?\s*[.!?]?\s*$")
ACCORDING_RE = re.compile(r",?\s*according to [^,;]+(?=[,;.]|$)")
HEAD_ATTRIBUTION_RE = re.compile(rf"^(?P<who>[^;\"“”]{{2,140}}?)\s+{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?(?:\s+that)?\s+(?=\S)")
RELATIVE_RE = re.compile(r",\s*who\s+(?P<body>[^,]+),")
SPLIT_RE = re.compile(
    r";\s*|,\s+(?=(?:after|before|as|when|while|since|because|although|though|but|whereas|until|which|who|where"
    r"|and|so|leaving|sending|killing|forcing|prompting|bringing|raising|making|causing|saying|adding)\b)"
    r"|\s+(?=(?:after|before|because|although|though|whereas|until|while|when)\s+(?:the|a|an|its|their|his|her|[A-Z]))"
    r"|\s+(?=and\s+(?:\w+ed|will|would|was|were|has|had|is|are|said|told|took|began|made|gave|met|held)\b)")
LEAD_WORDS = re.compile(r"^(?:after|before|as|when|while|since|because|although|though|but|whereas|until|and|so|that"
                        r"|which|who|where)\s+", re.IGNORECASE)
DATE_WORDS_RE = re.compile(r"(?:,\s*)?\s*(?:(?:late|early|earlier|later|starting|beginning|from|until|by|as\s+of|since)\s+)*"
                           r"(?:on\s+|at\s+|in\s+)?⟦[dD]⟧(?:\s+onwards)?")
VERB_RE = re.compile(r"\b(?:[a-z]+ed|was|were|is|are|has|have|had|will|would|said|told|took|began|made|gave|met|held|"
                     r"went|came|rose|fell|hit|struck|fled|expect|expects)\b")
FUTURE_SUBS = [
    (re.compile(r"\b(?:is|are|was|were)\s+(?:due|set|scheduled|planning|going)\s+to\b"), "to"),
    (re.compile(r"\b(?:is|are)\s+expected\s+to\b"), "expected to"),
    (re.compile(r"\b(?:will|would|shall)\s+(?!have\b|not\b)"), "to "),
]
PRONOUN_RE = re.compile(r"^(?:it|he|she|they)\s+(?=[a-z])")
MAX_WORDS = 16


@dataclass
class Draft:
    text: str
    speaker: str | None = None       # the attributed subject, for a pronoun or a clause without subject
    subject: str | None = None       # the sentence's subject, for "... and announced ..."
    needs_subject: bool = False


def dateline(d: Draft) -> None:
    d.text = CAPTION_RE.sub("", DATELINE_RE.sub("", d.text))


def quote_marks(d: Draft) -> None:
    """'"We will meet on Saturday," he said.': the quoted words, without marks."""
    d.text = re.sub(r"[\"“”]", "", d.text).strip()


def _subject(text: str) -> str | None:
    m = VERB_RE.search(text)
    if not m or m.start() == 0:
        return None
    subj = RELATIVE_RE.sub("", text[:m.start()])
    subj = re.sub(r",\s*(?:a|an|the)\s+[^,]+,", "", subj)
    subj = re.sub(r"\s*\([^)]*\)", "", subj).strip(" ,")
    return subj if 0 < len(subj.split()) <= 8 and "," not in subj else None


def attribution(d: Draft) -> None:
    """Drop "X said (on Tuesday) (that)" before the content and ", officials said" after it."""
    if D in d.text:
        m = RELATIVE_RE.search(d.text)
        if m and D in m.group("body"):  # "Kestel, who visited Orvana on Tuesday, said": the visit
            who = d.text[:m.start()].strip()
            if 0 < len(who.split()) <= 6:
                d.text = f"{who} {m.group('body')}"
                return
    d.text = ACCORDING_RE.sub("", d.text)
    d.text = TAIL_ATTRIBUTION_RE.sub("", d.text)
    m = HEAD_ATTRIBUTION_RE.match(d.text)
    if m and not VERB_RE.search(RELATIVE_RE.sub(",", m.group("who"))) and len(d.text) - m.end() > 15:
        d.speaker = _subject(m.group("who") + " said") or m.group("who")
        d.text = d.text[m.end():]
    d.subject = _subject(d.text)


def clause(d: Draft) -> None:
    """The clause holding this event's date; with the date on the attribution, the first one."""
    parts, pos = [], 0
    for m in SPLIT_RE.finditer(d.text):
        parts.append(d.text[pos:m.start()])
        pos = m.end()
    parts.append(d.text[pos:])
    pick = next((p for p in parts if D in p), parts[0])
    if pick is not parts[0] and re.match(r"\s*and\s+[a-z]", pick):
        d.needs_subject = True
    d.text = LEAD_WORDS.sub("", pick.strip())


def date_words(d: Draft) -> None:
    d.text = DATE_WORDS_RE.sub("", d.text)


def parentheticals(d: Draft) -> None:
    """"(NCPA)", ", including nine children,", ", a spokesman for the IFRC," and trailing ", sending ..." go."""
    t = re.sub(r"\s*\([^)]*\)", "", d.text)
    t = re.sub(r",\s*including [^,]+(?:,|$)", "", t)
    t = re.sub(r",\s*(?:a|an|the)\s+[^,]{1,60},", "", t)
    t = re.sub(r",\s*(?:\w+ing|which|who|where|as|with)\b.*$", "", t)
    d.text = t


def future(d: Draft) -> None:
    """Headline style for what is still to come: "Parliament will hold" -> "Parliament to hold"."""
    for rx, repl in FUTURE_SUBS:
        d.text = rx.sub(repl, d.text, count=1)


def subject(d: Draft) -> None:
    text = d.text.strip()
    if d.speaker and PRONOUN_RE.match(text):
        text = PRONOUN_RE.sub(d.speaker + " ", text)
    elif d.needs_subject or re.match(r"^(?:to\s+)?[a-z]+ed\b", text):
        who = d.subject or d.speaker
        if who:
            text = f"{who} {LEAD_WORDS.sub('', text)}"
    d.text = text


def shorten(d: Draft) -> None:
    words = T.squash(d.text).strip(" ,;:-–—.").split()
    if len(words) > MAX_WORDS:
        cut = MAX_WORDS
        for n in range(MAX_WORDS, 6, -1):
            if words[n - 1].endswith(",") or words[n].lower() in ("in", "at", "on", "for", "with", "from", "to", "by"):
                cut = n
                break
        words = words[:cut]
    text = " ".join(words).strip(" ,;:-–—.")
    d.text = text[:1].upper() + text[1:] if text else text


RULES: Ruler[Callable[[Draft], None]] = Ruler([
    ("dateline", dateline),
    ("quote_marks", quote_marks),
    ("attribution", attribution),
    ("clause", clause),
    ("date_words", date_words),
    ("parentheticals", parentheticals),
    ("future", future),
    ("subject", subject),
    ("shorten", shorten),
])


def marked(text: str, start: int, spans: list[tuple[int, int]], this: tuple[int, int]) -> str:
    """text[start:] with each date span replaced by its marker."""
    out, pos = [], start
    for s, e in sorted(spans):
        out.append(text[pos:s])
        out.append(D if (s, e) == this else OTHER)
        pos = e
    return "".join(out)


def describe(text: str, sent: tuple[int, int], spans: list[tuple[int, int]], this: tuple[int, int]) -> str:
    body = marked(text, sent[0], spans, this) + text[max([e for _, e in spans] + [sent[0]]):sent[1]]
    d = Draft(T.squash(body))
    for _name, rule in RULES:
        rule(d)
    return d.text
