"""A render's shared data is loaded before the render forks, so a build's many renders load it once."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

# In a fresh process (this one's renders are warmed up by tests/conftest.py): one isolated render
# in French, then what the parent itself holds.
_SCRIPT = """
import babel.localedata
from briefgen.compose import compose
from briefgen.render import prepare
from briefgen.render import wording
from briefgen.render import css
from tests.render.conftest import load_facts

renderer = prepare("default")
renderer.bare_html(compose(load_facts("seed")), renderer.localize("fr", "en"))
print(wording._country_codes.cache_info().currsize, "fr" in babel.localedata._cache,
      len(css._RESOLVED) > 0)
"""


def test_the_parent_loads_locale_data_country_names_and_the_stylesheet_before_a_forked_render():
    run = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1", "True", "True"]
