"""Role phrases next to a name, read with the words of the document's language (`people.toml`
and the role patterns of `roles.txt`): the English scanner (roles_scan.py) knows English word
order and function words; this one knows three shapes every language briefgen reads shares:

- the role right before the name: "le ministre de l'Intérieur [Name]", "der türkische Präsident [Name]";
- the role, then a comma: "el director general del organismo, [Name]", "o presidente do Brasil, [Name]";
- a comma, then the role: "[Name], productor de la BBC que ...".

Each returns the role's span, or None. A role is a role head (roles.txt) with the words that
may stand inside a phrase: links ("de", "der"), modifiers (nationality adjectives by their
endings) and capitalised words after a link ("de l'Intérieur").
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from . import lexicon
from . import text as T
from .doc import Doc
from .names import SPEECH_VERBS, is_role_word

ELISION = ("'", "’")
MAX_BEFORE = 8        # words from a role head to the name it titles
MAX_BEFORE_COMMA = 9  # words from a role head to the comma before the name
MAX_AFTER = 10


def _low(tok: T.Token) -> str:
    return tok.text.lower()


def _elided(tok: T.Token, links: frozenset[str]) -> bool:
    """ "l'Intérieur", "d'Etat": a link glued to a capitalised word."""
    for mark in ELISION:
        head, sep, rest = tok.text.partition(mark)
        if sep and head.lower() in links and rest[:1].isupper():
            return True
    return False


def _modifier(word: str, g: dict) -> bool:
    low = word.lower()
    return low in g["modifiers"] or (not word[:1].isupper() and len(low) > 3 and low.endswith(g["modifier_endings"]))


def _grammar() -> dict | None:
    return _grammar_of(lexicon.current())


@lru_cache(maxsize=None)
def _grammar_of(lang: str) -> dict | None:
    # made once per language, not for each of the ~90 names an article the role rules read (read-only)
    g = lexicon.grammar(lang)
    if not g:
        return None
    return {"links": frozenset(g.get("links", ())), "openers": frozenset(g.get("openers", ())),
            "modifiers": frozenset(g.get("modifiers", ())), "modifier_endings": tuple(g.get("modifier_endings", ())),
            "clause_words": frozenset(g.get("clause_words", ()))}


def _gap_ok(doc: Doc, a: T.Token, b: T.Token) -> bool:
    gap = doc.text[a.end:b.start]
    return gap.strip() in ("", "-") and len(gap) <= 3


def _extend_modifiers(toks: list[T.Token], r: int, g: dict, doc: Doc) -> int:
    """"premier ministre", "première ministre": modifiers right before the head belong to the role."""
    while r > 0 and _gap_ok(doc, toks[r - 1], toks[r]) and _low(toks[r - 1]) in g["modifiers"]:
        r -= 1
    return r


def _back(doc: Doc, toks: list[T.Token], i: int, limit: int) -> Iterator[int]:
    """Indexes from i - 1 leftwards, while the words stand together and no speech verb comes."""
    j = i - 1
    while j >= 0 and i - j <= limit:
        if (j < i - 1 and not _gap_ok(doc, toks[j], toks[j + 1])) or _low(toks[j]) in SPEECH_VERBS:
            return
        yield j
        j -= 1


def _span(doc: Doc, toks: list[T.Token], role_at: int | None, i: int, g: dict) -> tuple[int, int] | None:
    if role_at is None:
        return None
    return toks[_extend_modifiers(toks, role_at, g, doc)].start, toks[i - 1].end


def before(doc: Doc, toks: list[T.Token], i: int) -> tuple[int, int] | None:
    """The role right before toks[i] (the name's first word)."""
    g = _grammar()
    if g is None or i == 0 or not _gap_ok(doc, toks[i - 1], toks[i]) or _low(toks[i - 1]) in g["links"]:
        return None
    role_at = None
    for j in _back(doc, toks, i, MAX_BEFORE):
        tok = toks[j]
        if is_role_word(tok.bare):
            role_at = j
        elif tok.text[:1].isupper() and not _elided(tok, g["links"]):
            # a capitalised word belongs to the role only after a link ("ministre de la Santé"),
            # else it is another name ("le président Emmanuel Macron et le premier ministre ...")
            k = j
            while k > 0 and toks[k - 1].text[:1].isupper() and not is_role_word(toks[k - 1].bare):
                k -= 1
            if k == 0 or _low(toks[k - 1]) not in g["links"]:
                break
        elif not (_low(tok) in g["links"] or _elided(tok, g["links"]) or _modifier(tok.text, g)):
            break
    return _span(doc, toks, role_at, i, g)


def before_comma(doc: Doc, toks: list[T.Token], i: int) -> tuple[int, int] | None:
    """"<opener> <role> ... , Name": the role phrase ending at the comma before toks[i]."""
    g = _grammar()
    if g is None or i == 0 or doc.text[toks[i - 1].end:toks[i].start].strip() != ",":
        return None
    found = None
    for j in _back(doc, toks, i, MAX_BEFORE_COMMA):
        opened = j == 0 or _low(toks[j - 1]) in g["openers"] or _low(toks[j - 1]) in SPEECH_VERBS \
            or not _gap_ok(doc, toks[j - 1], toks[j])
        if is_role_word(toks[j].bare) and opened:
            found = j
    return _span(doc, toks, found, i, g)


def after(doc: Doc, toks: list[T.Token], j: int) -> tuple[int, int] | None:
    """", [article] role ..." starting at toks[j] (right after the name's comma)."""
    g = _grammar()
    if g is None or j >= len(toks):
        return None
    k = j + 1 if _low(toks[j]) in g["openers"] else j
    r = k
    while r < len(toks) and r - k < 2 and _modifier(toks[r].text, g) and not is_role_word(toks[r].bare):
        r += 1
    if r >= len(toks) or not is_role_word(toks[r].bare):
        return None
    end = r
    while end + 1 < len(toks) and end + 1 - k < MAX_AFTER and _gap_ok(doc, toks[end], toks[end + 1]):
        nxt = toks[end + 1]
        if _low(nxt) in g["clause_words"] or _low(nxt) in SPEECH_VERBS or T.is_number(nxt.text):
            break
        end += 1
    while end > r and _low(toks[end]) in g["links"]:
        end -= 1
    return toks[k].start, toks[end].end
