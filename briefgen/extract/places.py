"""Places with ISO country codes.

Rules, in order: gazetteer names (countries, regions, states, provinces, big cities);
place nouns around a name ("the town of Amatrice", "Jemblung village", "the capital,
Bamako", "Ain al-Arab, a border town"); a locative preposition before an unknown name
("at Uri in ..."); "the Pathankot terror attack". The last rule registers every mention.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from . import gazetteer, lexicon
from . import text as T
from .doc import Doc
from .names import Run, is_demonym, is_org_head, is_role_word, is_stop
from .ruler import Ruler

PLACE_NOUNS = ("town", "village", "city", "district", "province", "region", "state", "county", "island",
               "neighbourhood", "neighborhood", "suburb", "governorate", "prefecture", "municipality",
               "hamlet", "township", "commune", "port", "valley", "capital")
NOUN_RE = "(?:" + "|".join(PLACE_NOUNS) + ")"
LOCATIVE = frozenset({"between", "in", "at", "near", "into", "outside", "across", "around", "towards", "toward", "from", "inside"})
# words that may follow a place after a locative preposition (so "from Ebola has ..." is not a place)
AFTER_PLACE = frozenset({"in", "on", "and", "or", "at", "near", "where", "which", "who", "to", "from", "for",
                         "after", "before", "since", "during", "as", "with", "by", "last", "this", "when",
                         "late", "early", "earlier", "later", "yesterday", "today", "overnight", "next"})
NAME = r"(?:[A-Z][\w’'-]*|(?:al|el|ad|as|ash|ar)-[A-Z][\w’'-]*)(?:\s(?:(?:de|del|della|di|da|al|el)\s)?(?:[A-Z][\w’'-]*|(?:al|el|ad|as)-[A-Z][\w’'-]*)){0,3}"
LIST = rf"{NAME}(?:,\s{NAME})*(?:,?\s(?:and|or)\s{NAME})?"
NOUN_OF_RE = re.compile(rf"(?:(?P<adj>[A-Z][\w-]*)\s+(?:[a-z][\w-]*\s+)?)?\b{NOUN_RE}s?\s+of\s+(?P<list>{LIST})")
NAME_NOUN_RE = re.compile(rf"(?P<name>{NAME})(?:['’]s)?\s+(?:{NOUN_RE}|District|Province|wildlife sanctuary|national park|game reserve)\b")
# "in Sancharak district, Sar-e-Pul, ...": the province a district lies in, after a comma
ADMIN_APPOSITION_RE = re.compile(rf"\b(?:district|county|municipality|township),\s+(?P<name>{NAME})"
                                 rf"(?=\s*[,.;]|\s+(?:province|region|state)\b)")
CAPITAL_RE = re.compile(rf"\bthe\s+capital,?\s+(?P<name>{NAME})")
APPOSITION_RE = re.compile(rf"(?P<name>{NAME})\s*[,–—-]\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){{0,4}}?{NOUN_RE}s?\b")
ATTACK_RE = re.compile(r"\bthe\s+(?:\d{4}\s+)?(?P<name>[A-Z][\w-]+)\s+(?:terror\s+|terrorist\s+|suicide\s+)?(?:attack|bombing|blast|massacre|earthquake|quake|landslide|floods?)\b")
# For `T.finditer_anchored`, per pattern: where every match reaches a literal part (the anchor),
# the characters that may stand between a match's start and it, and its possible first characters.
# Keep them in step with the patterns.
_NAME_LEAD = re.compile(r"[\w\s’'-]*")
_PLAIN_LEAD = re.compile(r"[\w\s-]*")
_NAME_FIRST = re.compile(r"[A-Z]|(?:al|el|ad|as|ash|ar)-")
_THE_FIRST = re.compile(r"t")
_UPPER_OR_NOUN_FIRST = re.compile("[A-Z" + "".join(sorted({n[0] for n in PLACE_NOUNS})) + "]")
NOUN_OF_CHECK = re.compile(rf"\b{NOUN_RE}s?\s+of\s")
NAME_NOUN_WORDS = (*PLACE_NOUNS, "District", "Province", "wildlife sanctuary", "national park", "game reserve")
NAME_NOUN_CHECK = re.compile(rf"(?<=\s)(?:{'|'.join(NAME_NOUN_WORDS)})\b")
CAPITAL_CHECK = re.compile(r"capital,?\s")
_ADMIN_WORDS = ("district,", "county,", "municipality,", "township,")
ADMIN_CHECK = re.compile(r"(?<![\w-])(?:district|county|municipality|township),\s")
_NONE_LEAD = re.compile(r"")
_ADMIN_FIRST = re.compile(r"[dcmt]")
APPOSITION_ANCHOR_RE = re.compile(r"[,–—-]\s+(?:a|an|the|one of the)\s")
# "the badly hit Bantul and Kulonprogo districts": a list before a plural place noun
PLURAL_NOUNS = ("districts", "provinces", "regions", "states", "counties", "villages", "towns", "cities",
                "municipalities", "governorates", "prefectures", "townships", "health zones")
PLURAL_CHECK = re.compile(rf"(?<=\s)(?:{'|'.join(PLURAL_NOUNS)})\b")
LIST_BEFORE_RE = re.compile(rf"(?P<list>{LIST})\s+$")
# the compass word that opens a district's name ("East Champaran", "North Kivu"), unlike a
# sentence's capitalised first word
COMPASS = frozenset({"North", "South", "East", "West", "Upper", "Lower"})
ATTACK_WORDS = ("attack", "bombing", "blast", "massacre", "earthquake", "quake", "landslide", "flood")
ATTACK_CHECK = re.compile(rf"(?<=\s)(?:{'|'.join(ATTACK_WORDS)})")

# The lowercased word each keyword scan above opens on. Every check but ATTACK_CHECK (whose
# words may go on: "attacks", "flooding") holds its keyword at a word's start and ends it there
# (or after a plural "s": NOUN_OF_CHECK), so its positions are where the document's word is one
# of these: looked up in Doc.word_positions' index rather than found with a str.find per keyword.
# CAPITAL_CHECK alone does not ask for the word's start; CAPITAL_RE does ("the capital").
NOUN_OF_WORDS = frozenset(PLACE_NOUNS) | {n + "s" for n in PLACE_NOUNS}
NAME_NOUN_FIRST_WORDS = frozenset(w.split()[0].lower() for w in NAME_NOUN_WORDS)
ADMIN_FIRST_WORDS = frozenset(w.rstrip(",") for w in _ADMIN_WORDS)
PLURAL_FIRST_WORDS = frozenset(w.split()[0] for w in PLURAL_NOUNS)


def _keyword_positions(doc: Doc, words: frozenset[str], check: re.Pattern[str]) -> list[int]:
    """What `T.keyword_positions` finds for a check that opens on one of `words` at a word's start."""
    text, match = doc.text, check.match
    return [q for q in doc.word_positions(words) if match(text, q)]


DATELINE_RE = re.compile(r"(?P<city>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,2})(?:,\s*(?P<region>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}))?"
                         r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?\s*(?:\([^)]*\))?\s*[-—–]+\s")


def _words_of(key: str, english: frozenset[str]) -> frozenset[str]:
    """A small-word class in the document's language (English's here, another's in people.toml)."""
    if lexicon.current() == lexicon.DEFAULT:
        return english
    return frozenset(lexicon.grammar().get(key, ()))


def _cands(doc: Doc) -> dict[str, str | None]:
    if not hasattr(doc, "_place_cands"):
        doc._place_cands = {}  # type: ignore[attr-defined]
    return doc._place_cands  # type: ignore[attr-defined]


def _common_word(doc: Doc, word: str) -> bool:
    """A one-word name that also occurs in lowercase in the text is probably a common word."""
    low = word.lower()
    memo = doc.__dict__.setdefault("_common_words", {})
    if low not in memo:
        # str.find for the candidates, the pattern only where the word is: the same answer as
        # re.search over the whole text, without compiling and scanning for every name
        text, rx, found = doc.text, None, False
        pos = text.find(low)
        while pos >= 0 and not found:
            rx = rx or re.compile(rf"\b{re.escape(low)}\b")
            found = rx.match(text, pos) is not None
            pos = text.find(low, pos + 1)
        memo[low] = found
    return memo[low]


def _clean(name: str) -> str:
    """Drop a possessor ("Java's Wonosobo" -> "Wonosobo") and a trailing place noun ("Baramulla District")."""
    name = T.squash(name)
    name = re.split(r"['’]s\s", name)[-1]
    words = name.split()
    while len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
        words.pop()
    return " ".join(words)


_HYPHEN_LOWER_RE = re.compile(r"[\w]-[a-z]")
# "Sar-e-Pul", "Mazar-i-Sharif": a short linking word between two capitalised parts
_ARABIC_INFIX_RE = re.compile(r"-(?:al|el|ad|as|ash)-|-[a-z]{1,2}-[A-Z]")
# a short lowercase link inside a place name: the Persian ezafe ("Sarpol-e Zahab", "Mazar-i-Sharif"),
# French "-en-", "-sur-", "-lès-" ("Châlons-en-Champagne"); not "Kurdish-led" or "US-backed"
_NAME_LINK_RE = re.compile(r"-(?:[a-z]{1,2}|sur|sous|lès|les|upon)(?:-|$)")


def _ok_name(doc: Doc, name: str, start: int, end: int) -> bool:
    if not _may_name_place(name, lexicon.current()):
        return False
    m = doc.mention_at(start, end)
    return m is None or m.kind == "place"


@lru_cache(maxsize=65536)
def _may_name_place(name: str, lang: str) -> bool:
    """The words of `name` may make a place's name (`_ok_name` without the text's mentions).
    Cached by name, like names.is_stop: a pure function of the name and of word lists loaded
    once per language, asked about the same names again and again."""
    words = name.split()
    if any(_HYPHEN_LOWER_RE.search(w) and not T.ARABIC_PREFIX_RE.match(w) and not _ARABIC_INFIX_RE.search(w)
           and not _NAME_LINK_RE.search(w) for w in words):
        return False  # "Kurdish-controlled", "Pakistan-occupied"
    if not words or (is_stop(words[0]) and words[0].lower() not in T.DIRECTIONS) or any(is_role_word(w) or is_org_head(w) or w in T.HONORIFICS for w in words):
        return False
    return not (is_demonym(name) or name.lower() in T.MONTHS or name.lower() in T.WEEKDAYS or T.is_acronym(name))


def _add(doc: Doc, name: str, country: str | None) -> None:
    cands = _cands(doc)
    if name not in cands or (not cands[name] and country):
        cands[name] = country


def _strip(run: Run) -> Run | None:
    k = 0
    while k < len(run.toks) and is_stop(run.toks[k].bare) and run.toks[k].bare.lower() not in T.DIRECTIONS:
        k += 1
    if k == 0:
        return run  # nothing to strip: the run itself (runs are never changed)
    return run.sub(k, len(run.toks)) if k < len(run.toks) else None


def gazetteer_names(doc: Doc) -> None:
    """Countries, regions, states, provinces and cities (small cities need a locative word before)."""
    lookup, name_words = gazetteer.lookup, gazetteer.name_words()
    openers = name_words.keys()
    text = doc.text
    for stoks, runs in doc.sentence_runs():
        joined = set()
        for a, b in zip(runs, runs[1:]):
            # "Democratic Republic of the Congo", "Horn of Africa": a name across "of (the)"
            if text[a.end:b.start] in _OF_GAPS and not a.possessive:
                whole = _strip(a)
                info = lookup(f"{whole.name}{text[a.end:b.start]}{b.name}") if whole else None
                if info is not None and info.kind in ("country", "region", "state", "subdivision"):
                    name = text[whole.start:b.end]
                    if _ok_name(doc, name, whole.start, b.end):
                        _add(doc, name, info.country)
                        joined.update((id(a), id(b)))
        for raw in runs:
            # a run none of whose words opens a known name has nothing to look up (~60 % of runs)
            if id(raw) in joined or openers.isdisjoint(raw.words):
                continue
            run = _strip(raw)
            if run is None:
                continue
            words = run.words
            i = 0
            while i < len(words):
                for j in range(min(len(words), i + 4, i + name_words.get(words[i], 0)), i, -1):
                    info = lookup(" ".join(words[i:j]))  # look the words up before building a Run
                    if info is None:
                        continue
                    sub = run.sub(i, j)
                    if _ok_name(doc, sub.name, sub.start, sub.end) and _gazetteer_ok(doc, info, sub, run, stoks):
                        _add(doc, sub.name, info.country)
                        i = j - 1
                        break
                i += 1


@lru_cache(maxsize=None)
def _long_names(lang: str) -> tuple[str, ...]:
    """Country names with a small word inside ("Democratic Republic of the Congo", "Bosnia and
    Herzegovina", "République démocratique du Congo"), longest first: a capitalised run stops at
    the small word, so `gazetteer_names` alone would read only "Congo"."""
    tables = [gazetteer._table()] + ([gazetteer._language_table(lang)] if lang != lexicon.DEFAULT else [])
    names = {name for table in tables for name, info in table.items()
             if info.kind == "country" and " " in name and any(w[:1].islower() for w in name.split())}
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=None)
def _long_name_firsts(lang: str) -> dict[str, str]:
    """Each long name's first word, lowercased."""
    return {name: T.WORD_RUN_RE.match(name).group().lower() for name in _long_names(lang)}  # type: ignore[union-attr]


def long_names(doc: Doc) -> None:
    """Country names that hold a small word, wherever the text writes them in full."""
    # A name found opens a word (nothing of [\w-] before it) that is its first word: only the names
    # whose first word the document has (its word index) are looked for, in the same order.
    firsts, present = _long_name_firsts(lexicon.current()), doc.word_index()
    names = [name for name in _long_names(lexicon.current()) if firsts[name] in present]
    for start, end, name in _occurrences(doc.text, names) if names else ():
        info = gazetteer.lookup(name)
        if info is not None and doc.mention_at(start, end) is None:
            _add(doc, name, info.country)


_OF_GAPS = frozenset({" of ", " of the "})


def _compass(word: str) -> bool:
    """"northern", "southeastern", "central": a compass word in lowercase."""
    return word in T.DIRECTIONS or (word.endswith("ern") and word[:-3] in T.DIRECTIONS)


def _gazetteer_ok(doc: Doc, info: gazetteer.PlaceInfo, sub: Run, run: Run, stoks: list[T.Token]) -> bool:
    # the rest of the run must be titles or names already claimed: "New Jersey Governor [Chris Christie]",
    # not "Washington Post" or "Leon Watson"
    inside = {t.start for t in sub.toks}
    outside = run.toks
    if lexicon.current() != lexicon.DEFAULT:
        # "marché de Noël de Berlin": in these languages "de" before a place ends what comes before
        # it (a name particle in English, "Stefan de Mistura")
        k = next(n for n, t in enumerate(run.toks) if t.start in inside)
        if k > 0 and run.toks[k - 1].text in T.NAME_PARTICLES:
            outside = run.toks[k:]
    for tok in outside:
        if tok.start not in inside:
            if not (is_stop(tok.bare) or is_role_word(tok.bare) or tok.bare in lexicon.title_words()
                    or tok.bare.lower() in PLACE_NOUNS or doc.mention_at(tok.start, tok.end)):
                return False
    if info.kind in ("country", "region", "state"):
        return True
    # the sentence's tokens before the name: its tokens are a slice of the document's, whose ends
    # are sorted, so one bisection finds where they stop
    first = bisect_left(doc._tok_starts, stoks[0].start)
    prev = stoks[:bisect_right(doc._tok_ends, sub.start, first, first + len(stoks)) - first]
    locatives = _words_of("locatives", LOCATIVE)
    # "in X", and "from southeastern X": a compass word may stand between
    locative = bool(prev) and (prev[-1].text.lower() in locatives or (
        len(prev) > 1 and _compass(prev[-1].text) and prev[-2].text.lower() in locatives))
    if len(sub.toks) == 1 and _common_word(doc, sub.name) and not locative:
        return False
    if info.kind == "subdivision":
        return True
    return info.population >= 100_000 or locative


def _country_from_adj(adj: str | None) -> str | None:
    return lexicon.demonyms().get(adj) if adj else None


def _names_in_list(text: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s|\s(?:and|or)\s", text) if n.strip()]


def place_nouns(doc: Doc) -> None:
    """"the Turkish town of Ceylanpinar", "towns of A, B and C", "Jemblung village", "the capital, Bamako"."""
    text = doc.text
    nouns_of = _keyword_positions(doc, NOUN_OF_WORDS, NOUN_OF_CHECK)
    for m in T.finditer_anchored(NOUN_OF_RE, text, nouns_of, _PLAIN_LEAD, _UPPER_OR_NOUN_FIRST):
        country = _country_from_adj(m.group("adj"))
        pos = m.start("list")
        if m.group("adj") and not country and m.group("adj")[0].isupper():
            country = ""  # an adjective we cannot place ("Turkish-Syrian"): no guessing later
        for name in _names_in_list(m.group("list")):
            start = text.index(name, pos)
            pos = start + len(name)
            name = _clean(name)
            if name and _ok_name(doc, name, start, pos):
                _add(doc, name, country)
    scans = (
        (NAME_NOUN_RE, _keyword_positions(doc, NAME_NOUN_FIRST_WORDS, NAME_NOUN_CHECK), _NAME_LEAD, _NAME_FIRST),
        (CAPITAL_RE, _keyword_positions(doc, frozenset({"capital"}), CAPITAL_CHECK), _PLAIN_LEAD, _THE_FIRST),
        (ADMIN_APPOSITION_RE, _keyword_positions(doc, ADMIN_FIRST_WORDS, ADMIN_CHECK), _NONE_LEAD, _ADMIN_FIRST),
        (APPOSITION_RE, [m.start() for m in APPOSITION_ANCHOR_RE.finditer(text)], _NAME_LEAD, _NAME_FIRST),
    )
    for rx, anchors, lead, first in scans:
        for m in T.finditer_anchored(rx, text, anchors, lead, first):
            name = _clean(T.strip_possessive(m.group("name")))
            words = name.split()
            while words and is_stop(words[0]) and not (words[0] in COMPASS and len(words) > 1):
                words = words[1:]
            name = " ".join(words)
            if name and not is_demonym(words[-1]) and not words[-1].endswith(("ian", "ese")) \
                    and _ok_name(doc, name, m.start("name"), m.start("name") + len(name)):
                _add(doc, name, None)


def plural_place_nouns(doc: Doc) -> None:
    """"the Bantul and Kulonprogo districts", "Katwa and Butembo health zones": each name of a
    list before a plural place noun."""
    text = doc.text
    for q in _keyword_positions(doc, PLURAL_FIRST_WORDS, PLURAL_CHECK):
        s, _e = doc.sentence_at(q)
        m = LIST_BEFORE_RE.search(text, max(s, q - 160), q)
        if m is None:
            continue
        pos = m.start("list")
        for name in _names_in_list(m.group("list")):
            start = text.index(name, pos)
            pos = start + len(name)
            words = name.split()
            while words and is_stop(words[0]) and not (words[0] in COMPASS and len(words) > 1):
                start += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
            if name and not is_demonym(words[-1]) and _ok_name(doc, name, start, start + len(name)):
                _add(doc, name, None)


PAREN_ITEM_RE = re.compile(rf"(?P<name>{NAME})\s*\(\d[\d,.]*(?:\s+each)?\)")
PAREN_NUMBER_RE = re.compile(r"\s*\(\d[\d,.]*(?:\s+each)?\)")
NAME_FULL_RE = re.compile(NAME)


def counted_lists(doc: Doc) -> None:
    """"followed by Sitamarhi (43), West Champaran (36), Katihar (35) ...": a list of names with
    their counts in brackets, where known places are a third of the names or more, is a list of
    places (districts a toll is broken down by); its unknown names are places too."""
    text, lookup = doc.text, gazetteer.lookup
    for s, e in doc.sentences:
        if text.count("(", s, e) < 3:
            continue  # most sentences
        items = list(PAREN_ITEM_RE.finditer(text, s, e))
        if len(items) < 3:
            continue
        stretch = text[items[0].start():items[-1].end()]
        names = []
        for piece in _names_in_list(PAREN_NUMBER_RE.sub("", stretch)):
            name = _clean(piece)
            words = name.split()
            while words and is_stop(words[0]) and not (words[0] in COMPASS and len(words) > 1):
                words = words[1:]
            name = " ".join(words)
            if not name or not NAME_FULL_RE.fullmatch(name):
                names = []
                break  # not a plain list of names: read nothing into it
            names.append(name)
        known = [n for n in names if lookup(n) is not None or n in _cands(doc)]
        if len(known) < 2 or 3 * len(known) < len(names):
            continue
        # the list's own country: a small town abroad that shares a name ("Saran") is not meant
        countries = Counter(info.country for info in map(lookup, known) if info is not None and info.country)
        country = countries.most_common(1)[0][0] if countries else None
        pos = items[0].start()
        for name in names:
            start = text.find(name, pos)
            if start < 0:
                continue
            pos = start + len(name)
            if not is_demonym(name) and _ok_name(doc, name, start, pos):
                info = lookup(name)
                own = info.country if info is not None and info.kind != "city" else None
                _add(doc, name, own or country)


@lru_cache(maxsize=None)
def _local_nouns_re(lang: str) -> re.Pattern[str] | None:
    g = lexicon.grammar(lang)
    nouns, links = g.get("place_nouns", []), g.get("place_links", [])
    if not nouns:
        return None
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    link = rf"(?:{'|'.join(re.escape(k) for k in links)})\s+" if links else ""
    # German nouns inflect by an ending ("des Bezirks Seferihisar"); the name follows the noun
    return re.compile(rf"(?<![\w-])(?:{noun})(?:s|es|n|en)?\s+{link}(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]*"
                      rf"(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*)?)", re.IGNORECASE if links else 0)


def local_place_nouns(doc: Doc) -> None:
    """In another language, a place noun before a name: "la ville de Lisière", "a cidade de
    Sarpol-e Zahab", "die Insel Samos" (nouns and links in people.toml)."""
    rx = _local_nouns_re(doc.lang) if doc.lang != lexicon.DEFAULT else None
    if rx is None:
        return
    for m in rx.finditer(doc.text):
        name = m.group("name")
        words = name.split()
        while len(words) > 1 and not gazetteer.lookup(" ".join(words)) and (
                is_stop(words[-1]) or _common_word(doc, words[-1])):
            words.pop()
        name = " ".join(words)
        if name[:1].isupper() and _ok_name(doc, name, m.start("name"), m.start("name") + len(name)):
            _add(doc, name, None)


def office_places(doc: Doc) -> None:
    """The place a public office serves ("la préfecture du Bas-Rhin", "a Prefeitura de Janaúba"):
    orgs.offices found the office; its place is mentioned inside the office's name."""
    for name, start, end in doc.__dict__.get("office_places", ()):
        if not is_demonym(name) and name.lower() not in T.MONTHS and not T.is_acronym(name):
            _add(doc, name, None)
            doc.add_mention("place", name, start, end)


def locative(doc: Doc) -> None:
    """"at Uri in Baramulla", "at Mohra, in the same region": an unknown name after a locative word."""
    locatives, after_place = _words_of("strong_locatives", LOCATIVE), _words_of("after_place", AFTER_PLACE)
    not_place_endings = tuple(lexicon.grammar().get("not_place_endings", ()))
    tok_starts = doc._tok_starts
    for stoks, runs in doc.sentence_runs():
        # runs are made of these very tokens, a slice of the document's: index them there
        first = bisect_left(tok_starts, stoks[0].start) if runs else 0
        for raw in runs:
            idx = bisect_left(tok_starts, raw.start) - first
            if idx == 0 and len(raw.toks) > 1 and raw.toks[0].text.lower() in locatives:
                # the sentence opens with the locative, capitalised into the run: "In Bayraklı suchten ..."
                raw, idx = raw.sub(1, len(raw.toks)), 1
            if idx == 0 or stoks[idx - 1].text.lower() not in locatives or raw.possessive or len(raw.toks) > 3:
                continue
            nxt = stoks[idx + len(raw.toks)] if idx + len(raw.toks) < len(stoks) else None
            follow = doc.text[raw.end:nxt.start] if nxt else ""
            if nxt is not None and follow.strip() == "" and nxt.text.lower() not in after_place:
                continue
            if doc.in_quote(raw.start) or any(T.is_acronym(w) for w in raw.words):
                continue
            if idx > 1 and stoks[idx - 1].text == "at" and is_role_word(stoks[idx - 2].bare):
                continue  # "chief economist at Annex Wealth Management": an employer, not a place
            name = _clean(raw.name)
            if name.lower().endswith(not_place_endings):
                continue  # German nouns are capitalised: "in Notunterkünften" is no place
            if _ok_name(doc, name, raw.start, raw.end) and name not in _cands(doc):
                _add(doc, name, None)


def attack_names(doc: Doc) -> None:
    """"the Pathankot terror attack", "the 2009 Aquila quake"."""
    anchors = T.keyword_positions(doc.text, ATTACK_WORDS, ATTACK_CHECK)
    for m in T.finditer_anchored(ATTACK_RE, doc.text, anchors, _PLAIN_LEAD, _THE_FIRST):
        name = m.group("name")
        if _ok_name(doc, name, m.start("name"), m.end("name")) and not name.endswith(("ian", "ese", "ish")):
            _add(doc, name, None)


def dateline(doc: Doc) -> None:
    """"CASTREL, Sarvona, March 3 (NWS) - ", "ORVANA, Sarvona — ": the filing town and its region or country."""
    if not doc.paragraphs:
        return
    m = DATELINE_RE.match(doc.text, doc.paragraphs[0][0])
    if m is None:
        return
    for name in (m.group("city").title(), m.group("region")):
        if name and not is_stop(name.split()[0]) and not is_demonym(name) and name.lower() not in T.MONTHS:
            info = gazetteer.lookup(name)
            _add(doc, name, info.country if info else None)
    if m.group("city").title() in _cands(doc) and doc.mention_at(m.start("city"), m.end("city")) is None:
        doc.add_mention("place", m.group("city").title(), m.start("city"), m.end("city"))  # "TALMORE" itself


_WORD_OR_HYPHEN_RE = re.compile(r"[\w-]")


def _occurrences(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """What `(?<![\\w-])(?:name1|name2|...)(?![\\w-])` finds with finditer (names longest
    first), by str.find: at each position the first name in the list wins, and the scan goes
    on after it. No pattern is compiled per document."""
    if "" in names:  # an empty name matches everywhere: leave that to the pattern
        rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
        return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]
    edge = _WORD_OR_HYPHEN_RE.match
    found = []
    for order, name in enumerate(names):
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if (pos == 0 or not edge(text, pos - 1)) and not edge(text, end):
                found.append((pos, order, end, name))
            pos = text.find(name, pos + 1)
    found.sort()
    out, last = [], 0
    for pos, _order, end, name in found:
        if pos >= last:
            out.append((pos, end, name))
            last = end
    return out


def register(doc: Doc) -> None:
    """Every mention of an accepted place; countries for the places still without one."""
    cands = _cands(doc)
    if not cands:
        return
    counts: Counter[str] = Counter()
    for start, end, name in _occurrences(doc.text, sorted(cands, key=len, reverse=True)):
        if doc.mention_at(start, end) is None:
            doc.add_mention("place", name, start, end)
            info = gazetteer.lookup(name)
            if info and info.kind == "country":
                counts[info.country] += 1
    dominant = None
    if counts:
        code, n = counts.most_common(1)[0]
        if n >= 3 and n >= 0.6 * sum(counts.values()):
            dominant = code  # an article about one country: its unknown towns are in it
    named = _countries_named(doc, cands)
    placed = {m.key for m in doc.mentions if m.kind == "place"}  # once, not a scan of every mention per name
    for name, country in cands.items():
        if name not in placed:
            continue
        info = gazetteer.lookup(name)
        if country is None:
            country = info.country if info else dominant
        elif info is not None and country == info.country:
            country = _likeliest_country(info, named, name)
        doc.add_entity("place", name, country=country or None)


# A city this big is the place its name means ("Paris" in an article about Texas is still Paris).
OWN_NAME_POPULATION = 1_000_000


def _countries_named(doc: Doc, cands: dict[str, str | None]) -> Counter[tuple[str, str]]:
    """Mentions of places the article makes, by (country, name)."""
    counts: Counter[tuple[str, str]] = Counter()
    for m in doc.mentions:
        if m.kind == "place" and cands.get(m.key):
            counts[(cands[m.key], m.key)] += 1     # type: ignore[index]
    return counts


def _likeliest_country(info: gazetteer.PlaceInfo, named: Counter[tuple[str, str]], name: str) -> str | None:
    """For a name places in several countries share ("Kasai", "Congo"), the country the article's
    other places are in, when none of them is in the table's own choice; else the table's."""
    choices = gazetteer.alternatives(info.name)
    if not choices or (info.kind == "city" and info.population >= OWN_NAME_POPULATION):
        return info.country

    def support(country: str | None) -> int:
        return sum(n for (code, key), n in named.items() if code == country and key != name)

    best = max(choices, key=support)
    return best if best != info.country and support(best) >= 2 and support(info.country) == 0 else info.country


RULES: Ruler = Ruler([
    ("long_names", long_names),
    ("gazetteer", gazetteer_names),
    ("place_nouns", place_nouns),
    ("plural_place_nouns", plural_place_nouns),
    ("counted_lists", counted_lists),
    ("local_place_nouns", local_place_nouns),
    ("office_places", office_places),
    ("locative", locative),
    ("attack_names", attack_names),
    ("dateline", dateline),
    ("register", register),
])


def run(doc: Doc) -> None:
    for _name, rule in RULES:
        rule(doc)
