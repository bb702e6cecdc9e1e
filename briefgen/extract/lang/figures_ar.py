"""Figures in Arabic: "مقتل 17 مدنيا", "قتل سبعة آخرون", "وفر 45 ألفا منهم", "تسعة مهاجرين
سوريين، من بينهم ستة أطفال غرقوا", "تخطى عددهم 45 ألفا" (the count of a displacement named
before it).

Words are compared normalised and with clitics off, only where the lexicon knows the stripped
form (lang/arabic.py). A number followed by a word that is neither people, a category nor a
function word counts a thing ("ثلاثة مستشفيات", "16 ميلا") and is dropped; so are parts of
another count ("عشرة منهم", "بينهم ستة أطفال": a subset), dates, percentages and years.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import arabic, numbers_ar, tables
from ...sentences import sentences
from .found import FoundFigure, dedupe, teaser_cut

PART_AFTER = frozenset({"منهم", "منهن", "منها"})
SUBSET_BEFORE = frozenset({"بينهم", "بينهن", "منهم"})
PERCENT_RE = re.compile(r"\s*(?:%|٪|بالمئ|بالمائ|في المئ|في المائ)")
# "عددهم", "حصيلة": the count of something named earlier in the clause
COUNT_OF = frozenset({"عدد", "عددهم", "عددها", "حصيله", "ارتفع", "ارتفعت", "بلغ", "بلغت", "تخطي", "تجاوز"})
WINDOW = 200  # characters looked at around a number: a long sentence of counts stays linear
CLAUSE_STOP_RE = re.compile(r"[;:()«»\"“”.؟!]")


@lru_cache(maxsize=None)
def _categories() -> dict[str, str]:
    return {arabic.normalise(f): cat for cat, forms in tables.toml("ar", "categories").items() for f in forms}


@lru_cache(maxsize=None)
def _set(name: str) -> frozenset[str]:
    return frozenset(arabic.normalise(w) for w in tables.lines("ar", name))


@lru_cache(maxsize=None)
def _months() -> frozenset[str]:
    return frozenset(arabic.normalise(f) for f in tables.numbered("ar", "months"))


def category(word: str) -> str | None:
    hit = arabic.lookup(word, _categories(), suffixes=True)
    return _categories()[hit[1]] if hit else None


def _people(word: str) -> bool:
    return arabic.lookup(word, _set("people"), suffixes=True) is not None


def find(text: str, sents: list[tuple[int, int]] | None = None) -> list[FoundFigure]:
    """`sents`: the text's sentences, when the caller has them (`sentences(text)`)."""
    out: list[FoundFigure] = []
    for sent in sentences(text) if sents is None else sents:
        cut = teaser_cut(text, sent)
        nums = numbers_ar.find_numbers(text, *sent)
        # the next count that is not an aside of this one ("من بينهم ستة أطفال"), found backwards once
        nexts, following = [], sent[1]
        for m in reversed(nums):
            nexts.append(following)
            if not _is_subset(text, sent, m):
                following = m.start
        nexts.reverse()
        for n, nxt in zip(nums, nexts):
            if n.start >= cut:
                fig = _read(text, sent, n, nxt)
                if fig is not None:
                    out.append(fig)
    return dedupe(out)


def _is_subset(text: str, sent: tuple[int, int], n) -> bool:
    before = arabic.tokens(text, max(sent[0], n.start - 20), n.start)
    return bool(before) and arabic.normalise(before[-1].group()) in SUBSET_BEFORE


def _read(text: str, sent: tuple[int, int], n, next_num: int) -> FoundFigure | None:
    before = arabic.tokens(text, max(sent[0], n.start - WINDOW), n.start)
    after = arabic.tokens(text, n.end, min(sent[1], n.end + WINDOW))
    if n.decimal or PERCENT_RE.match(text, n.end) or re.match(r"[-–/:]\d", text[n.end:n.end + 2]):
        return None
    nxt = arabic.normalise(after[0].group()) if after else ""
    prev = arabic.normalise(before[-1].group()) if before else ""
    if nxt in _months() or prev in _months() or nxt in PART_AFTER or prev in SUBSET_BEFORE:
        return None
    if not n.spelled and not n.vague and 1000 <= n.value <= 2100 and not (after and _people(after[0].group())):
        return None  # a year
    category_, start, end, group = None, n.start, n.end, None
    k = 1 if n.vague and nxt == "من" else 0  # "عشرات الآلاف من المدنيين"
    if k < len(after) and after[k].start() < next_num:
        w = after[k]
        if _people(w.group()):
            group, end = w.group(), w.end()
            category_ = category(w.group()) if arabic.lookup(w.group(), _set("not_victims"), True) is None else None
            if arabic.lookup(w.group(), _set("not_victims"), True):
                return None
        elif category(w.group()):
            category_, end = category(w.group()), w.end()
        elif arabic.lookup(w.group(), _set("function_words")) is None \
                and not CLAUSE_STOP_RE.search(text[n.end:w.start()]) and "،" not in text[n.end:w.start()]:
            return None  # "ثلاثة مستشفيات": a count of things
    q = numbers_ar.qualifier(text[max(sent[0], n.start - 25):n.start])
    words_before = before[:len(before) - len(q.split())] if q else before
    if category_ is None and words_before and not CLAUSE_STOP_RE.search(text[words_before[-1].end():n.start]):
        cue = category(words_before[-1].group())
        k = len(words_before) - 1
        # Arabic puts the verb first and may name its subject before the count:
        # "واعتقلت الشرطة 14 متظاهرا" (one or two words with the article between)
        while not cue and k > 0 and len(words_before) - k <= 2 \
                and arabic.normalise(words_before[k].group()).startswith("ال"):
            k -= 1
            cue = category(words_before[k].group())
        if cue:
            category_, start = cue, words_before[k].start()
        elif arabic.lookup(words_before[-1].group(), COUNT_OF) or (len(words_before) > 1 and arabic.lookup(
                words_before[-2].group(), COUNT_OF)):
            for w in reversed(words_before[-8:]):  # "نزوح المدنيين والذي تخطى عددهم 45 ألفا"
                if category(w.group()):
                    category_, start = category(w.group()), w.start()
                    break
    if category_ is None:
        category_, end = _predicate(text, end, next_num)
    if category_ is None:
        return None
    if q and start == n.start:
        start = max(sent[0], text.rfind(q, max(sent[0], n.start - 30), n.start))
    q_after = numbers_ar.qualifier_after(text[end:end + 30])
    if q_after:
        end = text.find(q_after, end) + len(q_after)
    return FoundFigure(n, start, end, category_, qualifier=q or q_after, group=group)


def _predicate(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """"تسعة مهاجرين سوريين، من بينهم ستة أطفال غرقوا": a category word after the group, past
    an adjective and a "(من) بينهم N ..." aside, before the clause ends."""
    words = arabic.tokens(text, pos, min(limit, pos + WINDOW))
    k, seen = 0, 0
    while k < len(words) and seen < 5:
        w = words[k]
        if CLAUSE_STOP_RE.search(text[pos:w.start()]):
            break
        bare = arabic.normalise(w.group())
        if bare in SUBSET_BEFORE:
            k += 3 if k + 1 < len(words) and numbers_ar.find_numbers(words[k + 1].group()) else 1
            continue
        cue = category(w.group())
        if cue and not (limit < len(text) and text[w.end():limit].isspace()):
            return cue, w.end()
        if cue:
            break  # "غرق خمسة": the verb opens the next count (Arabic puts the verb first)
        k, seen = k + 1, seen + 1
    return None, pos

