"""Quotes and their speakers in Russian, Ukrainian and Arabic text.

A quote is the words between « », „ “, “ ” or straight double quotes, or a dialogue line opened
by a dash ("— ..., — сказал он"). Its speaker is named by a
speech verb (`data/ru|uk/speech_verb_lemmas.txt` by lemma, `data/ar/speech_words.txt`): after the quote ("«...», — сообщил
он", "\"...\", - додав чоловік") or before it ("X заявил: «...»", "وقال الفرجاني \"...\""). A
pronoun or a role noun ("он", "чоловік"; `referents.txt`), or an Arabic verb with no subject
("وأضاف \"...\""), names the person last named before the quote. Quotes with no person as
speaker are left out: a wrong speaker is worse than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import arabic, morph, tables
from ...sentences import sentences
from .found import FoundName

# quote marks, and a dialogue line: "— Мы сделали все, что могли, — сказал спасатель."
QUOTE_RE = re.compile(r"«(?P<a>[^«»]{3,600})»|„(?P<b>[^„“”]{3,600})[“”]|“(?P<c>[^“”]{3,600})”|\"(?P<d>[^\"\n]{3,600})\""
                      r"|^[ \t]*[—–][ \t]*(?P<e>[^—–\n]{3,400}?)(?=[,!?.]?[ \t]+[—–][ \t])", re.M)
WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
AFTER_RE = re.compile(r"\s*[,!?]?\s*(?:[—–-]+\s*)?")


@dataclass
class FoundQuote:
    start: int          # the quoted words, marks excluded
    end: int
    speaker: str


@lru_cache(maxsize=None)
def _set(lang: str, name: str) -> frozenset[str]:
    norm = arabic.normalise if lang == "ar" else str.lower
    return frozenset(norm(w) for w in tables.lines(lang, name))


def _speech(lang: str, word: str) -> bool:
    if lang == "ar":
        return arabic.lookup(word, _set(lang, "speech_words")) is not None
    return morph.lookup(lang, word, _set(lang, "speech_verb_lemmas")) is not None


def find(text: str, lang: str, people: list[FoundName], sents: list[tuple[int, int]] | None = None) -> list[FoundQuote]:
    """`sents`: the text's sentences, when the caller has them (`sentences(text)`)."""
    mentions = sorted((s, e, p.name) for p in people if p.kind == "person" for s, e in p.mentions)
    sents = sentences(text) if sents is None else sents
    out: list[FoundQuote] = []
    last_speaker: str | None = None
    for m in QUOTE_RE.finditer(text):
        group = next(g for g in "abcde" if m.group(g) is not None)
        start, end = m.start(group), m.end(group)
        if len(WORD_RE.findall(text[start:end])) < 2:
            continue
        sent = next(((s, e) for s, e in sents if s <= m.start() < e), (m.start(), m.end()))
        speaker = _after(text, lang, m.end(), mentions, m.start()) if lang != "ar" else None
        if speaker is None:
            speaker = _before(text, lang, sent[0], m.start(), mentions, last_speaker)
        if speaker:
            out.append(FoundQuote(start, end, speaker))
            last_speaker = speaker
    return out


def _last_named(mentions, before: int, window: int = 600) -> str | None:
    named = [name for s, e, name in mentions if before - window <= s < before]
    return named[-1] if named else None


def _named_in(mentions, start: int, end: int) -> str | None:
    return next((name for s, e, name in mentions if start <= s < end), None)


def _after(text: str, lang: str, pos: int, mentions, quote_start: int) -> str | None:
    """"«...», — сообщил он", "\"...\", - додав чоловік", "«...», — заявил Иван Петров"."""
    m = AFTER_RE.match(text, pos)
    if not m or "," not in m.group() and not re.search(r"[—–-]", m.group()):
        return None
    words = list(WORD_RE.finditer(text, m.end(), min(len(text), m.end() + 80)))
    if not words or not _speech(lang, words[0].group()):
        return None
    clause_end = re.search(r"[.,;:!?]", text[words[0].end():m.end() + 80])
    limit = words[0].end() + (clause_end.start() if clause_end else 80)
    named = _named_in(mentions, words[0].end(), limit)
    if named:
        return named
    subject = words[1].group().lower() if len(words) > 1 else ""
    if subject and morph.lookup(lang, subject, _set(lang, "referents")):
        return _last_named(mentions, quote_start)
    return None


def _before(text: str, lang: str, sent_start: int, quote_start: int, mentions, last: str | None) -> str | None:
    """"X заявил: «...»", "وقالت ... هنرييتا فور في بيان \"...\"", "وأضاف \"...\"" (the speaker
    before)."""
    words = list(WORD_RE.finditer(text, sent_start, quote_start))
    verbs = [w for w in words if _speech(lang, w.group())]
    if not verbs:
        return None
    verb = verbs[-1]
    named = _named_in(mentions, verb.end(), quote_start) or (
        _named_in(mentions, sent_start, verb.start()) if lang != "ar" else None)
    if named:
        return named
    between = WORD_RE.findall(text[verb.end():quote_start])
    if lang == "ar" and len(between) <= 1 and not re.search(r"[.،,]", text[verb.end():quote_start]):
        return last or _last_named(mentions, quote_start)  # "وأضاف \"...\"": the speaker goes on
    if lang != "ar" and between and morph.lookup(lang, between[0], _set(lang, "referents")):
        return _last_named(mentions, quote_start)
    return None
