"""Shared test helpers: where the repo, the examples and the shared corpus are."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "sources"
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_67cf641d9ceb363f.txt"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("the shared corpus is not present")
    return SEED
