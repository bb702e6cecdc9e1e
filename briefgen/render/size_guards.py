"""Sizes known before a call: what would make a value past the cap is refused before it is made.

A result checked afterwards (budget.py's `cap`) has already eaten the memory, so whatever can make
a long value from a short one is checked from its arguments: the width and count arguments of the
`center`/`indent`/`truncate`/`wordwrap`/`format`/`replace`/`join`/`batch`/`slice` filters and of
the str methods `center`/`ljust`/`rjust`/`zfill`/`expandtabs`/`replace`/`join`/`translate`,
`lipsum()`, and every width and precision of a `%` or `str.format` spec (`"%0300000000d" % 1`,
`"{:>300000000}".format(1)`).
"""
from __future__ import annotations

import functools
import inspect
import itertools
import re

from jinja2.sandbox import SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum

from briefgen.render.budget import MAX_VALUE_LENGTH, ensure

MAX_JSON_INDENT = 16                # spaces per level of `tojson(indent=…)`

_HUGE = 10**15                      # "more than any cap": a width written with too many digits
_NUMBER_CHARS = 1_300               # at most the digits of a number (2**4096, 1e308) with its sign


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
    ensure(len(items), what)
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
        ensure(size(bound.arguments), f"the {name} filter")
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
            ensure(_join_size(separator if isinstance(separator, str) else "", items), "the join filter")
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
        ensure(self._made + spec_size(format_spec, value),
               f"str.format() with the spec {format_spec[:30]!r}" if format_spec else "str.format()")
        result = super().format_field(value, format_spec)  # type: ignore[misc]
        self._made += len(result)
        ensure(self._made, "str.format()")
        return result


class SizedFormatter(_SizedFormatting, SandboxedFormatter):
    pass


class SizedEscapeFormatter(_SizedFormatting, SandboxedEscapeFormatter):
    pass


def guard_filters(filters: dict, newline: str) -> None:
    """Replace, in `filters`, each filter that can make a long value by one that checks first."""
    for name, size in _filter_sizes(newline).items():
        filters[name] = _guard_filter(name, filters[name], size)
    filters["join"] = _guard_join_filter(filters["join"])


def guard_call(obj, args: tuple, kwargs: dict) -> tuple:
    """Refuse a str method or `lipsum()` call that would make a value past the cap; the arguments to
    call it with (a join's generator, walked here, is handed on as a list)."""
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", None)
    if isinstance(owner, str) and name in _STR_METHODS:
        size, args = _str_method_size(owner, name, args, kwargs)
        ensure(size, f"str.{name}()")
    elif obj is generate_lorem_ipsum:
        bound = inspect.signature(generate_lorem_ipsum).bind(*args, **kwargs)
        bound.apply_defaults()
        # Up to `max` words a paragraph, of up to 12 characters and a space each.
        ensure(_count(bound.arguments["n"]) * max(_count(bound.arguments["max"]), 0) * 13, "lipsum()")
    return args
