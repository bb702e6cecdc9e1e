"""Plain-text articles, usually scraped pages: find the article inside the site chrome.

The page is read as lines. An *anchor* line carries the article's metadata ("By VOA News
December 08, 2016", "The Guardian | 25 August 2016", "By Jane Doe | Wire | 3 March 2026");
the headline is the nearest real line above it, and everything above the headline is chrome.
Without an anchor, a leading title-like line is the headline. The body is the rest, less
chrome lines anywhere and trailing non-sentences ("Join the ... mailing list").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefgen.ingest.base import Article, Reader, register
from briefgen.ingest.chrome import (
    is_chrome,
    is_date_line,
    is_foreign_heading,
    looks_like_sentence_end,
    main_script,
    scrub_line,
    strip_calls_to_action,
    word_count,
)
from briefgen.ingest.dates import find_date

_ANCHOR_SCAN = 40  # metadata sits near the top; don't mistake a body line for it
_TITLE_MAX_WORDS = 30
_TRAILER_MAX_WORDS = 12
_TEASER_MIN_WORDS = 3
# A page whose lines mostly stop mid-sentence was hard-wrapped (by a scraper or a 72-column
# mailer): its lines are pieces of sentences, not paragraphs. Lists and contact blocks also lack
# sentence ends, but rarely reach this share of a page (the English corpora stay under half).
_WRAPPED_SHARE = 0.6
_LIST_ITEM = re.compile(r"^\s*(?:[-*•#>|]|\d{1,2}[.)])\s")
_BY = re.compile(r"^by\b[:\s]*(?P<rest>.*)$", re.I)
# Words that mark a name as a publication rather than a person.
_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|press|agency|reuters|afp|ap|bbc|cnn|voa|guardian|journal|herald|tribune|wire|"
    r"service|radio|tv|television|daily|mail|telegraph|gazette|observer|chronicle|monitor|media|"
    r"network|broadcasting|al jazeera|bloomberg|xinhua|tass|ria|dpa|efe|ansa|online|magazine)\b",
    re.I,
)


@dataclass
class _Meta:
    outlet: str | None = None
    byline: str | None = None
    published: object = None


@register
class TextReader(Reader):
    extensions = (".txt", ".text")

    def read(self, text: str, path: Path) -> list[Article]:
        return [read_scraped_text(text)]


def read_scraped_text(text: str) -> Article:
    lines = [line.strip() for line in _unwrap(text.split("\n"))]
    idx = [i for i, line in enumerate(lines) if line]
    anchor = _find_anchor(lines, idx)
    meta = _Meta()
    title: str | None = None
    body_from = 0
    if anchor is not None:
        meta = _parse_anchor(lines, anchor)
        title_at = _title_before(lines, idx, anchor)
        title = lines[title_at] if title_at is not None else None
        body_from = anchor + 1
        if title is None:
            title, body_from = _title_after(lines, idx, anchor)
    else:
        first = next((i for i in idx if not is_chrome(lines[i])), None)
        if first is not None and _title_like(lines[first]):
            title, body_from = lines[first], first + 1
    if anchor is None:
        meta.outlet, header_end = _wire_header(lines, idx)
        body_from = max(body_from, header_end)
    if meta.byline is None and anchor is not None:
        meta.byline = _byline_after(lines, idx, anchor)
    body = _body_lines(lines, body_from, title, meta)
    if meta.published is None:
        meta.published = _first_date_line(lines, idx)
    if title is None and body:
        title = _run_in_title(body[0])
    body_text = "\n\n".join(body)
    return Article(text=body_text, title=title, outlet=meta.outlet, byline=meta.byline,
                   published=meta.published)


def _breaks_sentence(line: str, following: str) -> bool:
    """A line that stops mid-sentence and runs on into the next one ("der Bürgermeister von Izmir,
    Tunç" / "Soyer, berichtete, ..."): no sentence end, no list item on either side, no markdown
    line break (two trailing spaces: an address or contact block)."""
    return (bool(line.strip()) and bool(following.strip()) and not looks_like_sentence_end(line)
            and not line.rstrip().endswith("»") and not line.endswith("  ")
            and not _LIST_ITEM.match(line) and not _LIST_ITEM.match(following))


def _unwrap(raw: list[str]) -> list[str]:
    """Join a hard-wrapped page's broken lines, so a name or a clause split over two lines is read
    whole; a page with few such lines is left as it is (its line breaks are paragraphs)."""
    filled = sum(1 for line in raw if line.strip())
    breaks = [_breaks_sentence(a, b) for a, b in zip(raw, raw[1:])]
    if not filled or sum(breaks) < _WRAPPED_SHARE * filled:
        return raw
    out: list[str] = []
    joining = False
    for i, line in enumerate(raw):
        if joining:
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        joining = i < len(breaks) and breaks[i]
    return out


def _find_anchor(lines: list[str], idx: list[int]) -> int | None:
    for i in idx[:_ANCHOR_SCAN]:
        line = lines[i]
        if word_count(line) > 20:
            continue
        if "|" in line and any(find_date(part) for part in line.split("|")):
            return i
        if _BY.match(line) and (find_date(line) or _OUTLET_WORDS.search(line) or word_count(line) <= 6):
            return i
    return None


def _parse_anchor(lines: list[str], at: int) -> _Meta:
    line = lines[at]
    meta = _Meta()
    found = find_date(line)
    if found:
        meta.published, start, end = found
        line = (line[:start] + line[end:]).strip(" ,|-–—")
    by = _BY.match(line)
    if by:
        line = by.group("rest")
    parts = [p.strip(" ,-–—") for p in line.split("|")]
    parts = [p for p in parts if p and not is_date_line(p)]
    for part in parts:
        if _OUTLET_WORDS.search(part) and meta.outlet is None:
            meta.outlet = part
        elif meta.byline is None:
            meta.byline = part
    if meta.outlet is None and len(parts) == 1 and not by:
        # "Outlet | date" with an outlet we don't recognise by its words.
        meta.outlet, meta.byline = parts[0], None
    return meta


_WORD_COUNT_LINE = re.compile(r"^\d[\d,]*\s+words$", re.I)


def _wire_header(lines: list[str], idx: list[int]) -> tuple[str | None, int]:
    """A news database's header under the headline ("611 words", the date, the outlet, a source
    code, the language, the copyright: one a line): the outlet is the line after the date, and
    the body starts after the copyright line. (None, 0) when there is no such header."""
    head = idx[:8]
    for pos, i in enumerate(head):
        if not _WORD_COUNT_LINE.match(lines[i]):
            continue
        rest = idx[pos + 1:pos + 7]
        dated = next((k for k, j in enumerate(rest[:3]) if is_date_line(lines[j])), None)
        if dated is None or dated + 1 >= len(rest):
            return None, 0
        outlet = lines[rest[dated + 1]]
        if not 0 < word_count(outlet) <= 6 or outlet.isupper() or find_date(outlet):
            return None, 0
        copyright_at = next((j for j in rest if _COPYRIGHT_LINE.match(lines[j])), None)
        return outlet, (copyright_at + 1 if copyright_at is not None else 0)
    return None, 0


_COPYRIGHT_LINE = re.compile(r"^(?:copyright\b|\(c\)|©)", re.I)


def _title_before(lines: list[str], idx: list[int], anchor: int) -> int | None:
    for i in reversed([i for i in idx if i < anchor]):
        if not is_chrome(lines[i]) and _title_like(lines[i]):
            return i
    return None


def _title_after(lines: list[str], idx: list[int], anchor: int) -> tuple[str | None, int]:
    """A metadata line with no headline above it ("Outlet | date", then "CRISIS SANITARIA", then the
    headline): the first title-like line below it, past an all-capitals kicker, when a line follows."""
    following = [i for i in idx if i > anchor][:3]
    for pos, i in enumerate(following):
        line = lines[i]
        if line.isupper() and pos + 1 < len(following):
            continue  # a section kicker
        if _title_like(line) and not line.isupper() and not line.endswith(":") and pos + 1 < len(following) \
                and following[pos + 1] == i + 1:  # a line ending in a colon opens what follows
            return line, i + 1
        break
    return None, anchor + 1


def _title_like(line: str) -> bool:
    return 1 < word_count(line) <= _TITLE_MAX_WORDS and not line.endswith((".", ",", ";"))


# a doubled full stop closes a headline and standfirst run into the lead ("... passa de 400. Terremoto
# ... (12). Número de feridos passa de 6,7 mil..  O número ..."): a scraper joining page fields
_RUN_IN_END = re.compile(r"\.\s?\.(?:\s|$)")
_FIRST_SENTENCE = re.compile(r"(?P<title>.+?[^\s.])\.\s")


def _run_in_title(lead: str) -> str | None:
    """A page with no headline line whose lead paragraph opens with the headline and standfirst,
    closed by a doubled full stop: the first sentence there is the headline."""
    end = _RUN_IN_END.search(lead)
    if end is None or word_count(lead[:end.start()]) > 2 * _TITLE_MAX_WORDS:
        return None
    first = _FIRST_SENTENCE.match(lead[:end.start() + 1] + " ")
    title = first.group("title") if first else None
    return title if title and _title_like(title) else None


def _byline_after(lines: list[str], idx: list[int], anchor: int) -> str | None:
    """Daily Mail style: 'By' alone on a line, the name on the next."""
    following = [i for i in idx if i > anchor][:3]
    for pos, i in enumerate(following):
        if lines[i].lower() == "by" and pos + 1 < len(following):
            name = lines[following[pos + 1]]
            if word_count(name) <= 6 and not looks_like_sentence_end(name):
                return name
    return None


def _body_lines(lines: list[str], start: int, title: str | None, meta: _Meta) -> list[str]:
    skip = {s.lower() for s in (title, meta.byline) if s}
    kept = [i for i in range(start, len(lines))
            if lines[i] and not is_chrome(lines[i]) and lines[i].lower() not in skip]
    script = main_script([lines[i] for i in kept])
    kept = [i for i in kept if not is_foreign_heading(lines[i], script)]
    kept = _drop_teaser_runs(lines, kept)
    body = [line for line in (scrub_line(lines[i]) for i in kept) if line]
    while body and word_count(body[-1]) <= _TRAILER_MAX_WORDS and not looks_like_sentence_end(body[-1]):
        body.pop()
    return strip_calls_to_action(body)


def _teaser_like(lines: list[str], i: int) -> bool:
    """A headline of *another* story: a few capitalised words, no figures, no full stop, and a
    paragraph of its own (blank lines around it), so a hard-wrapped sentence is never one."""
    line = lines[i]
    alone = (i == 0 or not lines[i - 1]) and (i + 1 >= len(lines) or not lines[i + 1])
    return (alone and _TEASER_MIN_WORDS <= word_count(line) <= _TRAILER_MAX_WORDS
            and line[:1].isupper() and not looks_like_sentence_end(line) and not re.search(r"\d", line))


def _drop_teaser_runs(lines: list[str], kept: list[int]) -> list[int]:
    """Related-story links stand as two or more bare headlines in a row between paragraphs.
    One such line alone is more likely a sub-heading of this article, so it stays; a run sits
    between real paragraphs only, so a list at the end of the page is the trailer's business."""
    drop: set[int] = set()
    pos = 0
    while pos < len(kept):
        end = pos
        while end < len(kept) and _teaser_like(lines, kept[end]):
            end += 1
        if end - pos >= 2 and pos > 0 and end < len(kept):
            drop.update(kept[pos:end])
        pos = max(end, pos + 1)
    return [i for i in kept if i not in drop]


def _first_date_line(lines: list[str], idx: list[int]) -> date | None:
    for i in idx[:_ANCHOR_SCAN]:
        if is_date_line(lines[i]):
            found = find_date(lines[i])
            return found[0] if found else None
    return None

