"""Key figures: which counts lead the page, one per category and place, most important first;
the disputes among them, and the context figures that are never key figures."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from briefgen.compose.cite import MAX_ITEM_MARKS, Citer
from briefgen.compose.ids import item_id
from briefgen.model import ANALYST, Dispute, DisputedValue, Facts, Figure, KeyFigure, Qualifier, qualifier_of

# Category importance for key figures (BRIEF.md, "What leads"): lives lost, then lives at risk,
# then people who had to leave, then needs.
CATEGORY_RANK: dict[str, int] = {cat: rank for rank, cat in enumerate((
    "killed", "missing", "injured", "displaced", "refugees", "affected", "in_need", "evacuated",
    "trapped", "assisted", "detained", "released", "other"))}
# Categories a reader expects in any crisis brief; their absence is reported as a gap.
EXPECTED_CATEGORIES = ("killed", "injured", "missing", "displaced")
TOPIC_OF_CATEGORY = {
    "killed": "casualties", "injured": "casualties", "missing": "casualties",
    "displaced": "displacement", "refugees": "displacement", "evacuated": "displacement",
    "trapped": "displacement", "detained": "detentions", "released": "detentions",
    "affected": "needs", "in_need": "needs", "assisted": "needs",
}
MAX_CONTEXT = 3            # context figures printed (one small line), most important category first


def key_figures(facts: Facts, cite: Citer, main_place: str | None = None
                ) -> tuple[list[KeyFigure], list[Dispute], list[KeyFigure]]:
    """Key figures in selection order, disputes, and context figures (never key figures).

    Selection goes round robin over categories: the categories a headline or lead states
    first, then by importance (CATEGORY_RANK); within one, what the headline or lead states
    (the headline's own number before the lead's: "Toll touches 379" is the story's toll, "21 more
    died on Thursday" the day's), then a count of the title's place ("Bihar: floods" shows Bihar's
    1.61 crore affected, not the two states' two crore), then agreement, then the newest and largest report. Never by size alone. The merge stage
    has already folded equal values and kept different values as one disputed figure with its
    claims; compose only selects.
    """
    candidates: list[KeyFigure] = []
    cited: list[Figure] = []
    leads: set[str] = set()
    headlined: set[str] = set()
    headline_values = _headline_values(facts)
    context: list[KeyFigure] = []
    disputes: list[Dispute] = []
    for figure in facts.figures:
        if not cite.citable(figure):
            continue
        if figure.scope == "context" and figure.origin != ANALYST:
            context.append(_key_figure(figure, cite))
            continue
        kf = _key_figure(figure, cite)
        candidates.append(kf)
        cited.append(figure)
        if figure.lead:
            leads.add(kf.id)
            if any(figure.value in headline_values.get(c.source, ()) for c in figure.citations):
                headlined.add(kf.id)
        if figure.disputed and figure.claims:
            disputes.append(Dispute(
                id=item_id("dispute", figure.category, _norm(figure.group), _norm(figure.place)),
                category=figure.category, group=figure.group, place=figure.place, revised=figure.revised,
                values=[DisputedValue(value=c.value, approx=c.approx, vague=c.vague,
                                      qualifier=_qualifier_words(c.qualifier, c.approx, c.vague),
                                      newest=c.newest, published=c.published,
                                      marks=cite.marks(c.citations, limit=MAX_ITEM_MARKS))
                        for c in sorted(figure.claims, key=lambda c: c.value)]))

    first_at = {kf.id: min((c.start for c in f.citations), default=0) for kf, f in zip(candidates, cited)}
    by_category: dict[str, list[KeyFigure]] = defaultdict(list)
    for kf in sorted(candidates, key=lambda k: (k.id not in leads, k.id not in headlined,
                                                bool(main_place) and k.place != main_place, -k.sources_count, -k.agreement,
                                                -(k.date or dt.date.min).toordinal(), first_at[k.id], -k.value, k.id)):
        by_category[kf.category].append(kf)
    for category, figures in by_category.items():
        by_category[category] = _one_count_per_place(figures, leads)
    led = {kf.category for kf in candidates if kf.id in leads}
    ordered_categories = sorted(by_category, key=lambda c: (c not in led, CATEGORY_RANK[c]))
    selection: list[KeyFigure] = []
    while any(by_category.values()):
        for category in ordered_categories:
            if by_category[category]:
                kf = by_category[category].pop(0)
                selection.append(kf.model_copy(update={"rank": len(selection)}))
    context.sort(key=lambda k: (CATEGORY_RANK[k.category], -k.value))
    return selection, disputes, context[:MAX_CONTEXT]


# A number as a headline prints it: "379", "12,000", "200.000" (a thousands mark before three digits).
_NUMBER = re.compile(r"\d+(?:[,.\u00a0\u202f ]\d{3})*(?:[,.]\d+)?")
_THOUSANDS_MARK = re.compile(r"[,.\u00a0\u202f ](?=\d{3}(?!\d))")


def _headline_values(facts: Facts) -> dict[str, set[float]]:
    """The numbers each source's headline prints, by source id."""
    values: dict[str, set[float]] = {}
    for story in facts.stories:
        for token in _NUMBER.findall(story.headline or ""):
            try:
                values.setdefault(story.source, set()).add(float(_THOUSANDS_MARK.sub("", token).replace(",", ".")))
            except ValueError:
                continue
    return values


def _one_count_per_place(figures: list[KeyFigure], leads: set[str]) -> list[KeyFigure]:
    """One key figure a category, the best first: two "killed" tiles read as two tolls of one
    event. A second one only names another place (east and west Aleppo), and never beside a
    count the headline or lead states (that one is the story's toll). The analyst's own figures
    stand for the category: what the user wrote outranks what was extracted."""
    mine = [kf for kf in figures if any(m.origin == ANALYST for m in kf.marks)]
    if mine:
        return mine
    if figures and figures[0].vague:
        figures = _precise_first(figures)
    elif figures and figures[0].qualifier in _ROUNDING:
        figures = _exact_first(figures)
    if not figures or figures[0].id in leads:
        return figures[:1]
    kept = [figures[0]]
    for kf in figures[1:]:
        if kf.place and all(kf.place != k.place for k in kept) and all(k.place for k in kept):
            kept.append(kf)
    return kept


def _precise_first(figures: list[KeyFigure]) -> list[KeyFigure]:
    """"Scores were in hospital" in the lead, "51 people were in hospital" further down: an exact
    count of the same category and place, within the vague words' order of magnitude, says the
    same more precisely and stands for the category in its place. A count or a firm floor ("at
    least 65 bodies") does; another estimate does not ("a doctor treated about 30 patients")."""
    vague = figures[0]
    for kf in figures[1:]:
        if (not kf.vague and kf.qualifier not in _ESTIMATES and kf.place in (None, vague.place)
                and vague.value <= kf.value < 10 * vague.value):
            return [kf] + [k for k in figures if k is not kf]
    return figures


_ESTIMATES = ("about", "nearly", "up_to")

# A rounded figure and the exact counts it may round: "almost 5,000" covers 4,500-5,000.
_ROUNDING: dict[str, tuple[float, float]] = {"nearly": (0.9, 1.0), "about": (0.9, 1.1)}


def _exact_first(figures: list[KeyFigure]) -> list[KeyFigure]:
    """"Killed almost 5,000" in the lead, "4,922 deaths, according to the WHO" further down: the
    exact count the rounded words stand for says the same more precisely, and leads instead."""
    rounded = figures[0]
    low, high = _ROUNDING[rounded.qualifier]
    for kf in figures[1:]:
        if (not kf.approx and kf.group in (None, "people", rounded.group) and kf.place in (None, rounded.place)
                and low * rounded.value <= kf.value <= high * rounded.value):
            return [kf] + [k for k in figures if k is not kf]
    return figures


def _key_figure(figure: Figure, cite: Citer) -> KeyFigure:
    return KeyFigure(
        id=item_id("figure", figure.category, figure.group, figure.place, figure.value, figure.vague),
        category=figure.category, value=figure.value,
        approx=(figure.approx and qualifier_of(figure.qualifier) is not None) or bool(figure.vague)
        or (figure.approx and not figure.qualifier),
        vague=figure.vague, qualifier=_qualifier(figure), group=figure.group, place=figure.place,
        date=figure.date, subsets=figure.subsets, marks=cite.fact_marks(figure),
        sources_count=max(figure.independent, 1), agreement=max(figure.agreement, 1),
        scope=figure.scope, scope_reason=figure.scope_reason,
        disputed=figure.disputed and not figure.revised, revised=figure.revised)


def _norm(words: str | None) -> str:
    words = (words or "").lower().strip()
    words = re.sub(r"^(the)\s+", "", words)
    return re.sub(r"\b(east|west|north|south)ern\b", r"\1", words)


def _qualifier(figure: Figure) -> str | None:
    return _qualifier_words(figure.qualifier, figure.approx, figure.vague)


def _qualifier_words(qualifier: str | None, approx: bool, vague: str | None) -> Qualifier | None:
    if qualifier:
        return qualifier_of(qualifier)
    return "about" if approx and not vague else None
