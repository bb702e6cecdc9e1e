"""Read and write facts files (JSON or YAML) with errors that name the file, line and field."""
from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from briefgen.atomic import write_atomic
from briefgen.errors import FactsFileError
from briefgen.model import Facts

YAML_SUFFIXES = (".yaml", ".yml")


def dump_facts(facts: Facts, path: Path) -> None:
    data = facts.model_dump(mode="json")
    if path.suffix.lower() in YAML_SUFFIXES:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"))


def backup(path: Path) -> Path:
    """Keep the current file as PATH.bak (atomically) before it is rewritten."""
    target = path.with_name(path.name + ".bak")
    write_atomic(target, path.read_bytes())
    return target


def load_facts(path: Path) -> Facts:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FactsFileError(f"cannot read facts file: {exc}", path) from exc
    try:
        if path.suffix.lower() in YAML_SUFFIXES:
            data = yaml.safe_load(raw)
        else:
            data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise FactsFileError(f"invalid JSON: {exc.msg}", path, exc.lineno) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FactsFileError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path,
                             mark.line + 1 if mark else None) from exc
    if not isinstance(data, dict):
        raise FactsFileError("a facts file holds one object with sources, figures, quotes ...", path, 1)
    try:
        return Facts.model_validate(data)
    except ValidationError as exc:
        problems = _problems(exc)
        loc, msg = problems[0]
        more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
        raise FactsFileError(f"field {'.'.join(map(str, loc))}: {msg}{more}", path, _line_of(raw, loc)) from exc


_UNION_TAGS = {"int", "float", "str", "bool", "date", "datetime", "none", "list", "dict"}


def _problems(exc: ValidationError) -> list[tuple[tuple, str]]:
    """One (field path, message) per field: a union (int | float) reports once, as 'a number'."""
    by_loc: dict[tuple, list[dict]] = {}
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p in _UNION_TAGS))
        by_loc.setdefault(loc, []).append(error)
    out = []
    for loc, errors in by_loc.items():
        kinds = {e["type"] for e in errors}
        if kinds <= {"int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"} and len(errors) > 1:
            out.append((loc, "should be a number"))
        else:
            out.append((loc, errors[0]["msg"]))
    return out


def _line_of(raw: str, loc: tuple) -> int | None:
    """Line of the offending field: walk the YAML node tree (JSON parses as YAML too) along `loc`."""
    try:
        node = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next(((k, v) for k, v in node.value if getattr(k, "value", None) == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
