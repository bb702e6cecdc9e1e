"""Fact kinds: the registry a new kind of fact joins to flow through every stage.

A kind is its item model (a pydantic model with citations), how one article's items are read
(`extract`: Doc -> items), how several sources' items fold into one list (`merge`), what the
brief shows of them (`compose`, marks through compose's `Citer`), and the partial that prints
them with the catalog msgid of its heading. Once `register()`ed, a kind needs no edit elsewhere:
extract stores its items under `Facts.kinds[name]`, merge merges them, compose puts them on
`Brief.sections`, and both themes' base.html include each section's partial by name through
the theme loader, so a theme may override it.

The built-in kinds (people, quotes, figures, events, ...) predate the registry and keep their
own fields and code. With no kind registered nothing changes: no `kinds` key in facts.json, no
section on the page.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from briefgen.errors import ConfigError
from briefgen.model import ORIGIN_DOC, Citation, Origin, Section, SectionItem, legacy_source

if TYPE_CHECKING:
    from briefgen.compose.cite import Citer
    from briefgen.extract.doc import Doc

__all__ = ["FactKind", "KindItem", "REGISTRY", "cite", "load_plugins", "names", "register", "registered",
           "unregister"]

MAX_ITEM_MARKS = 1         # marks per item, as for events and quotes (compose/cite.py)


class KindItem(BaseModel):
    """What every registered kind's item has: where it stands in the sources, or that an
    analyst added it. Unknown keys are refused, as everywhere in the facts file."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    origin: Origin = Field(default="article", description=ORIGIN_DOC)
    citations: list[Citation] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _legacy_source(cls, data: Any) -> Any:
        return legacy_source(data)


def cite(doc: Doc, start: int, end: int) -> Citation:
    """A citation of `doc.text[start:end]`, for an extractor."""
    return Citation(source=doc.source_id, start=start, end=end)


def _whole(item: KindItem) -> Hashable:
    return tuple(sorted((k, repr(v)) for k, v in item.model_dump(exclude={"citations", "origin"}).items()))


@dataclass(frozen=True)
class FactKind:
    """One kind of fact, from the article to the page. Only `merge` and `compose` have defaults:
    items equal on `key` are one item citing every source; every citable item is shown."""

    name: str                                       # its key in Facts.kinds, its section's kind
    model: type[KindItem]
    extract: Callable[[Doc], list[KindItem]]
    partial: str                                    # template name, e.g. "partials/road_closures.html"
    label: str                                      # catalog msgid of the section's heading
    key: Callable[[KindItem], Hashable] = _whole    # what makes two items the same fact
    merge: Callable[[list[KindItem]], list[KindItem]] | None = None
    compose: Callable[[list[KindItem], Citer], list[SectionItem]] | None = None

    def merged(self, items: list[KindItem]) -> list[KindItem]:
        return self.merge(items) if self.merge else merge_by_key(items, self.key)

    def shown(self, items: list[KindItem], citer: Citer) -> list[SectionItem]:
        return self.compose(items, citer) if self.compose else self.compose_default(items, citer)

    def compose_default(self, items: list[KindItem], citer: Citer) -> list[SectionItem]:
        from briefgen.compose.ids import item_id

        return [SectionItem(id=item_id(self.name, repr(self.key(item))),
                            fields=item.model_dump(mode="json", exclude={"citations", "origin"}),
                            marks=citer.fact_marks(item, MAX_ITEM_MARKS))   # type: ignore[arg-type]
                for item in items if citer.citable(item)]                   # type: ignore[arg-type]


REGISTRY: dict[str, FactKind] = {}
ENTRY_POINTS = "briefgen.kinds"     # installed packages register kinds here: name = "module:KIND"
_loaded = False


def load_plugins() -> None:
    """Register the kinds installed packages offer, once per process. Every process loads them
    itself, so kinds from entry points reach the extract workers too; a kind registered in code
    reaches only the process that registered it (extract with --jobs 1 there)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for point in sorted(entry_points(group=ENTRY_POINTS), key=lambda p: p.name):
        try:
            kind = point.load()
        except Exception as exc:  # an installed plugin's bug: one line naming it, not a traceback
            raise ConfigError(f"fact kind plugin {point.name!r} ({point.value}) cannot be loaded: "
                              f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(kind, FactKind):
            raise ConfigError(f"fact kind plugin {point.name!r} ({point.value}) is not a briefgen.kinds.FactKind")
        register(kind)


def register(kind: FactKind) -> FactKind:
    """Add `kind` (or replace the one of that name); kinds run and show in registration order."""
    if not kind.name.isidentifier():
        raise ValueError(f"a fact kind's name is an identifier, not {kind.name!r}")
    REGISTRY[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    REGISTRY.pop(name, None)


def registered() -> list[FactKind]:
    load_plugins()
    return list(REGISTRY.values())


def names() -> tuple[str, ...]:
    """The registered kinds' names: what extraction finds depends on them (the facts cache's key)."""
    return tuple(kind.name for kind in registered())


def merge_by_key(items: Iterable[KindItem], key: Callable[[KindItem], Hashable]) -> list[KindItem]:
    """Items equal on `key` folded into the first, citing every span any of them cites."""
    out: dict[Hashable, KindItem] = {}
    for item in items:
        k = key(item)
        if k not in out:
            out[k] = item.model_copy(update={"citations": list(item.citations)})
            continue
        kept = out[k]
        kept.citations = kept.citations + [c for c in item.citations if c not in kept.citations]
    return list(out.values())


# --- the stages' side: called by extract, the Facts model, merge and compose ------------

def validate_items(name: str, items: list[Any]) -> list[dict[str, Any]]:
    """A facts file's items of kind `name`, checked by its model (a ValueError names the kind)."""
    load_plugins()
    kind = REGISTRY.get(name)
    if kind is None:
        known = ", ".join(REGISTRY) or "none"
        raise ValueError(f"unknown fact kind {name!r} (registered: {known})")
    return [kind.model.model_validate(item).model_dump(mode="json") for item in items]


def items_of(name: str, data: dict[str, list[dict[str, Any]]]) -> list[KindItem]:
    return [REGISTRY[name].model.model_validate(item) for item in data.get(name, [])]


def extract_all(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """Every registered kind's items of one article; kinds that find nothing are left out."""
    found = {kind.name: [item.model_dump(mode="json") for item in kind.extract(doc)] for kind in registered()}
    return {name: items for name, items in found.items() if items}


def merge_all(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {name: [item.model_dump(mode="json") for item in REGISTRY[name].merged(items_of(name, data))]
            for name in data}


def sections(data: dict[str, list[dict[str, Any]]], citer: Citer) -> list[Section]:
    """The brief's sections of registered kinds, in registration order; none for a kind with nothing to show."""
    out = []
    for kind in registered():
        shown = kind.shown(items_of(kind.name, data), citer)
        if shown:
            out.append(Section(kind=kind.name, label=kind.label, partial=kind.partial, items=shown))
    return out
