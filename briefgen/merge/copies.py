"""Copies and updates of the facts merge folds, without pydantic's per-call validation.

Merge copies every fact it keeps, so that folding never changes the caller's facts, then updates
the copies again and again. A deep copy plus `validate_assignment` on every update was most of
merge's time on large corpora; the values merge writes come from models already validated, so
they are set directly, and the fields set are recorded as a validated assignment records them.
"""
from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def clone(model: M) -> M:
    """A copy with lists of its own (citations, aliases, subsets …), so extending or replacing
    them never touches `model`. The models inside are shared: merge never changes one in place."""
    copy = model.model_copy()
    fields = copy.__dict__
    for name, value in fields.items():
        if type(value) is list:
            fields[name] = value.copy()
    return copy


def put(model: BaseModel, **values: object) -> None:
    """Set fields to values of the right type without validating them again."""
    model.__dict__.update(values)
    model.__pydantic_fields_set__.update(values)
