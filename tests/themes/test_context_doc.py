"""docs/templates.md documents exactly the context templates receive (generated; cannot drift)."""
from __future__ import annotations

import jinja2

from briefgen.themetools import context_doc
from briefgen.themetools.context_doc import DOC, TOP_LEVEL, generate


def test_generated_reference_is_up_to_date():
    committed = DOC.read_text(encoding="utf-8")
    assert generate() in committed, ("docs/templates.md is out of date: "
                                     ".venv/bin/python -m briefgen.themetools.context_doc --write")


def test_top_level_names_are_what_render_html_passes(monkeypatch, example_brief):
    from briefgen.render import prepare

    from briefgen.render.sandbox import GuardedTemplate

    seen = {}
    original = GuardedTemplate.render

    def capture(self, *args, **kwargs):
        if self.name == "base.html" and not seen:
            seen.update(dict(*args, **kwargs))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(GuardedTemplate, "render", capture)
    monkeypatch.setenv("BRIEFGEN_RENDER_IN_PROCESS", "1")   # capture runs here, not in a child
    renderer = prepare("default")
    renderer.bare_html(example_brief, renderer.localize("en"))
    # Names that are not identifiers are our filters' own (no template can name them).
    assert {name for name in seen if name.isidentifier()} == set(TOP_LEVEL)


def test_every_filter_is_documented():
    from briefgen.render.env import make_environment
    from briefgen.render.theme import load_theme

    ours = {n for n in make_environment(load_theme("default")).filters
            if not n.startswith("_") and n not in jinja2.Environment().filters}
    documented = {name.split("(")[0] for name, _ in context_doc._filters()}
    assert ours == documented
