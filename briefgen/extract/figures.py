"""Figures: counts of people with a category (killed, injured, displaced ...).

A number becomes a figure only when it counts people and a word fixes its category;
anything else (ages, years, durations, distances, percentages, money, houses, villages,
aftershocks, crowds with no category) is dropped: a wrong number in a brief is worse than
a missing one. Candidates pass through the rule chain below in order.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import figure_context as context
from . import figures_local
from . import figure_words as W
from . import lexicon
from . import text as T
from .doc import Doc
from .numbers import Number, find_numbers
from .figure_refine import assistance, breakdowns, ellipsis, increments, movement, subsets
from .ruler import Ruler

PARENTHETICAL_RE = W.PARENTHETICAL_RE
WINDOW_STOP = frozenset("but while whereas although because though".split())
# "the toll in Bihar floods, which have affected 1.61 crore people, mounted to 379": one aside allowed
TOLL_RE = re.compile(r"(?:(?:death toll|toll)(?:\s+(?:from|in|of|after)\s+[^.;:,]{0,80}?(?:,[^;:,]{0,100},)?)?\s+"
                     r"(?:(?:has|have|had)\s+)?"
                     r"(?:risen|rose|climbed|jumped|increased|reached|mounted|surged|grown|grew|stands|stood|is|was)"
                     r"\s+(?:to|at)\s+$|"
                     r"(?:death toll|toll|bodies|deaths|remains)\s+(?:of|to|at|has risen to|rose to|climbed to|"
                     r"reached|stands at|stood at|now stands at|is|was)\s+$)", re.IGNORECASE)
# "the number of people displaced since January has climbed above 400,000": the count is the
# predicate's, its category is read in the words between "number of" and the verb
NUMBER_OF_RE = re.compile(r"\bnumber\s+of\s+(?P<group>[^.;:]{3,100}?)\s+(?:(?:has|have|had)\s+(?:now\s+)?)?"
                          r"(?:reached|risen\s+to|rose\s+to|climbed\s+(?:to|above|past)|grown\s+to|grew\s+to|"
                          r"increased\s+to|jumped\s+to|surged\s+to|stands\s+at|stood\s+at|topped|passed|exceeded)"
                          r"\s+$", re.IGNORECASE)
# the last word of every NUMBER_OF_RE match (keep them in step)
_NUMBER_OF_ENDS = ("reached", "to", "above", "past", "at", "topped", "passed", "exceeded")
SUBSET_RE = W.SUBSET_RE


@dataclass
class Cand:
    num: Number
    sent: tuple[int, int]
    qualifier: str | None = None
    start: int = 0                  # start of the figure's words (qualifier or governing verb)
    np_end: int = 0
    head: str | None = None
    others: bool = False            # "76 others", "dozens more"
    category: str | None = None
    cue_end: int = 0
    blocked: bool = False           # object of a verb that is no category ("infected 10,000 people")
    subset_of: Cand | None = None
    subsets: list[Cand] = field(default_factory=list)
    place: str | None = None
    date: object = None
    drop: bool = False
    text_end: int = 0               # where the figure's quoted words end, when not at `end`

    @property
    def end(self) -> int:
        return max(self.np_end, self.cue_end, self.num.end)


PAREN_AFTER_RE = re.compile(r"\s*\([^()]{1,60}\)(?=\s+[a-z])")
HYPHENATED_RE = re.compile(r"[-–][A-Za-z\d]")
# what W.CURRENCY_BEFORE_RE can end on before its trailing spaces (keep in step)
CURRENCY_ENDS = ("$", "£", "€", "¥", "Rs", "Rs.", "USD", "EUR", "GBP")
RANGE_RE = re.compile(r"\s*(?:to|or|and)\s+(\S+)")
AGE_BEFORE_RE = re.compile(r"[A-Z][\w’'-]+,\s*$")
AGE_AFTER_RE = re.compile(r"\s*[,.;)]")


def _is_people(word: str) -> bool:
    return word.lower() in W.PEOPLE or word in lexicon.demonym_people() or word.lower() in ("lives", "deaths",
                                                                                            "dead", "fatalities")


def _counts_people(words: list[str]) -> bool:
    """"1100 people", "1100 measles-associated deaths": the words right after a number name people
    or a casualty (a year is followed by neither)."""
    for w in words[:2]:
        w = w.strip(",.;:").lower()
        if _is_people(w) or w in W.CUES:
            return True
        if w in W.NP_STOP or not w.replace("-", "").isalpha():
            return False
    return False


def _excluded(doc: Doc, n: Number, sent: tuple[int, int]) -> bool:
    if n.decimal or doc.in_quote(n.start):
        return True
    text = doc.text
    before = text[max(sent[0], n.start - 40):n.start]
    after = text[n.end:min(sent[1], n.end + 40)]
    if (after[:1] in ("-", "–") and HYPHENATED_RE.match(after)) or before.endswith(("-", "–", "#")):
        return True  # "five-year-old", "21-day", "700-strong", "magnitude-6", ranges
    # the currency pattern ends on a sign or code and spaces: test that before scanning for it
    if W.UNIT_RE.match(after) or (before.rstrip().endswith(CURRENCY_ENDS) and W.CURRENCY_BEFORE_RE.search(before)):
        return True
    rng = RANGE_RE.match(after)
    if rng and (re.match(r"\d+[A-Za-z]", rng.group(1)) or W.UNIT_RE.match(after[rng.end(1) - len(rng.group(1)):][len(rng.group(1).rstrip(",.")):])):
        return True  # "eight to 10km", "10 to 20 seconds"
    words_after = after.split()
    nxt = words_after[0].strip(",.;:").lower() if words_after else ""
    words_before = before.split()
    prev = words_before[-1].lower().strip("(") if words_before else ""
    if not n.spelled and not n.vague and isinstance(n.value, int) and 1000 <= n.value <= 2100 \
            and "," not in text[n.start:n.end] and not _counts_people(words_after):
        return True  # a year
    if prev.rstrip(".") in T.MONTHS or nxt.rstrip(".") in T.MONTHS or prev in ("no.", "no", "number", "route", "page",
                                                                                "article", "resolution", "flight"):
        return True
    if (AGE_AFTER_RE.match(after) and n.value <= 120 and AGE_BEFORE_RE.search(before)) \
            or (before.endswith("(") and after.startswith(")") and not _after_place(doc, n.start - 1)) \
            or prev in ("aged", "age"):
        return True  # an age: "Luca Faccenda, 65,"
    if prev in W.POSSESSIVE_BEFORE:
        return True  # "her three small children": a family, not a toll
    if n.spelled and n.value == 1 and nxt in ("of", "another", "side", "day", "time", "way", "hand", "by"):
        return True
    if nxt == "of" and not n.vague and not OF_WHOM_RE.match(after) and not OF_LETHAL_RE.match(text, n.end, sent[1]):
        return True  # "27 of the cases": a part of something else (but "two of whom were injured" counts)
    return False


# "eleven of all cases were lethal", "three of the injured later died": a part that died
OF_LETHAL_RE = re.compile(r"\s*of\s+(?:[\w-]+\s+){1,6}?(?:(?:were|was|proved|have\s+been|had\s+been)\s+(?:lethal|fatal)"
                          r"|(?:later\s+)?died)\b", re.IGNORECASE)


def _after_place(doc: Doc, paren: int) -> bool:
    """Whether the bracket at `paren` follows a place's name: "Sitamarhi (43)" is a district's
    count, where "Luca Faccenda (65)" is an age."""
    end = len(doc.text[:paren].rstrip())
    m = doc.mention_at(end - 1, end)
    return m is not None and m.kind == "place" and m.end == end


OF_WHOM_RE = re.compile(r"\s*of\s+(?:whom|them)\s+(?:were|was|had\s+been|have\s+been|are)\b", re.IGNORECASE)


# The last word of every QUALIFIER_RE phrase (keep them in step): a match ends on one, then spaces.
_QUALIFIER_ENDS = ("least", "than", "over", "about", "around", "nearly", "almost", "some", "roughly", "approximately",
                   "to", "as", "estimated", "most", "of", "under", "additional")


def _qualifier(text: str, start: int, end: int) -> re.Match[str] | None:
    """`W.QUALIFIER_RE.search(text, start, end)`, run only when it can match."""
    return W.search_ending(W.QUALIFIER_RE, _QUALIFIER_ENDS, text, start, end)


def one_victim(text: str, sent: tuple[int, int]) -> list[Number]:
    """"Killed a Reuters reporter", "a policeman was shot dead": one victim, counted by its article
    (the singular nouns of figure_words.ONE_VICTIM_NOUNS; "killed a number of" counts nobody)."""
    words = text[sent[0]:sent[1]]
    # the verb pattern opens on `\b`, so `re` would try it at every character: run only when the
    # sentence holds one of its words (most hold none)
    if "killed" not in words and not (any(w in words for w in _ONE_VERB_WORDS) and _ONE_VERBS_RE.search(text, *sent)):
        return []
    return [Number(1, m.start(g), m.end(g), spelled=True) for m in W.ONE_VICTIM_RE.finditer(text, *sent)
            for g in ("a", "a2") if m.group(g)]


_ONE_VERBS_RE = re.compile(r"\b(?:injured|wounded|kidnapped|abducted|shot dead)\b")
_ONE_VERB_WORDS = ("injured", "wounded", "kidnapped", "abducted", "shot dead")  # keep in step


def candidates(doc: Doc) -> list[Cand]:
    local = figures_local.spec(doc.lang)
    if local is not None:  # another language: its own numbers and exclusions (figures_local.py)
        return figures_local.candidates(doc, local, lambda n, sent: Cand(n, sent, start=n.start, np_end=n.end))
    out = []
    for sent in doc.sentences:
        for n in sorted(find_numbers(doc.text, *sent, doc=doc) + one_victim(doc.text, sent), key=lambda n: n.start):
            if _excluded(doc, n, sent):
                continue
            c = Cand(n, sent, start=n.start, np_end=n.end)
            q = _qualifier(doc.text, max(sent[0], n.start - 20), n.start)
            if q:
                c.qualifier, c.start = q.group("q").lower(), q.start("q")
            out.append(c)
    return out


def noun_phrase(doc: Doc, cands: list[Cand]) -> None:
    """The counted group right after the number; its noun or adjective may fix the category
    ("4,922 deaths", "Eleven injured villagers", "17 soldiers killed")."""
    for c in cands:
        after = c.num.end
        aside = PAREN_AFTER_RE.match(doc.text, after, c.sent[1])
        if aside:
            after = aside.end()  # "51 (49 confirmed and two probable) health workers"
        toks = doc.tokens_in(after, c.sent[1])
        k = 0
        if c.num.vague and toks and toks[0].lower == "of":
            k, c.np_end = 1, toks[0].end
        if k < len(toks) and toks[k].lower in ("more", "others", "other"):
            c.others, c.np_end, k = True, toks[k].end, k + 1
        np: list[T.Token] = []
        last_end = max(c.np_end, after)
        lows = []  # the group's words lowercased, once
        for tok in toks[k:k + 5]:
            low = tok.text.lower()
            if not np and low.endswith("ed") and low not in W.CUES and "-" not in tok.text:
                break  # "the 18 listed as missing": a participle, not a counted noun
            if low in W.NP_STOP or T.is_number(tok.text) or doc.text[last_end:tok.start].strip() not in ("",):
                break
            np.append(tok)
            lows.append(low)
            last_end = tok.end
        heads = [t for t in np if _is_people(t.bare)]
        cues = [t for t, low in zip(np, lows) if low in W.CUES]
        if heads:
            c.head = heads[-1].bare.lower() if not heads[-1].bare[0].isupper() else heads[-1].bare
            c.np_end = max(c.np_end, heads[-1].end)
            i = np.index(heads[-1])
            mod = np[i - 1].text if i > 0 else ""
            if c.head in W.COMPOUND_HEADS and mod.isalpha() and mod.islower() and mod not in W.CUES \
                    and mod not in W.PEOPLE:
                c.head = f"{mod} {c.head}"  # "six aid workers"
        elif np and not cues:
            c.drop = True  # counts something that is not people: villages, aftershocks, houses
            continue
        if cues:
            c.category = W.CUES[cues[-1].lower]
            c.cue_end = max(c.cue_end, cues[-1].end)
            c.np_end = max(c.np_end, cues[-1].end)
        if c.head == "lives":
            pre = doc.text[max(c.sent[0], c.start - 30):c.start].lower()
            c.category = "killed" if re.search(r"\b(?:claimed|claim|claims|lost|cost|taken)\s+$", pre) else None


def verb_before(doc: Doc, cands: list[Cand]) -> None:
    """"killed at least 32 villagers", "freeing 11 people", "injured 19"; other verbs block the
    predicate rule ("infected more than 10,000 people and killed ...")."""
    for c in cands:
        if c.drop:
            continue
        words = doc.tokens_in(c.sent[0], c.start)
        if not words:
            continue
        w = words[-1]
        if doc.text[w.end:c.start].strip():
            continue  # punctuation between
        if w.lower in W.VERBS_BEFORE:
            cat = W.VERBS_BEFORE[w.lower]
            if cat:
                c.category, c.start = cat, w.start
            elif w.lower == "left":
                c.start = w.start
        elif w.lower == "of" and len(words) > 1 and words[-2].lower in W.NOUNS_OF \
                and not doc.text[words[-2].end:w.start].strip():
            c.category, c.start = W.NOUNS_OF[words[-2].lower], words[-2].start
        elif (cat := _number_of(doc, c)) is not None:
            c.category = cat
        elif (m := _toll_before(doc, c)) is not None:
            c.category, c.start = c.category or "killed", m.start()
        elif w.lower not in W.NEUTRAL_BEFORE and not w.text[0].isupper() and re.search(r"(?:ed|ing)$", w.lower):
            c.blocked = True


# Every TOLL_RE match holds one of these words (keep them in step).
_TOLL_WORDS = ("toll", "bodies", "deaths", "remains")


def _toll_before(doc: Doc, c: Cand) -> re.Match[str] | None:
    """`TOLL_RE.search` over the 140 characters before the figure, run only when they hold one of
    its words: the pattern is tried at every character (~13 us a window, for most figures). On
    ASCII, lowercasing decides that exactly; other characters may fold case in more ways ("ſ"
    matches "s"), so the pattern decides."""
    start = max(c.sent[0], c.start - 140)
    window = doc.text[start:c.start]
    if T.case_plain(window):
        low = window.lower()
        if not any(w in low for w in _TOLL_WORDS):
            return None
    return TOLL_RE.search(doc.text, start, c.start)


def _number_of(doc: Doc, c: Cand) -> str | None:
    """The category of "the number of <group> has reached N": the last cue word of the group."""
    m = W.search_ending(NUMBER_OF_RE, _NUMBER_OF_ENDS, doc.text, max(c.sent[0], c.start - 160), c.start)
    if m is None:
        return None
    words = re.findall(r"[a-z]+", m.group("group").lower())
    cues = [W.CUES[w] for w in words if w in W.CUES]
    if not cues:
        return None
    c.start = m.start()
    c.head = c.head or next((w for w in words if _is_people(w)), None)
    return cues[-1]


_CLAUSE_MARK_RE = re.compile(r"[;:(,]")


def predicate(doc: Doc, cands: list[Cand]) -> None:
    """The verb phrase after the group: "369 civilians have been killed", "are thought to be
    trapped"; a parenthetical ("- including 34 children -", ", many of them wounded,") is skipped."""
    # the window ends at the next count of people; a dropped number ("in 23 provinces") is none
    starts = sorted(c.num.start for c in cands if not c.drop)
    dropped = [c.num.start for c in cands if c.drop]
    for c in cands:
        if c.drop or c.category or c.blocked:
            continue
        lethal = OF_LETHAL_RE.match(doc.text, c.num.end, c.sent[1])
        if lethal:  # "three of the injured later died": the verb decides, not the group it is part of
            c.category, c.cue_end = "killed", lethal.end()
            continue
        pos = c.np_end
        m = PARENTHETICAL_RE.match(doc.text, pos)
        if m:
            pos = m.end()
        k = bisect_left(starts, pos)  # the first count at or after pos
        limit = min(starts[k], c.sent[1]) if k < len(starts) else c.sent[1]
        toks = doc.tokens_in(pos, limit)
        window_end = pos
        for n, tok in enumerate(toks[:10]):
            if n and _CLAUSE_MARK_RE.search(doc.text, window_end, tok.start) or tok.lower in WINDOW_STOP:
                break
            window_end = tok.end
            if tok.lower in W.CUES:
                c.category, c.cue_end = W.CUES[tok.lower], tok.end
                break
        if c.category is None:
            span = doc.text[pos:window_end].lower()
            hits = [(m.start(), m.end(), cat) for rx, cat in W.PHRASES for m in rx.finditer(span)] \
                if W.ANY_PHRASE_RE.search(span) else []
            if hits:
                s, e, cat = min(hits)
                if cat == "in_care":
                    cat = None if _of_sickness(doc, c) else "injured"
                c.category, c.cue_end = cat, pos + e
        if c.category and any(c.np_end < d < c.cue_end for d in dropped):
            c.text_end = c.np_end  # "500,000 people [in 23 provinces] ... affected": the other count is not quoted


SICK_HEADS = frozenset({"patients", "cases"})


def _of_sickness(doc: Doc, c: Cand) -> bool:
    """Whether people in care are the sick of an outbreak, not the hurt: "patients", or a sentence
    that names a disease (data/hazards.txt, kind epidemic)."""
    if (c.head or "").lower() in SICK_HEADS:
        return True
    words = lexicon.hazards().get("epidemic", frozenset())
    return any(w in words for w in re.findall(r"[a-z-]+", doc.text[c.sent[0]:c.sent[1]].lower()))


NOT_GROUPS = W.NOT_GROUPS


def _richness(c: Cand) -> int:
    return 2 * bool(c.head and c.head not in NOT_GROUPS) + bool(c.place) + len(c.subsets)


RULES: Ruler = Ruler([
    ("local_language", figures_local.categorise),
    ("noun_phrase", noun_phrase),
    ("verb_before", verb_before),
    ("predicate", predicate),
    ("movement", movement),
    ("subsets", subsets),
    ("ellipsis", ellipsis),
    ("breakdowns", breakdowns),
    ("increments", increments),
    ("assistance", assistance),
    ("background", context.background),
    ("recovered_bodies", context.recovered_bodies),
    ("place_and_date", context.place_and_date),
])


ENGLISH_RULES = frozenset({"noun_phrase", "verb_before", "predicate", "movement", "subsets", "ellipsis"})


def run(doc: Doc) -> list[Cand]:
    """Figures that count people and have a category, one per (value, category, place)."""
    cands = candidates(doc)
    local = figures_local.spec(doc.lang) is not None
    # English word order; another language's are read by "local_language" (figures_local.py)
    RULES.run(doc, cands, skip=ENGLISH_RULES if local else ())
    out: list[Cand] = []
    for c in cands:
        if c.drop or not c.category or c.subset_of is not None or (c.head or "").lower() in W.NOT_VICTIMS:
            continue
        if c.num.spelled and c.num.value == 1 and not c.head:
            continue
        # the same count twice (a caption repeating the body) is one figure; different places are two
        same = [n for n, o in enumerate(out) if o.num.value == c.num.value and o.category == c.category
                and (o.place == c.place or not o.place or not c.place)]
        if not same:
            out.append(c)
        elif _richness(c) > _richness(out[same[0]]):
            out[same[0]] = c  # keep the fuller telling ("247 people died" over the standfirst's "247 dead")
    return out
