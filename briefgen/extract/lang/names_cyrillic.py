"""People, organisations and places in Russian and Ukrainian text.

Runs of capitalised words are split into what they are by the morphology dictionary (first
names, surnames and place names carry the Name/Surn/Geox marks), word lists in
`data/<lang>/` (roles, place nouns, places, organisations) and the words around them:
"в місті Чжухай" (a place after a place noun), "по маршруту A — B — C" (stops of a route),
"глава Удмуртии Александр Бречалов" (a name after a role), "водій на прізвище Фан". Every name
is given in the nominative: as the text prints it when it does ("Олена Кулик"), else its lemma.
Inflected mentions ("Оленою Кулик", "у Кривому Розі", "Бречалов") are cited under that name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import morph, tables
from ...sentences import sentences
from .found import FoundName, add_name

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ"
ABBR_RE = re.compile(rf"[{UPPER}]{{2,6}}")
DASH_RE = re.compile(r"\s+[—–-]\s+")
SURNAME_CUES = ("на прізвище", "на ім'я", "по фамилии", "по имени")


@dataclass
class Tok:
    text: str
    start: int
    end: int
    first: bool   # opens a sentence
    # worked out once with the token (every scan asks every token, several times):
    cap: bool = False    # opens with a capital
    abbr: bool = False   # two to six capitals ("ЗСУ", "CNN")


@lru_cache(maxsize=None)
def _set(lang: str, name: str) -> frozenset[str]:
    return frozenset(tables.lines(lang, name))


@lru_cache(maxsize=None)
def _gazetteer(lang: str) -> dict[tuple[str, ...], str]:
    """Known places: (lemma of each word) -> the nominative name; the list plus pycountry's
    country names in this language."""
    names = list(tables.lines(lang, "places"))
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for c in pycountry.countries:
            for n in {c.name, getattr(c, "common_name", None)}:
                if n and "," not in tr.gettext(n) and "(" not in tr.gettext(n):
                    names.append(tr.gettext(n))
    except (OSError, ImportError):
        pass  # the shipped list alone
    out: dict[tuple[str, ...], str] = {}
    for name in names:
        key = tuple(_lemma_key(lang, w) for w in name.split())
        out.setdefault(key, name)
    return out


@lru_cache(maxsize=None)
def _by_first(lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The gazetteer indexed by its entries' first lemma, so a word is checked against few."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, name in _gazetteer(lang).items():
        out.setdefault(key[0], []).append((key, name))
    return out


def _lemma_key(lang: str, word: str) -> str:
    """The lemma a name's word is keyed by: the nominative reading's (the dictionary's first)."""
    return morph.lemmas(lang, word)[0] if morph.parses(lang, word) else word.lower()


def _tokens(text: str, sents: list[tuple[int, int]] | None = None) -> list[Tok]:
    starts = {s for s, _ in (sentences(text) if sents is None else sents)}
    out = []
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        cap = word[0] in UPPER
        # an abbreviation opens with a capital: the pattern runs only on capitalised words
        out.append(Tok(word, m.start(), m.end(), m.start() in starts, cap, cap and ABBR_RE.fullmatch(word) is not None))
    return out


def _in(lang: str, word: str, name: str) -> bool:
    return morph.lookup(lang, word, _set(lang, name)) is not None


def find(text: str, lang: str, sents: list[tuple[int, int]] | None = None) -> list[FoundName]:
    """`sents`: the text's sentences, when the caller has them (`sentences(text)`)."""
    toks = _tokens(text, sents)
    names: dict[tuple[str, str], FoundName] = {}
    taken: set[int] = set()  # token indexes already part of a name
    _orgs(text, lang, toks, names, taken)
    _places(text, lang, toks, names, taken)
    _people(text, lang, toks, names, taken)
    return list(names.values())


@lru_cache(maxsize=None)
def _known_orgs(lang: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The language's organisations (words, name), in the list's order, by their first word: a
    token is compared with the few that open with it, not with every one."""
    known = {tuple(n.split()): n for n in tables.lines(lang, "orgs")}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, name in known.items():
        by_first.setdefault(words[0], []).append((words, name))
    return {first: tuple(entries) for first, entries in by_first.items()}


def _orgs(text: str, lang: str, toks: list[Tok], names, taken: set[int]) -> None:
    known = _known_orgs(lang)
    for i, t in enumerate(toks):
        for words, name in known.get(t.text, ()):
            if tuple(x.text for x in toks[i:i + len(words)]) == words:
                add_name(names, "org", name, t.start, toks[i + len(words) - 1].end)
                taken.update(range(i, i + len(words)))
        if not t.abbr or t.text in _set(lang, "not_orgs") or i in taken:
            continue
        j = i + 1
        # "CNN Indonesia": a Latin abbreviation with the capitalised Latin words after it
        while t.text.isascii() and j < len(toks) and toks[j].cap and toks[j].text.isascii() \
                and not toks[j].abbr and text[toks[j - 1].end:toks[j].start] == " " and j - i < 3:
            j += 1
        add_name(names, "org", text[t.start:toks[j - 1].end], t.start, toks[j - 1].end)
        taken.update(range(i, j))


def _geox(lang: str, word: str) -> str | None:
    p = morph.first(lang, word)
    # a guessed reading marks any unknown word ending like a town ("Кляйн") as one: dictionary only
    if p is not None and p.pos == "NOUN" and "Geox" in p.grammemes and p.known:
        return "-".join(part.capitalize() for part in p.lemma.split("-"))
    return None


def _places(text: str, lang: str, toks: list[Tok], names, taken: set[int]) -> None:
    gaz = _gazetteer(lang)
    longest = max((len(k) for k in gaz), default=1)
    lemma_names: dict[str, str] = {}
    # each token's readings made once, not again for each run length that starts at or covers it
    read: dict[int, set[str]] = {}

    def readings_of(k: int) -> set[str]:
        r = read.get(k)
        if r is None:
            r = read[k] = set(morph.lemmas(lang, toks[k].text)) | {toks[k].text.lower()}
        return r

    for i, t in enumerate(toks):
        if i in taken or not t.cap or t.abbr:
            continue
        for n in range(min(longest, 3), 0, -1):  # "Кривому Розі" before "Розі"
            run = toks[i:i + n]
            if len(run) < n or not all(x.cap for x in run):
                continue
            readings = [readings_of(k) for k in range(i, i + n)]
            hit = next((name for first in readings[0] for key, name in _by_first(lang).get(first, ())
                        if len(key) == n and all(k in r for k, r in zip(key, readings))), None)
            if hit:
                add_name(names, "place", hit, t.start, run[-1].end)
                taken.update(range(i, i + n))
                lemma_names[_lemma_key(lang, run[-1].text)] = hit
                break
        if i in taken:
            continue
        geo = _geox(lang, t.text)
        if geo:
            add_name(names, "place", geo, t.start, t.end)
            taken.add(i)
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if i + 1 in taken or not nxt.cap or nxt.abbr or t.cap and not t.first:
            continue
        if _in(lang, t.text, "place_nouns") and text[t.end:nxt.start] == " " and not _name_like(lang, nxt.text, known=True):
            add_name(names, "place", nxt.text, nxt.start, nxt.end)  # apposition: nominative as printed
            taken.add(i + 1)
        elif _in(lang, t.text, "route_nouns"):
            j = i + 1
            while j < len(toks) and toks[j].cap and (j == i + 1 or DASH_RE.fullmatch(text[toks[j - 1].end:toks[j].start])):
                add_name(names, "place", toks[j].text, toks[j].start, toks[j].end)
                taken.add(j)
                j += 1
    # the places' other case forms: "у Чжухаї" under "Чжухай"
    keys = {_lemma_key(lang, item.name): item.name for item in names.values() if item.kind == "place"}
    keys |= {item.name.lower(): item.name for item in names.values() if item.kind == "place"}
    for i, t in enumerate(toks):
        if i in taken or not t.cap:
            continue
        name = next((keys[lem] for lem in [t.text.lower(), *morph.lemmas(lang, t.text)] if lem in keys), None)
        if name:
            add_name(names, "place", name, t.start, t.end)
            taken.add(i)


def _role(lang: str, word: str) -> bool:
    """A role noun by its likeliest reading ("после" is not "посол")."""
    p = morph.first(lang, word)
    return p is not None and p.pos == "NOUN" and p.lemma in _set(lang, "role_lemmas")


def _name_word(lang: str, tok: Tok) -> bool:
    p = morph.first(lang, tok.text)
    return len(tok.text) > 1 and not (p and p.pos in ("PREP", "CONJ", "PRCL", "NPRO", "INTJ"))


def _name_like(lang: str, word: str, known: bool = False) -> bool:
    """A first name, surname or patronymic reading; `known`: the dictionary's, not a guess
    ("Хебей" after "провінції" is guessed a surname, "Петр" is a known first name)."""
    return any(g in p.grammemes for p in morph.parses(lang, word) if p.known or not known
               for g in ("Name", "Surn", "Patr"))


def _role_before(text: str, lang: str, toks: list[Tok], i: int) -> str | None:
    """"глава Удмуртии", "Міністр внутрішніх справ", "начальник Одеської обласної військової
    адміністрації": a role word at most six words before the name, in the same sentence."""
    for k in range(i - 1, max(-1, i - 7), -1):
        if re.search(r"[.,;:!?()«»\"]", text[toks[k].end:toks[k + 1].start]):
            return None
        if _role(lang, toks[k].text):
            return text[toks[k].start:toks[i].start].strip()
        if toks[k].first:
            return None
    return None


def _people(text: str, lang: str, toks: list[Tok], names, taken: set[int]) -> None:
    runs: list[list[int]] = []
    i = 0
    while i < len(toks):
        if i in taken or not toks[i].cap or toks[i].abbr or _role(lang, toks[i].text) \
                or not _name_word(lang, toks[i]):
            i += 1
            continue
        j = i
        while j < len(toks) and j not in taken and toks[j].cap and not toks[j].abbr and j - i < 3 \
                and _name_word(lang, toks[j]) and toks[j].text.isascii() == toks[i].text.isascii() \
                and (j == i or text[toks[j - 1].end:toks[j].start] == " ") and not (j > i and toks[j].first):
            j += 1
        runs.append(list(range(i, j)))
        i = j
    people: list[tuple[list[int], str]] = []
    for run in runs:
        words = [toks[k].text for k in run]
        role = _role_before(text, lang, toks, run[0])
        if toks[run[0]].first and not _name_like(lang, words[0]) and not role:
            run, words = run[1:], words[1:]  # a capitalised sentence opener, not a name
        if len(run) >= 2 and (role or any(_name_like(lang, w) for w in words)):
            people.append((run, role or ""))
    # single words after "на прізвище"/"по фамилии": the driver's surname (only the cues the text holds
    # are looked for after each word: most texts hold none)
    cues = [c for c in SURNAME_CUES if c in text]
    for k, t in enumerate(toks[:-1] if cues else ()):
        if not t.cap and any(text[t.end:t.end + len(c) + 2].strip().startswith(c) for c in cues):
            nxt = next((n for n in range(k + 1, min(k + 4, len(toks))) if toks[n].cap), None)
            if nxt is not None and nxt not in taken:
                people.append(([nxt], t.text))
    full: dict[tuple[str, ...], str] = {}
    for run, role in people:
        key = tuple(_lemma_key(lang, toks[k].text) for k in run)
        # the first word decides (a surname's reading is often a guess: "Сомов" as an adjective)
        nominative = any("nomn" in p.grammemes for p in morph.parses(lang, toks[run[0]].text)) \
            or not morph.parses(lang, toks[run[0]].text)
        if nominative:
            full[key] = " ".join(toks[k].text for k in run)
        else:  # printed only inflected ("Владимиру Путину"): the lemmas
            full.setdefault(key, " ".join(k.capitalize() for k in key))
    for run, role in people:
        key = tuple(_lemma_key(lang, toks[k].text) for k in run)
        add_name(names, "person", full[key], toks[run[0]].start, toks[run[-1]].end, role=role or None)
        taken.update(run)
    # one-word mentions of a known person: the surname ("Бречалов") or, when only one person
    # has it, the first name ("Максим")
    by_word: dict[str, set[str]] = {}
    for key, name in full.items():
        for part in (key[0], key[-1]):
            by_word.setdefault(part, set()).add(name)
    for i, t in enumerate(toks):
        if i in taken or not t.cap or t.abbr:
            continue
        cands = {n for lem in [_lemma_key(lang, t.text), t.text.lower()] for n in by_word.get(lem, ())}
        if len(cands) == 1:
            add_name(names, "person", cands.pop(), t.start, t.end)
