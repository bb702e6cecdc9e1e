"""Start-up: nothing heavy is imported before it is needed (issue: fast at one article)."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import EXAMPLES

PROBE = """
import sys, runpy
sys.argv = ["briefgen", *{args!r}]
try:
    runpy.run_module("briefgen", run_name="__main__")
except SystemExit:
    pass
heavy = ("weasyprint", "trafilatura", "jinja2", "babel", "fontTools", "dask", "distributed", "rich", "dateparser")
print("IMPORTED", __import__("json").dumps(sorted(m for m in heavy if m in sys.modules)))
"""


def imported(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(args=list(args))], capture_output=True, text=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("IMPORTED"))
    return json.loads(line.split(" ", 1)[1])


def test_extract_of_text_sources_imports_no_renderer(tmp_path):
    assert imported("extract", str(EXAMPLES / "01-wire-valdera.txt"), "-o", str(tmp_path / "f.json"),
                    "-q", "--no-cache") == []


def test_html_sources_bring_trafilatura_but_no_renderer(tmp_path):
    loaded = imported("extract", str(EXAMPLES / "02-relief-update.html"), "-o", str(tmp_path / "f.json"),
                      "-q", "--no-cache")
    assert "trafilatura" in loaded and not {"weasyprint", "jinja2", "fontTools", "dask"} & set(loaded)


def test_cheap_commands_import_nothing_heavy():
    assert imported("--version") == []
    assert imported("cache", "info") == []
    assert imported("schema") == []
