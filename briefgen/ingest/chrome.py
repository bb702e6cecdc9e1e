"""Recognise site chrome in scraped text: navigation, banners, share buttons, copyright lines.

Rules are about the *shape* of a line (short, no sentence, a known chrome phrase), never about
one site, so they carry over to pages we have not seen. A real paragraph is long or ends like
a sentence; chrome is short and says "subscribe", "share", "©", "Scroll down for video"...
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from briefgen.ingest.dates import find_date
from briefgen.ingest.glued import unglue

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
# Whole-line furniture that is not about one phrase but one *kind* of line: contact details,
# embedded-post attributions, wire graphics/credits, export metadata, press-release notes.
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_FURNITURE = re.compile(
    rf"^(?:{_EMAIL}|"  # a contact block's bare address
    r"[—–-]+\s*[^()\n]{1,80}\(@\w{1,30}\).{0,40}|"  # "— Name (@handle) November 20, 2019"
    r"\((?:graphics?|chart|interactive|factbox|reporting|additional reporting|writing|editing)\b[^()]*\)|"
    r"\d{1,3}(?:,\d{3})*\s+words|"  # "611 words" in a database export header
    r"document\s+[a-z0-9]*\d[a-z0-9]{8,}|"  # "Document AJAZEN0020180215ee2f000um"
    r"(?-i:[A-Z][A-Z0-9]{2,15})|"  # one all-caps code token alone ("AJAZEN"); case-sensitive
    r"follow [^.!?]{1,60}:|"  # "Follow Al Jazeera English:"
    r"notes? to editors?:?|free photos?:?|(?:photos?|images?|b-roll) (?:are )?available[^.]{0,40}:?|"
    r".{0,60}\bis available for (?:interviews?|comment)\.?)$",
    re.I,
)
_CONTACT_LABEL = re.compile(rf"\b(?:mobile|tel|phone|fax|e-?mail)\s*:|{_EMAIL}", re.I)
_EMPHASIS = "*_# "
_CHROME_MAX_WORDS = 14
# CJK full-width stops count too: without them every line of a Chinese page looked like a trailer.
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]。！？；：」』）]$")
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
    if is_furniture(stripped):
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


def is_furniture(line: str) -> bool:
    """Contact, attribution, credit and export-metadata lines (see _FURNITURE)."""
    bare = line.strip().strip(_EMPHASIS)
    if not bare:
        return False
    if _FURNITURE.match(bare):
        return True
    # "Jane Roe | Media Adviser | Oslo | Mobile: +47 ... | Email: ..." - long, but no sentence.
    return line.count("|") >= 2 and bool(_CONTACT_LABEL.search(line))


# "{articleGUID}": a template field the exporter never filled, glued to a real sentence.
_PLACEHOLDER = re.compile(r"\{\{?\s*[A-Za-z_][\w.]*\s*\}\}?\s*")
# "... to forecast”.   Follow Al Jazeera English:" - a social line run onto the last paragraph.
_TRAILING_FOLLOW = re.compile(r"\s+follow [^.!?]{1,60}:\s*$", re.I)


# A site's call to action closing the article, often run onto its last paragraph: "Читайте РБК в
# Telegram.", "Читайте також про ...", "Термінові ... читайте на каналі ... в Telegram.", "يمكنكم
# استلام إشعارات ... تطبيق ...". Only trailing sentences are tested, so a quoted "read" stays.
_CALL_TO_ACTION = re.compile(
    r"^(?:читайте|подписывайтесь|подпишитесь|смотрите также|следите за|"
    r"підписуйтесь|підписуйтеся|стежте за|дивіться також|"
    r"يمكنكم|تابعونا|اشترك|اشتركوا|حمّلوا|حملوا|لمتابعة)\b"
    r"|\b(?:читайте|читать|підписуйтесь)\b.{0,80}\b(?:telegram|телеграм|канал[еі]?|viber|youtube)\b"
    r"|\bتطبيق\b.{0,60}\b(?:هاتف|هاتفكم)",
    re.I,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?؟])\s+")


def strip_calls_to_action(lines: list[str]) -> list[str]:
    """The body without the site's closing calls to action (whole trailing sentences)."""
    lines = list(lines)
    while lines:
        parts = _SENTENCE_SPLIT.split(lines[-1].strip())
        while parts and _CALL_TO_ACTION.search(parts[-1]):
            parts.pop()
        if parts:
            lines[-1] = " ".join(parts)
            return lines
        lines.pop()
    return lines


def scrub_line(line: str) -> str:
    """Cut furniture glued inside a real line (placeholders, a trailing "Follow X:", a paywall
    label, a teaser or a video caption: glued.py)."""
    line = unglue(_PLACEHOLDER.sub("", line))
    return _TRAILING_FOLLOW.sub("", line).strip()


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """The writing system of a letter by its Unicode name ("LATIN", "CJK", "ARABIC"...)."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"):
        return "CJK"
    return first or None


def main_script(lines: list[str]) -> str | None:
    """The script most of the letters are in. Counted per distinct character first, so a
    2 MB page costs one Counter pass, not two million Unicode name lookups."""
    counts: Counter[str] = Counter()
    for char, n in Counter("".join(lines)).items():
        script = script_of(char)
        if script:
            counts[script] += n
    return counts.most_common(1)[0][0] if counts else None


_FOREIGN_HEADING_MAX_CHARS = 40


def is_foreign_heading(line: str, script: str | None) -> bool:
    """A short non-sentence line written mostly in another script than the article's: the
    section headings of a multilingual page template ("## 摘要" over an English report)."""
    bare = line.strip().strip(_EMPHASIS)
    if script is None or not bare or len(bare) > _FOREIGN_HEADING_MAX_CHARS:
        return False
    letters = [s for s in map(script_of, bare) if s]
    own = letters.count(script)
    # "萃取時間: 2026-02-05T15:09:30Z" still counts as foreign: its few Latin letters are a timestamp.
    if not letters or own * 2 >= len(letters):
        return False
    return not looks_like_sentence_end(bare)
