"""Fixtures for theme tests: sample briefs (composed once) and the broken-template set."""
from __future__ import annotations

from pathlib import Path

import pytest

BROKEN = Path(__file__).resolve().parent / "broken"


@pytest.fixture(scope="session")
def example_sample():
    from briefgen.themetools.samples import sample_briefs

    return sample_briefs()[:1]


@pytest.fixture(scope="session")
def example_brief(example_sample):
    return example_sample[0][1]
