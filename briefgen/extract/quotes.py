"""Quotes and who said them.

For each quoted stretch (see quotemarks.py) the rules look, in order: after it in the same
sentence ('," Lavrov said' / '," said a local geologist, Manlio Faraoni'), before it
('Renzi said ...: "', 'saying the situation was "'), then carry a speaker over from an
earlier quote of the same paragraph or from the paragraph before when the quote opens its
own paragraph (the convention for a quote running on). "he said" is resolved to the
subject of the nearest earlier sentence naming a person. An explicit unnamed speaker
("said a woman in her 30s") gives `speaker=None` and stops any carry-over.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import text as T
from .doc import Doc, Mention
from .names import SPEECH_VERBS
from .quotemarks import QuoteSpan, word_count
from .ruler import Ruler

PRONOUNS = frozenset({"he", "she"})
UNKNOWN = object()  # no attribution found (as opposed to an explicit unnamed speaker: None)


@dataclass
class Attributed:
    quote: QuoteSpan
    speaker: object = UNKNOWN    # canonical name, None (unnamed speaker) or UNKNOWN


def _outside(doc: Doc, start: int, end: int) -> list[Mention]:
    return [m for m in doc.mentions_in(start, end) if m.kind in ("person", "org") and not doc.in_quote(m.start)]


def _verbs(doc: Doc, start: int, end: int) -> list[T.Token]:
    toks = [t for t in doc.tokens_in(start, end) if not doc.in_quote(t.start)]
    out = [t for t in toks if t.lower in SPEECH_VERBS]
    out += [t for t, n in zip(toks, toks[1:]) if t.lower == "according" and n.lower == "to"]
    return sorted(out, key=lambda t: t.start)


def resolve_pronoun(doc: Doc, pos: int) -> str | None:
    """The person a 'he/she' at `pos` most likely is: the first person named (outside quotes)
    in the nearest earlier sentence that names one."""
    si = doc.sentence_index(pos)
    for k in range(si, max(-1, si - 7), -1):
        s, e = doc.sentences[k]
        people = [m for m in _outside(doc, s, min(e, pos)) if m.kind == "person"]
        if people:
            return people[0].key
    return None


def _speaker_from(doc: Doc, start: int, end: int, verb: T.Token | None, prefer_before: bool) -> object:
    """Who speaks in [start, end): a person, else a pronoun, else an organisation, else None."""
    ments = _outside(doc, start, end)
    people = [m for m in ments if m.kind == "person"]
    if people:
        if verb is not None and prefer_before:
            before = [m for m in people if m.end <= verb.start]
            return (before[-1] if before else people[0]).key
        return people[0].key
    for tok in doc.tokens_in(start, end):
        if tok.lower in PRONOUNS and not doc.in_quote(tok.start):
            return resolve_pronoun(doc, tok.start)
    orgs = [m for m in ments if m.kind == "org"]
    if orgs and verb is not None:
        return orgs[0].key
    named = _definite_org(doc, start, end)
    if named and verb is not None:
        return named
    # "said a woman in her 30s", "a statement said": an explicit speaker without a name
    if any(t.lower in ("a", "an", "the", "one") and not doc.in_quote(t.start) for t in doc.tokens_in(start, end)):
        return None
    return UNKNOWN


def _definite_org(doc: Doc, start: int, end: int) -> str | None:
    """"The company said in a statement that it "deeply regrets ...": the last organisation named
    before whose name has that head word ("Sarvona Hydro Company")."""
    m = re.search(r"\b[Tt]he\s+(company|agency|organi[sz]ation|ministry|group|society|federation|committee|fund)\b",
                  doc.text[start:end])
    if m is None or doc.in_quote(start + m.start()):
        return None
    head = m.group(1).lower()
    named = [x for x in doc.mentions if x.kind == "org" and x.end <= start + m.start()
             and head in doc.entities[("org", x.key)].name.lower().split()]
    return max(named, key=lambda x: x.start).key if named else None


def _after_region(doc: Doc, q: QuoteSpan, nxt: QuoteSpan | None) -> tuple[int, int]:
    """From the closing mark to the end of its sentence (the sentence splitter knows "Lt. Col.")."""
    pe = doc.paragraphs[q.para][1]
    end = min(pe, nxt.open) if nxt and nxt.para == q.para else pe
    return q.close, min(end, max(doc.sentence_at(max(q.close - 1, 0))[1], q.close))


def _before_region(doc: Doc, q: QuoteSpan, prev: QuoteSpan | None) -> tuple[int, int]:
    ps = doc.paragraphs[q.para][0]
    start = max(ps, prev.close) if prev and prev.para == q.para else ps
    return max(start, min(doc.sentence_at(q.open)[0], q.open)), q.open


def after(doc: Doc, items: list[Attributed]) -> None:
    """'"...," Lavrov said.' and '"...," said X, a doctor.'"""
    for n, it in enumerate(items):
        nxt = items[n + 1].quote if n + 1 < len(items) else None
        start, end = _after_region(doc, it.quote, nxt)
        verbs = [v for v in _verbs(doc, start, end) if len(doc.tokens_in(start, v.start)) <= 8]
        if verbs:
            it.speaker = _speaker_from(doc, start, end, verbs[0], prefer_before=False)


def before(doc: Doc, items: list[Attributed]) -> None:
    """'Renzi said ...: "', 'who earlier said those ... "should not ..."', 'He added: "'."""
    for n, it in enumerate(items):
        if it.speaker is not UNKNOWN:
            continue
        prev = items[n - 1].quote if n else None
        start, end = _before_region(doc, it.quote, prev)
        verbs = _verbs(doc, start, end)
        people = [m for m in _outside(doc, start, end) if m.kind == "person"]
        if verbs:
            it.speaker = _speaker_from(doc, start, end, verbs[-1], prefer_before=True)
        elif people:
            it.speaker = people[-1].key


def carry_over(doc: Doc, items: list[Attributed]) -> None:
    """Same paragraph: the previous quote's speaker (or the next one's when the first has none);
    a quote opening its paragraph: the last quote of the paragraph before."""
    for n, it in enumerate(items):
        if it.speaker is not UNKNOWN or n == 0:
            continue
        prev = items[n - 1]
        q = it.quote
        ps, pe = doc.paragraphs[q.para]
        opens_para = q.open == ps
        heading = q.close >= pe and word_count(doc.text[q.start:q.end]) <= 6 and not re.search(r"[.!?]$", doc.text[q.start:q.end])
        if prev.quote.para == q.para or (opens_para and not heading and prev.quote.para == q.para - 1):
            it.speaker = prev.speaker
    for n in range(len(items) - 2, -1, -1):
        it, nxt = items[n], items[n + 1]
        runs_on = (not it.quote.closed and nxt.quote.para == it.quote.para + 1
                   and nxt.quote.open == doc.paragraphs[nxt.quote.para][0])
        if it.speaker is UNKNOWN and (nxt.quote.para == it.quote.para or runs_on):
            # a quote running over paragraphs is attributed once, often only at its end ("..., she said.")
            it.speaker = nxt.speaker


RULES: Ruler = Ruler([
    ("after", after),
    ("before", before),
    ("carry_over", carry_over),
])


def run(doc: Doc) -> list[Attributed]:
    """Attributed quotes of two words or more (single-word 'scare quotes' are not quotes)."""
    items = [Attributed(q) for q in doc.quotes]
    for _name, rule in RULES:
        rule(doc, items)
    return [it for it in items if word_count(doc.text[it.quote.start:it.quote.end]) >= 2]
