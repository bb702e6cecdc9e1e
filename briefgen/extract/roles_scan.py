"""Reading a role phrase next to a name: "U.S. Secretary of State [John Kerry]",
"[Jan Egeland], senior advisor to the ...", "the mayor of Amatrice, [Sergio Pirozzi]"."""
from __future__ import annotations

from . import lexicon
from . import text as T
from .doc import Doc
from .names import is_role_word

FUNCTION = frozenset("""
the a an and or but to in on at by with from as that which who whom whose his her their its our my your
this these those is are was were be been being has have had will would can could may might should must
not also then than after before when while where according including between during since until into
about over under against among amid he she they it we i you there here what said says told if so
""".split())
PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "with", "from", "on"})
ARTICLES = frozenset({"the", "a", "an", "one"})
POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their", "our", "my", "your"})
BOUNDARY_WORDS = frozenset({"who", "which", "that", "whose", "whom", "where", "when", "said", "says", "told"})


def _contiguous(doc: Doc, a: T.Token, b: T.Token) -> bool:
    gap = doc.text[a.end:b.start]
    return gap.strip() == "" and len(gap) <= 3


def is_title_token(word: str) -> bool:
    return is_role_word(word) or word in T.RANKS or word in T.HONORIFICS or word in lexicon.title_words()


def has_role_head(words: list[str]) -> bool:
    low = [w.lower().rstrip(".") for w in words]
    roles = lexicon.roles()
    return any(w in roles for w in low) or any(f"{a} {b}" in roles for a, b in zip(low, low[1:])) \
        or any("-" in w and is_role_word(w) for w in words)  # "Editor-in-Chief"


def chunk_ends_with_role(words: list[str]) -> bool:
    """The first chunk (before any preposition) ends in a role head: "senior advisor (to ...)"."""
    chunk = []
    for w in words:
        if w.lower() in PREPOSITIONS:
            break
        chunk.append(w.lower().rstrip(".").replace("’s", "").replace("'s", ""))
    if not chunk:
        return False
    roles = lexicon.roles()
    return chunk[-1] in roles or (len(chunk) > 1 and f"{chunk[-2]} {chunk[-1]}" in roles)


def title_before(doc: Doc, toks: list[T.Token], i: int) -> tuple[int, int] | None:
    """Span of a title phrase that ends right before toks[i] (the name), or None.

    The word next to the name must be a title word; the phrase grows left over capitalised
    words, acronyms, role words and plain lowercase modifiers ("Majuli island wildlife official").
    """
    short = lexicon.title_abbreviations()
    if i == 0 or not _contiguous(doc, toks[i - 1], toks[i]) or not (
            is_title_token(toks[i - 1].bare) or toks[i - 1].text in short):
        return None
    j = i - 1
    seen_cap = T.is_capitalized(toks[j].text)
    speech = lexicon.speech_verbs()  # SPEECH_VERBS's set, looked up once rather than for every word
    while j > 0 and i - j < 8:
        prev = toks[j - 1]
        if not _contiguous(doc, prev, toks[j]) or T.is_possessive(prev.text):
            break
        w = prev.text
        low = w.lower()
        if T.is_number(w) or low in speech:
            break
        if low in ("of", "for") and T.is_capitalized(toks[j].text):
            j -= 1
            continue
        # a stop word breaks the title, but lowercase "police" in "Assam police chief" is its modifier
        if low in FUNCTION or low in T.CAP_STOP and not is_role_word(w) and (T.is_capitalized(w) or j < i - 1):
            break
        if not T.is_capitalized(w) and not is_role_word(w) and (seen_cap or low.endswith(("ed", "ing", "ly"))):
            break  # lowercase modifiers only before a lowercase head: "wildlife official", not "met President"
        seen_cap = seen_cap or T.is_capitalized(w)
        j -= 1
    while j < i and toks[j].text.lower() in ("of", "for"):
        j += 1
    words = [t.bare for t in toks[j:i]]
    # honorifics next to the name are not part of the role ("CDC director Dr Tom Frieden")
    k = i
    while k > j and toks[k - 1].bare in T.HONORIFICS:
        k -= 1
    if k == j or not (has_role_head(words) or any(t.bare in T.RANKS or t.text in short for t in toks[j:k])):
        return None
    return toks[j].start, toks[k - 1].end


def role_after(doc: Doc, toks: list[T.Token], i: int) -> tuple[int, int] | None:
    """", (a|an|the) senior advisor to the UN ..." starting after a comma at toks[i:]; span of the role."""
    start = i
    if start < len(toks) and toks[start].text.lower() in ARTICLES:
        start += 1
    if start + 1 < len(toks) and T.is_number(toks[start].text) and toks[start + 1].lower.startswith("year-old"):
        start += 2  # "a 42-year-old schoolteacher": the age is not part of the role
    j = start
    while j < len(toks) and j - start < 14:
        tok = toks[j]
        if j > start and not _contiguous(doc, toks[j - 1], tok):
            break
        if (tok.text.lower() in BOUNDARY_WORDS and not T.is_acronym(tok.text)) or T.is_number(tok.text):
            break  # "who" ends the role; "WHO" (the organisation) is part of it
        j += 1
    words = [t.bare for t in toks[start:j]]
    if not words or not chunk_ends_with_role(words):
        return None
    return toks[start].start, toks[j - 1].end


def role_before_comma(doc: Doc, toks: list[T.Token], i: int) -> tuple[int, int] | None:
    """"the mayor of Amatrice, [Name]": toks[i] is the name; the role NP ends before its comma."""
    if i == 0 or doc.text[toks[i - 1].end:toks[i].start].strip() != ",":
        return None
    j = i - 1
    start = None
    speech = lexicon.speech_verbs()
    while j >= 0 and i - j <= 9:
        tok = toks[j]
        if j < i - 1 and not _contiguous(doc, tok, toks[j + 1]):
            start = j + 1
            break
        low = tok.text.lower()
        if low in speech or low in BOUNDARY_WORDS or T.is_number(tok.text):
            start = j + 1
            break
        if low in ARTICLES or T.is_possessive(tok.text):
            start = j
            break
        if low in POSSESSIVE_DETERMINERS or (low in FUNCTION and j < i - 1):
            start = j + 1  # "that it had suspended its chief executive, Name": the role is "chief executive"
            break
        j -= 1
    if start is None:
        start = 0 if j < 0 else None
    if start is None or start >= i:
        return None
    first = start + 1 if toks[start].text.lower() in ARTICLES else start
    words = [t.bare for t in toks[first:i]]
    if toks[start].text.lower() not in ARTICLES and T.is_possessive(toks[start].text):
        words = words[1:]
    if not words or not chunk_ends_with_role(words):
        return _role_with_tail_before_comma(doc, toks, i)
    return toks[first].start, toks[i - 1].end


ROLE_TAIL_WORDS = frozenset({"at", "of", "for", "with", "from", "in", "to"})


def _role_with_tail_before_comma(doc: Doc, toks: list[T.Token], i: int) -> tuple[int, int] | None:
    """"an official at the ministry's disaster relief center, [Name]": an article, a role, then a
    preposition and its object up to the comma; the role is all of it."""
    j = i - 1
    speech = lexicon.speech_verbs()
    while j > 0 and i - j <= 14 and _contiguous(doc, toks[j - 1], toks[j]):
        low = toks[j].text.lower()
        if low in speech or low in BOUNDARY_WORDS or T.is_number(toks[j].text):
            return None
        if low in ROLE_TAIL_WORDS:
            k = j - 1
            while k >= 0 and j - k <= 4 and toks[k].text.lower() not in ARTICLES:
                k -= 1
            words = [t.bare for t in toks[k + 1:j]]
            if k >= 0 and toks[k].text.lower() in ARTICLES and words and chunk_ends_with_role(words) \
                    and all(_contiguous(doc, a, b) for a, b in zip(toks[k:j], toks[k + 1:j + 1])):
                return toks[k + 1].start, toks[i - 1].end
        j -= 1
    return None
