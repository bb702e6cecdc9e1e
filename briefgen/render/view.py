"""What a template may touch: read-only views of the composed brief and of the render's language.

A theme is code from a shared folder. Handed the pydantic models themselves, it could reach
every method pydantic puts on them: `parse_raw(…, proto='pickle')` unpickles anything,
`parse_file` reads local files, `model_dump_json(indent=10**6)` asks for gigabytes, and
`brief.sources.pop()` changes the brief under the next render. A view exposes the declared
fields of its model and nothing else: nested models become views, lists become tuples of
views, and dates, numbers and strings pass as they are (the sandbox guards their methods).

Filters are ours, not the theme's: `unwrap` gives them the models back, so the phrasing code
keeps its types and never sees a view.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel


class View:
    """A read-only window on one model: its declared fields, each itself viewed."""

    __slots__ = ("_model",)
    _fields: frozenset[str] = frozenset()

    def __init__(self, model: BaseModel) -> None:
        object.__setattr__(self, "_model", model)

    def __getattr__(self, name: str) -> Any:
        if name in type(self)._fields:
            return view(getattr(object.__getattribute__(self, "_model"), name))
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    # A view is made afresh on every attribute access: two views of one model are equal.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, View) and other._model is self._model

    def __hash__(self) -> int:
        return id(self._model)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


@functools.cache
def _view_class(model: type[BaseModel]) -> type[View]:
    # Named after the model, in no module: Jinja's StrictUndefined then says "'KeyFigure object'
    # has no attribute 'x'" instead of naming an internal class (jinja2.utils.object_type_repr).
    return type(model.__name__, (View,), {"__slots__": (), "_fields": frozenset(model.model_fields),
                                          "__module__": "builtins", "__qualname__": model.__name__})


def view(value: Any) -> Any:
    """`value` as a template may see it."""
    if isinstance(value, BaseModel):
        return _view_class(type(value))(value)
    if isinstance(value, (list, tuple)):
        return tuple(view(item) for item in value)
    if isinstance(value, dict):
        return MappingProxyType({key: view(item) for key, item in value.items()})
    if isinstance(value, (set, frozenset)):
        return frozenset(view(item) for item in value)
    return value


def fields(obj: View) -> frozenset[str]:
    """The names a template may read from `obj`."""
    return type(obj)._fields


def unwrap(value: Any) -> Any:
    """A view (or a sequence of them) back to the model(s), for our own filters."""
    if isinstance(value, View):
        return object.__getattribute__(value, "_model")
    if isinstance(value, tuple):
        return [unwrap(item) for item in value]
    if isinstance(value, list):
        return [unwrap(item) for item in value]
    if isinstance(value, Iterator):
        return (unwrap(item) for item in value)
    return value


def unwrapping(function: Callable) -> Callable:
    """`function` (a filter of ours) called with models instead of views; what it returns, viewed."""
    @functools.wraps(function)            # keeps Jinja's `jinja_pass_arg` marker
    def call(*args, **kwargs):
        return view(function(*(unwrap(a) for a in args), **{k: unwrap(v) for k, v in kwargs.items()}))
    return call


class LocaleView:
    """`l10n` as templates see it: the language's names, never its catalogs or formatters."""

    __slots__ = ("tag", "language", "direction", "phrases")
    _fields = frozenset(__slots__)

    def __init__(self, tag: str, language: str, direction: str, source_language: str) -> None:
        for name, value in (("tag", tag), ("language", language), ("direction", direction),
                            ("phrases", SourceLanguage(source_language))):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("l10n is read-only")


class SourceLanguage:
    """`l10n.phrases`: only `source_language`, the language the facts' own words are in."""

    __slots__ = ("source_language",)
    _fields = frozenset(__slots__)

    def __init__(self, source_language: str) -> None:
        object.__setattr__(self, "source_language", source_language)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("l10n is read-only")


READ_ONLY = (View, LocaleView, SourceLanguage)
