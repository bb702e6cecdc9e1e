"""Figures in Russian and Ukrainian: a number that counts people, with the category its words
give ("погибли три человека", "35 госпитализированы", "загинули четверо людей", "43 человека
остаются пропавшими без вести", "Ведутся поиски 38 пропавших").

Category and group words are found by lemma (`data/<lang>/categories.toml`, `people.txt`),
so every case form counts. A number followed by any other noun ("22 автомобиля", "10 років",
"трьох убитих сімей") counts something else and is dropped, like ages ("32-річна"), dates
("1 июля"), clock times, phone numbers and parts of another count ("десять из них").
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import morph, numbers_cyrillic, tables
from ...sentences import sentences
from .found import FoundFigure, dedupe, teaser_cut

WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*|\d+")
# words between a verb and its number that change nothing: "найдены еще двое"
FILLERS = frozenset("еще ещё уже только лишь ще вже лише тільки також также всего всього".split())
POSSESSIVE = frozenset("его ее её их свои своих своими її його їхні їхніх їхніми свої своїх своїми".split())
PART_OF = frozenset("из з із зі".split())  # "десять из них": part of a count already told
WINDOW = 200  # characters a rule looks at around a number: a long sentence of counts stays linear
CLAUSE_STOP_RE = re.compile(r"[,;:()—–«»\"]|\s-\s")


@lru_cache(maxsize=None)
def _categories(lang: str) -> dict[str, str]:
    return {lemma: cat for cat, lemmas in tables.toml(lang, "categories").items() for lemma in lemmas}


@lru_cache(maxsize=None)
def _people(lang: str) -> frozenset[str]:
    return frozenset(tables.lines(lang, "people"))


@lru_cache(maxsize=None)
def _months(lang: str) -> frozenset[str]:
    return frozenset(numbers_cyrillic.normalise(f) for f in tables.numbered(lang, "months"))


def _category(lang: str, word: str) -> str | None:
    return morph.lookup(lang, word, _categories(lang))


def _is_people(lang: str, word: str) -> bool:
    return morph.lookup(lang, word, _people(lang)) is not None


def _excluded(text: str, n, lang: str) -> bool:
    before, after = text[max(0, n.start - 3):n.start], text[n.end:n.end + 3]
    if n.decimal or re.match(r"[-–—]\w|[:.]\d|\s*%", after) or re.search(r"[-–—+(:#№/]$", before.rstrip(" ")
                                                                       if before.endswith(("(", " ")) else before):
        return True  # "32-річна", "10:20", "1–2 июля", "+7 (3412)", "70%"
    nxt = WORD_RE.search(text, n.end, n.end + 30)
    prev = list(WORD_RE.finditer(text, max(0, n.start - 30), n.start))
    nxt_word = numbers_cyrillic.normalise(nxt.group()) if nxt else ""
    prev_word = numbers_cyrillic.normalise(prev[-1].group()) if prev else ""
    if nxt_word in _months(lang) or prev_word in _months(lang):
        return True
    if not n.spelled and not n.vague and isinstance(n.value, int) and 1000 <= n.value <= 2100 \
            and " " not in text[n.start:n.end] and not (nxt and _is_people(lang, nxt.group())):
        return True  # a year
    return prev_word in POSSESSIVE  # "трьома її дітьми": a family, not a toll


def find(text: str, lang: str, sents: list[tuple[int, int]] | None = None) -> list[FoundFigure]:
    """`sents`: the text's sentences, when the caller has them (`sentences(text)`)."""
    out: list[FoundFigure] = []
    for sent in sentences(text) if sents is None else sents:
        cut = teaser_cut(text, sent)
        nums = numbers_cyrillic.find_numbers(text, lang, *sent)
        starts = [n.start for n in nums]
        for i, n in enumerate(nums):
            if n.start < cut or _excluded(text, n, lang):
                continue
            fig = _read(text, lang, sent, n, starts[i + 1] if i + 1 < len(nums) else sent[1])
            if fig is None and out and out[-1].end <= n.start and out[-1].start >= sent[0]:
                fig = _coordinated(text, lang, n, out[-1])
            if fig is not None:
                out.append(fig)
    return dedupe(out)


def _read(text: str, lang: str, sent: tuple[int, int], n, next_num: int) -> FoundFigure | None:
    words_after = list(WORD_RE.finditer(text, n.end, min(next_num, n.end + WINDOW)))
    if words_after and numbers_cyrillic.normalise(words_after[0].group()) in PART_OF:
        return None
    category, end, group = None, n.end, None
    # the counted noun phrase: adjectives, then people (or a category noun); another noun ends it all
    for k, w in enumerate(words_after[:4]):
        if CLAUSE_STOP_RE.search(text[end:w.start()]):
            break
        p = morph.first(lang, w.group())
        cat = _category(lang, w.group())
        if _is_people(lang, w.group()) and not (cat and p and p.pos in ("VERB", "PRTS")):
            if morph.lookup(lang, w.group(), frozenset(tables.lines(lang, "not_victims"))):
                return None
            group, end = w.group(), w.end()
            if cat:
                category = cat  # "погибших", "раненых": the counted people are the casualties
            break
        if cat:
            category, end = cat, w.end()
            if p and p.pos in ("VERB", "PRTS"):
                break  # "35 госпитализированы": the predicate, nothing counted after
            continue
        if p is None or p.pos in ("ADJF", "PRTF", "ADVB", "NPRO") or "ablt" in p.grammemes \
                or numbers_cyrillic.normalise(w.group()) in FILLERS:
            continue
        if p.pos == "NOUN" and not w.group()[0].isupper():
            return None  # "22 автомобиля", "10 років", "убитих сімей"
        break
    start = n.start
    if category is None:
        category, start = _verb_before(text, lang, sent, n)
    if category is None:
        category, end = _predicate(text, lang, end, next_num, sent)
    if category is None:
        return None
    q = numbers_cyrillic.qualifier(text[max(sent[0], n.start - 30):n.start], lang)
    if q and start == n.start:
        start = max(sent[0], text.rfind(q, max(sent[0], n.start - 40), n.start))
    return FoundFigure(n, min(start, n.start), max(end, n.end), category, qualifier=q, group=group)


AND_RE = re.compile(r"\s*(?:,\s*)?(?:и|і|й|та|а также|а також)\s+(?:(?:еще|ещё|ще)\s+)?$")


def _coordinated(text: str, lang: str, n, prev: FoundFigure) -> FoundFigure | None:
    """"Ранены трое полицейских и 14 мирных жителей": a count of people joined by "и"/"та" right
    after a figure takes its category."""
    if not AND_RE.match(text[prev.end:n.start]):
        return None
    nxt = WORD_RE.search(text, n.end, n.end + 40)
    if nxt is None or not _is_people(lang, nxt.group()) or text[n.end:nxt.start()].strip():
        return None
    return FoundFigure(n, n.start, nxt.end(), prev.category, group=nxt.group())


def _verb_before(text: str, lang: str, sent: tuple[int, int], n) -> tuple[str | None, int]:
    """"погибли три человека", "були поранені 43 особи": a verb or short participle right
    before the number (a qualifier or "еще" may stand between)."""
    words = list(WORD_RE.finditer(text, max(sent[0], n.start - WINDOW), n.start))
    q = numbers_cyrillic.qualifier(text[max(sent[0], n.start - 30):n.start], lang)
    skip = len(q.split()) if q else 0
    words = words[:len(words) - skip] if skip else words
    while words and numbers_cyrillic.normalise(words[-1].group()) in FILLERS:
        words.pop()
    if not words or CLAUSE_STOP_RE.search(text[words[-1].end():n.start]):
        return None, n.start
    w = words[-1]
    cat = _category(lang, w.group())
    p = morph.first(lang, w.group())
    if cat and p and (p.pos in ("VERB", "PRTS", "INFN") or ("pssv" in p.grammemes and p.pos == "ADJF")):
        return cat, w.start()
    return None, n.start


def _predicate(text: str, lang: str, pos: int, limit: int, sent) -> tuple[str | None, int]:
    """"43 человека остаются пропавшими без вести", "20 отримали поранення": a category word in
    the clause after the counted group, before the next number."""
    for k, w in enumerate(WORD_RE.finditer(text, pos, min(limit, sent[1]))):
        if k >= 5 or CLAUSE_STOP_RE.search(text[pos:w.start()]):
            break
        cat = _category(lang, w.group())
        if cat:
            return cat, w.end()
    return None, pos

