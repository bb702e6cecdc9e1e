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
  `MAX_VALUE_LENGTH` are refused. Whatever can make a long value from a short one is checked
  *before* it runs, from its arguments (a result checked afterwards has already eaten the
  memory): the width and count arguments of the `center`/`indent`/`truncate`/`wordwrap`/
  `format`/`replace`/`join`/`batch`/`slice` filters and of the str methods `center`/`ljust`/
  `rjust`/`zfill`/`expandtabs`/`replace`/`join`/`translate`, `lipsum()`, and every width and
  precision of a `%` or `str.format` spec (`"%0300000000d" % 1`, `"{:>300000000}".format(1)`).

Limits are per top-level render (`GuardedTemplate.render`); includes and macros share it.
"""
from __future__ import annotations

import contextvars
import functools
import inspect
import itertools
import operator
import os
import re
import stat
import time
import types
from dataclasses import dataclass
from pathlib import Path

from jinja2 import FileSystemLoader, TemplateNotFound, nodes
from jinja2.environment import Template
from jinja2.exceptions import TemplateRuntimeError, TemplateSyntaxError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from briefgen.render.view import READ_ONLY

MAX_VALUE_LENGTH = 1_000_000        # characters of one string, items of one list
MAX_TEMPLATE_BYTES = 1_000_000      # a theme's template file; the built-in ones are a few KB
MAX_JSON_INDENT = 16                # spaces per level of `tojson(indent=…)`
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
        if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) \
                and len(seq) * max(n, 0) > MAX_VALUE_LENGTH:
            raise RunawayTemplate(f"render stopped: a value of {len(seq) * n:,} characters/items "
                                  f"(the limit is {MAX_VALUE_LENGTH:,})")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    return left * right


def _pow(left, right):
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
            and right * abs(left).bit_length() > MAX_INT_BITS:
        raise RunawayTemplate("render stopped: a number too large for a brief")
    try:
        return left**right
    except OverflowError:           # 10.0 ** 400: a float past its range
        raise RunawayTemplate("render stopped: a number too large for a brief") from None


# --- sizes known before a call: refuse what would be too long before it is made ----------------

_HUGE = 10**15                      # "more than any cap": a width written with too many digits
_NUMBER_CHARS = 1_300               # at most the digits of a number (2**4096, 1e308) with its sign


def _ensure(size: int, what: str) -> None:
    if size > MAX_VALUE_LENGTH:
        raise RunawayTemplate(f"render stopped: {what} would make a value of {size:,} characters/items "
                              f"(the limit is {MAX_VALUE_LENGTH:,})")


def _count(value, default: int = 0) -> int:
    """An int argument as a size; anything else (which the call itself will refuse) as `default`."""
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _digits(text: str | None) -> int:
    return 0 if not text else _HUGE if len(text) > 12 else int(text)


def _length(value) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (int, float)):
        return _NUMBER_CHARS
    return 0


# printf-style: %[(key)][flags][width][.precision][length]type
_PRINTF = re.compile(r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d*))?[hlL]?(?P<type>.?)",
                     re.S)


def printf_size(fmt: str, values) -> int:
    """At least how long `fmt % values` is: the format's text plus, per conversion, its width or the
    value (a string's length, a number's digits and precision) — without making it."""
    mapping = values if hasattr(values, "__getitem__") and not isinstance(values, (tuple, str)) else None
    positional = list(values) if isinstance(values, tuple) else [values]
    index = 0

    def take():
        nonlocal index
        index += 1
        return positional[index - 1] if index <= len(positional) else None

    size = len(fmt)
    for match in _PRINTF.finditer(fmt):
        kind = match["type"]
        if kind == "%" and not match["width"] and match["prec"] is None:
            continue
        width = abs(_count(take())) if match["width"] == "*" else _digits(match["width"])
        precision = max(_count(take()), 0) if match["prec"] == "*" else _digits(match["prec"])
        if match["key"] is not None and mapping is not None:
            try:
                value = mapping[match["key"]]
            except Exception:  # noqa: BLE001 — `%` itself reports the missing key
                value = None
        else:
            value = take()
        if kind in ("s", "r", "a"):
            natural = _length(value) * (1 if kind == "s" else 4)
            if match["prec"] is not None:
                natural = min(natural, precision)
        else:
            natural = _NUMBER_CHARS + precision
        size += max(width, natural)
        if size > MAX_VALUE_LENGTH:
            break
    return size


# format-spec mini-language: [[fill]align][sign][z][#][0][width][grouping][.precision][type]
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<prec>\d*))?[a-zA-Z%]?", re.S)


def spec_size(spec: str, value) -> int:
    """At least how long `format(value, spec)` is, from the spec's width and precision."""
    match = _SPEC.fullmatch(spec)
    if match is None:
        # An object's own mini-language (a date's strftime): at most a few dozen characters a letter.
        return max(_length(value), 32 * len(spec))
    width, precision = _digits(match["width"]), _digits(match["prec"])
    if isinstance(value, str):
        natural = min(len(value), precision) if match["prec"] else len(value)
    else:
        natural = _NUMBER_CHARS + precision
    return max(width, natural)


def _join_size(separator: str, items: list) -> int:
    return len(separator) * max(len(items) - 1, 0) + sum(len(x) for x in items if isinstance(x, str))


def _replace_size(text: str, old, new, count) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    found = text.count(old) if old else len(text) + 1
    count = _count(count, -1)
    if count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _materialized(iterable, what: str) -> list:
    """A join's items as a list (a generator can be walked once), refused past the cap of items."""
    if isinstance(iterable, (list, tuple, str)):
        return list(iterable)
    items = list(itertools.islice(iterable, MAX_VALUE_LENGTH + 1))
    _ensure(len(items), what)
    return items


# Filters that make a long value from short arguments: bound arguments -> the size they would make.
def _filter_sizes(newline: str) -> dict:
    def center(a):
        return max(_length(a["value"]), _count(a["width"]))

    def indent(a):
        s, width = a["s"], a["width"]
        per_line = len(width) if isinstance(width, str) else _count(width)
        return _length(s) + _lines(s) * per_line if isinstance(s, str) else per_line

    def truncate(a):
        end = a["end"] if isinstance(a["end"], str) else ""
        return min(_length(a["s"]), max(_count(a["length"]), 0)) + len(end)

    def wordwrap(a):
        s, width = a["s"], max(_count(a["width"], 1), 1)
        wrap = a["wrapstring"] if isinstance(a["wrapstring"], str) else newline
        length = _length(s)
        lines = min(length, 2 * length // width) + (_lines(s) if isinstance(s, str) else 1)
        return length + lines * len(wrap)

    def format_(a):
        value = a["value"]
        return printf_size(value, a["kwargs"] or a["args"]) if isinstance(value, str) else 0

    def replace(a):
        return _replace_size(a["s"], a["old"], a["new"], a["count"]) if isinstance(a["s"], str) else 0

    def batch(a):
        return _count(a["linecount"]) if a["fill_with"] is not None else 0

    def slice_(a):
        return _count(a["slices"])

    def tojson(a):
        # Every nested line gets `indent` spaces per level: no size is known before it runs, so an
        # indent past what any reader needs is refused outright.
        return _HUGE if _count(a["indent"]) > MAX_JSON_INDENT else 0

    return {"center": center, "indent": indent, "truncate": truncate, "wordwrap": wordwrap, "format": format_,
            "replace": replace, "batch": batch, "slice": slice_, "tojson": tojson}


_PASSED = ("environment", "env", "eval_ctx", "context", "ctx")


def _binder(function):
    """(number of leading arguments Jinja passes itself, a signature for the rest).

    A filter marked `pass_environment`/`pass_eval_context` gets that first; some (Jinja's async
    variants) show the signature of a function that does not take it, so it is skipped either way."""
    signature = inspect.signature(function)
    if getattr(function, "jinja_pass_arg", None) is None:
        return 0, signature
    params = list(signature.parameters.values())
    if params and params[0].name in _PASSED:
        signature = signature.replace(parameters=params[1:])
    return 1, signature


def _guard_filter(name: str, function, size):
    skip, signature = _binder(function)

    @functools.wraps(function)          # keeps `jinja_pass_arg` (environment, eval context)
    def guarded(*args, **kwargs):
        bound = signature.bind(*args[skip:], **kwargs)
        bound.apply_defaults()
        _ensure(size(bound.arguments), f"the {name} filter")
        return function(*args, **kwargs)

    return guarded


def _guard_join_filter(function):
    skip, signature = _binder(function)

    @functools.wraps(function)
    def guarded(*args, **kwargs):
        bound = signature.bind(*args[skip:], **kwargs)
        bound.apply_defaults()
        items = _materialized(bound.arguments["value"], "the join filter")
        if bound.arguments["attribute"] is None:
            separator = bound.arguments["d"]
            _ensure(_join_size(separator if isinstance(separator, str) else "", items), "the join filter")
        bound.arguments["value"] = items
        return function(*args[:skip], *bound.args, **bound.kwargs)

    return guarded


# str methods (on any str, Markup included): (self, args, kwargs) -> (size, args to call with).
def _str_method_size(text: str, name: str, args: tuple, kwargs: dict) -> tuple[int, tuple]:
    what = f"str.{name}()"
    if name in ("center", "ljust", "rjust", "zfill"):
        return max(len(text), _count(args[0] if args else kwargs.get("width"))), args
    if name == "expandtabs":
        tabsize = _count(args[0] if args else kwargs.get("tabsize", 8), 8)
        return len(text) + text.count("\t") * max(tabsize, 0), args
    if name == "replace":
        bound = (list(args) + [None, None, -1])[:3]
        old, new, count = bound[0], bound[1], kwargs.get("count", bound[2])
        return _replace_size(text, old, new, count), args
    if name == "join" and len(args) == 1:
        items = _materialized(args[0], what)
        return _join_size(text, items), (items,)
    if name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        return len(text) * max(longest, 1), args
    if name in ("__mul__", "__rmul__") and args:
        return len(text) * max(_count(args[0]), 0), args
    return 0, args


_STR_METHODS = frozenset(["center", "ljust", "rjust", "zfill", "expandtabs", "replace", "join", "translate",
                          "__mul__", "__rmul__"])


class _SizedFormatting:
    """For `str.format`/`format_map`: every field's width and precision are checked before the field
    is formatted (the nested ones `{:{width}}` resolved by then), and so is the running length."""

    _made = 0

    def vformat(self, format_string, args, kwargs):
        self._made = len(format_string)
        return super().vformat(format_string, args, kwargs)  # type: ignore[misc]

    def format_field(self, value, format_spec):
        _ensure(self._made + spec_size(format_spec, value),
                f"str.format() with the spec {format_spec[:30]!r}" if format_spec else "str.format()")
        result = super().format_field(value, format_spec)  # type: ignore[misc]
        self._made += len(result)
        _ensure(self._made, "str.format()")
        return result


class _SizedFormatter(_SizedFormatting, SandboxedFormatter):
    pass


class _SizedEscapeFormatter(_SizedFormatting, SandboxedEscapeFormatter):
    pass


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
        self.filters[LOOP_FILTER] = _loop_guard
        self.filters[CAP_FILTER] = _cap
        for name, size in _filter_sizes(self.newline_sequence).items():
            self.filters[name] = _guard_filter(name, self.filters[name], size)
        self.filters["join"] = _guard_join_filter(self.filters["join"])

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
        budget = _current()
        if budget is not None:
            budget.tick()
        if operator_name == "*":
            result = _mul(left, right)
        elif operator_name == "**":
            result = _pow(left, right)
        else:
            if operator_name == "%" and isinstance(left, str):
                _ensure(printf_size(left, right), "the % operator")
            result = _check_size(_BINOPS[operator_name](left, right))
        if budget is not None:
            budget.made(result)
        return result

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        budget = _current()
        if budget is not None:
            budget.tick()
        owner, name = getattr(__obj, "__self__", None), getattr(__obj, "__name__", None)
        if isinstance(owner, str) and name in _STR_METHODS:
            size, args = _str_method_size(owner, name, args, kwargs)
            _ensure(size, f"str.{name}()")
        elif __obj is generate_lorem_ipsum:
            bound = inspect.signature(generate_lorem_ipsum).bind(*args, **kwargs)
            bound.apply_defaults()
            # Up to `max` words a paragraph, of up to 12 characters and a space each.
            _ensure(_count(bound.arguments["n"]) * max(_count(bound.arguments["max"]), 0) * 13, "lipsum()")
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        """Jinja's sandboxed `str.format`/`format_map`, with a formatter that checks each field's
        width and precision before formatting it (`_SizedFormatting`)."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) \
                or value.__name__ not in ("format", "format_map") or not isinstance(value.__self__, str):
            return None
        template: str = value.__self__
        is_format_map = value.__name__ == "format_map"
        formatter = (_SizedEscapeFormatter(self, escape=template.escape) if isinstance(template, Markup)
                     else _SizedFormatter(self))

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


class ThemeLoader(FileSystemLoader):
    """A FileSystemLoader that serves only regular files of sane size whose real path is inside its
    folders: a link to `/etc/passwd` or `/proc/self/mem`, a FIFO (which would block the open) or a
    6 GB file is refused before it is opened."""

    def __init__(self, folders) -> None:
        super().__init__([str(f) for f in folders])
        self._roots = tuple(Path(f).resolve() for f in folders)

    def get_source(self, environment, template):
        filename = self._path_of(template)
        if filename is None:
            raise TemplateNotFound(template)
        size = os.stat(filename).st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateSyntaxError(f"a template of {size:,} bytes (the limit is {MAX_TEMPLATE_BYTES:,})",
                                      1, template, filename)
        try:
            source, filename, uptodate = super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            # Not a traceback: the file and line of the first byte that is not UTF-8.
            line, message = not_utf8(exc)
            raise TemplateSyntaxError(message, line, template, filename) from None
        self._inside(template, filename)
        return source, filename, uptodate

    def _inside(self, template: str, filename: str) -> None:
        real = Path(filename).resolve()
        if not any(real.is_relative_to(root) for root in self._roots):
            raise TemplateNotFound(f"{template} (it leads outside the theme folders)")

    def _path_of(self, template: str) -> str | None:
        for folder in self.searchpath:
            candidate = Path(folder, *split_template_path(template))
            if os.path.lexists(candidate):
                self._inside(template, str(candidate))
                if not stat.S_ISREG(candidate.stat().st_mode):
                    raise TemplateNotFound(f"{template} (not a regular file)")
                return str(candidate)
        return None


def not_utf8(exc: UnicodeDecodeError) -> tuple[int, str]:
    """(line, message) for a file that is not UTF-8 text."""
    data = exc.object
    return (data.count(b"\n", 0, exc.start) + 1,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8")
