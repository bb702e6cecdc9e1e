"""People, organisations and places in Arabic text, which has no capital letters to mark a name.

Names are found by lists and by the words around them: places from a gazetteer
(`data/ar/places.txt` and pycountry's Arabic country names) and after a place noun ("بلدة
الطيبة"); organisations from a list and as a head noun with words carrying the article ("وزارة
الداخلية التونسية"); people by a common first name ("أيمن الصفدي"), after a role ("المديرة
التنفيذية لمنظمة ... هنرييتا فور") or a naming verb ("يدعى وائل فرجاني"). Clitics come off a word
only when the stripped form is known (lang/arabic.py); names keep the form the text prints.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import arabic, tables
from .found import FoundName, add_name

NAMING_VERBS = frozenset({"يدعي", "تدعي", "يدعى", "اسمه", "اسمها", "يسمي"})
PUNCT_RE = re.compile(r"[.,،؛:;!؟?\"«»“”]")
SURNAME_MAX = 2


@lru_cache(maxsize=None)
def _set(name: str) -> frozenset[str]:
    return frozenset(arabic.normalise(w) for w in tables.lines("ar", name))


@lru_cache(maxsize=None)
def _phrases(name: str) -> dict[tuple[str, ...], str]:
    return {tuple(arabic.normalise(w) for w in line.split()): line for line in tables.lines("ar", name)}


@lru_cache(maxsize=1)
def _places() -> dict[tuple[str, ...], str]:
    out = dict(_phrases("places"))
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        for c in pycountry.countries:
            name = tr.gettext(c.name)
            if name != c.name and "," not in name:
                out.setdefault(tuple(arabic.normalise(w) for w in name.split()), name)
    except (OSError, ImportError):
        pass
    return out


@lru_cache(maxsize=None)
def _last_words(name: str) -> frozenset[str]:
    """The last words of the entries of list `name` that have more than one."""
    return frozenset(w.rsplit(" ", 1)[1] for w in _set(name) if " " in w)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    words: set[str] = set()
    for name in ("function_words", "speech_words", "people", "role_words", "place_nouns", "org_head_words"):
        words |= _set(name)
    for forms in tables.toml("ar", "categories").values():
        words |= {arabic.normalise(f) for f in forms}
    for forms in tables.toml("ar", "weekdays").values():
        if isinstance(forms, list):
            words |= {arabic.normalise(f) for f in forms}
    words |= {arabic.normalise(f) for f in tables.numbered("ar", "months")}
    words |= {"ان", "انه", "انها", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "كان", "كانت", "قد", "لم",
              "لا", "ما", "او", "ثم", "كما", "عند", "مع", "بيان", "اخر", "اخري", "ايضا", "وسط"}
    return frozenset(words)


@lru_cache(maxsize=None)
def _index(name: str) -> dict[str, list[tuple[str, ...]]]:
    """A phrase table by its first word."""
    table = _places() if name == "places" else _phrases(name)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in table:
        by_first.setdefault(key[0], []).append(key)
    return by_first


def _readings(word: str) -> list[tuple[str, int]]:
    """(first word of a table entry, clitic length) for each way of reading a normalised word;
    the first word may carry a clitic ("لصقلية", "للأمم" = ل + الأمم)."""
    readings = []
    for prefix, rest in arabic.forms(word):
        if prefix.endswith("ال"):  # the article stays part of the name: "والأردن" -> "الأردن"
            readings.append(("ال" + rest, len(prefix) - 2))
        elif prefix.endswith("لل"):  # "للأمم المتحدة": ل + الأمم; the name is printed elsewhere
            readings.append(("ال" + rest, len(prefix)))
        else:
            readings.append((rest, len(prefix)))
    return readings


class _Words:
    """The tokens of one text with each word normalised once and its readings worked out once per
    distinct word: the organisation, place and people scans all ask for them at every token."""
    __slots__ = ("_found", "norm", "readings", "toks")

    def __init__(self, toks: list[re.Match[str]]) -> None:
        self.toks = toks
        self.norm = [arabic.normalise(t.group()) for t in toks]
        self.readings = {w: _readings(w) for w in set(self.norm)}
        self._found: dict[str, dict] = {}

    def found(self, name: str) -> dict[str, tuple[str, str] | None]:
        """`arabic.lookup` of each distinct word in the list `name`, made once per text."""
        table = self._found.get(name)
        if table is None:
            known = _set(name)
            table = self._found[name] = {w: arabic.lookup_normalised(w, known) for w in self.readings}
        return table


def _match(words: _Words, i: int, name: str) -> tuple[int, int, tuple[str, ...]] | None:
    """(tokens used, clitic length, entry) of the longest entry of table `name` starting at
    token i; the first word may carry a clitic (`_readings`)."""
    by_first = _index(name)
    toks, norm = words.toks, words.norm
    best = None
    for rest, cut in words.readings[norm[i]]:
        for key in by_first.get(rest, ()):
            n = len(key)
            if i + n > len(toks) or (best and best[0] >= n):
                continue
            if all(norm[i + k] == key[k] and not PUNCT_RE.search(_gap(toks, i + k)) for k in range(1, n)):
                best = (n, cut, key)
    return best


def _gap(toks, k: int) -> str:
    return toks[k].string[toks[k - 1].end():toks[k].start()]


def find(text: str) -> list[FoundName]:
    words = _Words(arabic.tokens(text))
    names: dict[tuple[str, str], FoundName] = {}
    taken: set[int] = set()
    _orgs(words, names, taken)
    _place_names(words, names, taken)
    _people(text, words, names, taken)
    return list(names.values())


def _printed(toks, i: int, n: int, cut: int) -> tuple[int, int]:
    return toks[i].start() + cut, toks[i + n - 1].end()


def _canonical(printed: str, table: dict[tuple[str, ...], str], seen: dict[str, str]) -> str:
    """The name as the text prints it when whole ("الأمم المتحدة"), else the list's spelling (for
    "للأمم المتحدة", where the article merged into the preposition)."""
    key = arabic.normalise(printed)
    if key.startswith("ال") or tuple(key.split()) in table:
        return seen.setdefault(key, printed) if tuple(key.split()) in table or key.startswith("ال") else printed
    full = "ال" + key
    return seen.get(full, table.get(tuple(full.split()), printed))


def _orgs(words: _Words, names, taken: set[int]) -> None:
    known = _phrases("org_names")
    canonical: dict[str, str] = {}
    heads = _set("org_head_words")
    seconds = _last_words("org_head_words")
    heads_of = words.found("org_head_words")
    toks, norm = words.toks, words.norm
    i = 0
    while i < len(toks):
        hit = _match(words, i, "org_names")
        if hit:
            n, cut, _key = hit
            s, e = _printed(toks, i, n, cut)
            printed = toks[i].string[s:e]
            add_name(names, "org", _canonical(printed, known, canonical), s, e)
            taken.update(range(i, i + n))
            i += n
            continue
        w = norm[i]
        two = w + " " + norm[i + 1] if i + 1 < len(toks) else ""
        head = heads_of[w]
        # normalising is letter by letter and normalises nothing twice: `two` is as lookup would make it;
        # a two-word head can only be found when its last word is the next word
        size = 2 if i + 1 < len(toks) and norm[i + 1] in seconds and (
            two in heads or arabic.lookup_normalised(two, heads)) else 1 if head else 0
        if size:
            j = i + size
            # the name goes on while words carry the article ("الداخلية التونسية")
            while j < len(toks) and j - i - size < 3 and norm[j].startswith("ال") \
                    and not PUNCT_RE.search(_gap(toks, j)) and norm[j] not in _not_name_words():
                j += 1
            if j > i + size:
                cut = len(head[0].removesuffix("ال")) if head else 0  # "والحكومة": keep the article
                s, e = _printed(toks, i, j - i, cut)
                add_name(names, "org", toks[i].string[s:e], s, e)
                taken.update(range(i, j))
                i = j
                continue
        i += 1


def _place_names(words: _Words, names, taken: set[int]) -> None:
    nouns_of = words.found("place_nouns")
    canonical: dict[str, str] = {}
    toks, norm = words.toks, words.norm
    for i, t in enumerate(toks):
        if i in taken:
            continue
        hit = _match(words, i, "places")
        if hit:
            n, cut, _key = hit
            s, e = _printed(toks, i, n, cut)
            key = arabic.normalise(t.string[s:e])
            name = canonical.setdefault(key, t.string[s:e])
            add_name(names, "place", name, s, e)
            taken.update(range(i, i + n))
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        noun = nouns_of[norm[i]]
        # "مدينة درعا": the noun in the construct state, so without the article ("المدينة وريفيها" is no name)
        if not noun or noun[0].endswith("ال") or i + 1 in taken or PUNCT_RE.search(_gap(toks, i + 1)):
            continue
        w = norm[i + 1]
        if w in _not_name_words() or arabic.strip_article(w) in _not_name_words() or len(w) < 3 \
                or w.startswith(("و", "ف")) and (w[1:] in _not_name_words() or w[1:3] == "ال") or w.endswith("ها"):
            continue
        name = canonical.setdefault(w, nxt.group())
        add_name(names, "place", name, nxt.start(), nxt.end())
        taken.add(i + 1)
    # later mentions with a clitic ("بدرعا") under the printed name
    for i, t in enumerate(toks):
        if i in taken:
            continue
        hit = arabic.lookup_normalised(norm[i], canonical)
        if hit:
            s = t.start() + len(hit[0])
            add_name(names, "place", canonical[hit[1]], s, t.end())
            taken.add(i)


def _name_word(w: str, first: bool) -> bool:
    """Whether a normalised word may be part of a name."""
    if len(w) < 2 or any(ch.isdigit() for ch in w) or w in _not_name_words():
        return False
    if first and w.startswith("ال") or w.startswith(("لل", "بال", "وال", "فال", "كال")):
        return False  # "للشرب", "بالمدينة": a preposition with a noun, never part of a name
    return arabic.strip_article(w) not in _not_name_words() and arabic.lookup_normalised(w, _places()) is None


def _surname(words: _Words, i: int, taken: set[int]) -> int:
    """How many name words follow token i (at most SURNAME_MAX), before punctuation or a word that
    is no name."""
    toks = words.toks
    n = 0
    while i + 1 + n < len(toks) and n < SURNAME_MAX and i + 1 + n not in taken \
            and not PUNCT_RE.search(_gap(toks, i + 1 + n)) and _name_word(words.norm[i + 1 + n], first=False):
        n += 1
    return n


def _role_before(text: str, toks, i: int) -> str | None:
    roles = _set("role_words")
    for k in range(i - 1, max(-1, i - 4), -1):
        if PUNCT_RE.search(_gap(toks, k + 1)):
            return None
        if arabic.lookup(toks[k].group(), roles):
            s = toks[k].start() + len(arabic.lookup(toks[k].group(), roles)[0])
            return text[s:toks[i].start()].strip()
    return None


def _people(text: str, words: _Words, names, taken: set[int]) -> None:
    firsts = _set("first_names")
    roles = _set("role_words")
    toks, norm = words.toks, words.norm
    roles_of = words.found("role_words")
    found: list[tuple[int, int, str | None]] = []
    for i, t in enumerate(toks):
        if i in taken:
            continue
        w = norm[i]
        if w in firsts or (w[:1] == "و" and w[1:] in firsts):
            n = _surname(words, i, taken)
            if n:
                found.append((i, i + 1 + n, _role_before(text, toks, i)))
        elif w in NAMING_VERBS and i + 1 < len(toks) and _name_word(norm[i + 1], first=True):
            found.append((i + 1, i + 2 + _surname(words, i + 1, taken), None))
        elif roles_of[w]:
            # "المديرة التنفيذية لمنظمة الأمم المتحدة للطفولة (يونيسف) هنرييتا فور": past the
            # role's words with the article and the organisations, the first name-like word
            k = i + 1
            while k < len(toks) and k - i <= 10:
                gap = _gap(toks, k)
                if re.search(r"[.,،؛:!؟]", gap):
                    k = len(toks)
                    break
                if k in taken or norm[k].startswith(("ال", "لل")) or "(" in gap \
                        and ")" not in gap:
                    k += 1  # the role's own words, an organisation, an aside in brackets
                    continue
                break
            if k < len(toks) and k != i + 1 and not re.search(r"[.,،؛:!؟]", _gap(toks, k)) and k not in taken \
                    and _name_word(norm[k], first=True):
                n = _surname(words, k, taken)
                if n:
                    role = text[toks[i].start() + len(arabic.lookup(t.group(), roles)[0]):toks[k].start()].strip()
                    found.append((k, k + 1 + n, role))
    for a, b, role in found:
        s = toks[a].start() + (1 if norm[a][:1] == "و" and norm[a][1:] in firsts else 0)
        add_name(names, "person", text[s:toks[b - 1].end()], s, toks[b - 1].end(), role=role)
        taken.update(range(a, b))
    # the surname alone, with or without the article ("وقال الفرجاني")
    by_surname = {arabic.strip_article(p.name.split()[-1]): p.name for p in names.values()
                  if p.kind == "person" and len(p.name.split()) > 1}
    for i, t in enumerate(toks if by_surname else ()):  # no full name found: no surname to look for
        if i in taken:
            continue
        w = norm[i]
        for prefix, rest in arabic.forms(w):
            if arabic.strip_article(rest) in by_surname and (rest.startswith("ال") or prefix == ""):
                add_name(names, "person", by_surname[arabic.strip_article(rest)], t.start() + len(prefix)
                         - (0 if rest.startswith("ال") else 0), t.end())
                taken.add(i)
                break
