"""Sample briefs a theme is checked against (`briefgen template check`).

`example.facts.json` is what `briefgen extract examples/sources` gives (refresh it with that
command when extraction changes). The edge cases are built from it here, in code, so they
stay valid against the model: every citation indexes into a real source text.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.model import Brief, Citation, Event, Facts, Figure, Quote, Source, Subset

HERE = Path(__file__).resolve().parent
EXAMPLE_FACTS = HERE / "example.facts.json"

LONG_NAME = "Maximiliano-Alejandro Wolfeschlegelsteinhausenbergerdorff-Villanueva de la Concepción"
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt"


def example_facts() -> Facts:
    return Facts.model_validate_json(EXAMPLE_FACTS.read_text(encoding="utf-8"))


def _source(sid: str, text: str, **fields) -> Source:
    return Source(id=sid, path=f"{sid}.txt", text=text, **fields)


def empty_sections() -> Facts:
    """One source, nothing extracted: every optional section is empty."""
    return Facts(sources=[_source("s-empty", "Nothing to report.", outlet="Wire", published=dt.date(2026, 3, 1))])


def long_text(base: Facts) -> Facts:
    """Very long names, quotes, headlines and URLs, and unbreakable words."""
    facts = base.model_copy(deep=True)
    quote = ("We have never seen anything like this in " + LONG_WORD + " history; " +
             "the water rose faster than anyone could run, and " * 12).strip()
    text = f"{LONG_NAME} said: \u201c{quote}\u201d"
    facts.sources.append(_source(
        "s-long", text, outlet="The " + LONG_WORD + " Gazette and Evening Chronicle", published=dt.date(2026, 3, 5),
        title="An extremely long headline " * 10 + LONG_WORD, url="https://example.org/" + "a" * 250))
    cite = [Citation(source="s-long", start=text.index(quote), end=text.index(quote) + len(quote))]
    facts.quotes.insert(0, Quote(text=quote, speaker=LONG_NAME, role="Special Representative for " + LONG_WORD,
                                 date=dt.date(2026, 3, 5), citations=cite))
    if facts.figures:
        facts.figures[0].place = LONG_WORD
        facts.figures[0].group = "people of " + LONG_WORD
    return facts


def many_figures(base: Facts) -> Facts:
    """Far more figures, events and quotes than a page holds: the fit must trim."""
    facts = base.model_copy(deep=True)
    categories = ("killed", "injured", "missing", "displaced", "evacuated", "trapped", "refugees", "detained",
                  "affected", "in_need", "assisted")
    text = " ".join(f"Report {n}: {1000 + n} people were affected in district {n}." for n in range(60))
    facts.sources.append(_source("s-many", text, outlet="Many Figures Wire", published=dt.date(2026, 3, 6)))
    for n in range(60):
        sentence = f"Report {n}: {1000 + n} people were affected in district {n}."
        start = text.index(sentence)
        cite = [Citation(source="s-many", start=start, end=start + len(sentence))]
        facts.figures.append(Figure(value=1000 + n, text=sentence, category=categories[n % len(categories)],
                                    group="people", place=f"District {n}", date=dt.date(2026, 3, 6),
                                    subsets=[Subset(value=n, group="children")] if n % 3 == 0 else [],
                                    citations=cite))
        facts.events.append(Event(date=dt.date(2026, 2, 1) + dt.timedelta(days=n % 28), description=sentence,
                                  citations=cite))
        if n < 25:
            facts.quotes.append(Quote(text=sentence, speaker=f"Official {n}", role="spokesperson",
                                      date=dt.date(2026, 3, 6), citations=cite))
    return facts


def arabic(base: Facts) -> Facts:
    """The example plus a quote and a source in Arabic (rendered in Arabic: right to left)."""
    facts = base.model_copy(deep=True)
    quote = "لقد ارتفعت المياه بسرعة كبيرة ولم يكن لدى الناس وقت لأخذ أي شيء"
    text = f"قال المتحدث: «{quote}»"
    facts.sources.append(_source("s-ar", text, outlet="وكالة الأنباء", language="ar",
                                 published=dt.date(2026, 3, 5), title="فيضانات في فالديرا"))
    start = text.index(quote)
    facts.quotes.append(Quote(text=quote, speaker="أحمد الكاتب", role="متحدث", language="ar",
                              date=dt.date(2026, 3, 5),
                              citations=[Citation(source="s-ar", start=start, end=start + len(quote))]))
    return facts


def sample_facts() -> list[tuple[str, Facts, str]]:
    """(label, facts, language) for every sample a theme is checked against."""
    base = example_facts()
    return [
        ("example", base, "en"),
        ("edge: empty sections", empty_sections(), "en"),
        ("edge: long names and quotes", long_text(base), "en"),
        ("edge: many figures", many_figures(base), "en"),
        ("edge: right to left", arabic(base), "ar"),
    ]


def sample_briefs(extra: list[tuple[str, Facts, str]] | None = None) -> list[tuple[str, Brief, str]]:
    from briefgen.compose import compose
    from briefgen.merge import resolve

    return [(label, compose(resolve(facts.model_copy(deep=True))), lang)
            for label, facts, lang in [*sample_facts(), *(extra or [])]]
