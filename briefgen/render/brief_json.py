"""`-o brief.json`: what the page shows, as data, in page order, after the one-page fit.

Tools outside the project read it (score_facts.py `--brief`, dashboards); the keys are the
contract of ../shared/design/BRIEF.md ("brief.json") and docs/brief-json.md. The title, kicker
and bottom line are the page's own words in the brief's language (the same phrases the theme
prints); every figure, event and quote keeps its citations (source id, list number, the
cited sentence).
"""
from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from briefgen.model import Brief, BriefQuote, Dispute, KeyFigure, Mark, TimelineEntry

if TYPE_CHECKING:
    from briefgen.render.env import Localization

BRIEF_JSON_VERSION = 1


def brief_json(brief: Brief, l10n: Localization, page_html: str | None = None) -> bytes:
    """The fitted `brief` as JSON bytes (UTF-8, keys in page order)."""
    phrases = l10n.phrases
    data: dict[str, Any] = {
        "brief_json_version": BRIEF_JSON_VERSION,
        "brief_id": brief.brief_id,
        "title": phrases.story_title(brief).striptags(),
        "kicker": phrases.story_kicker(brief).striptags(),
        "language": l10n.tag,
        "as_of": _date(brief.as_of),
        "covers": [_date(brief.covers_from), _date(brief.covers_to)],
        "story": {"type": brief.story.type, "hazard": brief.story.hazard, "place": brief.place,
                  "country": brief.country, "date": _date(brief.story.date)},
        "key_figures": [_figure(f, phrases) for f in brief.figures],
        "bottom_line": bottom_line_sentences(page_html) if page_html else [],
        "events": [_event(e) for e in brief.timeline],
        "next": [_event(e) for e in brief.next],
        "quotes": [_quote(q) for q in brief.quotes],
        "disputes": [_dispute(d) for d in brief.disputes],
        "gaps": list(brief.gaps),
        "context": [_figure(f, phrases) for f in brief.context],
        "sources": [{"number": s.number, "id": s.id, "outlet": s.outlet, "title": s.title,
                     "published": _date(s.published), "language": s.language, "url": s.url}
                    for s in brief.sources],
        "sources_total": brief.sources_total,
        "dropped": list(brief.dropped),
        "generator": f"{brief.generator} {brief.version}".strip(),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def bottom_line_sentences(page_html: str) -> list[str]:
    """The bottom line's sentences as the page prints them (elements of class `sentence` inside
    the one of class `bottom-line`), without their source marks."""
    import lxml.html

    root = lxml.html.document_fromstring(page_html)
    sentences = []
    for node in root.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " bottom-line ")]'
                           '//*[contains(concat(" ", normalize-space(@class), " "), " sentence ")]'):
        for mark in node.xpath('.//sup'):
            mark.drop_tree()
        text = " ".join(node.text_content().split())
        if text:
            sentences.append(text)
    return sentences


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _citations(marks: list[Mark]) -> list[dict]:
    return [{"source": m.source, "number": m.number, "sentence": m.sentence} for m in marks]


def _figure(figure: KeyFigure, phrases) -> dict:
    return {"value": figure.value, "approx": figure.approx, "vague": figure.vague, "qualifier": figure.qualifier,
            "category": figure.category, "group": figure.group, "place": figure.place, "date": _date(figure.date),
            "scope": figure.scope, "scope_reason": figure.scope_reason,
            "text": phrases.figure_phrase(figure).striptags(),
            "subsets": [{"value": s.value, "approx": s.approx, "group": s.group} for s in figure.subsets],
            "sources_count": figure.sources_count, "disputed": figure.disputed, "revised": figure.revised,
            "citations": _citations(figure.marks)}


def _event(event: TimelineEntry) -> dict:
    return {"date": _date(event.date), "status": event.status, "description": event.description,
            "citations": _citations(event.marks)}


def _quote(quote: BriefQuote) -> dict:
    return {"speaker": quote.speaker, "role": quote.role, "text": quote.text, "language": quote.language,
            "date": _date(quote.date), "citations": _citations(quote.marks)}


def _dispute(dispute: Dispute) -> dict:
    return {"category": dispute.category, "group": dispute.group, "place": dispute.place,
            "revised": dispute.revised, "more_values": dispute.more_values,
            "values": [{"value": v.value, "approx": v.approx, "vague": v.vague, "qualifier": v.qualifier,
                        "newest": v.newest, "published": _date(v.published), "citations": _citations(v.marks)}
                       for v in dispute.values]}
