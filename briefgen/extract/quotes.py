"""Quotes and who said them.

For each quoted stretch (see quotemarks.py) the rules look, in order: after it in the same
sentence ('," Lavrov said' / '," said a local geologist, Manlio Faraoni' / '," Will Moy, chief
executive of Full Fact, told the BBC'), before it ('Renzi said ...: "', 'He added: "'), in the
next sentence when that is a short attribution ('"..." Ahmed said on Monday.'), then carry a
speaker over from an adjacent quote of the same paragraph or from the paragraph before when the
quote opens its own paragraph (the convention for a quote running on). Who the speaker of a
verb is (subject, pronoun, role noun; never an outlet or a listener) is speakers.py's work. An
explicit unnamed speaker ("said a woman in her 30s") gives `speaker=None` and stops any
carry-over. `Attributed.how` records which way the speaker was found.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from . import lexicon
from . import text as T
from .doc import Doc
from .names import SPEECH_VERBS
from .speakers import UNKNOWN, candidates, speaker_near, unquoted_tokens
from .quotemarks import QuoteSpan, word_count
from .ruler import Ruler


@dataclass
class Attributed:
    quote: QuoteSpan
    speaker: object = UNKNOWN    # canonical name, None (unnamed speaker) or UNKNOWN
    how: str | None = None       # same sentence | next sentence | pronoun | role noun | carried over


def _verbs(doc: Doc, start: int, end: int) -> list[T.Token]:
    """Speech verbs (and "according to") outside quote marks in [start, end), in order; the quote
    test only for the few words that are verbs."""
    toks = doc.tokens_in(start, end)
    out = []
    speech = lexicon.speech_verbs()  # SPEECH_VERBS's set, looked up once rather than for every word
    for k, t in enumerate(toks):
        low = t.text.lower()
        if (low in speech or (low == "according" and k + 1 < len(toks) and toks[k + 1].text.lower() == "to")) \
                and not doc.in_quote(t.start):
            out.append(t)
    return out


_STOP_MARK_RE = re.compile(r"[;:.!?(]")
_END_MARK_RE = re.compile(r"[,.!?]")
_WORD_CHAR_RE = re.compile(r"\w")
_QUOTE_WORD_RE = re.compile(r"[^\W_][\w'’-]*")
# a quote followed by one of these is a noun phrase's object ('statements" by X'), not attributed after
_PREPOSITIONS = frozenset({"by", "of", "for", "from", "in", "on", "at", "with", "to", "about", "against", "over"})
# words that open a new clause: a verb past them belongs to that clause, not to the quote
_CLAUSE_WORDS = frozenset({"that", "which", "who", "and", "but", "when", "while", "because", "after", "before",
                           "as", "if", "since", "although", "where"})


def _attributes(doc: Doc, start: int, verb: T.Token) -> bool:
    """Whether a speech verb after a quote attributes it: close enough ('," Lavrov said'), or
    past one noun phrase ('," the UN human rights chief Zeid Ra'ad Al Hussein said') or one
    apposition ('," Will Moy, chief executive of Full Fact, told the BBC')."""
    gap = unquoted_tokens(doc, start, verb.start)
    if len(gap) <= 8:
        return True
    if len(gap) > 16 or any(t.lower in _CLAUSE_WORDS for t in gap):
        return False
    between = doc.text[start:verb.start].lstrip(" ,")
    # one noun phrase, or "Name, apposition," right before the verb
    return (not _STOP_MARK_RE.search(between)) and between.count(",") in (0, 2)


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
    """'"...," Lavrov said.', '"...," said X, a doctor.' and '"...," X, a doctor, told the BBC.'"""
    for n, it in enumerate(items):
        nxt = items[n + 1].quote if n + 1 < len(items) else None
        start, end = _after_region(doc, it.quote, nxt)
        first = doc.tokens_in(start, end)[:1]
        if first and first[0].lower in _PREPOSITIONS and not _END_MARK_RE.search(doc.text, start, first[0].start):
            continue  # 'because of "highly provocative statements" by X, who had said ...': words X is charged with
        verbs = [v for v in _verbs(doc, start, end) if _attributes(doc, start, v)]
        if verbs:
            it.speaker, it.how = speaker_near(doc, start, end, verbs[0], "after")
            if it.speaker is UNKNOWN and any(t.text[:1].isupper() and not doc.in_quote(t.start)
                                             for t in doc.tokens_in(start, end)):
                it.speaker = None  # '," Someone Unknown said': attributed, to no one the rules know; no carry-over


def before(doc: Doc, items: list[Attributed]) -> None:
    """'Renzi said ...: "', 'who earlier said those ... "should not ..."', 'He added: "'."""
    for n, it in enumerate(items):
        if it.speaker is not UNKNOWN:
            continue
        prev = items[n - 1].quote if n else None
        start, end = _before_region(doc, it.quote, prev)
        verbs = _verbs(doc, start, end)
        if verbs:
            it.speaker, it.how = speaker_near(doc, start, end, verbs[-1], "before")
        else:
            # no speech verb ('Walmart ... kept its forecast, citing a "fluid ..."'): the last person
            # named before the quote, else the last organisation
            ments = candidates(doc, start, end)
            found = _last([m for m in ments if m.kind == "person"] or ments)
            if found is not None:
                it.speaker, it.how = found.key, "same sentence"


def _last(ments: list) -> object:
    return ments[-1] if ments else None


def next_sentence(doc: Doc, items: list[Attributed]) -> None:
    """A quote that ends its sentence unattributed, followed by a short attribution of its own:
    '"We will rebuild." Ahmed said on Tuesday.' / '... "We will rebuild." ¶ The mayor said so.'"""
    first_in_para: dict[int, int] = {}
    for x in doc.quotes:
        first_in_para.setdefault(x.para, x.open)
    opens = [x.open for x in doc.quotes]
    for it in items:
        q = it.quote
        if it.speaker is not UNKNOWN or not q.closed:
            continue
        si = doc.sentence_index(max(q.close - 1, 0))
        s_end = doc.sentences[si][1]
        if _WORD_CHAR_RE.search(doc.text, q.close, s_end) or si + 1 >= len(doc.sentences):
            continue  # words after the quote in its own sentence: the "after" rule's business
        ns, ne = doc.sentences[si + 1]
        ps, pe = doc.paragraphs[q.para]
        if first_in_para[q.para] < q.open:
            continue  # an earlier quote of the paragraph has its speaker: carry_over's business
        own_para = q.open == ps and not _WORD_CHAR_RE.search(doc.text, q.close, pe)
        quoted = doc.in_quote(ns) or bisect_left(opens, ns) < bisect_left(opens, ne)  # a quote in it
        if doc.paragraph_index(ns) > (q.para + 1 if own_para else q.para) or quoted:
            continue
        toks = doc.tokens_in(ns, ne)
        verbs = [k for k, t in enumerate(toks[:6]) if t.lower in SPEECH_VERBS]
        if not verbs or len(toks) > 12:
            continue
        verb = toks[verbs[0]]
        speaker, how = speaker_near(doc, ns, ne, verb, "before")
        if speaker is not UNKNOWN:
            it.speaker, it.how = speaker, ("next sentence" if how == "same sentence" else how)


def _adjacent(doc: Doc, a: Attributed, b: QuoteSpan) -> bool:
    """Whether quote b follows quote a closely enough to share its speaker: at most one sentence
    break between them and no other person named in between ('"...," X said. "..."' but not
    '"...," X said. Y has said he wants "..."')."""
    between = doc.sentence_index(b.open) - doc.sentence_index(max(a.quote.close - 1, 0))
    # organisations in between are usually the speaker's own ("Red Cross Chairman Gordon")
    return between <= 1 and all(m.key == a.speaker for m in candidates(doc, a.quote.close, b.open)
                                if m.kind == "person")


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
        heading = q.close >= pe and word_count(doc.text[q.start:q.end], 7) <= 6 and not re.search(r"[.!?]$", doc.text[q.start:q.end])
        if (prev.quote.para == q.para and _adjacent(doc, prev, q)) or \
                (opens_para and not heading and prev.quote.para == q.para - 1):
            it.speaker, it.how = prev.speaker, "carried over"
    for n in range(len(items) - 2, -1, -1):
        it, nxt = items[n], items[n + 1]
        runs_on = (not it.quote.closed and nxt.quote.para == it.quote.para + 1
                   and nxt.quote.open == doc.paragraphs[nxt.quote.para][0])
        if it.speaker is UNKNOWN and (nxt.quote.para == it.quote.para or runs_on):
            # a quote running over paragraphs is attributed once, often only at its end ("..., she said.")
            it.speaker, it.how = nxt.speaker, "carried over"


RULES: Ruler = Ruler([
    ("after", after),
    ("before", before),
    ("next_sentence", next_sentence),
    ("carry_over", carry_over),
])


_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "for", "in", "on", "to", "de", "al"})


def _name_or_heading(doc: Doc, it: Attributed) -> bool:
    """An unattributed short stretch that is a heading (a whole paragraph with no sentence end:
    'Facts, not fear') or a name in Title Case (the Pacific "Ring of Fire", "CCHQ Press"): words in
    quote marks, not words someone said."""
    if it.speaker not in (None, UNKNOWN):
        return False
    q = it.quote
    words = _QUOTE_WORD_RE.findall(doc.text, q.start, q.end)
    if len(words) > 6:
        return False
    ps, pe = doc.paragraphs[q.para]
    ends_sentence = doc.text[q.end - 1:q.end] in (".", "!", "?")
    heading = q.open == ps and not _WORD_CHAR_RE.search(doc.text, q.close, pe) and not ends_sentence
    title = len(words) <= 4 and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words) \
        and not ends_sentence
    return heading or title


def run(doc: Doc) -> list[Attributed]:
    """Attributed quotes of two words or more (single-word 'scare quotes' are not quotes), without
    headings and names in quote marks."""
    items = [Attributed(q) for q in doc.quotes]
    for _name, rule in RULES:
        rule(doc, items)
    return [it for it in items if word_count(doc.text[it.quote.start:it.quote.end], 2) >= 2
            and not _name_or_heading(doc, it)]
