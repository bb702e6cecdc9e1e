"""Figures in another language than English, read with that language's `figures.toml`.

The English rules of figures.py know English word order; these know what every language
briefgen reads shares: a number (digits with the language's separators, a scale word, a
number word read by text2num, or a vague quantity under the FACTS.md policy), the counted
people right after it, and a category word next to them: in the noun phrase ("37 morts",
"27 Tote"), in the predicate ("407 pessoas morreram", "800 Menschen wurden verletzt"), as the
verb before ("a tué 3 personnes") or as the toll the clause opens with ("Las muertes ...
ascienden a 196.295"). Anything else (units, years, ages, dates, clock times, money) is
no figure. The later rules of the chain (background, place and date) and `run` are shared.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .doc import Doc
from .numbers import Number

SEPARATORS = ";:.!?()[]«»\"“”„"
PREDICATE_WORDS = 10     # words after the counted group a category word may stand in
TOLL_WORDS = 16          # words back from the number to the toll word opening its clause
MIN_QUOTE_WORDS = 8      # a number inside a quote counts only in a whole quoted statement


def _glob(words: list[str]) -> str:
    """Words with `*` (any letters) as one alternation, longest first, whole words only."""
    alts = [re.escape(w).replace(r"\*", r"[^\W\d_]*").replace(r"\ ", r"\s+")
            for w in sorted(words, key=len, reverse=True)]
    return r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])"


@dataclass(frozen=True)
class Spec:
    number_re: re.Pattern[str]
    vague_re: re.Pattern[str] | None
    vague: dict[str, int]
    scales: dict[str, int]
    qualifier_re: re.Pattern[str] | None
    categories: list[tuple[re.Pattern[str], str]]
    people_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    subset_re: re.Pattern[str] | None
    not_before: frozenset[str]
    np_skip: frozenset[str]
    clause_breaks: frozenset[str]
    act_links: frozenset[str]
    thousands: str
    decimal: str
    # the categories' patterns in one: whether any category word starts at a place (most words are
    # none: one match instead of one per category)
    any_category: re.Pattern[str] | None = None


@lexicon.per_language
def spec(lang: str) -> Spec | None:
    """The language's figures.toml, compiled; None for English (figures.py) or a language without one."""
    path = lexicon.DATA / lang / "figures.toml"
    if lang == lexicon.DEFAULT or not path.is_file():
        return None
    t = tomllib.loads(path.read_text(encoding="utf-8"))
    seps = "".join(t.get("thousands", []))
    dec = t.get("decimal", ",")
    scales = {k.lower(): int(v) for k, v in t.get("scales", {}).items()}
    scale_alt = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
    digits = rf"\d{{1,3}}(?:[{re.escape(seps)}]\d{{3}})+(?![\d])|\d+" if seps else r"\d+"
    number_re = re.compile(rf"(?<![\w.,/-])(?P<digits>{digits})(?:{re.escape(dec)}(?P<frac>\d+))?"
                           + (rf"(?:\s+(?P<scale>{scale_alt})(?![\w-]))?" if scale_alt else "") + r"(?![\w])",
                           re.IGNORECASE)
    vague = {" ".join(k.lower().split()): int(v) for k, v in t.get("vague", {}).items()}
    words = t.get("words", {})
    return Spec(
        number_re=number_re,
        vague_re=re.compile(_glob(list(vague)), re.IGNORECASE) if vague else None,
        vague=vague, scales=scales,
        qualifier_re=re.compile(r"(?:" + _glob(t["qualifiers"]) + r")\s+$", re.IGNORECASE) if t.get("qualifiers") else None,
        categories=[(re.compile(_glob(ws), re.IGNORECASE), cat) for cat, ws in t.get("categories", {}).items()],
        people_re=re.compile(_glob(words.get("people", ["-"])), re.IGNORECASE),
        unit_re=re.compile(r"\s*(?:" + _glob(words.get("units", ["-"])).replace(r"(?<![\w-])", "", 1) + r"|%)",
                           re.IGNORECASE),
        subset_re=re.compile(r"(?:" + _glob(words["subsets"]) + r")\s+$", re.IGNORECASE) if words.get("subsets") else None,
        not_before=frozenset(w.lower() for w in words.get("not_before", [])),
        np_skip=frozenset(w.lower() for w in words.get("np_skip", [])),
        clause_breaks=frozenset(w.lower() for w in words.get("clause_breaks", [])),
        act_links=frozenset(w.lower() for w in words.get("act_links", [])),
        thousands=seps, decimal=dec,
        any_category=re.compile("|".join(f"(?:{_glob(ws)})" for ws in t["categories"].values()), re.IGNORECASE)
        if t.get("categories") else None,
    )


def _value(s: Spec, m: re.Match[str]) -> Number:
    raw = m.group("digits")
    for sep in s.thousands:
        raw = raw.replace(sep, "")
    value: float = float(f"{raw}.{m.group('frac')}") if m.group("frac") else float(raw)
    decimal = bool(m.group("frac"))
    scale = m.groupdict().get("scale")
    if scale:
        value, decimal = round(value * s.scales[scale.lower()]), False
    return Number(int(value) if value == int(value) else value, m.start(), m.end(), decimal=decimal)


def _spelled(doc: Doc, start: int, end: int, lang: str) -> list[Number]:
    """Number words ("trois", "siebenundzwanzig", "vingt-sept"), one word each, by text2num."""
    out = []
    for tok in doc.tokens_in(start, end):
        word = tok.text.lower()
        if not word.isalpha() and "-" not in word:
            continue
        value = _number_word(word, lang)
        if value and value > 0:
            out.append(Number(value, tok.start, tok.end, spelled=True))
    return out


@lru_cache(maxsize=65536)
def _number_word(word: str, lang: str) -> int | None:
    # cached: every word of every sentence is asked, most are no number (text2num raises, which
    # is slow) and the same words come again and again (~4 ms an article in de/fr/pt uncached)
    from text_to_num import text2num

    try:
        return text2num(word, lang)
    except (ValueError, TypeError):
        return None


def find_numbers(doc: Doc, s: Spec, start: int, end: int) -> list[Number]:
    found = [_value(s, m) for m in s.number_re.finditer(doc.text, start, end)]
    if s.vague_re is not None:
        found += [Number(s.vague[" ".join(m.group().lower().split())], m.start(), m.end(), vague=m.group())
                  for m in s.vague_re.finditer(doc.text, start, end)]
    found += _spelled(doc, start, end, doc.lang)
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Number] = []
    for n in found:  # the longest reading of a stretch wins ("des milliers" over "milliers")
        if not out or n.start >= out[-1].end:
            out.append(n)
    return out


def _excluded(doc: Doc, s: Spec, n: Number, sent: tuple[int, int], qualified: bool) -> bool:
    text = doc.text
    after = text[n.end:min(sent[1], n.end + 40)]
    before = text[max(sent[0], n.start - 40):n.start]
    if n.decimal or after[:1] in ("-", "‑", "–", "°", "/") or before.endswith(("-", "/", "n°", "#")):
        return True  # "14-jähriges", ranges, "n° 3"
    if s.unit_re.match(after) or (before.endswith("(") and after.startswith(")")):
        return True  # units, durations, money, "(12)" after a weekday
    q = doc.quote_at(n.start)
    if q is not None and len(text[q.start:q.end].split()) < MIN_QUOTE_WORDS:
        return True
    prev = before.split()[-1].lower() if before.split() else ""
    nxt = [w.strip(",.;:").lower() for w in after.split()[:3]]
    people_next = bool(nxt) and s.people_re.fullmatch(nxt[0]) is not None
    if not qualified and not n.vague and prev in s.not_before and not people_next:
        return True  # "le 12", "de 50 anos", "am 30." (not "de tres personas": people are counted)
    months = lexicon.months()
    if prev.rstrip(".,") in months or any(w in months for w in nxt[:3]):
        return True  # dates: "21 et 22 décembre", "5 de outubro"
    if not n.spelled and not n.vague and isinstance(n.value, int) and 1000 <= n.value <= 2100 \
            and not any(s.people_re.fullmatch(w) for w in nxt[:1]):
        return True  # a year
    return False


def candidates(doc: Doc, s: Spec, make) -> list:
    out = []
    for sent in doc.sentences:
        for n in find_numbers(doc, s, *sent):
            q = s.qualifier_re.search(doc.text, max(sent[0], n.start - 30), n.start) if s.qualifier_re else None
            if _excluded(doc, s, n, sent, q is not None):
                continue
            c = make(n, sent)
            if q:
                c.qualifier, c.start = " ".join(q.group().lower().split()), q.start()
            out.append(c)
    return out


def category_at(s: Spec, text: str, pos: int, end: int) -> tuple[str, int, int] | None:
    """The first category word that starts at `pos` (after spaces): (category, start, end)."""
    if s.any_category is None or s.any_category.match(text, pos, end) is None:
        return None  # no category's pattern matches here
    best = None
    for rx, cat in s.categories:
        m = rx.match(text, pos, end)
        if m and (best is None or m.end() > best[2]):
            best = (cat, m.start(), m.end())
    return best


def _words(doc: Doc, start: int, end: int) -> list:
    return doc.tokens_in(start, end)


def noun_phrase(doc: Doc, s: Spec, c) -> None:
    """"37 morts", "27 Tote", "Dezenas de pessoas", "sieben weitere Menschen": the counted people
    and a category word right after the number."""
    toks = _words(doc, c.num.end, c.sent[1])[:5]
    k = 0
    while k < len(toks) and (toks[k].lower in s.np_skip or (k == 0 and c.num.vague and toks[k].lower in ("de", "d"))):
        k += 1
    last = c.num.end
    for tok in toks[k:k + 3]:
        if any(ch in SEPARATORS + "," for ch in doc.text[last:tok.start]):
            break
        hit = category_at(s, doc.text, tok.start, c.sent[1])
        if hit:
            c.category, c.cue_end = hit[0], hit[2]
            c.np_end = max(c.np_end, hit[2])
            return
        if s.people_re.fullmatch(tok.text):
            c.head = tok.text.lower()
            c.np_end = tok.end
            last = tok.end
            continue
        break


def predicate(doc: Doc, s: Spec, c) -> None:
    """"407 pessoas morreram", "mehr als 800 Menschen wurden verletzt", "Tausende seien obdachlos"."""
    if c.category:
        return
    pos = max(c.np_end, c.num.end)
    toks = _words(doc, pos, c.sent[1])[:PREDICATE_WORDS]
    for n, tok in enumerate(toks):
        gap = doc.text[pos:tok.start]
        if any(ch in SEPARATORS + "," for ch in gap) or (n and T_is_number(tok.text)):
            return
        if tok.lower in s.clause_breaks and not _coordinated(doc, s, toks[n + 1:n + 3]):
            return  # "3 tués et 12 blessés": the next clause has its own category
        hit = category_at(s, doc.text, tok.start, c.sent[1])
        if hit:
            c.category, c.cue_end = hit[0], hit[2]
            return
        pos = tok.end


def _coordinated(doc: Doc, s: Spec, after: list) -> bool:
    """"Oito crianças e uma professora morreram": after "e", more counted people share the verb."""
    return bool(after) and category_at(s, doc.text, after[0].start, after[0].end) is None \
        and any(s.people_re.fullmatch(t.text) for t in after)


def T_is_number(word: str) -> bool:
    return word[:1].isdigit()


def verb_before(doc: Doc, s: Spec, c) -> None:
    """"a tué 3 personnes", "blessé 12 personnes": the participle right before the number; or the
    noun of what was done to the people counted, and its link: "el apuñalamiento de tres personas",
    "la mort de trois personnes" (`act_links`; counted people needed, "la mort de 2018" is no one)."""
    if c.category:
        return
    toks = _words(doc, c.sent[0], c.start)
    if toks and not doc.text[toks[-1].end:c.start].strip():
        hit = category_at(s, doc.text, toks[-1].start, toks[-1].end)
        if hit and (c.head or not _noun_after(doc, s, c)):
            c.category, c.start = hit[0], toks[-1].start
        elif not hit and c.head and len(toks) >= 2 and toks[-1].lower in s.act_links \
                and not doc.text[toks[-2].end:toks[-1].start].strip():
            hit = category_at(s, doc.text, toks[-2].start, toks[-2].end)
            if hit:
                c.category, c.start = hit[0], toks[-2].start


def _noun_after(doc: Doc, s: Spec, c) -> bool:
    """Whether a word that is no people word follows the number (it counts something else)."""
    toks = _words(doc, c.num.end, c.sent[1])[:1]
    if not toks or doc.text[c.num.end:toks[0].start].strip():
        return False
    word = toks[0].text
    return not s.people_re.fullmatch(word) and (word[:1].isupper() if doc.lang == "de" else word.isalpha()
                                                 and toks[0].lower not in _LINKS)


_LINKS = frozenset("et e y und ou o oder en em in dans no na nesta neste mientras que para selon según segundo laut".split())


def toll(doc: Doc, s: Spec, c) -> None:
    """"Las muertes globales ... ascienden a 196.295", "die Zahl der Toten ... auf mindestens 27
    gestiegen": a bare number whose clause opens with a casualty noun takes its category."""
    if c.category or c.head or _noun_after(doc, s, c):
        return
    text = doc.text
    clause_start = max(c.sent[0], max((text.rfind(ch, c.sent[0], c.start) for ch in ",;:"), default=-1) + 1)
    toks = _words(doc, clause_start, c.start)[-TOLL_WORDS:]
    for tok in toks:
        hit = category_at(s, text, tok.start, c.start)  # "víctimas mortales": a phrase may span words
        if hit and hit[0] in ("killed", "injured", "missing", "displaced"):
            c.category, c.start = hit[0], tok.start
            return


def subset(doc: Doc, s: Spec, c) -> None:
    """"dont 6 sont en urgence absolue", "darunter 3 Kinder": a part of the figure before, not a figure."""
    if s.subset_re is not None and s.subset_re.search(doc.text, max(c.sent[0], c.start - 20), c.start):
        c.drop = True


RULES = (noun_phrase, verb_before, predicate, toll, subset)


def categorise(doc: Doc, cands: list) -> None:
    s = spec(doc.lang)
    if s is None:
        return
    for c in cands:
        for rule in RULES:
            if not c.drop:
                rule(doc, s, c)
