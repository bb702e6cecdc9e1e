"""Furniture glued inside a paragraph: scraped text whose line breaks were lost keeps a paywall
label, a teaser for another article or a video caption in the middle of the story ("... à la
suite de l'intervention. Article réservé à nos abonnés Lire aussi Sahel : l'opération « Barkhane »
contrainte de s'adapter Cependant, les violences ..."). chrome.py drops such lines when they stand
alone; this cuts them out of a line. The words are data (data/glued_chrome.toml), per language.

A teaser's headline has no full stop, so where it ends is read from the article's next sentence:
one of the language's sentence openers, capitalised, right after a lowercase word or a number. When no such
end is found within a headline's length, the text is left as it is: cutting a real sentence would
lose facts, leaving a teaser only adds a line the extractor rarely reads a fact from.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "glued_chrome.toml"
_HEADLINE_MAX_WORDS = 20
_CAPTION_MAX_CHARS = 200


def _alternation(phrases: list[str]) -> str:
    # Longest first, so "Lire aussi :" wins over "Lire aussi".
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    table = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    words = {kind: [w for lang in langs.values() for w in lang] for kind, langs in table.items()}
    # At a line's or a sentence's start, or glued right after a word: never inside a word.
    before = r"(?:^|(?<=[\s.!?»”\"]))"
    paywall = re.compile(rf"{before}(?:{_alternation(words['paywall'])})(?=\s|$)\s*")
    teaser = re.compile(rf"{before}(?:{_alternation(words['teaser'])})\s+")
    labels = _alternation(words["credit_labels"])
    credit = rf"(?:\s*[;/|,]?\s*(?:{labels})\s*:\s*[^\W\d_][\w.&-]*)"
    caption = re.compile(
        rf"{before}(?:{_alternation(words['caption'])})\s[^.!?]{{1,{_CAPTION_MAX_CHARS}}}[.!?]"
        rf"(?:\s+[^\W\d_][\w.&-]*{credit}+)?(?:\s+|$)")
    return paywall, teaser, caption, frozenset(words["sentence_starts"])


def unglue(line: str) -> str:
    """The line without the paywall labels, teasers and captions glued inside it."""
    paywall, teaser, caption, starts = _patterns()
    line = paywall.sub("", line)
    line = caption.sub("", line)
    out, pos = [], 0
    for m in teaser.finditer(line):
        if m.start() < pos:
            continue
        end = _headline_end(line, m.end(), starts)
        if end is None:
            continue
        out.append(line[pos:m.start()])
        pos = end
    out.append(line[pos:])
    return "".join(out).strip()


def _headline_end(line: str, start: int, starts: frozenset[str]) -> int | None:
    """Where the teaser's headline starting at `start` ends: before the article's next sentence
    (an opener after a lowercase word), or None when no such end is near."""
    words = list(re.finditer(r"\S+", line[start:]))
    for i in range(1, min(len(words), _HEADLINE_MAX_WORDS + 1)):
        word, previous = words[i].group(), words[i - 1].group()
        opener = word.rstrip(",;:") in starts or (word[:2] in ("L’", "L'") and word[:2] in starts)
        if opener and (previous[:1].islower() and previous[-1:].isalpha() or previous.isdigit()):
            return start + words[i].start()
    rest = line[start:]
    if len(words) <= _HEADLINE_MAX_WORDS and not re.search(r"[.!?]", rest):
        return len(line)   # the teaser closes the paragraph: all of the rest is its headline
    return None
