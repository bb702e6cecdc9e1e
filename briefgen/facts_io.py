"""Read and write facts files (JSON or YAML) with errors that name the file, line and field."""
from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import ValidationError

from briefgen.atomic import write_atomic
from briefgen.errors import FactsFileError
from briefgen.model import ANALYST, Facts
from briefgen.untrusted import FACTS_LIMITS, compose_yaml, load_json, load_yaml, one_line, read_text

YAML_SUFFIXES = (".yaml", ".yml")


def dump_facts(facts: Facts, path: Path) -> None:
    data = facts.model_dump(mode="json")
    if not data["kinds"]:
        del data["kinds"]   # no registered kind found anything: the file reads as before the registry
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


def edits_in(path: Path, facts: Facts) -> str | None:
    """Why writing `facts` over the facts file at `path` would lose work, or None: it does not
    exist or holds exactly these facts. Any analyst fact, any value that differs (an edited
    role, a removed quote) or a file that no longer loads counts: an analyst's edits are never
    overwritten without --force."""
    if not path.exists():
        return None
    try:
        old = load_facts(path)
    except FactsFileError:
        return "it is not a facts file briefgen can read (edited by hand?)"
    ours = old.model_dump(mode="json", exclude={"warnings"})
    analyst = sum(1 for kind in ours.values() if isinstance(kind, list)
                  for item in kind if isinstance(item, dict) and ANALYST in (item.get("origin"), item.get("source")))
    if analyst:
        return f"it holds {analyst} analyst fact{'s' if analyst != 1 else ''}"
    if ours != facts.model_dump(mode="json", exclude={"warnings"}):
        return "it holds values this extraction does not give (edits, or other sources)"
    return None


def load_facts(path: Path) -> Facts:
    """The facts in a (maybe hand-edited, maybe hostile) facts file. Limits are checked before
    validation (see untrusted.py); every schema problem is reported with its field and line."""
    raw = read_text(path, FACTS_LIMITS, FactsFileError)
    if path.suffix.lower() in YAML_SUFFIXES:
        data, node = load_yaml(raw, path, FACTS_LIMITS, FactsFileError)
    else:
        data, node = load_json(raw, path, FACTS_LIMITS, FactsFileError), None
    if not isinstance(data, dict):
        raise FactsFileError("a facts file holds one object with sources, figures, quotes ...", path, 1)
    try:
        return Facts.model_validate(data)
    except ValidationError as exc:
        if node is None:  # JSON: its lines come from reading it again as YAML, only now that they are needed
            node = compose_yaml(raw, FACTS_LIMITS)
        problems = [(_line_of(node, loc), one_line(f"{'.'.join(map(str, loc))}: {msg}", 200))
                    for loc, msg in _problems(exc, data)]
        line, first = problems[0]
        rest = "; ".join(f"line {n}: {m}" if n else m for n, m in problems[1:SHOWN_PROBLEMS])
        if len(problems) > SHOWN_PROBLEMS:
            rest += f"; and {len(problems) - SHOWN_PROBLEMS} more"
        raise FactsFileError(f"{first}; {rest}" if rest else first, path, line) from exc


SHOWN_PROBLEMS = 5  # one line on stderr: the first few problems, then a count


def _problems(exc: ValidationError, data: dict) -> list[tuple[tuple, str]]:
    """One (field path, message) per field: a union (int | float) reports once, as 'a number'."""
    by_loc: dict[tuple, list[dict]] = {}
    for error in exc.errors():
        by_loc.setdefault(_field_path(error["loc"], data), []).append(error)
    out = []
    for loc, errors in by_loc.items():
        kinds = {e["type"] for e in errors}
        if kinds <= {"int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"} and len(errors) > 1:
            out.append((loc, "should be a number"))
        else:
            out.append((loc, errors[0]["msg"]))
    return out


def _field_path(loc: tuple, data: dict) -> tuple:
    """The part of pydantic's error location that is in the file. Pydantic adds the member of a
    union it tried ('int', 'float') after the field; telling that from a field of the same name
    ('date') needs the data: a name that follows a mapping is a field, one that follows a value
    is a union member."""
    path: list = []
    node: object = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if 0 <= part < len(node) else None
        else:
            break
    return tuple(path)


def _line_of(node: yaml.Node | None, loc: tuple) -> int | None:
    """Line of the offending field: walk the YAML node tree (JSON parses as YAML too) along `loc`."""
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
