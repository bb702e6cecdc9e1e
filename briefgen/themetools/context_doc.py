"""The reference part of docs/templates.md, generated from the models and the environment.

    .venv/bin/python -m briefgen.themetools.context_doc --write     # after changing model.py or a filter

tests/themes/test_context_doc.py fails when the committed page differs from what this makes, so
the documented context cannot drift from what templates receive.
"""
from __future__ import annotations

import datetime as dt
import inspect
import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from briefgen.model import Brief

DOC = Path(__file__).resolve().parents[2] / "docs" / "templates.md"
BEGIN = "<!-- BEGIN GENERATED: briefgen.themetools.context_doc (do not edit by hand) -->"
END = "<!-- END GENERATED -->"

# Every top-level name render_html() hands to templates (checked against it by a test).
TOP_LEVEL: dict[str, tuple[str, str]] = {
    "brief": ("Brief", "The composed brief: what goes on the page, selected and ordered (below)."),
    "l10n": ("LocaleView", "The render's language, read-only: `l10n.tag`, `l10n.language`, `l10n.direction`, "
             "`l10n.phrases.source_language`, nothing else. Filters read it; templates rarely need it."),
    "locale_tag": ("str", "BCP 47 tag for `<html lang>`, e.g. `en`, `ar`, `pt-BR`."),
    "language": ("str", "Language code of the brief, e.g. `en`."),
    "direction": ("str", "`ltr` or `rtl`, for `<html dir>`."),
    "theme_css": ("Markup", "Every stylesheet of the theme chain, `url()`s and `@import`s inlined."),
    "font_css": ("Markup", "The `@font-face` rules (cached files for the PDF, embedded subsets in HTML)."),
    "page_css": ("Markup", "The `@page` size rule for `--page-size` (and the mirrored margin boxes in RTL)."),
    "page_size": ("str", "`A4` or `Letter`."),
}
# What a template may call besides the filters and translation calls: the whole contract.
CALLABLE = [
    "Each model below reaches a template as a **read-only view**: its fields, nothing else — no methods, "
    "no `model_*`/`parse_*`, no assignment. A list field is a tuple (`length`, indexing, slicing, `for`).",
    "Jinja's globals: `range(n)` (at most 100,000 items), `lipsum()`, `dict(...)`, `cycler(...)`, `joiner(...)`, "
    "`namespace(...)` (the one thing a template may assign to: `{% set ns.x = ... %}`).",
    "Methods of strings (`upper`, `split`, `startswith`, `replace`, `format`…, each checked for the size it "
    "would make before it runs; `encode` excepted), of numbers and of dates (`year`, `month`, `isoformat`…).",
    "Lists, dicts and sets a template makes itself are immutable: `append`, `extend`, `update`, `pop` are "
    "refused (a list grown in place doubles memory each step).",
    "Everything else — attributes starting with `_`, bytes, modules, the catalogs behind `l10n` — is "
    "refused as an escape attempt with the file and line.",
]
TRANSLATION_CALLS = {
    "_(message)": "translated label; `{{ _(\"Key figures\") }}`",
    "gettext(message)": "same as `_()`",
    "ngettext(singular, plural, n)": "plural-aware; or `{% trans count=n %}…{% pluralize %}…{% endtrans %}`",
    "pgettext(context, message)": "with a disambiguating context, e.g. `pgettext(\"separator\", \", \")`",
    "npgettext(context, singular, plural, n)": "both",
    "{% trans name=value %}…{% endtrans %}": "a sentence with variables, translated as a whole",
}


def _type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return " \\| ".join(repr(a) for a in args)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return " \\| ".join(_type_name(a) for a in args if a is not type(None)) + (
            " \\| None" if type(None) in args else "")
    if origin is list:
        return f"list[{_type_name(args[0])}]"
    if isinstance(annotation, type):
        return {dt.date: "date"}.get(annotation, annotation.__name__)
    return str(annotation)


def _models(model: type[BaseModel], seen: list) -> list[type[BaseModel]]:
    if model in seen:
        return seen
    seen.append(model)
    for field in model.model_fields.values():
        for arg in (field.annotation, *typing.get_args(field.annotation),
                    *(a for x in typing.get_args(field.annotation) for a in typing.get_args(x))):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                _models(arg, seen)
    return seen


def _example(value) -> str:
    if value is None or value == [] or value == "":
        return ""
    if isinstance(value, list):
        first = value[0]
        if isinstance(first, BaseModel):
            return f"{len(value)} item(s)"
        return "`" + repr(value[:3])[:60] + "`"
    if isinstance(value, BaseModel):
        return type(value).__name__
    text = value.isoformat() if isinstance(value, dt.date) else repr(value)
    return "`" + (text if len(text) <= 50 else text[:49] + "…").replace("|", "\\|") + "`"


def _first(brief: Brief, model: type[BaseModel]) -> BaseModel | None:
    """An instance of `model` from the example brief, for example values."""
    stack: list = [brief]
    while stack:
        item = stack.pop(0)
        if isinstance(item, model):
            return item
        if isinstance(item, BaseModel):
            stack += [getattr(item, name) for name in type(item).model_fields]
        elif isinstance(item, list):
            stack += item
    return None


def _filters() -> list[tuple[str, str]]:
    from briefgen.i18n import Formatters
    from briefgen.render.env import LOCALIZED_FILTERS, bottom_line_sentences, event_line, event_line_language
    from briefgen.render.phrases import Phrases, capitalize_first, merge_marks, sentence
    from briefgen.i18n import language_direction, writing_direction

    owners = {"formatters": Formatters, "phrases": Phrases}
    rows = []
    for name, (owner, method) in sorted(LOCALIZED_FILTERS.items()):
        func = getattr(owners[owner], method)
        rows.append((f"{name}{_signature(func, skip=1)}", _summary(func)))
    for name, func in sorted({"sentence": sentence, "merge_marks": merge_marks, "capitalize_first": capitalize_first,
                              "language_direction": language_direction, "writing_direction": writing_direction}.items()):
        rows.append((f"{name}{_signature(func, skip=0)}", _summary(func)))
    # Bound to the render's language through the context, like the localized ones.
    rows.append(("bottom_line_sentences", _summary(bottom_line_sentences)))
    rows.append(("event_line(sources)", _summary(event_line)))
    rows.append(("event_line_language(sources)", _summary(event_line_language)))
    return rows


def _signature(func, skip: int) -> str:
    try:
        params = list(inspect.signature(func).parameters.values())[skip:]
    except (TypeError, ValueError):
        return ""
    shown = [p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}" for p in params[1:]]
    return f"({', '.join(shown)})" if shown else ""


# For filters whose function has no docstring of its own.
FILTER_NOTES = {
    "amount": "A figure's value as words in the locale, qualifier included: 'at least 31', 'tens of thousands'.",
    "category_label": "Label of a figure category: 'killed' → 'Killed' / 'Tués'.",
    "format_number": "A number in the locale: 18000 → '18,000' (en), '18 000' (fr).",
    "group_label": "Who a figure counts ('children', 'civilians'), translated when known.",
    "language_name": "A language code's name in the brief's language: 'ar' → 'Arabic'.",
    "territory_name": "An ISO country code's name in the brief's language: 'SY' → 'Syria'.",
    "topic_label": "Label of a topic: 'displacement' → 'displacement' / 'déplacements'.",
    "capitalize_first": "Upper-cases the first letter only ('tens of thousands' → 'Tens of thousands').",
}


def _summary(func) -> str:
    doc = inspect.getdoc(func) or FILTER_NOTES.get(getattr(func, "__name__", ""), "")
    return " ".join(doc.split("\n\n")[0].split()).replace("|", "\\|")


def generate() -> str:
    from briefgen.compose import compose
    from briefgen.merge import resolve
    from briefgen.render.env import make_environment
    from briefgen.themetools.samples import example_facts
    from briefgen.render.theme import load_theme

    brief = compose(resolve(example_facts()))
    out = [BEGIN, "", "## Reference: the template context", "",
           "Generated from `briefgen/model.py` and the template environment; examples from the example brief "
           "(`examples/sources`).", "", "### Top-level names", "", "| name | type | what |", "|---|---|---|"]
    out += [f"| `{name}` | {kind} | {what} |" for name, (kind, what) in TOP_LEVEL.items()]
    for model in _models(Brief, []):
        sample = _first(brief, model)
        out += ["", f"### `{model.__name__}`", "", " ".join((model.__doc__ or "").split()), "",
                "| field | type | example | description |", "|---|---|---|---|"]
        for name, field in model.model_fields.items():
            example = _example(getattr(sample, name)) if sample is not None else ""
            description = " ".join((field.description or "").split()).replace("|", "\\|")
            out.append(f"| `{name}` | {_type_name(field.annotation)} | {example} | {description} |")
    out += ["", "### Filters", "",
            "In the brief's language (dates, numbers, lists and plurals follow the locale; never format by hand).", "",
            "| filter | what |", "|---|---|"]
    out += [f"| `{name}` | {what} |" for name, what in _filters()]
    env = make_environment(load_theme("default"))
    builtin = sorted(n for n in env.filters if not n.startswith("_") and n not in
                     {name.split("(")[0] for name, _ in _filters()})
    out += ["", "Jinja's own filters are there too: " + ", ".join(f"`{n}`" for n in builtin) + ".",
            "", "### Translation", "", "| call | what |", "|---|---|"]
    out += [f"| `{call}` | {what} |" for call, what in TRANSLATION_CALLS.items()]
    out += ["", "### What a template may call", ""] + [f"- {line}" for line in CALLABLE]
    out += ["", END]
    return "\n".join(out) + "\n"


def updated_doc(current: str) -> str:
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        return head + generate() + (("\n" + tail) if tail else "")
    return current.rstrip("\n") + "\n\n" + generate()


if __name__ == "__main__":
    text = updated_doc(DOC.read_text(encoding="utf-8") if DOC.exists() else "")
    if "--write" in sys.argv:
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC}")
    else:
        sys.stdout.write(text)
