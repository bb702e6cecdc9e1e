"""The template sandbox: Jinja's, plus walls around the theme folders and caps on runaway renders.

Jinja's SandboxedEnvironment stops `''.__class__.__mro__` and friends, but a theme is still
code from a colleague's folder. Three more walls:

- `ThemeLoader`: `{% include %}`/`{% import %}`/`{% extends %}` find files only inside the
  theme folders. Jinja already refuses `..`; we also resolve symlinks, so a link in a theme
  cannot point at `/etc/passwd`.
- A render budget (time, loop iterations, output size), checked on every loop item, every
  call and every filter result. Loops are wrapped at parse time (`_guard_tree`), so even
  `{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}` stops,
  with an error naming the file and line of the loop.
- Size caps on values: `*`, `**`, `%`, `~` and filter/call results larger than
  `MAX_VALUE_LENGTH` are refused before they eat the memory.

Limits are per top-level render (`GuardedTemplate.render`); includes and macros share it.
"""
from __future__ import annotations

import contextvars
import operator
import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import FileSystemLoader, TemplateNotFound, nodes
from jinja2.environment import Template
from jinja2.exceptions import TemplateRuntimeError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_VALUE_LENGTH = 1_000_000        # characters of one string, items of one list
MAX_INT_BITS = 4096                 # a brief's numbers are small; 2**4096 is not a brief's number
LOOP_FILTER = "_briefgen_loop"
CAP_FILTER = "_briefgen_cap"


@dataclass(frozen=True)
class Limits:
    seconds: float = 5.0
    iterations: int = 200_000
    output_chars: int = 5_000_000


class RunawayTemplate(TemplateRuntimeError):
    """A render went past its time, loop or size budget."""


@dataclass
class _Budget:
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


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("briefgen_template_budget", default=None)


def _current() -> _Budget | None:
    return _BUDGET.get()


def _check_size(value):
    if isinstance(value, (str, list, tuple, dict, set, bytes)) and len(value) > MAX_VALUE_LENGTH:
        raise RunawayTemplate(f"render stopped: a value of {len(value):,} characters/items "
                              f"(the limit is {MAX_VALUE_LENGTH:,})")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    return value


def _loop_guard(iterable):
    budget = _current()
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


def _cap(value):
    budget = _current()
    if budget is not None:
        budget.tick()
        budget.made(value)
    return _check_size(value)


def _mul(left, right):
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * max(n, 0) > MAX_VALUE_LENGTH:
            raise RunawayTemplate(f"render stopped: a value of {len(seq) * n:,} characters/items "
                                  f"(the limit is {MAX_VALUE_LENGTH:,})")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    return left * right


def _pow(left, right):
    if isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(left) > 1 \
            and right * max(abs(left), 2).bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    return left**right


class _GuardTree(NodeTransformer):
    """Wraps every loop's iterable and every concatenation, filter and call result in a budget check."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, LOOP_FILTER, [], [], None, None, lineno=node.iter.lineno)
        return node

    def visit_CallBlock(self, node: nodes.CallBlock) -> nodes.Node:
        # `{% call m() %}`: the Call must stay a Call; guard its arguments and body only.
        node.call.args = [self.visit(a) for a in node.call.args]
        node.body = [self.visit(n) for n in node.body]
        return node

    def visit_FilterBlock(self, node: nodes.FilterBlock) -> nodes.Node:
        node.body = [self.visit(n) for n in node.body]
        return node

    def _wrap(self, node: nodes.Expr) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(node, CAP_FILTER, [], [], None, None, lineno=node.lineno)

    def visit_Concat(self, node):
        return self._wrap(node)

    def visit_Call(self, node):
        return self._wrap(node)

    def visit_Filter(self, node):
        if node.node is None or node.name in (LOOP_FILTER, CAP_FILTER):
            return self.generic_visit(node)
        return self._wrap(node)


class GuardedTemplate(Template):
    """`render()` runs under a budget (the environment's `limits`); nested renders share the outer one."""

    def render(self, *args, **kwargs) -> str:
        if _current() is not None:
            return super().render(*args, **kwargs)
        limits: Limits = self.environment.limits  # type: ignore[attr-defined]
        token = _BUDGET.set(_Budget(limits, time.monotonic() + limits.seconds))
        try:
            ctx = self.new_context(dict(*args, **kwargs))
            parts: list[str] = []
            size = 0
            generator = self.root_render_func(ctx)
            try:
                for piece in generator:
                    parts.append(piece)
                    size += len(piece)
                    # Twice the budget: `_Budget.made` stops a runaway first, at the template line
                    # that makes the text; this is the backstop for output no filter or operator made.
                    if size > 2 * limits.output_chars:
                        # Thrown into the template so the traceback shows where the output came from.
                        generator.throw(RunawayTemplate(
                            f"render stopped: more than {2 * limits.output_chars:,} characters of output"))
                    if len(parts) & 255 == 0:
                        _BUDGET.get().check_time()  # type: ignore[union-attr]
                return self.environment.concat(parts)  # type: ignore[attr-defined]
            except Exception:
                self.environment.handle_exception()
        finally:
            _BUDGET.reset(token)


class GuardedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox with loop, time and size caps (see the module docstring)."""

    template_class = GuardedTemplate
    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def __init__(self, *args, limits: Limits | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits()
        self.filters[LOOP_FILTER] = _loop_guard
        self.filters[CAP_FILTER] = _cap

    def _parse(self, source, name, filename):
        return _GuardTree().visit(super()._parse(source, name, filename))

    def call_binop(self, context, operator_name, left, right):
        budget = _current()
        if budget is not None:
            budget.tick()
        if operator_name == "*":
            result = _mul(left, right)
        elif operator_name == "**":
            result = _pow(left, right)
        else:
            result = _check_size(_BINOPS[operator_name](left, right))
        if budget is not None:
            budget.made(result)
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        budget = _current()
        if budget is not None:
            budget.tick()
        return super().call(__context, __obj, *args, **kwargs)


_BINOPS = {"%": operator.mod, "+": operator.add}


class ThemeLoader(FileSystemLoader):
    """A FileSystemLoader that never serves a file whose real path is outside its folders."""

    def __init__(self, folders) -> None:
        super().__init__([str(f) for f in folders])
        self._roots = tuple(Path(f).resolve() for f in folders)

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(root) for root in self._roots):
            raise TemplateNotFound(f"{template} (it leads outside the theme folders)")
        return source, filename, uptodate
