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
HEAD_ATTRIBUTION_RE = re.compile(rf"^(?P<who>[^;\"“”]{{2,140}}?)\s+{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?(?:\s+that)?\s+(?=\S)")
MID_ATTRIBUTION_RE = re.compile(rf",\s+(?P<who>(?:(?:the|a|an)\s+)?[^,;\"“”]{{2,70}}?)\s+{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?"
                                rf"(?:\s+in\s+a\s+statement)?\s*(?=,|[.!?]?\s*$)")
RELATIVE_RE = re.compile(r",\s*(?:(?:a|an|the)\s+[^,]*?\s)?(?P<rel>who|whose|which|that)\s+(?P<body>[^,]+),")
AND_VERB_RE = re.compile(r"\s*and\s+(?:[a-z]+ed|will|would|was|were|has|had|is|are|said|told|took|began|made|gave|met|held)\b")
SPLIT_RE = re.compile(
    r";\s*|,\s+(?=(?:after|before|as|when|while|since|because|although|though|but|whereas|until|which|who|where"
    r"|and|so|leaving|sending|killing|forcing|prompting|bringing|raising|making|causing|saying|adding)\b)"
    r"|\s+(?=(?:after|before|because|although|though|whereas|until|while|when|since)\s+(?:the|a|an|its|their|his|her|[A-Z]))"
    r"|\s+(?=and\s+(?:\w+ed|will|would|was|were|has|had|is|are|said|told|took|began|made|gave|met|held)\b)")
LEAD_WORDS = re.compile(r"^(?:after|before|as|when|while|since|because|although|though|but|whereas|until|and|so|that"
                        r"|which|who|where)\s+", re.IGNORECASE)
DATE_WORDS_RE = re.compile(r"(?:,\s*)?\s*(?:(?<!\w)(?:by|at|before|after|until)\s+(?:nightfall|dawn|dusk|noon|midnight|daybreak)\s+)?"
                           r"(?:(?<!\w)(?:also|earlier\s+in\s+the\s+day|later\s+in\s+the\s+day|late|early|earlier|later|starting|beginning|from|until|by|as\s+of|since)\s+)*"
                           r"(?:(?<!\w)(?:on|at|in)\s+)?⟦[dD]⟧(?:\s+onwards)?")
VERB_RE = re.compile(r"\b(?:[a-z]+ed|was|were|is|are|has|have|had|will|would|said|told|took|began|made|gave|met|held|"
                     r"went|came|rose|fell|hit|struck|fled|expect|expects)\b")
FUTURE_SUBS = [
    (re.compile(r"\b(?:is|are|was|were)\s+(?:due|set|scheduled|planning|going)\s+to\b"), "to"),
    (re.compile(r"\b(?:is|are)\s+expected\s+to\b"), "expected to"),
    (re.compile(r"\b(?:will|would|shall)\s+(?!have\b|not\b)"), "to "),
]
PRONOUN_RE = re.compile(r"^(?:it|he|she|they)\s+(?=[a-z])")
MAX_WORDS = 16
TRAILING_FUNCTION = frozenset("of the a an and or to in on at for with by from as that who which".split())


@dataclass
class Draft:
    text: str
    speaker: str | None = None       # the attributed subject, for a pronoun or a clause without subject
    subject: str | None = None       # the sentence's subject, for "... and announced ..."
    needs_subject: bool = False
    done_attribution: bool = False
    on_attribution: bool = False     # the date was the report's ("officials said on Tuesday")
    status: str = "past"


def dateline(d: Draft) -> None:
    d.text = CAPTION_RE.sub("", DATELINE_RE.sub("", d.text))


def quoted_speech(d: Draft) -> None:
    """A quote whose date is on its attribution ('"...," Christie told reporters on Monday') is the
    saying: the words outside the marks. A date inside the marks ('"We will meet on Saturday"') keeps
    the quoted words, without the marks."""
    parts = re.split(r"([\"“”])", d.text)
    outside, inside, segs = True, [], []
    for p in parts:
        if p in ('"', "“", "”"):
            outside = not outside if p == '"' else (p == "”")
            continue
        (segs if outside else inside).append(p)
    if inside and not any(D in p for p in inside):
        seg = next((p for p in segs if D in p), None)
        if seg and len(seg.split()) >= 3:
            d.text = re.sub(r"^[\s,.]+|[\s,.:]+$", "", seg)
            d.done_attribution = True
            return
    d.text = re.sub(r"[\"“”]", "", d.text).strip()


def _plain(text: str) -> str:
    """Without parentheses and appositions: "The SHC (SHC), the operator of the dam," -> "The SHC"."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return re.sub(r",\s*(?:a|an|the)\s+[^,]+(?:,|$)", " ", text).strip(" ,")


def _subject(text: str) -> str | None:
    m = VERB_RE.search(text)
    if not m or m.start() == 0:
        return None
    subj = _plain(RELATIVE_RE.sub("", text[:m.start()]))
    subj = re.sub(r"^(?:at|in|on|after)\s+[^,]+,\s*", "", subj, flags=re.IGNORECASE)
    return subj if 0 < len(subj.split()) <= 8 and "," not in subj else None


def relative(d: Draft) -> None:
    """The date inside a relative clause or apposition: "Kestel, who visited Orvana on Tuesday, said"
    -> "Kestel visited Orvana"; "At Orvana General Hospital, whose ground floor was flooded on Monday
    night, staff ..." -> "Orvana General Hospital's ground floor was flooded"."""
    m = RELATIVE_RE.search(d.text)
    if not (m and D in m.group("body")):
        return
    head = re.sub(r"^(?:(?:at|in|on|from|near|for)\s+)?", "", d.text[:m.start()].strip(), flags=re.IGNORECASE)
    head = re.sub(r",\s*(?:a|an|the)\s.*$", "", head)
    if 0 < len(head.split()) <= 8 and "," not in head:
        rel, body = m.group("rel"), m.group("body")
        d.text = f"{head}'s {body}" if rel == "whose" else f"{head} {body}"
        d.done_attribution = True


def attribution(d: Draft) -> None:
    """Drop "X said (on Tuesday) (that)" before the content; a pronoun after it will name X."""
    if d.done_attribution:
        return
    d.text = re.sub(r"^according to [^,]+,\s*", "", d.text, flags=re.IGNORECASE)
    m = HEAD_ATTRIBUTION_RE.match(d.text)
    if m and not VERB_RE.search(_plain(RELATIVE_RE.sub(",", m.group("who")))) and len(d.text) - m.end() > 15:
        d.speaker = _subject(m.group("who") + " said") or m.group("who")
        d.text = re.sub(r"^[^:;,]{0,30}:\s*", "", d.text[m.end():])  # "told French radio on Saturday: ..."
    d.subject = _subject(d.text)


def attribution_clause(d: Draft) -> None:
    """", the agency said on Thursday," between clauses goes; when it held the date, the date is the
    report's and the event is the main clause."""
    for m in MID_ATTRIBUTION_RE.finditer(d.text):
        if not VERB_RE.search(_plain(m.group("who"))):
            d.on_attribution = D in m.group()
            d.text = d.text[:m.start()] + d.text[m.end():]
            return


def clause(d: Draft) -> None:
    """The clause holding this event's date; with the date on the attribution, the first one."""
    parts, pos = [], 0
    for m in SPLIT_RE.finditer(d.text):
        parts.append(d.text[pos:m.start()])
        pos = m.end()
    parts.append(d.text[pos:])
    pick = parts[0] if d.on_attribution else next((p for p in parts if D in p), parts[0])
    if pick is not parts[0] and AND_VERB_RE.match(pick):
        d.needs_subject = True
    pick = re.sub(r",?\s*(?:\w+\s+)?(?:days?|hours?|weeks?|months?)\s*$", "", pick)  # "..., two days| after ..."
    d.text = LEAD_WORDS.sub("", pick.strip())


def tail_attribution(d: Draft) -> None:
    """", officials said on Tuesday", ", according to figures published by ..." at the clause end."""
    d.text = re.sub(r",?\s*according to .*$", "", d.text, flags=re.IGNORECASE)
    d.text = TAIL_ATTRIBUTION_RE.sub("", d.text)


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
    if d.status not in ("scheduled", "expected"):
        return  # "indicated his soldiers would continue" stays as said
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
    if len(words) > MAX_WORDS and not (len(words) <= MAX_WORDS + 4 and re.search(r"\d", " ".join(words[MAX_WORDS:]))):
        cut = MAX_WORDS
        for n in range(MAX_WORDS, 6, -1):
            if words[n - 1].endswith(",") or words[n].lower() in ("in", "at", "on", "for", "with", "from", "to", "by"):
                cut = n
                break
        words = words[:cut]
    while len(words) > 3 and words[-1].lower().strip(",") in TRAILING_FUNCTION:
        words.pop()
    text = re.sub(r"\s*⟦[dD]⟧\s*", " ", " ".join(words)).strip(" ,;:-–—.")
    d.text = text[:1].upper() + text[1:] if text else text


RULES: Ruler[Callable[[Draft], None]] = Ruler([
    ("dateline", dateline),
    ("quoted_speech", quoted_speech),
    ("relative", relative),
    ("attribution", attribution),
    ("attribution_clause", attribution_clause),
    ("clause", clause),
    ("tail_attribution", tail_attribution),
    ("date_words", date_words),
    ("parentheticals", parentheticals),
    ("future", future),
    ("subject", subject),
    ("shorten", shorten),
])


def marked(text: str, sent: tuple[int, int], spans: list[tuple[int, int]], this: tuple[int, int]) -> str:
    """The sentence with each date span replaced by its marker."""
    out, pos = [], sent[0]
    for s, e in sorted(spans):
        out.append(text[pos:s])
        out.append(D if (s, e) == this else OTHER)
        pos = e
    out.append(text[pos:sent[1]])
    return "".join(out)


def describe(text: str, sent: tuple[int, int], spans: list[tuple[int, int]], this: tuple[int, int],
             status: str = "past") -> str:
    d = Draft(T.squash(marked(text, sent, spans, this)), status=status)
    for _name, rule in RULES:
        rule(d)
    return d.text
