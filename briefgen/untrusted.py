"""Reading the data files people hand us (facts files, `briefgen.toml`) within limits.

These files are edited by hand, shared and mailed around, so they are untrusted: a few KB of
YAML aliases expand to gigabytes inside validation, a thousand nested brackets overflow the
parsers' recursion, a 5,000-digit integer makes `int()` raise, and a FIFO or /dev/zero never
ends. Everything here refuses such input *before* the data reaches validation, each time with
the caller's error class naming the file and, where there is one, the line.

A genuine file is far inside every limit: briefgen writes no aliases, nests about 8 levels and
caps an article's text at 200,000 characters (ingest's MAX_ARTICLE_CHARS).
"""
from __future__ import annotations

import json
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import BriefgenError

ErrorClass = type[BriefgenError]


@dataclass(frozen=True)
class Limits:
    what: str                      # "a facts file": said in messages
    max_bytes: int
    max_depth: int = 64            # nested lists/mappings
    max_items: int = 5_000_000     # values of any kind, keys included
    max_string: int = 2_000_000    # characters in one string
    max_int_digits: int = 30       # past 4,300 Python's int() raises; past 30 it is not a count of anything


FACTS_LIMITS = Limits("a facts file", max_bytes=50 * 1024 * 1024)
CONFIG_LIMITS = Limits("briefgen.toml", max_bytes=1024 * 1024, max_items=100_000)


def read_text(path: Path, limits: Limits, error: ErrorClass) -> str:
    """The UTF-8 text of a regular file of at most `limits.max_bytes`. Opened without blocking
    and checked on the open descriptor, so a FIFO or a device is refused, never waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", path) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error("not a regular file", path)
        if info.st_size > limits.max_bytes:
            raise error(_too_large(info.st_size, limits), path)
        try:
            data = handle.read(limits.max_bytes + 1)
        except OSError as exc:
            raise error(f"cannot read: {exc.strerror or exc}", path) from exc
    if len(data) > limits.max_bytes:  # grew between fstat and read
        raise error(_too_large(len(data), limits), path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error("not UTF-8 text", path, data.count(b"\n", 0, exc.start) + 1) from exc


def _too_large(size: int, limits: Limits) -> str:
    return f"too large ({size / 1048576:.1f} MB; the limit for {limits.what} is {limits.max_bytes / 1048576:g} MB)"


# ---------------------------------------------------------------- YAML

class _Refused(yaml.MarkedYAMLError):
    """A limit broken: its message is ours, not the parser's, so no "invalid YAML:" before it."""


class _BadScalar(yaml.MarkedYAMLError):
    """A scalar of the right shape but an impossible value (`2026-02-30`); `key` is filled in by
    the mapping that holds it, so the message can say which field."""

    def __init__(self, node: yaml.ScalarNode, kind: str) -> None:
        super().__init__(problem=f"{one_line(node.value)} is not {kind}", problem_mark=node.start_mark)
        self.node, self.key = node, None


_INT_TAG = "tag:yaml.org,2002:int"
_KINDS = {"timestamp": "a valid date", "int": "a whole number", "float": "a number", "bool": "true or false"}


if yaml.__with_libyaml__:
    class _Events(yaml.cyaml.CParser):
        """libyaml scans and parses: six times faster than PyYAML's own parser on a facts file."""
else:
    class _Events(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _LimitedLoader(yaml.composer.Composer, _Events, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """A safe loader that refuses aliases and checks every limit while composing the node tree,
    where each node still has its line, and before anything is constructed. Composing stays
    Python's (first in the MRO, ahead of libyaml's own composer) because that is where the
    limits are; neither parser recurses per nesting level."""

    def __init__(self, text: str, limits: Limits) -> None:
        _Events.__init__(self, text)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self.limits = limits
        self.depth = 0
        self.items = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            # A file briefgen writes never has one, and nested aliases are how a few KB grow to GB.
            raise _Refused(problem=f"YAML aliases are not allowed in {self.limits.what}",
                           problem_mark=event.start_mark)
        self.items += 1
        if self.items > self.limits.max_items:
            raise _Refused(problem=f"more than {self.limits.max_items:,} values", problem_mark=event.start_mark)
        if not isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return super().compose_node(parent, index)
        if self.depth >= self.limits.max_depth:
            raise _Refused(problem=f"nested deeper than {self.limits.max_depth} levels",
                           problem_mark=event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_scalar_node(self, anchor):
        node = super().compose_scalar_node(anchor)
        problem = _scalar_problem(node.value, node.tag == _INT_TAG, self.limits)
        if problem:
            raise _Refused(problem=problem, problem_mark=node.start_mark)
        return node

    def construct_object(self, node, deep=False):
        # PyYAML's constructors raise plain ValueError/KeyError on a well-formed but impossible
        # value (`published: 2026-02-30`, `!!int abc`): make those a positioned error.
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            if isinstance(node, yaml.ScalarNode):
                kind = node.tag.rsplit(":", 1)[-1]
                raise _BadScalar(node, _KINDS.get(kind, f"a valid {kind}")) from exc
            raise

    def construct_mapping(self, node, deep=False):
        try:
            return super().construct_mapping(node, deep)
        except _BadScalar as exc:
            if exc.key is None:
                exc.key = next((k.value for k, v in node.value if v is exc.node and isinstance(k, yaml.ScalarNode)),
                               None)
                if exc.key is not None:
                    exc.problem = f"{one_line(exc.key)}: {exc.problem}"
            raise


def _scalar_problem(text: str, is_int: bool, limits: Limits) -> str | None:
    if len(text) > limits.max_string:
        return f"a string longer than {limits.max_string:,} characters"
    if is_int and sum(c.isalnum() for c in text) > limits.max_int_digits:  # 0x... counts too
        return f"an integer with more than {limits.max_int_digits} digits"
    return None


def load_yaml(text: str, path: Path, limits: Limits, error: ErrorClass) -> tuple[Any, yaml.Node | None]:
    """The data of a one-document YAML text, and its node tree (for the line of a later error)."""
    loader = _LimitedLoader(text, limits)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except _BadScalar as exc:
        raise error(exc.problem, path, _line(exc.problem_mark)) from exc
    except yaml.YAMLError as exc:
        refused = _refusal(exc, limits)
        if refused is not None:
            raise error(refused.problem, path, _line(refused.problem_mark)) from exc
        if isinstance(exc, yaml.reader.ReaderError):  # no mark; its position is in bytes or characters
            found = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
            raise error(f"invalid YAML: {exc.reason} (character #x{exc.character:04x})"
                        if found >= 0 else f"invalid YAML: {exc.reason}",
                        path, text.count("\n", 0, found) + 1 if found >= 0 else None) from exc
        mark = getattr(exc, "problem_mark", None)
        raise error(f"invalid YAML: {one_line(getattr(exc, 'problem', None) or str(exc))}", path, _line(mark)) from exc
    finally:
        loader.dispose()


def compose_yaml(text: str, limits: Limits) -> yaml.Node | None:
    """The node tree of a text already loaded once (to find the line of a field), or None."""
    return _compose(text, limits)[0]


def _compose(text: str, limits: Limits) -> tuple[yaml.Node | None, _Refused | None]:
    loader = _LimitedLoader(text, limits)
    try:
        return loader.get_single_node(), None
    except yaml.YAMLError as exc:
        return None, _refusal(exc, limits)
    finally:
        loader.dispose()


# libyaml has a nesting limit of its own (1,000), which it meets while reading ahead of us.
_PARSER_TOO_DEEP = "exceeded maximum nesting depth"


def _refusal(exc: yaml.YAMLError, limits: Limits) -> _Refused | None:
    """The limit that `exc` says was broken, if it says one was."""
    if isinstance(exc, _Refused):
        return exc
    if getattr(exc, "problem", None) == _PARSER_TOO_DEEP:
        return _Refused(problem=f"nested deeper than {limits.max_depth} levels", problem_mark=exc.problem_mark)
    return None


def one_line(text: str, limit: int = 80) -> str:
    """A value from the file, fit for a one-line message: whitespace collapsed, long text cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _line(mark) -> int | None:
    return mark.line + 1 if mark is not None else None


# ---------------------------------------------------------------- JSON

def load_json(text: str, path: Path, limits: Limits, error: ErrorClass) -> Any:
    """JSON data within `limits`. The C parser stays the fast path; when a limit is broken the
    text is read again by the YAML composer above (JSON is YAML), which knows the line."""
    def bounded_int(digits: str) -> int:
        if len(digits.lstrip("-")) > limits.max_int_digits:
            raise _Refused(problem=f"an integer with more than {limits.max_int_digits} digits")
        return int(digits)

    try:
        data = json.loads(text, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        raise error(f"invalid JSON: {exc.msg}", path, exc.lineno) from exc
    except _Refused as exc:
        problem = exc.problem
    except RecursionError:
        problem = f"nested deeper than {limits.max_depth} levels"
    else:
        problem = _tree_problem(data, limits)
        if problem is None:
            return data
    refused = _compose(text, limits)[1]
    if refused is not None:
        raise error(refused.problem, path, _line(refused.problem_mark))
    raise error(problem, path)


def _tree_problem(data: Any, limits: Limits) -> str | None:
    """The first limit that already-parsed data breaks, without recursion."""
    stack, items = [(data, 0)], 0
    while stack:
        value, depth = stack.pop()
        items += 1
        if items > limits.max_items:
            return f"more than {limits.max_items:,} values"
        if isinstance(value, (dict, list)):
            if depth >= limits.max_depth:
                return f"nested deeper than {limits.max_depth} levels"
            children = list(value.items()) if isinstance(value, dict) else value
            for child in children:
                if isinstance(child, tuple):  # a key and its value
                    stack.append((child[0], depth + 1))
                    child = child[1]
                stack.append((child, depth + 1))
        elif isinstance(value, str) and len(value) > limits.max_string:
            return _scalar_problem(value, False, limits)
    return None


# ---------------------------------------------------------------- TOML

# Outside strings and comments: brackets (nesting) and runs of digits (integers).
_TOML_TOKENS = re.compile(r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
                          r'|[\[{]|[\]}]|[0-9][0-9_]*', re.S)


def load_toml(text: str, path: Path, limits: Limits, error: ErrorClass) -> dict:
    """A TOML table within `limits`. tomllib recurses per nesting level and calls `int()` on
    any digit run, so both are checked by a scan of the text first, which knows the line."""
    depth, line, last = 0, 1, 0
    for token in _TOML_TOKENS.finditer(text):
        line += text.count("\n", last, token.start())
        last = token.start()
        kind = token.group()[0]
        if kind in "[{":
            depth += 1
            if depth > limits.max_depth:
                raise error(f"nested deeper than {limits.max_depth} levels", path, line)
        elif kind in "]}":
            depth = max(0, depth - 1)
        elif kind.isdigit():
            problem = _scalar_problem(token.group(), True, limits)
            if problem:
                raise error(problem, path, line)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python < 3.14 puts the position only in the message: "... (at line 2, column 14)".
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = str(exc).replace(found.group(0), "").strip() if found else str(exc)
        raise error(f"invalid TOML: {message}", path, int(found.group(1)) if found else None) from exc
    except (RecursionError, ValueError) as exc:  # the scan above should have caught these first
        raise error(f"invalid TOML: {exc}", path) from exc
