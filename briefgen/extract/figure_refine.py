"""Figure rules that refine candidates once their number and first category are read: movement
phrases ("fled to Kenya": refugees), subsets ("including 45 children"), ellipsis ("… and 12
injured"), increments ("up by 20") and assistance ("received food aid"). They run in
figures.RULES after the core rules of figures.py.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from . import figure_words as W
from . import gazetteer
from . import lexicon
from .doc import Doc
from .story import key_words, may_match
from .figure_words import CONDITION_RE, NOT_GROUPS, PARENTHETICAL_RE, SUBSET_RE

if TYPE_CHECKING:
    from .figures import Cand


NEIGHBOURS_RE = re.compile(r"\s*(?:the\s+)?(?:neighbo(?:u)?ring|nearby|other)\s+countr|\s*abroad\b", re.IGNORECASE)
PLACE_AFTER_RE = re.compile(r" *(?:the +)?([A-Z][\w'’.-]*(?: (?:of )?[A-Z][\w'’.-]*){0,3})")


def movement(doc: Doc, cands: list[Cand]) -> None:
    """"6,800 people have fled to Kenya" (refugees: a country after the phrase), "65,000 have
    sought sanctuary at UN bases", "3,000 families lost their homes" (displaced), "12,000
    refugees have returned home" (returnees: other); phrases in data/movement_phrases.txt.
    A bare "fled" decides nothing ("two attackers fled")."""
    text = doc.text
    for c in cands:
        if c.drop or c.blocked or (c.category and c.category not in RETURN_OVERRIDES):
            continue
        pos = c.np_end
        m = PARENTHETICAL_RE.match(text, pos)
        if m:
            pos = m.end()
        m = _movement_after(doc, pos, min(c.sent[1], pos + 80))
        lead = text[pos:m.start()] if m else ""
        # the phrase opens the predicate: at most "from Jonglei" between the group and it
        if m is None or MOVEMENT_LEAD_RE.search(lead) or len(lead.split()) > 3:
            continue
        kind = lexicon.movement_phrases()[" ".join(m.group().lower().split())]
        at = m.end()
        if kind == "returned":
            c.category, c.cue_end = "other", at  # returnees: no longer refugees or displaced
        elif c.category:
            continue
        elif kind == "displaced":
            c.category, c.cue_end = "displaced", at
        elif NEIGHBOURS_RE.match(text, at):
            c.category, c.cue_end = "refugees", at
        else:
            place = PLACE_AFTER_RE.match(text, at, c.sent[1])
            name = POSSESSIVE_END_RE.sub("", place.group(1)) if place else ""  # "Sudan's", "Kenya."
            info = gazetteer.lookup(name) if name else None
            if info is not None:
                c.category = "refugees" if info.kind == "country" else "displaced"
                c.cue_end = place.start(1) + len(name)


MOVEMENT_LEAD_RE = re.compile(r"[,;:()]")
# categories a "have returned home" after the group turns into returnees (other)
RETURN_OVERRIDES = frozenset({"refugees", "displaced", "evacuated"})
POSSESSIVE_END_RE = re.compile(r"(?:['’]s)?\.?$")


def _movement_after(doc: Doc, start: int, end: int) -> re.Match[str] | None:
    """`_movement_re(doc.lang).search(doc.text, start, end)`, run only when the window may hold a
    phrase (most hold none; the pattern would be tried at every character)."""
    rx = _movement_re(doc.lang)
    if rx is None or not may_match(_movement_keys(doc.lang), doc.text[start:end]):
        return None
    return rx.search(doc.text, start, end)


@lru_cache(maxsize=None)
def _movement_keys(lang: str) -> tuple[str, ...] | None:
    return key_words(lexicon.movement_phrases(lang))


@lru_cache(maxsize=None)
def _movement_re(lang: str) -> re.Pattern[str] | None:
    """All movement phrases in one pattern, longest first (so "have fled to" wins over "fled to");
    None for a language without any."""
    phrases = sorted(lexicon.movement_phrases(lang), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
                      + r")(?![\w-])", re.IGNORECASE)


def subsets(doc: Doc, cands: list[Cand]) -> None:
    """"369 civilians ... including 45 children": the part joins the figure before it; with no
    figure before, it stands alone with the category of its clause ("have drowned, including five")."""
    for n, c in enumerate(cands):
        if c.drop or not W.search_ending(SUBSET_RE, W.SUBSET_ENDS, doc.text, c.sent[0], c.start):
            continue
        parents = [p for p in cands[:n] if p.sent == c.sent and not p.drop and p.category and p.subset_of is None]
        if c.head is None:
            state = CONDITION_RE.match(doc.text, c.num.end, c.sent[1])
            if state:  # "including three who were in a serious condition"
                c.head = f"in {state.group('state').lower()} condition"
        if parents:
            c.subset_of = parents[-1]
            parents[-1].subsets.append(c)
        elif c.head is None and c.category:
            # "51 health workers have been infected, of whom 17 have died": the group is the parent's
            heads = [p.head for p in cands[:n] if p.sent == c.sent and p.head and p.head not in NOT_GROUPS]
            if heads:
                c.head = heads[-1]
        elif c.category is None and c.head:
            clause = doc.text[c.sent[0]:c.start].lower()
            found = [(m.start(), W.CUES[m.group()]) for m in re.finditer(r"[a-z]+", clause) if m.group() in W.CUES]
            if found:
                c.category = found[-1][1]


def ellipsis(doc: Doc, cands: list[Cand]) -> None:
    """"1,281 fatalities and there have been 926 in Guinea", "18,000 civilians ... and more than
    9,000 others": a bare number in a coordinated clause takes the category before it."""
    for n, c in enumerate(cands):
        if c.drop or c.blocked or (c.head and not c.others):
            continue
        prev = [p for p in cands[:n] if p.sent == c.sent and not p.drop and p.category and p.subset_of is None]
        if not prev:
            continue
        if c.others and not c.head:
            c.head = prev[-1].head  # "32 villagers ... and 76 others": others of the same group
        if c.category is None and re.search(r"\band\b", doc.text[prev[-1].end:c.num.start]):
            c.category = prev[-1].category


# what a bracket after a count holds when it breaks the count down: "(43)", "(19 each)",
# "(6 in France and one in Germany)"
_ITEM = r"(?:\d[\d,.]*|[a-z]+)(?:\s+(?:each|in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}))?"
BREAKDOWN_RE = re.compile(rf"\s*{_ITEM}(?:\s*(?:,\s*and|,|and)\s+{_ITEM})*\s*")
BREAKDOWN_OPEN_RE = re.compile(r"\s+(?:in|each)\s|\s*$")


def breakdowns(doc: Doc, cands: list[Cand]) -> None:
    """"80 deaths, followed by Sitamarhi (43), West Champaran (36)", "eleven were lethal (6 in France
    and one in Germany)": a count alone in brackets after a counted figure of its sentence breaks
    that figure down (by place): it takes the figure's category and group."""
    text = doc.text
    for n, c in enumerate(cands):
        if c.drop or c.category or c.blocked or c.head:
            continue
        opening = text.rfind("(", c.sent[0], c.num.start)
        if opening < 0 or text.find(")", opening, c.num.start) >= 0:
            continue
        closing = text.find(")", c.num.end, c.sent[1])
        if closing < 0:
            continue
        # the whole bracket a list of counts, or this count opening it: "(6 in France and one in
        # each of Germany, ...)"
        opens = not text[opening + 1:c.num.start].strip() and BREAKDOWN_OPEN_RE.match(text, c.num.end, closing)
        if not (opens or BREAKDOWN_RE.fullmatch(text, opening + 1, closing)):
            continue
        prev = [p for p in cands[:n] if p.sent == c.sent and not p.drop and p.category and p.subset_of is None
                and p.end <= opening]
        if prev:
            c.category, c.head = prev[-1].category, prev[-1].head


INCREMENT_RE = re.compile(r"\b(?:up|down)\s+by\s+$|\ban?\s+(?:increase|rise|jump|drop)\s+of\s+$", re.IGNORECASE)


def increments(doc: Doc, cands: list[Cand]) -> None:
    """"... has climbed above 400,000, up by 12,350 people on the week": a change of the count before
    it in the sentence is a count of the same category."""
    for n, c in enumerate(cands):
        if c.drop or c.category or not INCREMENT_RE.search(doc.text, max(c.sent[0], c.start - 25), c.start):
            continue
        prev = [p for p in cands[:n] if p.sent == c.sent and not p.drop and p.category and p.subset_of is None]
        if prev:
            c.category = prev[-1].category
            c.start = INCREMENT_RE.search(doc.text, max(c.sent[0], c.start - 25), c.start).start()


# "7,868 displaced people received humanitarian aid": the predicate says what happened to the
# group in this clause; the adjective before says who they are
ASSISTED_RE = re.compile(r"\s*(?:(?:have|has|had)\s+)?(?:received|receiving|were\s+reached\s+with|benefited\s+from|"
                         r"were\s+(?:given|provided\s+with|assisted))\s+(?:[\w-]+\s+){0,4}?"
                         r"(?:aid|assistance|help|relief|support|food|cash|kits|items)\b", re.IGNORECASE)
ASSISTED_LIST_RE = re.compile(r"(?:,?\s+(?:and\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}){0,6}?(?=\s+(?:have\s+|has\s+|had\s+)?"
                              r"(?:received|receiving|were|benefited)\b)")


def assistance(doc: Doc, cands: list[Cand]) -> None:
    """A group named by what befell it ("displaced people", "affected families") that received aid
    in the clause is a count of people assisted; a list of groups may stand between ("90,000
    displaced people, returnees and host families received assistance")."""
    for c in cands:
        if c.drop or c.category not in ("displaced", "affected", "refugees") or c.cue_end > c.np_end:
            continue
        pos = c.np_end
        lst = ASSISTED_LIST_RE.match(doc.text, pos, c.sent[1])
        if lst:
            pos = lst.end()
        m = ASSISTED_RE.match(doc.text, pos, c.sent[1])
        if m:
            c.category, c.cue_end = "assisted", m.end()


# heads that count but name no group ("1,700 fatalities" has no group; "1,700 people" has)
