"""The patterns and word lists `describe.py`'s rules read: date markers, attribution
("officials said"), clause splits, date words and the words a shortened line may not end on."""
from __future__ import annotations

import re

D, OTHER = "⟦D⟧", "⟦d⟧"
ANY_DATE = r"⟦[dD]⟧"
SPEECH = r"(?:said|says|told(?:\s+(?:reporters|journalists|a\s+\w+|the\s+\w+|\w+))?|announced|reported|added|stated|warned)"
# "BEIRUT/THE HAGUE, ⟦d⟧ (Reuters) - ", and a mixed-case place only before a long dash ("Manama,
# Bahrain (CNN) -- "): a sentence's own "Name, Name - " is not cut
DATELINE_RE = re.compile(r"^(?:[A-Z][A-Z .'’/-]{2,}(?:,\s*[A-Z][\w .'’-]*?)*(?:,?\s*⟦[dD]⟧)?\s*(?:\([^)]*\))?\s*[-—–]+"
                         r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s*(?:\([^)]*\))?\s*(?:--|—))\s*")
# A place in capitals run into the first word of the lead ("NAIROBI Heavy rains ..."), no dash
GLUED_DATELINE_RE = re.compile(r"^(?P<place>[A-Z]{3,}(?: [A-Z]{3,})?)\s+(?=[A-Z][a-z])")
CAPTION_RE = re.compile(r"^[A-Z][\w ]{0,20}:\s+(?=[A-Z])")
TAIL_ATTRIBUTION_RE = re.compile(
    rf"(?:,\s*|\s+)(?P<who>(?:(?:the|a|an)\s+)?[^,;\"“”]{{0,70}}?)\b{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?"
    rf"(?:\s+(?:in\s+a\s+statement|by\s+telephone|in\s+\w+))?\s*[.!?]?\s*$")
# Every match of TAIL_ATTRIBUTION_RE ends the text with one of these words and what may follow
# it (TAIL_END_RE): a text with no such ending is not scanned (keep the words in step with SPEECH).
SPEECH_WORDS = ("said", "says", "told", "announced", "reported", "added", "stated", "warned")
TAIL_END_RE = re.compile(rf"\b{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?"
                         rf"(?:\s+(?:in\s+a\s+statement|by\s+telephone|in\s+\w+))?\s*[.!?]?\s*$")
HEAD_ATTRIBUTION_RE = re.compile(rf"^(?P<who>[^;\"“”]{{2,140}}?)\s+{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?(?:\s+that)?\s+(?=\S)")
MID_ATTRIBUTION_RE = re.compile(rf",\s+(?P<who>(?:(?:the|a|an)\s+)?[^,;\"“”]{{2,70}}?)\s+{SPEECH}(?:\s+(?:on\s+)?{ANY_DATE})?"
                                rf"(?:\s+in\s+a\s+statement)?\s*(?=,|[.!?]?\s*$)")
RELATIVE_RE = re.compile(r",\s*(?:(?:a|an|the)\s+[^,]*?\s)?(?P<rel>who|whose|which|that)\s+(?P<body>[^,]+),")
AND_VERB_RE = re.compile(r"\s*and\s+(?:[a-z]+ed|will|would|was|were|has|had|is|are|said|told|took|began|made|gave|met|held)\b")
# `;\s*`, `,\s+(?=...)`, `\s+(?=...)` | `\s+(?=and ...)`, written to open on one character class so
# that `re` skips to a `;`, `,` or space in C; the lookbehinds pick the branch the opening character
# allows, in the same order, so the matches are the same.
SPLIT_RE = re.compile(
    r"[;,\s](?:(?<=;)\s*|(?<=,)\s+(?=(?:after|before|as|when|while|since|because|although|though|but|whereas|until"
    r"|which|who|where|and|so|leaving|sending|killing|forcing|prompting|bringing|raising|making|causing|saying|adding)\b)"
    r"|(?<=\s)\s*(?=(?:after|before|because|although|though|whereas|until|while|when|since)\s+(?:the|a|an|its|their|his|her|[A-Z]))"
    r"|(?<=\s)\s*(?=and\s+(?:\w+ed|will|would|was|were|has|had|is|are|said|told|took|began|made|gave|met|held)\b))")
LEAD_WORDS = re.compile(r"^(?:after|before|as|when|while|since|because|although|though|but|whereas|until|and|so|that"
                        r"|which|who|where)\s+", re.IGNORECASE)
DATE_WORDS_RE = re.compile(r"(?:,\s*)?\s*(?:(?<!\w)(?:by|at|before|after|until)\s+(?:nightfall|dawn|dusk|noon|midnight|daybreak)\s+)?"
                           r"(?:(?<!\w)(?:also|earlier\s+in\s+the\s+day|later\s+in\s+the\s+day|late|early|earlier|later|starting|beginning|from|until|by|as\s+of|since)\s+)*"
                           r"(?:(?<!\w)(?:on|at|in)\s+)?⟦[dD]⟧(?:\s+onwards)?")
VERB_RE = re.compile(r"\b(?:[a-z]+ed|was|were|is|are|has|have|had|will|would|said|told|took|began|made|gave|met|held|"
                     r"went|came|rose|fell|hit|struck|fled|expect|expects)\b")
FUTURE_SUBS = [
    (re.compile(r"\b(?:is|are|was|were)\s+(?:due|set|scheduled|planning|going)\s+to\b"), "to"),
    (re.compile(r"\b(?:is|are)\s+expected\s+to\b"), "expected to"),
    (re.compile(r"\b(?:will|would|shall)\s+(?!have\b|not\b)"), "to "),
]
FIRST_PERSON_RE = re.compile(r"^(?:I|we|we're|I'm|I've|we've|our|my)\b", re.IGNORECASE)  # the speaker's own words
PRONOUN_RE = re.compile(r"^(?:it|he|she|they)\s+(?=[a-z])")
MAX_WORDS = 16
ANY_DATE_RE = re.compile(ANY_DATE)
QUOTE_MARKS_RE = re.compile(r"[\"“”]")
LEAD_CONJ_RE = re.compile(r"^(?:but|and|so)\s+", re.IGNORECASE)
MARKER_SPACES_RE = re.compile(r"\s*⟦[dD]⟧\s*")
TAIL_ACCORDING_RE = re.compile(r",?\s*according to (?P<who>.*)$", re.IGNORECASE)
HEAD_ACCORDING_RE = re.compile(r"^according to (?P<who>[^,]+),\s*", re.IGNORECASE)
ACCORDING_TO_RE = re.compile(r"according to ", re.IGNORECASE)  # in every match of TAIL_ACCORDING_RE
TRAILING_FUNCTION = frozenset("of the a an and or to in on at for with by from as that who which alongside across "
                              "near into over under against about after before during through towards toward "
                              "between among around without within beyond".split())
# a description never ends on these: a copula or auxiliary waiting for its complement, a
# speech verb waiting for what was said
DANGLING = TRAILING_FUNCTION | frozenset(
    "is are was were be been being am has have had do does did will would can could shall should may might must "
    "said says say told tells announced added stated warned reported its their his her our my your".split())
# nothing but an attribution: "Mr Christie told reporters", "Keita told French radio", "said Mr Christie"
ATTRIBUTION_ONLY_RE = re.compile(
    r"^(?:(?P<who>[^,;:]{2,90}?)\s+(?:said|says|announced|added|stated|warned|explained|insisted|wrote|tweeted|reported"
    r"|(?:told|tells)(?:\s+(?:the\s+|a\s+)?[\w’'-]+){0,2}?)"
    r"(?:\s+in\s+a\s+statement|\s+by\s+telephone|\s+in\s+an\s+interview)?"
    r"|(?:said|says|added|told\s+[\w’'-]+)\s+(?P<who2>[^,;:]{2,90}))$")
# one of these is in every match of ATTRIBUTION_ONLY_RE (keep them in step)
_ATTRIBUTION_WORDS = ("said", "says", "announced", "added", "stated", "warned", "explained", "insisted", "wrote",
                      "tweeted", "reported", "told", "tells")
# time adverbials a description can open on, and the words that make one
TIME_WORDS = frozenset("""also and but then meanwhile earlier later late early shortly soon just even again still
on in at by after before during since until from the this that same day days night nightfall dawn dusk daybreak
noon midnight morning afternoon evening week weekend overnight hours hour""".split())
TIME_CORE = frozenset("earlier later meanwhile day night nightfall dawn dusk daybreak noon midnight morning "
                      "afternoon evening week weekend overnight".split())
TIME_PREPOSITIONS = frozenset("after before following amid despite during since until".split())
# verbs whose direct object would be the date: "spent Monday with Renzi" -> "spent the day"
DAY_OBJECT_RE = re.compile(r"\b((?:spent|spend|spends|spending|marked|marks|celebrated|observed)\s+)⟦[dD]⟧")
SHORTEN_CUT_BEFORE = frozenset("in at on for with from to by across near into over under against".split())
SHORTEN_CLAUSE = frozenset("and but as while when after before because which who where whereas although".split())
