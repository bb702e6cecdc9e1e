"""An ordered list of named rules, after markdown-it-py's `Ruler`.

Each fact kind keeps its rules in one `Ruler`, so code (and later plugins) can
reorder, disable or add a rule by name without touching the rule modules.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

F = TypeVar("F", bound=Callable)
T = TypeVar("T")


@dataclass
class _Rule(Generic[F]):
    name: str
    fn: F
    enabled: bool = True


class Ruler(Generic[F]):
    """Named rules in the order they run; disabled ones are kept so they can come back."""

    def __init__(self, rules: list[tuple[str, F]] | None = None) -> None:
        self._rules: list[_Rule[F]] = [_Rule(n, f) for n, f in rules or []]
        self._refresh()

    def _refresh(self) -> None:
        # the enabled (name, fn) pairs, made again on every change: rules run thousands of times a
        # document (describe.py, event_status.py), and the list only changes when a rule is edited
        self._enabled: tuple[tuple[str, F], ...] = tuple((r.name, r.fn) for r in self._rules if r.enabled)

    def _index(self, name: str) -> int:
        for i, rule in enumerate(self._rules):
            if rule.name == name:
                return i
        raise KeyError(f"no rule named {name!r}")

    def names(self) -> list[str]:
        return [r.name for r in self._rules]

    def push(self, name: str, fn: F) -> None:
        self._rules.append(_Rule(name, fn))
        self._refresh()

    def before(self, anchor: str, name: str, fn: F) -> None:
        self._rules.insert(self._index(anchor), _Rule(name, fn))
        self._refresh()

    def after(self, anchor: str, name: str, fn: F) -> None:
        self._rules.insert(self._index(anchor) + 1, _Rule(name, fn))
        self._refresh()

    def enable(self, *names: str) -> None:
        for n in names:
            self._rules[self._index(n)].enabled = True
        self._refresh()

    def disable(self, *names: str) -> None:
        for n in names:
            self._rules[self._index(n)].enabled = False
        self._refresh()

    def __iter__(self) -> Iterator[tuple[str, F]]:
        return iter(self._enabled)

    def run(self, *args: object, skip: Collection[str] = ()) -> None:
        """Call every enabled rule in order with `args` (rules that edit what they are given);
        the rules named in `skip` sit this run out."""
        for name, fn in self._enabled:
            if name not in skip:
                fn(*args)

    def fold(self, value: T, *args: object) -> T:
        """Thread `value` through the rules: each gets `*args, value` and returns the next value."""
        for _name, fn in self._enabled:
            value = fn(*args, value)
        return value

    def first(self, *args: object) -> object | None:
        """The first rule's answer that is not empty, or None when no rule answers."""
        for _name, fn in self._enabled:
            found = fn(*args)
            if found:
                return found
        return None
