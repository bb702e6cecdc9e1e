"""Word tables for figures: who can be counted, which words give the category, which
words make a number something other than a count of people (units, durations, money).

Policy choices, stated once: "casualties" is not a category (killed or injured is not
said); "fled" alone is not one either (refugees or displaced is not said); "buried",
"isolated", "quarantined", "infected" and "treated" are not categories of the vocabulary.
"""
from __future__ import annotations

import re

from . import text as T

# One victim named by a singular noun after "a"/"an" ("killed a Reuters reporter", "a policeman
# was shot dead"): the article is the count, 1 (figures.one_victim).
ONE_VICTIM_NOUNS = frozenset("""
person civilian child woman man boy girl teenager baby resident villager soldier officer policeman policewoman
journalist reporter photographer cameraman videographer worker student pupil nurse doctor medic farmer fisherman
miner pilot passenger tourist pilgrim protester demonstrator prisoner detainee hostage guard volunteer
""".split())
_ONE_NOUN = "(?:" + "|".join(sorted(ONE_VICTIM_NOUNS, key=len, reverse=True)) + ")"
ONE_VICTIM_RE = re.compile(
    rf"\b(?:killed|injured|wounded|kidnapped|abducted)\s+(?P<a>an?)\s+(?:[\w’'-]+\s+){{0,2}}?{_ONE_NOUN}\b"
    rf"|\b(?P<a2>[Aa]n?)\s+(?:[\w’'-]+\s+){{0,2}}?{_ONE_NOUN}\s+(?:was|has\s+been)\s+"
    r"(?:killed|shot\s+dead|injured|wounded|kidnapped|abducted)\b")
PEOPLE = frozenset("""
people persons person civilians civilian children child kids kid women woman men man males females adults
babies infants boys girls villagers villager residents resident inhabitants refugees refugee migrants migrant
asylum-seekers soldiers soldier troops personnel officers officer policemen police fighters fighter militants
rebels insurgents combatants workers staff journalists students pupils patients passengers pilgrims tourists
miners fishermen farmers protesters demonstrators prisoners detainees hostages victims bodies corpses others
individuals family families members crew sailors marines guards guardsmen teenagers elderly nurses doctors
medics volunteers citizens nationals climbers hikers trekkers mourners worshippers shoppers commuters voters
returnees
""".split()) | ONE_VICTIM_NOUNS
# groups never counted as victims even when a cue follows ("2,000 rescuers were involved")
NOT_VICTIMS = frozenset("rescuers rescue firefighters volunteers officials observers monitors inspectors".split())

# a word in the noun phrase or the predicate that fixes the category
CUES = {
    "killed": "killed", "died": "killed", "dead": "killed", "deaths": "killed", "death": "killed",
    "fatalities": "killed", "perished": "killed", "drowned": "killed", "bodies": "killed", "corpses": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "missing": "missing", "unaccounted": "missing",
    "displaced": "displaced", "homeless": "displaced", "camping": "displaced",
    "evacuated": "evacuated", "evacuate": "evacuated", "evacuees": "evacuated",
    "trapped": "trapped", "stranded": "trapped",
    "refugees": "refugees", "returnees": "other",
    "detained": "detained", "arrested": "detained", "abducted": "detained", "kidnapped": "detained",
    "jailed": "detained", "imprisoned": "detained", "detainees": "detained",
    "released": "released", "freed": "released",
    "affected": "affected",
}
# predicate phrases (checked on the text after the counted group)
PHRASES = [
    (re.compile(r"\blost (?:their|his|her) lives?\b"), "killed"),
    (re.compile(r"\bfled (?:their|his|her) homes?\b"), "displaced"),
    # "eleven of all cases were lethal", "the injuries proved fatal"
    (re.compile(r"\b(?:were|was|proved|have\s+been|had\s+been)\s+(?:lethal|fatal)\b"), "killed"),
    (re.compile(r"\b(?:moved|relocated) (?:in)?to\b"), "displaced"),
    (re.compile(r"\b(?:in|to|into) (?:makeshift |temporary |relief |evacuation )?(?:shelters|camps)\b"), "displaced"),
    (re.compile(r"\bin (?:\w+ )?need\b|\b(?:need|needs|needed|needing) (?:[a-z]+ (?:and )?){0,3}?"
                r"(?:aid|assistance|help)\b"), "in_need"),
    (re.compile(r"\b(?:received|receiving|reached with) (?:aid|assistance|food|help|relief)\b"), "assisted"),
    # in care for a hurt: "51 people were in hospital", "1,500 victims were being treated", "treated 116
    # people suffering from gunshot wounds"; "in_care" is injured unless the sentence is about a
    # disease (patients of an outbreak are cases, not injured: figures.predicate decides)
    (re.compile(r"^\s*(?:were|are|was|is|remain|remained|have been|had been)\s+(?:still\s+)?(?:being\s+)?"
                r"(?:treated|hospitali[sz]ed|admitted|in\s+(?:the\s+)?hospitals?|in\s+(?:a\s+)?(?:serious|critical)"
                r"\s+condition)\b"), "in_care"),
    (re.compile(r"\b(?:suffering|suffered)\s+(?:from\s+)?(?:\w+\s+){0,2}?(?:wounds|injuries|burns|fractures)\b"),
     "injured"),
]
# all of them in one pattern: it matches a text iff one of them does (most windows hold none, and
# then the nine scans of the window are not needed)
ANY_PHRASE_RE = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in PHRASES))
# a verb right before the number, of which the counted people are the object
VERBS_BEFORE = {
    "killed": "killed", "killing": "killed", "kills": "killed", "kill": "killed", "claimed": None,
    "injured": "injured", "injuring": "injured", "wounded": "injured", "wounding": "injured",
    "freed": "released", "freeing": "released", "released": "released", "releasing": "released",
    "evacuated": "evacuated", "evacuating": "evacuated", "displaced": "displaced", "displacing": "displaced",
    "detained": "detained", "detaining": "detained", "arrested": "detained", "arresting": "detained",
    "abducted": "detained", "abducting": "detained", "kidnapped": "detained", "kidnapping": "detained",
    "affected": "affected", "affecting": "affected", "trapped": "trapped", "trapping": "trapped",
    "sheltering": None, "hosting": None, "hosts": None, "hosted": None, "host": None, "left": None,
    "impacted": "affected", "impacting": "affected", "impacts": "affected",
    "treated": None, "treating": None,  # the predicate says what for ("treated 116 people for wounds")
}
# "the displacement of 2,000 civilians", "the release of 11 prisoners": a noun of the event, then "of"
NOUNS_OF = {
    "displacement": "displaced", "evacuation": "evacuated", "deaths": "killed", "death": "killed",
    "killing": "killed", "killings": "killed", "abduction": "detained", "kidnapping": "detained",
    "arrest": "detained", "arrests": "detained", "detention": "detained", "release": "released",
    "relocation": "displaced",
}
# words between the number and its verb or subject that don't decide anything
NEUTRAL_BEFORE = frozenset("""
has have had recorded registered reported counted confirmed estimated put were are is was been be with
including that and total another now some there of the officials say said says according than nearly
forced forcing prompted prompting caused causing
""".split())
# Units after a number: "10km", "3 years", "5 p.m." (each alternative opens on a plain character).
_UNITS = (r"%|per\s*cent\b|percent\b|years?\b|months?\b|weeks?\b|days?\b|nights?\b|hours?\b|minutes?\b|seconds?\b"
          r"|decades?\b|centuries\b|century\b|km\b|kms\b|kilomet|miles?\b|mi\b|metres?\b|meters?\b|m\b|feet\b|ft\b"
          r"|foot\b|square\b|sq\b|acres?\b|hectares?\b|tonnes?\b|tons?\b|kg\b|kilograms?\b|litres?\b|liters?\b"
          r"|degrees?\b|am\b|pm\b|a\.m\.|p\.m\.|gmt\b|bst\b|est\b|ist\b|utc\b|mph\b|magnitude\b|times\b|storeys?\b"
          r"|stories\b|floors?\b|points?\b|dollars?\b|euros?\b|pounds?\b|rupees?\b|yuan\b|yen\b|francs?\b|per\b"
          r"|o'clock\b|bn\b|inches\b|cm\b|mm\b|aftershocks?\b|of age\b|year-olds?\b").split("|")


def _by_first_character(alternatives: list[str]) -> str:
    """The alternation with the alternatives that open on one character grouped under it, in
    order: "m(?:onths?\\b|...)|...". The pattern is only ever asked whether it matches, which
    grouping keeps; `re` then enters the ~20 groups at a number's next word instead of trying
    all ~70 alternatives one after the other (it cannot skip one on its first letter when
    ignoring case)."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


# a unit after the number (only asked whether it matches: see `_by_first_character`)
UNIT_RE = re.compile(r"\s*(?:" + _by_first_character(_UNITS) + ")", re.IGNORECASE)
CURRENCY_BEFORE_RE = re.compile(r"(?:[$£€¥]|US\$|Rs\.?|USD|EUR|GBP)\s*$")
POSSESSIVE_BEFORE = frozenset("his her their my our your its whose".split())
QUALIFIER_RE = re.compile(
    r"(?P<q>at least|more than|over|about|around|nearly|almost|some|roughly|approximately|up to|as many as|"
    r"an estimated|estimated|fewer than|less than|close to|at most|upwards of|well over|just over|just under|"
    r"in excess of|an additional)\s+$",
    re.IGNORECASE,
)
# tokens that end the noun phrase after a number
NP_STOP = frozenset("""
the a an of in on at to from by with for as who whom which that were was are is have has had been be being
will would could can may might must should and or but after before since during into across near including
among than so now still also not just only reportedly apparently when while where there their his her its
said says told according more others other further additional
""".split())

# Shared by the figure rules (figures.py, figure_refine.py).
PARENTHETICAL_RE = re.compile(
    r"\s*(?:[,–—-]\s*(?:including|among them|many of them|most of them|some of them|of whom|mostly|mainly|all of them)"
    r"[^,–—()]*?(?:[,–—]|\s-\s)|\([^)]*\)|\s+[–—-]\s+[^–—.;:()]{1,80}?\s+[–—-](?=\s))")
SUBSET_RE = re.compile(r"(?:including|among them|among whom|of whom)\s+$", re.IGNORECASE)
SUBSET_ENDS = ("including", "them", "whom")  # the last word of every SUBSET_RE phrase (keep them in step)


def search_ending(rx: re.Pattern[str], last_words: tuple[str, ...], text: str, start: int,
                  end: int) -> re.Match[str] | None:
    """`rx.search(text, start, end)` for a pattern whose every match ends the window with one of
    `last_words` (in any case) and spaces, run only when the window ends so: `re` would try the
    pattern at every character of it. On ASCII, lowercasing decides that exactly; other characters
    may fold case in more ways ("ſ" matches "s"), so the pattern decides."""
    before = text[start:end]
    core = before.rstrip()
    if len(core) == len(before):
        return None  # no trailing space: `\s+$` cannot match
    tail = core[-max(map(len, last_words)):]
    if T.case_plain(tail) and not tail.lower().endswith(last_words):
        return None
    return rx.search(text, start, end)
# heads a noun before them narrows into a group of its own: "aid workers", "health workers",
# "security personnel" (a category word before them is no part of it: "injured workers")
COMPOUND_HEADS = frozenset("workers worker staff personnel officers officer members member".split())
# a part of a count named by its state: "including three who were in a serious condition"
CONDITION_RE = re.compile(r"\s+(?:who\s+(?:were|are|was|is|remain|remained)\s+)?in\s+(?:a\s+)?"
                          r"(?P<state>serious|critical|grave|stable)\s+condition\b", re.IGNORECASE)

# Heads that are not groups of people ("others", "lives"): never printed as a figure's group.
NOT_GROUPS = frozenset({"others", "lives", "deaths", "dead", "fatalities"})
