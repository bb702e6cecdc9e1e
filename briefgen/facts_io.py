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
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise FactsFileError(f"field {field}: {first['msg']}{more}", path,
                             _line_of(raw, first["loc"])) from exc


def _line_of(raw: str, loc: tuple) -> int | None:
    """Best-effort line of the offending key: the line of its last named key in the file."""
    keys = [p for p in loc if isinstance(p, str)]
    if not keys:
        return None
    needle = keys[-1]
    for n, line in enumerate(raw.splitlines(), 1):
        stripped = line.strip().lstrip("- ")
        if stripped.startswith((f'"{needle}"', f"{needle}:")):
            return n
    return None
