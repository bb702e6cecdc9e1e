"""The one sentence splitter of briefgen: paragraphs, then sentences inside them.

Extract reads its facts sentence by sentence (briefgen/extract/doc.py); compose shows the
sentence a citation points into as the hover title of its mark (briefgen/compose/cite.py).
Both split the same way, so a mark's sentence is the sentence the fact was read from.
Everything works on the text as given, so every span is a valid citation into `Source.text`.
"""
from __future__ import annotations

import re

# A full stop after one of these words (lowercased, without the stop) does not end a sentence:
# "Mr. Kerry", "Gen. Smith", "Sept. 9", "Acme Ltd. said". Single letters ("J. Smith") and
# initials ("U.S.") do not either; they are recognised by shape, not listed.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "rev", "st", "mt", "gen", "col", "lt", "sgt", "capt", "maj", "cmdr",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
    "inc", "ltd", "co", "corp", "jr", "sr", "gov", "sen", "rep", "fig", "approx", "est",
})

_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_CLOSE_RE = re.compile(r"[.!?:\"'”’)]$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: blocks between line breaks, re-joining hard-wrapped lines.

    A break is a soft wrap when the line before does not end a sentence and the next line
    starts in lowercase (scraped copies often wrap mid-sentence).
    """
    lines = [(m.start(), m.end()) for m in _LINE_RE.finditer(text)]
    out: list[list[int]] = []
    for start, end in lines:
        chunk = text[start:end]
        if not chunk.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        s, e = start + lead, start + trail
        if out:
            prev = text[out[-1][0]:out[-1][1]]
            gap = text[out[-1][1]:s]
            soft = (gap.count("\n") == 1 and not _SENTENCE_CLOSE_RE.search(prev)
                    and text[s].islower())
            if soft:
                out[-1][1] = e
                continue
        out.append([s, e])
    return [(s, e) for s, e in out]


# A stop (Arabic "؟" too) and its closing marks, before a space and what may open a sentence (an
# opening mark, then a word); `_opens_sentence` then rejects a lowercase word ("1,2 тис. осіб",
# "etc. and"). Capitals of every script count, and scripts without case (Arabic) open one too.
# The stop is written once, before the two endings: a pattern that opens on one character class
# lets `re` skip to a stop in C (two alternatives that each open on it are tried at every
# character). The same matches: only the longest stop can be followed by a space or the end.
# The class stands alone before its repeat (`[...][...]*`, not `[...]+`): `re` skips ahead only
# for a pattern whose first item is a class, and a repeat is none (~0.05 -> ~0.03 ms an article).
_BOUNDARY_RE = re.compile(r"[.!?؟][.!?؟]*[\"'”’)»]*(?:(?=\s+[\"'“‘(«„]?\s?\w)|$)")
_OPENING_RE = re.compile(r"\s+[\"'“‘(«„]?\s?")
_LAST_WORD_RE = re.compile(r"([\w.]+)\.?$")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def sentences(text: str, paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside each paragraph; abbreviations and initials do not end one."""
    out = []
    for ps, pe in paras if paras is not None else paragraphs(text):
        start = ps
        for m in _BOUNDARY_RE.finditer(text, ps, pe):
            if not _opens_sentence(text, m.end(), pe):
                continue
            word = _LAST_WORD_RE.search(text[max(ps, m.start() - 12):m.start() + 1])
            before = word.group(1).rstrip(".").lower() if word else ""
            if text[m.start()] == "." and (before in ABBREVIATIONS or (len(before) == 1 and before.isalpha())
                                           or _INITIALS_RE.fullmatch(before)):
                continue
            end = m.end()
            if text[start:end].strip():
                out.append((start, end))
            start = end
            while start < pe and text[start].isspace():
                start += 1
        if start < pe and text[start:pe].strip():
            out.append((start, pe))
    return out


def _opens_sentence(text: str, pos: int, end: int) -> bool:
    """Whether the words after a stop at `pos` may open a sentence: the paragraph's end, or a word
    that is not lowercase (a capital, a digit, a letter of a script without case)."""
    m = _OPENING_RE.match(text, pos, end)
    return m is None or m.end() >= end or not text[m.end()].islower()


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) holding `text[start:end]`; a span between two sentences (or
    in a blank line) widens to the sentences on either side of it."""
    spans = sentences(text)
    begin = next((s for s, e in reversed(spans) if s <= start), 0)
    stop = next((e for s, e in spans if e >= max(end, start + 1)), len(text))
    return begin, max(stop, begin)
