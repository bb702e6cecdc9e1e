"""The caps compose applies before layout; the one-page fit trims further by priority."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """Caps applied before layout; the one-page fit trims further by priority."""

    max_figures: int = 6
    min_figures: int = 3
    max_timeline: int = 10
    max_quotes: int = 6
    max_next: int = 4
    bottom_line_figures: int = 2
