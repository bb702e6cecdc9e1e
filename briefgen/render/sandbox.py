"""The template sandbox: Jinja's, plus walls around the theme folders and caps on runaway renders.

Jinja's SandboxedEnvironment stops `''.__class__.__mro__` and friends, but a theme is still
code from a colleague's folder. Three more walls:

- `ThemeLoader` (theme_loader.py): `{% include %}`/`{% import %}`/`{% extends %}` find files only
  inside the theme folders. Jinja already refuses `..`; we also resolve symlinks, so a link in a
  theme cannot point at `/etc/passwd`.
- A render budget (budget.py: time, loop iterations, output size), checked on every loop item,
  every call and every filter result. Loops are wrapped at parse time (`_GuardTree`), so even
  `{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}` stops,
  with an error naming the file and line of the loop.
- Size caps on values: `*`, `**`, `%`, `~` and filter/call results larger than
  `MAX_VALUE_LENGTH` are refused. Whatever can make a long value from a short one is checked
  *before* it runs, from its arguments (size_guards.py).

Limits are per top-level render (`GuardedTemplate.render`); includes and macros share it.
"""
from __future__ import annotations

import functools
import operator
import time
import types

from jinja2 import nodes
from jinja2.environment import Template
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from briefgen.render.budget import (BUDGET, Budget, Limits, RunawayTemplate, cap, check_size, current, ensure,
                                    loop_guard, multiply, power)
from briefgen.render.size_guards import (SizedEscapeFormatter, SizedFormatter, guard_call, guard_filters,
                                         printf_size)
from briefgen.render.view import READ_ONLY

LOOP_FILTER = "_briefgen_loop"
CAP_FILTER = "_briefgen_cap"


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
        if current() is not None:
            return super().render(*args, **kwargs)
        limits: Limits = self.environment.limits  # type: ignore[attr-defined]
        token = BUDGET.set(Budget(limits, time.monotonic() + limits.seconds))
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
                        BUDGET.get().check_time()  # type: ignore[union-attr]
                return self.environment.concat(parts)  # type: ignore[attr-defined]
            except Exception:
                self.environment.handle_exception()
        finally:
            BUDGET.reset(token)


class GuardedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's sandbox with loop, time and size caps (see the module docstring).

    Immutable: a template cannot grow a list or dict in place (`x.extend(x)` in a loop doubles
    memory each step before any size check sees it), and the brief it reads is read-only views
    (render/view.py) whose only attributes are the model's declared fields.
    """

    template_class = GuardedTemplate
    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def __init__(self, *args, limits: Limits | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits()
        self.filters[LOOP_FILTER] = loop_guard
        self.filters[CAP_FILTER] = cap
        guard_filters(self.filters, self.newline_sequence)

    def _parse(self, source, name, filename):
        return _GuardTree().visit(super()._parse(source, name, filename))

    def is_safe_attribute(self, obj, attr: str, value) -> bool:
        if isinstance(obj, READ_ONLY):
            return attr in type(obj)._fields
        # Nothing of a brief is bytes; `str.encode` is the only way to make them, and bytes
        # methods (`ljust`, `center`, `*`) would need every size guard a second time.
        if isinstance(obj, (bytes, bytearray)) or (isinstance(obj, str) and attr == "encode"):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator_name, left, right):
        budget = current()
        if budget is not None:
            budget.tick()
        if operator_name == "*":
            result = multiply(left, right)
        elif operator_name == "**":
            result = power(left, right)
        else:
            if operator_name == "%" and isinstance(left, str):
                ensure(printf_size(left, right), "the % operator")
            result = check_size(_BINOPS[operator_name](left, right))
        if budget is not None:
            budget.made(result)
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        budget = current()
        if budget is not None:
            budget.tick()
        args = guard_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        """Jinja's sandboxed `str.format`/`format_map`, with a formatter that checks each field's
        width and precision before formatting it (size_guards.py)."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) \
                or value.__name__ not in ("format", "format_map") or not isinstance(value.__self__, str):
            return None
        template: str = value.__self__
        is_format_map = value.__name__ == "format_map"
        formatter = (SizedEscapeFormatter(self, escape=template.escape) if isinstance(template, Markup)
                     else SizedFormatter(self))

        def wrapper(*args, **kwargs):
            if is_format_map:
                if kwargs:
                    raise TypeError("format_map() takes no keyword arguments")
                if len(args) != 1:
                    raise TypeError(f"format_map() takes exactly one argument ({len(args)} given)")
                kwargs, args = args[0], ()
            return type(template)(formatter.vformat(template, args, kwargs))

        return functools.update_wrapper(wrapper, value)


_BINOPS = {"%": operator.mod, "+": operator.add}
