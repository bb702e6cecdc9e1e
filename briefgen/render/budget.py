"""A render's budget: time, loop iterations and output characters, and the cap on every value.

One budget per top-level render (sandbox.py's `GuardedTemplate.render` opens it); includes and
macros share it. The sandbox ticks it on every loop item, call, filter result and operator, and
checks every value a template makes against `MAX_VALUE_LENGTH` (and numbers against
`MAX_INT_BITS`). Sizes that can be known before a call are checked in size_guards.py.
"""
from __future__ import annotations

import contextvars
import time
from dataclasses import dataclass

from jinja2.exceptions import TemplateRuntimeError

MAX_VALUE_LENGTH = 1_000_000        # characters of one string, items of one list
MAX_INT_BITS = 4096                 # a brief's numbers are small; 2**4096 is not a brief's number


@dataclass(frozen=True)
class Limits:
    seconds: float = 5.0
    iterations: int = 200_000
    output_chars: int = 5_000_000


class RunawayTemplate(TemplateRuntimeError):
    """A render went past its time, loop or size budget."""


@dataclass
class Budget:
    limits: Limits
    deadline: float
    iterations: int = 0
    produced: int = 0        # characters of every string a filter, call or operator made

    def made(self, value) -> None:
        if isinstance(value, str):
            self.produced += len(value)
            if self.produced > self.limits.output_chars:
                raise RunawayTemplate(f"render stopped: more than {self.limits.output_chars:,} characters "
                                      "of output (a runaway loop?)")

    def tick(self) -> None:
        self.iterations += 1
        if self.iterations > self.limits.iterations:
            raise RunawayTemplate(f"render stopped: more than {self.limits.iterations:,} loop iterations "
                                  "(a runaway loop?)")
        # The clock is cheap, but not free: look every 64 steps.
        if self.iterations & 63 == 0 and time.monotonic() > self.deadline:
            raise RunawayTemplate(f"render stopped: took more than {self.limits.seconds:g} s (a runaway loop?)")

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise RunawayTemplate(f"render stopped: took more than {self.limits.seconds:g} s (a runaway loop?)")


BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("briefgen_template_budget", default=None)


def current() -> Budget | None:
    return BUDGET.get()


def check_size(value):
    if isinstance(value, (str, list, tuple, dict, set, bytes)) and len(value) > MAX_VALUE_LENGTH:
        raise RunawayTemplate(f"render stopped: a value of {len(value):,} characters/items "
                              f"(the limit is {MAX_VALUE_LENGTH:,})")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    return value


def loop_guard(iterable):
    budget = current()
    if budget is None:
        return iterable

    def guarded():
        for item in iterable:
            budget.tick()
            yield item
    # Keep len() for `loop.length`/`loop.last` when the iterable has one (no need to list it).
    return _Sized(guarded(), len(iterable)) if hasattr(type(iterable), "__len__") else guarded()


class _Sized:
    __slots__ = ("_it", "_n")

    def __init__(self, it, n: int) -> None:
        self._it, self._n = it, n

    def __iter__(self):
        return self._it

    def __len__(self) -> int:
        return self._n


def cap(value):
    budget = current()
    if budget is not None:
        budget.tick()
        budget.made(value)
    return check_size(value)


def multiply(left, right):
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) \
                and len(seq) * max(n, 0) > MAX_VALUE_LENGTH:
            raise RunawayTemplate(f"render stopped: a value of {len(seq) * n:,} characters/items "
                                  f"(the limit is {MAX_VALUE_LENGTH:,})")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    return left * right


def power(left, right):
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
            and right * abs(left).bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    try:
        return left**right
    except OverflowError:           # 10.0 ** 400: a float past its range
        raise RunawayTemplate("render stopped: a number too large for a brief") from None


def ensure(size: int, what: str) -> None:
    """Refuse, before it is made, a value of `size` characters/items past the cap."""
    if size > MAX_VALUE_LENGTH:
        raise RunawayTemplate(f"render stopped: {what} would make a value of {size:,} characters/items "
                              f"(the limit is {MAX_VALUE_LENGTH:,})")
