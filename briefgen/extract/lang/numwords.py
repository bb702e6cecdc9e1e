"""Numbers written in words or digits, read with one language's table (`data/<lang>/numbers.toml`).

Shared by the Cyrillic and Arabic readers: a number is a run of number words joined by spaces
("двадцать три тысячи", "خمسه وعشرون الف") or digits with an optional scale word ("45 ألف",
"1,5 млн"). Vague words ("десятки", "عشرات الآلاف") take FACTS.md's policy value and keep
their words in `Number.vague`. Returns the English reader's `Number`, so the figure rules
downstream need not know which language a count came from.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..numbers import Number
from . import tables

ADDITIVE = ("units", "tens", "hundreds")
MAX_DIGITS = 12


@dataclass(frozen=True)
class Table:
    words: dict[str, tuple[str, int]]        # form -> (kind, value)
    vague: dict[str, int]                    # form -> policy value
    vague_scales: dict[str, int]             # "тысяч" in "десятки тысяч", "الالاف" in "عشرات الالاف"
    qualifiers_before: tuple[str, ...]       # longest first
    qualifiers_after: tuple[str, ...]
    duals: dict[str, int]                    # "ألفي" alone: two thousand


def load(lang: str, normalise: Callable[[str], str]) -> Table:
    data = tables.toml(lang, "numbers")
    words: dict[str, tuple[str, int]] = {}
    for kind in ("units", "teen_units", "teen_tens", "tens", "hundreds", "collectives", "scales"):
        for value, forms in data.get(kind, {}).items():
            for form in forms:
                words.setdefault(normalise(form), (kind, int(value)))
    vague = {normalise(f): int(v) for v, forms in data.get("vague", {}).items() for f in forms}
    vague_scales = {normalise(f): int(v) for v, forms in data.get("vague_scales", data.get("scales", {})).items()
                    for f in forms}
    quals = data.get("qualifiers", {})
    before = tuple(sorted((normalise(q) for q in quals.get("before", [])), key=len, reverse=True))
    after = tuple(sorted((normalise(q) for q in quals.get("after", [])), key=len, reverse=True))
    duals = {normalise(f): int(v) for v, forms in data.get("duals", {}).items() for f in forms}
    return Table(words, vague, vague_scales, before, after, duals)


# Not frozen: every word of a text becomes one, and a frozen dataclass's __init__ (each field
# set through object.__setattr__) costs several times a slotted one's. Nothing changes a Tok.
@dataclass(slots=True)
class Tok:
    text: str      # the normalised word, clitics removed (for lookups)
    start: int
    end: int
    digits: str | None = None


def tokenize(pattern: re.Pattern[str], word: Callable[[str], str], text: str, start: int = 0,
             end: int | None = None) -> list[Tok]:
    """`pattern`'s matches as tokens: group "d" digits, group "w" a word mapped by `word`."""
    out = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        if m.group("d"):
            out.append(Tok(m.group("d"), m.start(), m.end(), digits=m.group("d")))
        else:
            out.append(Tok(word(m.group("w")), m.start(), m.end()))
    return out


def read(toks: list[Tok], table: Table, joiner: Callable[[Tok], Tok | None] | None = None,
         comma_groups: bool = False) -> list[Number]:
    """Numbers in a token list. `joiner(tok)` gives the token without a conjunction clitic
    ("وعشرون" -> "عشرون") when the language writes "and" into the next number word;
    `comma_groups`: a comma before three digits groups thousands ("1,250" in Arabic text),
    where Russian and Ukrainian read it as a decimal comma."""
    out: list[Number] = []
    words, vague, duals = table.words, table.vague, table.duals
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.digits is None and tok.text not in words and tok.text not in vague and tok.text not in duals:
            i += 1  # most words: no number starts here (what `_one` answers for them)
            continue
        n, used = _one(toks, i, table, joiner, comma_groups)
        if n is None:
            i += max(used, 1)
            continue
        out.append(n)
        i += used
    return out


def printed(text: str, numbers: list[Number]) -> list[Number]:
    """Vague words as the text prints them ("الآلاف", not the table's "الالاف")."""
    return [replace(n, vague=text[n.start:n.end]) if n.vague else n for n in numbers]


def _one(toks: list[Tok], i: int, table: Table, joiner, comma_groups: bool) -> tuple[Number | None, int]:
    tok = toks[i]
    if tok.digits is not None:
        if sum(c.isdigit() for c in tok.digits) > MAX_DIGITS:  # a serial or a phone number, never a count
            scaled = i + 1 < len(toks) and table.words.get(toks[i + 1].text, ("", 0))[0] == "scales"
            return None, 2 if scaled else 1
        value, decimal = _digits(tok.digits, comma_groups)
        j = i + 1
        if j < len(toks) and toks[j].digits is None and table.words.get(toks[j].text, ("", 0))[0] == "scales":
            value, decimal, j = round(value * table.words[toks[j].text][1]), False, j + 1
        num = int(value) if value == int(value) else value
        return Number(num, tok.start, toks[j - 1].end, decimal=decimal), j - i
    if tok.text in table.duals:
        return Number(table.duals[tok.text], tok.start, tok.end, spelled=True), 1
    kind, value = table.words.get(tok.text, ("", 0))
    if not kind and tok.text in table.vague:
        value, j = table.vague[tok.text], i + 1
        if j < len(toks) and toks[j].text in table.vague_scales and toks[j].digits is None and value < 1000:
            value, j = value * table.vague_scales[toks[j].text], j + 1  # "десятки тысяч", "عشرات الالاف"
        words = " ".join(t.text for t in toks[i:j])
        return Number(value, tok.start, toks[j - 1].end, vague=words), j - i
    if not kind or kind == "teen_tens":
        return None, 0
    if kind == "scales" and tok.text in table.vague:
        return Number(table.vague[tok.text], tok.start, tok.end, vague=tok.text), 1
    total, current, j, last = 0, 0, i, None
    while j < len(toks) and toks[j].digits is None:
        word = toks[j]
        entry = table.words.get(word.text)
        if entry is None and j > i and joiner is not None:
            bare = joiner(word)
            entry = table.words.get(bare.text) if bare is not None else None
            if entry is not None and entry[0] not in ("tens", "units", "hundreds"):
                entry = None  # "و" joins "خمسه وعشرون", not a scale
        if entry is None:
            break
        k, v = entry
        if k == "teen_tens":
            if last not in ("units", "teen_units"):
                break
            current += v  # "ثلاثه عشر": the unit is already counted
        elif k in ADDITIVE or k in ("collectives", "teen_units"):
            if last in ("units", "collectives", "teen_units") and k != "tens":
                break  # "два три" is two numbers (or none), never five
            current += v
        elif k == "scales":
            if last == "scales":
                break
            total += max(current, 1) * v
            current = 0
        last = k
        j += 1
    if j == i:
        return None, 0
    value = total + current
    return (Number(value, tok.start, toks[j - 1].end, spelled=True), j - i) if value else (None, 0)


def _digits(raw: str, comma_groups: bool) -> tuple[float, bool]:
    """"45 000", "1,5", "٤٥", "2.8": the value and whether it has a fraction. A comma or a dot
    before exactly three digits (and more digits before) groups thousands; otherwise it is
    the decimal mark, as ru/uk/ar write it."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("٬", ",").replace("٫", ".")
    raw = raw.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", raw) and raw.count(",") + raw.count(".") > 0 \
            and (comma_groups or not re.fullmatch(r"\d[,.]\d{3}", raw)):
        return float(raw.replace(",", "").replace(".", "")), False
    raw = raw.replace(",", ".")
    digits = "".join(str(int(c)) if c.isdigit() else c for c in raw)  # ٤٥ -> 45, ۴۵ -> 45
    return float(digits), "." in digits


def qualifier(text_before: str, table: Table, normalise: Callable[[str], str]) -> str | None:
    """The approximating words that end `text_before` ("более ", "أكثر من "), as printed."""
    words = text_before.split()
    for n in range(min(5, len(words)), 0, -1):
        tail = " ".join(words[-n:])
        if normalise(tail) in table.qualifiers_before:
            return tail
    return None
