"""Find quoted stretches: paired straight, curly and single quote marks.

Double quotes are paired first; single quotes (Daily Mail style) only outside them, so a
nested 'scare quote' stays inside its quote. A quote left open at the end of a paragraph
ends there (the newspaper convention for quotes running on over paragraphs, and scraped
copies that lost their closing mark).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"


def _marks_re(marks: str) -> re.Pattern[str]:
    """`’’|''|[marks]`: two single closing marks stand for a double one in some wire copy ('“It
    was a lie,’’ she said'). Written to open on one character class, which lets `re` skip to a
    mark in C (three alternatives would be tried at every character); the lookbehinds then ask
    which one was read, so the matches are the same."""
    cls = re.escape(marks)
    return re.compile(f"[’'{cls}](?:(?<=’)’|(?<=')'|(?<=[{cls}]))")


_DOUBLE_MARK_RE = _marks_re(DOUBLE_OPEN + DOUBLE_CLOSE + '"')
_SINGLE_MARK_RE = re.compile("['‘’]")


@dataclass(frozen=True)
class QuoteSpan:
    open: int      # offset of the opening mark
    start: int     # first character of the quoted words
    end: int       # one past the last quoted character (closing mark excluded)
    close: int     # one past the closing mark (== end when left open)
    para: int      # paragraph index
    closed: bool


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;–—-"):
        end -= 1
    return start, end


def _double(text: str, ps: int, pe: int, pi: int, marks: Marks | None = None) -> list[QuoteSpan]:
    opens, closes, mark_re = marks or (DOUBLE_OPEN, DOUBLE_CLOSE, _DOUBLE_MARK_RE)
    out, opened = [], None
    for m in mark_re.finditer(text, ps, pe):  # only the marks, not every character
        i = m.start()
        ch = text[i]
        if len(m.group()) == 2:
            if opened is not None:  # a doubled single mark only ever closes
                s, e = _trim(text, opened + 1, i)
                if e > s:
                    out.append(QuoteSpan(opened, s, e, i + 2, pi, True))
                opened = None
            continue
        if ch in opens and (opened is None or ch not in closes) or (ch == '"' and opened is None):
            if opened is None:
                opened = i
        elif (ch in closes or ch == '"') and opened is not None:
            s, e = _trim(text, opened + 1, i)
            if e > s:
                out.append(QuoteSpan(opened, s, e, i + 1, pi, True))
            opened = None
    if opened is not None:
        s, e = _trim(text, opened + 1, pe)
        if e > s:
            out.append(QuoteSpan(opened, s, e, pe, pi, False))
    return out


def _is_single_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == SINGLE_OPEN:
        return after.isalnum() or after in "…."
    return (before.isspace() or before in "([—–-:\"“") and (after.isalnum() or after == "…")


def _is_single_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalpha() and after.isalpha():
        return False  # an apostrophe: don't, Assad's
    return not before.isspace() and (after.isspace() or after in ",.;:!?)—–-\"”")


def _single(text: str, ps: int, pe: int, pi: int, blocked: list[tuple[int, int]]) -> list[QuoteSpan]:
    out, opened = [], None
    for m in _SINGLE_MARK_RE.finditer(text, ps, pe):
        i = m.start()
        if any(a <= i < b for a, b in blocked):
            continue
        if opened is None:
            if text[i] != "’" and _is_single_open(text, i):
                opened = i
        elif _is_single_close(text, i) and text[i] != "‘":
            s, e = _trim(text, opened + 1, i)
            if e > s:
                out.append(QuoteSpan(opened, s, e, i + 1, pi, True))
            opened = None
    # An unclosed single quote only counts when it opens the paragraph (else it is likely a stray mark).
    if opened is not None and opened == ps:
        s, e = _trim(text, opened + 1, pe)
        if e > s:
            out.append(QuoteSpan(opened, s, e, pe, pi, False))
    return out


Marks = tuple[str, str, re.Pattern[str]]


def language_marks(pairs: list[tuple[str, str]]) -> Marks | None:
    """The opening and closing double marks of a language's `quote_marks.txt` pairs ("„ “" in
    German, where “ closes), with the pattern that finds them; None: the default marks."""
    if not pairs:
        return None
    opens = "".join(o for o, _ in pairs)
    closes = "".join(c for _, c in pairs)
    return opens, closes, _marks_re(opens + closes + '"')


def find_quotes(text: str, paras: list[tuple[int, int]], marks: Marks | None = None) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for pi, (ps, pe) in enumerate(paras):
        doubles = _double(text, ps, pe, pi, marks)
        blocked = [(q.open, q.close) for q in doubles]
        out.extend(doubles)
        out.extend(_single(text, ps, pe, pi, blocked))
    out.sort(key=lambda q: q.open)
    return out


_WORD_RE = re.compile(r"[^\W_]+")


def word_count(text: str, enough: int | None = None) -> int:
    """How many words `text` has; with `enough`, counted up to that many (a test like "two words
    or more" need not list every word of a long quote)."""
    if enough is None:
        return len(_WORD_RE.findall(text))
    return sum(1 for _ in islice(_WORD_RE.finditer(text), enough))
