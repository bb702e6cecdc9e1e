"""Shared fixtures: the hand-made facts, and one render of each reused across tests (layout is slow)."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.compose import compose
from briefgen.merge import resolve
from briefgen.model import Facts
from briefgen.render import render

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load_facts(name: str) -> Facts:
    """A fixture as `briefgen render` sees it: merged, like every facts file extract writes."""
    return resolve(Facts.model_validate_json((FIXTURES / f"{name}.facts.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def seed_facts() -> Facts:
    return load_facts("seed")


@pytest.fixture(scope="session")
def overflow_facts() -> Facts:
    return load_facts("overflow")


@pytest.fixture(scope="session")
def seed_result(seed_facts):
    return render(compose(seed_facts), formats=["pdf", "html"])


@pytest.fixture(scope="session")
def overflow_result(overflow_facts):
    return render(compose(overflow_facts), formats=["pdf", "html"])
