"""Number expressions with their values: "18,000", "1.5 million", "eight thousand", "Eleven",
"a dozen", and vague quantities by a stated policy (ACLED's: tens 10, dozens 12, hundreds
100, thousands 1000; "tens of thousands" 10,000). Filtering (ages, years, units) is the
figure rules' job, not this module's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# "lakh" and "crore" are the South Asian English scales (100,000 and 10 million): "4.5 lakh people"
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
          "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
VAGUE = {  # the vague-quantity policy; longest phrases first
    "hundreds of thousands": 100_000, "tens of thousands": 10_000, "hundreds of millions": 100_000_000,
    "tens of millions": 10_000_000, "millions": 1_000_000, "thousands": 1000, "hundreds": 100,
    "dozens": 12, "scores": 20,
}

_SMALL = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_WORD = rf"(?:{_SMALL})(?:[- ](?:{'|'.join(UNITS)}))?"
_WORDS_RE = rf"(?:(?:a|{_WORD})(?:\s+(?:hundred|thousand|million|billion|lakhs?|crores?)(?:\s+and)?(?:\s+{_WORD})?)+|{_WORD}|a\s+dozen)"
_DIGITS_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_RE = re.compile(
    rf"(?<![\w$£€.,-])(?:(?P<vague>{'|'.join(VAGUE)})|(?P<digits>{_DIGITS_RE})(?:\s+(?P<scale>million|billion|thousand|lakhs?|crores?))?"
    rf"|(?P<words>{_WORDS_RE}))(?![\w]|[.,:]\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    value: int | float
    start: int
    end: int
    vague: str | None = None   # the vague words ("dozens"), when the value is the policy's
    spelled: bool = False      # written in words
    decimal: bool = False      # "6.2", "3.30": never a count unless scaled ("1.5 million")


def _words_value(words: str) -> int | None:
    words = words.lower().replace("-", " ")
    if words == "a dozen":
        return 12
    total, current = 0, 0
    for w in words.split():
        if w in ("and",):
            continue
        if w == "a":
            current = 1
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in SCALES:
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
    return total + current


# Lowercased first words a NUMBER_RE match can open with; runs that are not plain ASCII
# letters (digits among them) are always tried.
FIRST_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(v.split()[0] for v in VAGUE) | {"a"}


def _matches(text: str, start: int, end: int, cands: list[int]) -> Iterator[re.Match[str]]:
    """Exactly `NUMBER_RE.finditer(text, start, end)`: a match opens after `(?<![\\w...])`, so
    at the start of a `\\w+` run; the pattern is tried only at runs that can open one."""
    match = NUMBER_RE.match
    last = start
    for pos in cands:
        if pos < last:
            continue
        m = match(text, pos, end)
        if m is not None:
            yield m
            last = m.end() if m.end() > pos else pos + 1


def find_numbers(text: str, start: int = 0, end: int | None = None, doc=None) -> list[Number]:
    """Numbers in [start, end). With `doc` (whose text this is) the scan tries only the words
    that can open a number (`Doc.run_candidates`); the result is the same."""
    out = []
    end = len(text) if end is None else end
    found = (_matches(text, start, end, doc.run_candidates("numbers", FIRST_WORDS, start, end))
             if doc is not None else NUMBER_RE.finditer(text, start, end))
    for m in found:
        if m.group("vague"):
            phrase = re.sub(r"\s+", " ", m.group("vague").lower())
            out.append(Number(VAGUE[phrase], m.start(), m.end(), vague=m.group("vague")))
        elif m.group("digits"):
            raw = m.group("digits").replace(",", "")
            value: float = float(raw)
            decimal = "." in raw
            if m.group("scale"):
                # rounded: "1.61 crore" is 16,100,000 people, not 16100000.000000002
                value = round(value * SCALES[m.group("scale").lower()])
                decimal = False
            num = int(value) if value == int(value) else value
            out.append(Number(num, m.start(), m.end(), decimal=decimal))
        else:
            value_w = _words_value(m.group("words"))
            if value_w:
                out.append(Number(value_w, m.start(), m.end(), spelled=True))
    return out
