"""One render of the seed brief in every shipped language, shared by the i18n tests (layout is slow)."""
from __future__ import annotations

import pytest

from briefgen.compose import compose
from briefgen.i18n import shipped_locales
from briefgen.render import render_locales
from tests.render.conftest import load_facts

SHIPPED = ("ar", "de", "en", "es", "fr", "pt", "ru", "uk")


@pytest.fixture(scope="session")
def seed_briefs() -> dict[str, object]:
    """{lang: RenderResult} for the seed facts, all languages in one run (as `--lang a,b,c` does)."""
    results = render_locales(compose(load_facts("seed")), locales=list(SHIPPED), formats=["pdf", "html"])
    return {r.locale: r for r in results}


def test_every_promised_locale_ships():
    assert set(SHIPPED) <= set(shipped_locales())
