"""`briefgen facts show FACTS`: a facts file read for review, one fact a line.

Each quote with its speaker and how the speaker rules found them (Quote.speaker_found), each
figure with the clause of its sentence it was read from, so an analyst can see why the extractor
decided what it did before editing the file. Pure: facts in, lines out; the CLI prints them.

Every string comes from a facts file that may be someone else's: it goes through `display.shown`,
so a quote cannot move the cursor, clear the screen or fake a line of its own.
"""
from __future__ import annotations

from .display import shown
from .extract import clauses
from .extract.doc import Doc
from .model import Citation, Facts, Figure, Quote

HOW = {"same_sentence": "same sentence", "next_sentence": "next sentence", "pronoun": "pronoun",
       "role_noun": "role noun", "carried_over": "carried over from the quote next to it"}
WIDTH = 160  # a line of the listing: long quotes and clauses are cut, the facts file keeps them whole


def _cut(text: str, width: int = WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _cite(c: Citation) -> str:
    return f"[{c.source}:{c.start}-{c.end}]"


def quote_line(q: Quote) -> str:
    who = q.speaker or "no named speaker"
    if q.speaker and q.role:
        who += f" ({q.role})"
    how = HOW.get(q.speaker_found or "", "not recorded") if q.speaker else "—"
    cites = " ".join(_cite(c) for c in q.citations)
    return shown(f'  "{_cut(q.text, 100)}" — {who}; found: {how} {cites}'.rstrip())


class _Clauses:
    """The clause around a citation, reading each source's text once."""

    def __init__(self, facts: Facts) -> None:
        self.texts = {s.id: s.text or "" for s in facts.sources}
        self.docs: dict[str, Doc] = {}

    def of(self, c: Citation) -> str | None:
        text = self.texts.get(c.source)
        if not text or not 0 <= c.start < c.end <= len(text):
            return None  # a hand-edited file: the cited source or span is not there
        doc = self.docs.get(c.source)
        if doc is None:
            doc = self.docs[c.source] = Doc.build(text, c.source)
        sent = doc.sentence_at(c.start)
        for s, e in clauses.split(doc, *sent):
            if s <= c.start < e:
                # a figure's words may run past its clause's cut ("12 killed, including 5 children")
                return text[s:max(e, min(c.end, sent[1]))]
        return text[sent[0]:sent[1]]


def figure_lines(f: Figure, found: _Clauses) -> list[str]:
    head = f"{f.vague or f.value} {f.category}"
    if f.group:
        head += f" {f.group}"
    marks = [w for w, on in (("approx", f.approx), (f"context: {f.scope_reason}", f.scope == "context"),
                             ("lead", f.lead)) if on]
    if f.place:
        marks.append(f"place: {f.place}")
    if f.date:
        marks.append(f"date: {f.date.isoformat()}")
    out = [f'  {head} — "{_cut(f.text, 100)}"' + (f" ({', '.join(marks)})" if marks else "")]
    for s in f.subsets:
        out.append(f"      incl. {s.value} {s.group or ''}".rstrip())
    clause = found.of(f.citations[0]) if f.citations else None
    out.append(f"      clause: {_cut(clause)!s} {_cite(f.citations[0])}" if clause is not None
               else "      clause: (the cited source text is not in this facts file)")
    return [shown(line) for line in out]


def show(facts: Facts) -> list[str]:
    """The listing of `briefgen facts show`: quotes, then figures, in the file's order."""
    lines = [f"quotes ({len(facts.quotes)})"]
    lines += [quote_line(q) for q in facts.quotes]
    lines.append(f"figures ({len(facts.figures)})")
    found = _Clauses(facts)
    for f in facts.figures:
        lines += figure_lines(f, found)
    return lines
