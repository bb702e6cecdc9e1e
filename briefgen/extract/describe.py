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

from . import lexicon
from . import text as T
from .describe_words import (
    D, OTHER, DATELINE_RE, GLUED_DATELINE_RE, CAPTION_RE, TAIL_ATTRIBUTION_RE, SPEECH_WORDS, TAIL_END_RE,
    HEAD_ATTRIBUTION_RE, MID_ATTRIBUTION_RE, RELATIVE_RE, AND_VERB_RE, SPLIT_RE, LEAD_WORDS, DATE_WORDS_RE,
    VERB_RE, FUTURE_SUBS, FIRST_PERSON_RE, PRONOUN_RE, MAX_WORDS, ANY_DATE_RE, QUOTE_MARKS_RE, LEAD_CONJ_RE,
    MARKER_SPACES_RE, TAIL_ACCORDING_RE, HEAD_ACCORDING_RE, ACCORDING_TO_RE, TRAILING_FUNCTION, DANGLING, ATTRIBUTION_ONLY_RE,
    _ATTRIBUTION_WORDS, TIME_WORDS, TIME_CORE, TIME_PREPOSITIONS, DAY_OBJECT_RE, SHORTEN_CUT_BEFORE,
    SHORTEN_CLAUSE,
)
from .ruler import Ruler


@dataclass
class Draft:
    text: str
    speaker: str | None = None       # the attributed subject, for a pronoun or a clause without subject
    # the text whose subject ("... and announced ..." needs one) `subject` reads: read only then,
    # as most lines keep their own subject
    subject_from: str | None = None
    needs_subject: bool = False
    done_attribution: bool = False
    on_attribution: bool = False     # the date was the report's ("officials said on Tuesday")
    status: str = "past"
    quoting: bool = False            # "X told reporters: <the quoted words>"
    said: str | None = None          # the dropped attribution's speaker words ("the agency", "he"), for claims.py
    # the date words each marker stands for, in the sentence's order: a language whose date words
    # the rules cannot cut cleanly gets them back (`keep_dates`)
    dates: tuple[str, ...] = ()
    this_date: str = ""


def dateline(d: Draft) -> None:
    d.text = CAPTION_RE.sub("", DATELINE_RE.sub("", d.text))
    glued = GLUED_DATELINE_RE.match(d.text)
    if glued and _is_place(glued.group("place").title()):
        d.text = d.text[glued.end():]   # "NAIROBI Heavy rains ...": a dateline that lost its dash


def _is_place(name: str) -> bool:
    from . import gazetteer  # the table is loaded once per process, and only for a capitals opening

    return gazetteer.lookup(name) is not None


def _quote_parts(text: str) -> tuple[list[str], list[str]]:
    """The words outside and inside quote marks. A straight mark opens or closes by what is
    around it ('said "hopeful"' opens, 'people," Mr' closes); a closing mark met first means
    the sentence continues a quote opened in an earlier one, so what precedes it was quoted."""
    outside: list[str] = []
    inside: list[str] = []
    inside_now, pos = False, 0
    for m in QUOTE_MARKS_RE.finditer(text):
        i, ch = m.start(), m.group()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            closing = inside_now or (not before.isspace() and (after.isspace() or after in ",.;:!?)—–-"))
            opening = not closing
        else:
            opening, closing = ch == "“", ch == "”"
        (inside if inside_now else outside).append(text[pos:i])
        pos = i + 1
        if closing and not inside_now and not inside:
            inside.extend(outside)  # the tail of a quote opened in an earlier sentence
            outside.clear()
            continue
        if opening or closing:
            inside_now = opening
    (inside if inside_now else outside).append(text[pos:])
    return [p for p in outside if p.strip()], [p for p in inside if p.strip()]


def _attribution_only(text: str) -> str | None:
    """The text when it is nothing but an attribution ("Mr Christie told reporters ⟦D⟧",
    "Keita told French radio ⟦D⟧:"), else None."""
    if not any(w in text for w in _ATTRIBUTION_WORDS):
        return None  # the pattern needs one of them, and squashing cannot make one
    t = T.squash(text).strip(" ,;:.!?—–-")
    bare = T.squash(ANY_DATE_RE.sub(" ", t))
    bare = LEAD_CONJ_RE.sub("", bare)
    m = ATTRIBUTION_ONLY_RE.match(bare)
    if not m:
        return None
    who = m.group("who") or m.group("who2") or ""
    return None if VERB_RE.search(who) else t


def _dangling(text: str) -> bool:
    words = ANY_DATE_RE.sub(" ", text).strip(" ,;:.!?—–-").split()
    return not words or words[-1].lower() in DANGLING


_SEGMENT_EDGES_RE = re.compile(r"^[\s,.]+|[\s,.:]+$")


def quoted_speech(d: Draft) -> None:
    """A quote whose date is on its attribution ('"...," Christie told reporters on Monday', or
    'Keita told French radio on Saturday: "..."'), or in the speaker's own first person, is the
    saying, with what was said: "Keita told French radio: We are doing ...". A quote that is
    part of the clause ('Kerry said he was "hopeful" about ...') keeps its words, without the
    marks: cutting it would leave "said he was". A date inside the marks ('"We will meet on
    Saturday"') keeps the quoted words too."""
    if not QUOTE_MARKS_RE.search(d.text):
        d.text = T.squash(d.text)  # no marks: no quote to read, and nothing for the pattern below to drop
        return
    outside, inside = _quote_parts(d.text)
    if inside:
        said = " ".join(p.strip(" ,;:") for p in inside)
        attr = _attribution_only(" ".join(outside)) if outside else None
        if attr and (D in attr or FIRST_PERSON_RE.match(said)) and len(said.split()) >= 3:
            said = LEAD_CONJ_RE.sub("", said)
            d.text = f"{attr}: {said}"
            d.done_attribution = d.quoting = True
            return
        if not any(D in p for p in inside):
            seg = next((p for p in outside if D in p), None)
            if seg and len(seg.split()) >= 3 and not _dangling(seg):
                d.text = _SEGMENT_EDGES_RE.sub("", seg)
                d.done_attribution = True
                return
    d.text = T.squash(QUOTE_MARKS_RE.sub("", d.text))


_SINGLE_QUOTED_RE = re.compile(r"^['‘](?=\w)(?P<q>.*?[\w.,!?])['’](?=[\s,.;:!?]|$)")


def single_quotes(d: Draft) -> None:
    """A sentence opening on a single quote mark ("'We hope we can operate ...,' Nugroho told
    Reuters") is read like a double-quoted one: the pair becomes “...”, so `quoted_speech`
    sees it. Apostrophes inside words are left alone."""
    m = _SINGLE_QUOTED_RE.match(d.text)
    if m and '"' not in d.text and "“" not in d.text:
        d.text = f"“{m.group('q')}”{d.text[m.end():]}"


_LEAD_RE = re.compile(r"^(?P<lead>[^,;:\"“”]{1,120}?),\s+(?=\S)")
_LEAD_WORD_RE = re.compile(r"⟦[dD]⟧|[\w’'-]+")


def lead_time(d: Draft) -> None:
    """A leading time adverbial goes: "Earlier in the day ⟦D⟧, ...", "Also ⟦D⟧, ...", "After
    nightfall ⟦D⟧, ...", "After five days of heavy clashes around ..., rebels overran ...". The
    lead must be free of verbs and either all time words or a phrase opened by a time
    preposition; places ("In neighboring Nepal, ...") stay."""
    m = _LEAD_RE.match(d.text)
    if not m or VERB_RE.search(ANY_DATE_RE.sub(" ", m.group("lead"))):
        return
    lead = m.group("lead")
    words = _LEAD_WORD_RE.findall(lead)
    rest = d.text[m.end():]
    timed = all(w.lower() in TIME_WORDS or w in (D, OTHER) for w in words) and (
        any(w in (D, OTHER) or w.lower() in TIME_CORE for w in words))
    opened = words and words[0].lower() in TIME_PREPOSITIONS and (D in lead or D in rest or OTHER in lead)
    if (timed or opened) and len(rest.split()) >= 3:
        d.text = rest


_PARENS_RE = re.compile(r"\s*\([^)]*\)")
_APPOSITION_RE = re.compile(r",\s*(?:a|an|the)\s+[^,]+(?:,|$)")


def _plain(text: str) -> str:
    """Without parentheses and appositions: "The SHC (SHC), the operator of the dam," -> "The SHC"."""
    # each pattern needs its bracket or comma: without it the text is left as it is
    text = _PARENS_RE.sub("", text) if "(" in text else text
    return (_APPOSITION_RE.sub(" ", text) if "," in text else text).strip(" ,")


_LEAD_PLACE_RE = re.compile(r"^(?:at|in|on|after)\s+[^,]+,\s*", re.IGNORECASE)


def _subject(text: str) -> str | None:
    m = VERB_RE.search(text)
    if not m or m.start() == 0:
        return None
    subj = _plain(RELATIVE_RE.sub("", text[:m.start()]))
    if "," in subj:  # the pattern needs one
        subj = _LEAD_PLACE_RE.sub("", subj)
    return subj if 0 < len(subj.split()) <= 8 and "," not in subj else None


_HEAD_PREPOSITION_RE = re.compile(r"^(?:(?:at|in|on|from|near|for)\s+)?", re.IGNORECASE)
_HEAD_APPOSITION_RE = re.compile(r",\s*(?:a|an|the)\s.*$")


def relative(d: Draft) -> None:
    """The date inside a relative clause or apposition: "Kestel, who visited Orvana on Tuesday, said"
    -> "Kestel visited Orvana"; "At Orvana General Hospital, whose ground floor was flooded on Monday
    night, staff ..." -> "Orvana General Hospital's ground floor was flooded"."""
    m = next((r for r in RELATIVE_RE.finditer(d.text) if D in r.group("body")), None)
    if m is None:
        # a relative clause between commas without this date is an aside: "It followed an offensive
        # by rebels, who have driven ... from much of northern Syria, on a frontier town ⟦D⟧"
        for r in reversed(list(RELATIVE_RE.finditer(d.text))):
            if r.group("rel") in ("who", "which") and D in d.text[r.end():] and D not in d.text[:r.start()]:
                d.text = d.text[:r.start()] + " " + d.text[r.end():].lstrip()
        return
    head = _HEAD_PREPOSITION_RE.sub("", d.text[:m.start()].strip())
    head = _HEAD_APPOSITION_RE.sub("", head)
    if 0 < len(head.split()) <= 8 and "," not in head:
        rel, body = m.group("rel"), m.group("body")
        d.text = f"{head}'s {body}" if rel == "whose" else f"{head} {body}"
        d.done_attribution = True


_TOLD_WHOM_RE = re.compile(r"^[^:;,]{0,30}:\s*")


def attribution(d: Draft) -> None:
    """Drop "X said (on Tuesday) (that)" before the content; a pronoun after it will name X."""
    if d.done_attribution:
        return
    according = HEAD_ACCORDING_RE.match(d.text)
    if according:
        d.said = according.group("who")
        d.text = d.text[according.end():]
    # the pattern needs one of the speech words (as written: it is case-sensitive); without one
    # its lazy opening would be tried at every length up to 140 characters
    m = HEAD_ATTRIBUTION_RE.match(d.text) if any(w in d.text for w in SPEECH_WORDS) else None
    if m and not VERB_RE.search(_plain(RELATIVE_RE.sub(",", m.group("who")))) and len(d.text) - m.end() > 15:
        d.speaker = _subject(m.group("who") + " said") or m.group("who")
        d.said = m.group("who")
        d.text = _TOLD_WHOM_RE.sub("", d.text[m.end():])  # "told French radio on Saturday: ..."
    d.subject_from = d.text


def attribution_clause(d: Draft) -> None:
    """", the agency said on Thursday," between clauses goes; when it held the date, the date is the
    report's and the event is the main clause."""
    for m in MID_ATTRIBUTION_RE.finditer(d.text):
        if not VERB_RE.search(_plain(m.group("who"))):
            d.on_attribution = D in m.group()
            d.said = d.said or m.group("who")
            d.text = d.text[:m.start()] + d.text[m.end():]
            return


SPAN_TAIL_RE = re.compile(r",?\s*(?:\w+\s+)?(?:days?|hours?|weeks?|months?)\s*$")
_SPAN_UNITS = ("day", "days", "hour", "hours", "week", "weeks", "month", "months")


def clause(d: Draft) -> None:
    """The clause holding this event's date; with the date on the attribution, the first one. A
    saying ("X told reporters: <quote>") is not split: its clauses are the speaker's."""
    if d.quoting:
        return
    parts = SPLIT_RE.split(d.text)  # the pattern has no group and never matches empty: the pieces between
    pick = parts[0] if d.on_attribution else next((p for p in parts if D in p), parts[0])
    if pick is not parts[0] and AND_VERB_RE.match(pick):
        d.needs_subject = True
    if pick.rstrip().endswith(_SPAN_UNITS):  # the pattern's own condition, checked without a scan
        pick = SPAN_TAIL_RE.sub("", pick)  # "..., two days| after ..."
    d.text = LEAD_WORDS.sub("", pick.strip())


def _ends_on_speech(text: str) -> bool:
    for word in SPEECH_WORDS:
        q = text.find(word)
        while q >= 0:
            if TAIL_END_RE.match(text, q):
                return True
            q = text.find(word, q + 1)
    return False


def tail_attribution(d: Draft) -> None:
    """", officials said on Tuesday", ", according to figures published by ..." at the clause end."""
    if ACCORDING_TO_RE.search(d.text):  # the tail pattern opens on optional parts: look for its words first
        m = TAIL_ACCORDING_RE.search(d.text)
        if m:
            d.said = d.said or m.group("who")
            d.text = d.text[:m.start()]
    if _ends_on_speech(d.text):  # else no match: the pattern is slow to fail at every character
        m = TAIL_ATTRIBUTION_RE.search(d.text)
        if m:
            d.said = d.said or m.group("who")
            d.text = d.text[:m.start()]


# The words a DATE_WORDS_RE match may hold before its marker (keep them in step with the
# pattern): all before the marker is these words, spaces and commas. Read backwards from a
# marker, the longest such stretch bounds where a match of that marker can start.
_DATE_LEAD_WORDS = ("by", "at", "before", "after", "until", "nightfall", "dawn", "dusk", "noon", "midnight",
                    "daybreak", "also", "earlier", "in", "the", "day", "later", "late", "early", "starting",
                    "beginning", "from", "as", "of", "since", "on")
_DATE_LEAD_REV_RE = re.compile(r"(?:[\s,]|(?:" + "|".join(w[::-1] for w in _DATE_LEAD_WORDS) + r")(?!\w))*")
_DAY_OBJECT_WORDS = ("spent", "spend", "marked", "marks", "celebrated", "observed")


def _strip_date_words(text: str) -> str:
    """Exactly `DATE_WORDS_RE.sub("", text)`. The pattern opens on optional parts, so `re` would
    try it at every character; here it is searched from the start of each marker's stretch of
    date words (no match of a marker can start earlier, and every match holds a marker)."""
    out, last, n = [], 0, len(text)
    rev, back, search = text[::-1], _DATE_LEAD_REV_RE.match, DATE_WORDS_RE.search
    q = text.find("⟦")
    while q >= 0:
        m = search(text, max(last, q - back(rev, n - q).end()))
        if m is None:
            break
        out.append(text[last:m.start()])
        last = m.end()
        q = text.find("⟦", last)
    out.append(text[last:])
    return "".join(out)


def date_words(d: Draft) -> None:
    """The date words go ("killed at least eight people last night"); a date that is a verb's
    object becomes "the day" ("spent Monday with Renzi" -> "spent the day with Renzi").
    English only: the prepositions and word order the cut needs are English ones. Cut from a
    French, Spanish, German or Portuguese line they leave "le", "el", "na" or a fronted "Am"
    behind ("Am hatte ein Erdbeben ..."), so those lines keep their dates (`keep_dates`)."""
    if lexicon.current() != lexicon.DEFAULT:
        return
    text = d.text
    if any(w in text for w in _DAY_OBJECT_WORDS):  # else no match: the pattern opens on one of them
        text = DAY_OBJECT_RE.sub(r"\1the day", text)
    d.text = _strip_date_words(text)


_COMMA_ASIDES_RE = (re.compile(r",\s*including [^,]+(?:,|$)"), re.compile(r",\s*(?:a|an|the)\s+[^,]{1,60},"),
                    re.compile(r",\s*(?:\w+ing|which|who|where|as|with)\b.*$"))
_TOOK_PLACE_RE = re.compile(r"\s+(?:that|which)\s+(?:took\s+place|happened|occurred)\s*[.!?]?\s*$")


def parentheticals(d: Draft) -> None:
    """"(NCPA)", ", including nine children,", ", a spokesman for the IFRC," and trailing ", sending ..." go."""
    # each pattern needs its bracket, comma or relative word: without it the text is left as it is
    t = _PARENS_RE.sub("", d.text) if "(" in d.text else d.text
    if "," in t:
        for rx in _COMMA_ASIDES_RE:
            t = rx.sub("", t)
    # "in the attack that took place" (on the date just dropped): the relative said only the date
    if "that" in t or "which" in t:
        t = _TOOK_PLACE_RE.sub("", t)
    d.text = t


def future(d: Draft) -> None:
    """Headline style for what is still to come: "Parliament will hold" -> "Parliament to hold"."""
    if d.status not in ("scheduled", "expected"):
        return  # "indicated his soldiers would continue" stays as said
    for rx, repl in FUTURE_SUBS:
        d.text = rx.sub(repl, d.text, count=1)


_OPENS_ON_PAST_RE = re.compile(r"^(?:to\s+)?[a-z]+ed\b")


def subject(d: Draft) -> None:
    text = d.text.strip()
    if d.speaker and PRONOUN_RE.match(text):
        text = PRONOUN_RE.sub(d.speaker + " ", text)
    elif d.needs_subject or _OPENS_ON_PAST_RE.match(text):
        who = (_subject(d.subject_from) if d.subject_from is not None else None) or d.speaker
        if who:
            text = f"{who} {LEAD_WORDS.sub('', text)}"
    d.text = text


# Outside English the clause words `_cut` knows are missing: a line keeps its whole sentence up
# to this many words, and a longer one is cut after its last comma within them (or at the limit),
# marked with "…", rather than mid-phrase ("… und die griechische Insel").
MAX_WORDS_OTHER = 30


def _cut_other_language(words: list[str]) -> list[str]:
    if len(words) <= MAX_WORDS_OTHER:
        return words
    n = next((i for i in range(MAX_WORDS_OTHER, 6, -1) if words[i - 1].endswith((",", "،"))), MAX_WORDS_OTHER)
    return words[:n - 1] + [words[n - 1].rstrip(",،") + "…"]


def _cut(words: list[str]) -> int:
    """Where to cut a long description: the latest place after a comma, before a clause word
    ("and", "as", "who") or before a preposition that neither completes the verb before it
    ("followed |by" would leave "followed" without its object) nor opens "at least"; failing
    those, before a participle after a noun ("a roaring sound | followed by ...")."""
    for n in range(MAX_WORDS, 6, -1):
        low, prev = words[n].lower(), words[n - 1].lower()
        if prev.endswith(",") or low in SHORTEN_CLAUSE:
            # not inside a list: "for water, shelter | and health care"
            listed = any(w.endswith(",") for w in words[max(0, n - 3):n - 1]) if low in ("and", "or") \
                else prev.endswith(",") and any(w.lower() in ("and", "or") for w in words[n:n + 3])
            if not listed:
                return n
            continue
        if low in SHORTEN_CUT_BEFORE and not (prev.endswith(("ed", "ing")) or prev in DANGLING) \
                and not (low == "at" and n + 1 < len(words) and words[n + 1].lower() in ("least", "most")):
            return n
    for n in range(MAX_WORDS, 6, -1):
        low, prev = words[n].lower(), words[n - 1].lower()
        if len(low) > 4 and low.endswith("ed") and prev.isalpha() and prev not in DANGLING \
                and not prev.endswith(("ed", "ly")):
            return n
    return MAX_WORDS


_DIGIT_RE = re.compile(r"\d")


def keep_dates(d: Draft) -> None:
    """Outside English, the date words go back where the rules left their markers ("Am Freitag
    hatte ein schweres Erdbeben ...", see `date_words`); the other dates in the sentence's order
    (a rule may have cut one: the markers left take the first words not yet used)."""
    if lexicon.current() == lexicon.DEFAULT or "⟦" not in d.text:
        return
    others = iter(d.dates)
    d.text = T.squash(ANY_DATE_RE.sub(lambda m: d.this_date if m.group() == D else next(others, ""), d.text))


def shorten(d: Draft) -> None:
    """At most MAX_WORDS words (up to four more when they hold a number), cut where the clause
    stays whole. A description that still ends dangling ("said he was", "the CDC was") or says
    only that someone spoke is dropped (empty), and so is a saying whose quote would be cut."""
    words = T.squash(d.text).strip(" ,;:-–—.").split()
    if d.quoting and len(words) > MAX_WORDS + 4:
        d.text = ""  # a quote cut short would put words in the speaker's mouth: no line
        return
    if lexicon.current() != lexicon.DEFAULT:
        words = _cut_other_language(words)
    elif len(words) > MAX_WORDS and not (len(words) <= MAX_WORDS + 4 and (
            d.quoting or _DIGIT_RE.search(" ".join(words[MAX_WORDS:])))):
        words = words[:_cut(words)]
    while len(words) > 3 and words[-1].lower().strip(",") in TRAILING_FUNCTION:
        words.pop()
    text = " ".join(words)
    if "⟦" in text:  # else no match
        text = MARKER_SPACES_RE.sub(" ", text)
    text = LEAD_MARKS_RE.sub("", text.strip(" ,;:-–—."))  # "•: A bombing at ..."
    # "wounded and thousands": the second count lost its verb. A match ends the text on "and" (in
    # any case) and one more word: test the last two words before the pattern scans every space
    tail = text.rsplit(None, 2)
    if len(tail) == 3 and tail[1].lower() == "and":
        text = TRAILING_AND_COUNT_RE.sub("", text)
    if _dangling(text) or _attribution_only(text) or _fragment(text):
        text = ""
    d.text = text[:1].upper() + text[1:] if text else text


# a line is no event when it is a cut piece of its sentence: it opens on "of" ("Of the country"),
# on a verb whose subject was lost (a cut clause keeps its lowercase: "returned to England ...",
# "saw Russia launch ..."; "United Nations said" is whole), on a place before a verb ("In
# Washington was very concerned"), or is too short to say anything
_CUT_OPENING_RE = re.compile(r"^(?:(?i:of)\b|[a-z]+ed\s|(?:saw|took|went|came|made|gave|began|ran|won|lost)\s"
                             r"|(?i:in|at|on)\s+[A-Z][\w’'-]*\s+(?:was|were|is|are|has|have|had)\b)")
LEAD_MARKS_RE = re.compile(r"^[•·*▪►|:\s]+")
TRAILING_AND_COUNT_RE = re.compile(r"\s+and\s+(?:\d[\d,.]*|thousands|hundreds|dozens|scores|millions)$", re.IGNORECASE)


def _fragment(text: str) -> bool:
    return len(text.split()) < 3 or _CUT_OPENING_RE.match(text) is not None


RULES: Ruler[Callable[[Draft], None]] = Ruler([
    ("dateline", dateline),
    ("single_quotes", single_quotes),
    ("quoted_speech", quoted_speech),
    ("lead_time", lead_time),
    ("relative", relative),
    ("attribution", attribution),
    ("attribution_clause", attribution_clause),
    ("clause", clause),
    ("tail_attribution", tail_attribution),
    ("date_words", date_words),
    ("parentheticals", parentheticals),
    ("future", future),
    ("subject", subject),
    ("keep_dates", keep_dates),
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
             status: str = "past") -> Draft:
    """The event's line (`text`) and the attribution dropped from it (`said`, as written)."""
    d = Draft(T.squash(marked(text, sent, spans, this)), status=status,
              dates=tuple(T.squash(text[s:e]) for s, e in sorted(spans) if (s, e) != this),
              this_date=T.squash(text[this[0]:this[1]]))
    RULES.run(d)
    return d
