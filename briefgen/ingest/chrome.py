"""Recognise site chrome in scraped text: navigation, banners, share buttons, copyright lines.

Rules are about the *shape* of a line (short, no sentence, a known chrome phrase), never about
one site, so they carry over to pages we have not seen. A real paragraph is long or ends like
a sentence; chrome is short and says "subscribe", "share", "©", "Scroll down for video"...
"""
from __future__ import annotations

import re

from briefgen.ingest.dates import find_date

# A whole line that is nothing but one of these is chrome.
_EXACT = re.compile(
    r"^(?:back|source|sources|advertisement|advert|sponsored|share|share this(?: article| story)?|"
    r"comments?|related(?: articles| stories| content)?|read more|more on this story|skip to(?: main)? content|"
    r"menu|search|home|sign in|log in|login|register|subscribe(?: now)?|print|e-?mail|tweet|"
    r"published:?|updated:?|by|close|next|previous|top stories|most read|trending|"
    r"[|•·/\\\-–—>»]+)$",
    re.I,
)
# A short line holding one of these is chrome (a long paragraph may mention donations and stay).
_PHRASES = re.compile(
    r"mailing list|newsletter|all rights reserved|©|\(c\)\s*\d{4}|copyright|cookie|"
    r"donation|donate|sign up|subscribe|scroll down for|click here|enable javascript|"
    r"follow us|download (?:our|the) app|pictures? of|photos? of|in pictures|watch the video|"
    r"terms of (?:use|service)|privacy policy|share on|share this|recommended for you",
    re.I,
)
_LABEL = re.compile(r"^(?:video|watch|photo|image|picture|gallery|listen|audio|read more|see also|related)\s*:", re.I)
_CHROME_MAX_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]$")
_TIME_OR_ZONE = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|gmt|bst|utc|est|edt|cet|cest|ist|pst|pdt|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"published|updated|posted|last|on|at)\b",
    re.I,
)


def word_count(line: str) -> int:
    return len(line.split())


def is_chrome(line: str) -> bool:
    """True for a line that is page furniture, not article text."""
    stripped = line.strip()
    if not stripped:
        return False
    if _EXACT.match(stripped) or _LABEL.match(stripped):
        return True
    short = word_count(stripped) <= _CHROME_MAX_WORDS
    if short and _PHRASES.search(stripped):
        return True
    if short and stripped.count("|") >= 2:  # "Home | World | Politics"
        return True
    return is_date_line(stripped)


def is_date_line(line: str) -> bool:
    """A line that holds a date and otherwise only times, zones, weekdays and punctuation."""
    found = find_date(line)
    if not found:
        return False
    _, start, end = found
    rest = _TIME_OR_ZONE.sub(" ", line[:start] + " " + line[end:])
    return not re.search(r"[^\W\d_]", rest)


def looks_like_sentence_end(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.strip()))
