"""The shared state every rule reads and adds to, like markdown-it-py's `StateCore`.

Rules for names run first and register mentions (person/org/place spans with the
canonical name they refer to); quote, figure and event rules then look those up.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from . import lexicon
from . import text as T
from .quotemarks import QuoteSpan, find_quotes

_RUN_SPLIT_RE = re.compile(r"(\w+)")
# The same on text whose word characters are all ASCII (`T.words_ascii`), where `\w` is exactly
# [A-Za-z0-9_]: a bitmap test per character instead of a Unicode category lookup
_ASCII_RUN_SPLIT_RE = re.compile(r"(\w+)", re.ASCII)


@dataclass
class Mention:
    kind: str    # "person" | "org" | "place"
    key: str     # canonical name of the entity
    start: int
    end: int


@dataclass
class Entity:
    kind: str
    name: str
    role: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Doc:
    text: str
    source_id: str
    published: dt.date | None = None
    dateline: str | None = None
    title: str | None = None
    lang: str = "en"             # the source's language: which lexicon (data/<lang>/) the rules read
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    tokens: list[T.Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    _runs: list | None = field(default=None, repr=False)
    _words: tuple | None = field(default=None, repr=False)
    _cands: dict = field(default_factory=dict, repr=False)
    _by_start: tuple | None = field(default=None, repr=False)
    _spans: tuple | None = field(default=None, repr=False)
    _plain: bool | None = field(default=None, repr=False)  # T.words_ascii(text), once

    @classmethod
    def build(cls, text: str, source_id: str, published: dt.date | None = None,
              dateline: str | None = None, title: str | None = None, lang: str | None = None) -> Doc:
        doc = cls(text=text, source_id=source_id, published=published, dateline=dateline, title=title,
                  lang=lexicon.data_language(lang))
        doc.paragraphs = T.paragraphs(text)
        doc.sentences = T.sentences(text, doc.paragraphs)
        doc.quotes = find_quotes(text, doc.paragraphs, lexicon.quote_marks(doc.lang))
        doc._plain = T.words_ascii(text)
        words, doc._tok_starts, doc._tok_ends = T.token_parts(text, plain=doc._plain)  # the offsets as lists, for bisections
        doc.tokens = list(map(T.Token, words, doc._tok_starts, doc._tok_ends))
        doc._sent_starts = [s for s, _ in doc.sentences]
        doc._para_starts = [s for s, _ in doc.paragraphs]
        doc._quote_opens = [q.open for q in doc.quotes]
        doc._quotes_nested = any(a.close > b.open for a, b in zip(doc.quotes, doc.quotes[1:]))
        return doc

    # --- lookups -------------------------------------------------------------------------
    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)] if self.sentences else (0, len(self.text))

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect_right(self._para_starts, pos) - 1)

    def _word_runs(self) -> tuple[list[int], list[str], set[str], dict[str, list[int]]]:
        """Starts and lowercased words of every `\\w+` run, the words that are not plain ASCII
        letters, and each word's run indexes, ascending (a scanner asks for the runs of a few
        words: looking those words up costs less than testing every run). One C-level split (the
        runs and the gaps between them alternate; summed lengths give the starts), shared by
        every scanner that asks for candidates."""
        if self._words is None:
            low = self.text.lower()
            if len(low) == len(self.text):
                if self._plain is None:
                    self._plain = T.words_ascii(self.text)
                # lowercasing makes no word character of a character that is none (checked over
                # every code point) and keeps ASCII letters ASCII: `low` is as plain as the text
                pieces = (_ASCII_RUN_SPLIT_RE if self._plain else _RUN_SPLIT_RE).split(low)
                words = pieces[1::2]
                starts = list(accumulate(map(len, pieces)))[0:-1:2]
            else:  # lowercasing changed the length ("İ"): offsets in `low` would not be the text's
                found = list(T.WORD_RUN_RE.finditer(self.text))
                words = [m.group().lower() for m in found]
                starts = [m.start() for m in found]
            index: dict[str, list[int]] = {}
            for i, w in enumerate(words):
                runs = index.get(w)
                if runs is None:
                    index[w] = [i]
                else:
                    runs.append(i)
            odd = {w for w in index if not (w.isalpha() and w.isascii())}
            self._words = (starts, words, odd, index)
        return self._words

    def word_index(self) -> dict[str, list[int]]:
        """The lowercased words of the document's `\\w+` runs (and the indexes of their runs)."""
        return self._word_runs()[3]

    def word_positions(self, words: frozenset[str]) -> list[int]:
        """Sorted starts of the maximal `\\w+` runs whose lowercased word is in `words`."""
        starts, _words, _odd, index = self._word_runs()
        found = [i for w in (index.keys() & words) for i in index[w]]
        found.sort()
        return [starts[i] for i in found]

    def run_candidates(self, key: str, first_words: frozenset[str], start: int, end: int,
                       next_words: dict[str, frozenset[str]] | None = None) -> list[int]:
        """Starts, in [start, end), of the maximal `\\w+` runs whose lowercased word is in
        `first_words` or is not plain ASCII letters (digits, underscores, other scripts: always
        tried). A match of a pattern that opens on a word (after `\\b` or `(?<!\\w)`) can only
        start at a run start, so the date and number scanners try their big patterns only there
        instead of at every character. A word that `next_words` lists is tried only when the next
        run's word is one it gives for it (or is not plain ASCII letters). Made once per `key`
        and document."""
        cands = self._cands.get(key)
        if cands is None:
            starts, words, odd, index = self._word_runs()
            # the runs of the listed words the document has (its distinct words are fewer than
            # a long list's), not a test of every run
            found = [i for w in (index.keys() & first_words) | odd for i in index[w]]
            found.sort()
            if next_words:
                found = [i for i in found if words[i] not in next_words
                         or (i + 1 < len(words) and (words[i + 1] in next_words[words[i]] or words[i + 1] in odd))]
            cands = self._cands[key] = [starts[i] for i in found]
        return cands[bisect_left(cands, start):bisect_left(cands, end)]

    def run_matches(self, key: str, rx: re.Pattern[str], first_words: frozenset[str],
                    start: int = 0, end: int | None = None,
                    next_words: dict[str, frozenset[str]] | None = None) -> Iterator[re.Match[str]]:
        """Exactly `rx.finditer(self.text, start, end)` for a pattern whose every match is
        non-empty and opens a `\\w+` run whose lowercased word is in `first_words` (or is not
        plain ASCII letters) and, if `next_words` lists that word, goes on to a run it gives for
        it: the pattern is tried only at those runs, left to right, skipping runs inside the
        last match, which is what finditer's scan amounts to."""
        text, match = self.text, rx.match
        end = len(text) if end is None else end
        last = start
        for pos in self.run_candidates(key, first_words, start, end, next_words):
            if pos < last:
                continue
            m = match(text, pos, end)
            if m is not None:
                yield m
                last = m.end()

    def tokens_in(self, start: int, end: int) -> list[T.Token]:
        # tokens are sorted and never overlap, so their ends are sorted too: two bisections
        i = bisect_right(self._tok_starts, start - 1)
        j = bisect_right(self._tok_ends, end)
        return self.tokens[i:j] if j > i else []

    def quote_at(self, pos: int) -> QuoteSpan | None:
        if self._quotes_nested:  # a single-quoted stretch around a double one: the first that holds pos
            return next((q for q in self.quotes if q.open <= pos < q.close), None)
        # quotes sorted by their opening mark and not overlapping: the last opening at or before pos
        i = bisect_right(self._quote_opens, pos) - 1
        if i >= 0 and pos < self.quotes[i].close:
            return self.quotes[i]
        return None

    def in_quote(self, pos: int) -> bool:
        return self.quote_at(pos) is not None

    def sentence_runs(self) -> list[tuple[list[T.Token], list]]:
        """(tokens, capitalised runs) of every sentence, computed once: people, place and
        organisation rules all walk them, several times each."""
        if self._runs is None:
            from .names import (
                cap_runs,  # names reads the word lists; import it only when used
            )
            self._runs = []
            for ps, pe in self.sentences:
                toks = self.tokens_in(ps, pe)
                self._runs.append((toks, cap_runs(self.text, toks)))
        return self._runs

    # --- entities and mentions ------------------------------------------------------------
    def add_entity(self, kind: str, name: str, **attrs: object) -> Entity:
        ent = self.entities.get((kind, name))
        if ent is None:
            ent = self.entities[(kind, name)] = Entity(kind, name)
        for key, value in attrs.items():
            if value and not getattr(ent, key):
                setattr(ent, key, value)
        return ent

    def _span_index(self) -> tuple[list, list[int], list[int], set[tuple[int, int]], list[int]]:
        """(the mentions list it describes, their starts sorted, the index in that list of each
        of those, their spans, [longest length]), remade when `mentions` is another list or has
        grown behind add_mention's back. The starts are plain ints (not (start, index) pairs) so
        that mention_at's bisections compare ints."""
        idx = self._spans
        if idx is None or idx[0] is not self.mentions or len(idx[1]) != len(self.mentions):
            ms = self.mentions
            pairs = sorted((m.start, i) for i, m in enumerate(ms))
            idx = self._spans = (ms, [s for s, _ in pairs], [i for _, i in pairs], {(m.start, m.end) for m in ms},
                                 [max([0, *(m.end - m.start for m in ms)])])
        return idx

    def add_mention(self, kind: str, key: str, start: int, end: int) -> None:
        _ms, starts, order, spans, longest = self._span_index()
        if (start, end) not in spans:
            # after the mentions with the same start: the order the sorted pairs would have
            k = bisect_right(starts, start)
            starts.insert(k, start)
            order.insert(k, len(self.mentions))
            self.mentions.append(Mention(kind, key, start, end))
            spans.add((start, end))
            longest[0] = max(longest[0], end - start)

    def drop_mentions(self, start: int, end: int) -> None:
        """Forget the mentions inside [start, end): a longer name took their text ("UN" in
        "UN Human Rights Office")."""
        self.mentions = [m for m in self.mentions if not (start <= m.start and m.end <= end)]
        self._by_start = None

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The first mention (in the order they were added) overlapping [start, end)."""
        # one that overlaps starts before `end` and, being no longer than the longest, after
        # `start - longest`: two bisections find those few (most asks, none) instead of a scan
        # of every mention
        idx = self._spans
        if idx is None or idx[0] is not self.mentions or len(idx[1]) != len(self.mentions):
            idx = self._span_index()
        ms, starts, order, _spans, longest = idx
        lo = bisect_left(starts, start - longest[0] + 1)
        hi = bisect_left(starts, end, lo)
        if lo == hi:
            return None
        first = None
        for i in order[lo:hi]:
            if start < ms[i].end and (first is None or i < first):
                first = i
        return None if first is None else ms[first]

    def mentions_in(self, start: int, end: int, kind: str | None = None) -> list[Mention]:
        # the mentions sorted by start once per batch of additions (rules add them, then many
        # quote, figure and event rules ask for the ones of a stretch): two bisections per ask
        if self._by_start is None or self._by_start[0] != len(self.mentions):
            ordered = sorted(self.mentions, key=lambda m: m.start)
            self._by_start = (len(self.mentions), ordered, [m.start for m in ordered])
        _, ordered, starts = self._by_start
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        return [m for m in ordered[i:j] if m.end <= end and (kind is None or m.kind == kind)]

    def entities_of(self, kind: str) -> list[Entity]:
        return [e for (k, _), e in self.entities.items() if k == kind]
