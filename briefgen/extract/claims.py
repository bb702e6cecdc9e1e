"""Claims: whose word an event line is. "Ghana said it was preparing to send troops" is Ghana's
claim, not a fact the brief may state; the event keeps who said it (`Event.said_by`).

describe.py drops the attribution from the line and hands over its speaker words as written
("the agency", "he", "Dr Frieden", "the ministry"); here they are found in the sentence and
read with the quote speakers' rules (speakers.py): a person or organisation named there (never
one spoken TO: "told Reuters", never an outlet, never words inside quote marks), a pronoun's
person (named in an earlier sentence: "X was to visit the region, he said" is not X's word),
a role noun's referent ("the agency" -> the agency named earlier).

Which speakers make a claim worth showing (the rule the page relies on):
- a named person or organisation: always;
- a country that is the whole subject ("Ghana said"): its government speaks;
- otherwise the phrase itself, when its head (last word; after "for/of/at" in "a spokesman for
  the army"; before "spokesman" in "an army spokesman") is a party (data/claim_parties.txt:
  ministry, army, rebels ...), kept as written;
- generic sourcing of a report ("officials said", "police said", "state media said", "a news
  release said", "according to figures ...": data/generic_sources.txt), an unnamed person ("a
  witness said") and anything else: no speaker; the line reads as reported.
English only: the attribution rules of describe.py read English sentences.
"""
from __future__ import annotations

import re

from . import gazetteer, lexicon, orgs, speakers
from .describe_words import ANY_DATE_RE
from .doc import Doc
from .names import SPEECH_VERBS

MAX_WHO_WORDS = 12  # the attribution words looked for in the sentence
MAX_PARTY_WORDS = 5  # "the Syrian defence ministry"; a longer phrase is a description, not a party
_WORD_RE = re.compile(r"[\w’'-]+")
_OF_RE = re.compile(r"\b(?:for|of|at|from)\s+(?=\S)", re.IGNORECASE)
_DETERMINER_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def said_by(doc: Doc, sent: tuple[int, int], who: str | None) -> str | None:
    """The claim's speaker for the attribution words `who` of sentence `sent`, or None."""
    if not who or lexicon.current() != lexicon.DEFAULT:
        return None
    span = _locate(doc, sent, who)
    if span is None:
        return None
    start, end = span
    speaker = _resolved(doc, start, end)
    if isinstance(speaker, str):
        return _display(doc, speaker) if not _generic(speaker) else None
    return _party(doc, start, end)


MAX_NAME_WORDS = 4  # a longer organisation name gives way to its acronym on a one-line event


def _display(doc: Doc, key: str) -> str:
    """A person by name; an organisation as its source names it (orgs.as_the_source_names),
    or by the acronym the source gives it when that name is long ("OCHA")."""
    ent = doc.entities.get(("org", key))
    if ent is None:
        return key
    mentions = [m for m in doc.mentions if m.kind == "org" and m.key == key]
    name, aliases = orgs.as_the_source_names(doc, ent, mentions)
    if len(name.split()) > MAX_NAME_WORDS:
        short = next((a for a in aliases if a.isupper() and a.isalpha() and a in doc.text), None)
        return short or name
    return name


def _locate(doc: Doc, sent: tuple[int, int], who: str) -> tuple[int, int] | None:
    """Where the words `who` (with date markers for any date words) stand in the sentence, outside
    quote marks: the last such place (a tail or mid attribution follows what it attributes)."""
    # "according to <the rest of the sentence>": its first words name the speaker, and a pattern
    # as long as a hostile sentence would be scanned at each of its characters
    parts = [p.split() for p in ANY_DATE_RE.split(" ".join(who.split()[:MAX_WHO_WORDS])) if p.strip()]
    if not parts:
        return None
    if len(parts) == 1:  # most attributions hold no date: found without compiling a pattern for each
        spans = _word_spans(doc.text, parts[0], *sent)
    else:
        rx = re.compile(r"[^.;]{1,60}?".join(r"\s+".join(map(re.escape, p)) for p in parts))
        spans = [m.span() for m in rx.finditer(doc.text, *sent)]
    found = [(s, e) for s, e in spans if not doc.in_quote(s) and not doc.in_quote(e - 1)]
    return found[-1] if found else None


def _word_spans(text: str, words: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Exactly the spans `re.compile(r"\\s+".join(map(re.escape, words))).finditer(text, start, end)`
    gives: each word as written, whitespace between them, left to right without overlaps."""
    out = []
    q = text.find(words[0], start, end)
    while q >= 0:
        pos = q + len(words[0])
        for word in words[1:]:
            gap = pos
            while gap < end and text[gap].isspace():
                gap += 1
            if gap == pos or not text.startswith(word, gap, end):
                break
            pos = gap + len(word)
        else:
            out.append((q, pos))
            q = text.find(words[0], pos, end)
            continue
        q = text.find(words[0], q + 1, end)
    return out


def _resolved(doc: Doc, start: int, end: int) -> object:
    """speakers.speaker_near over the phrase: the name, pronoun or role noun that speaks there."""
    before = doc.tokens_in(max(0, start - 14), start)
    if before and before[-1].lower == "to" and len(before) > 1 and before[-2].lower == "according":
        verb = before[-1]  # "according to X": X comes after its word, as after "said X"
        return speakers.speaker_near(doc, verb.end, end, verb, "after")[0]
    if doc.text[start:end].strip().lower() in speakers.PRONOUNS:
        return speakers.resolve_pronoun(doc, start, own_sentence=False)[0]
    after = [t for t in doc.tokens_in(end, min(len(doc.text), end + 40))][:2]
    verb = next((t for t in after if t.lower in SPEECH_VERBS), None)
    if verb is None:
        return speakers.UNKNOWN
    return speakers.speaker_near(doc, start, verb.start, verb, "before")[0]


def _head(phrase: str) -> list[str]:
    """The phrase's words from its head's noun phrase on: "a spokesman for the army" -> [the, army]."""
    pieces = _OF_RE.split(phrase)
    return _WORD_RE.findall(pieces[-1].lower())


def _generic(name: str) -> bool:
    words = _WORD_RE.findall(name.lower())
    return bool(words) and all(w in lexicon.generic_sources() or w in ("the", "state") for w in words)


def _party(doc: Doc, start: int, end: int) -> str | None:
    phrase = ANY_DATE_RE.sub(" ", doc.text[start:end])
    phrase = " ".join(phrase.split()).strip(" ,;:.!?")
    bare = _DETERMINER_RE.sub("", phrase)
    info = gazetteer.lookup(bare)
    if info is not None and info.kind == "country" and doc.mentions_in(start, end, "place"):
        return bare  # "Ghana said it was preparing ...": the country speaks through its government
    words = _WORD_RE.findall(phrase.lower())
    head = _head(phrase)
    if len(head) > 1 and head[-1] in lexicon.claim_mouthpieces():
        head = head[:-1]  # "an army spokesman": the army's word
    if not words or len(words) > MAX_PARTY_WORDS or not head:
        return None
    return phrase if head[-1] in lexicon.claim_parties() else None
