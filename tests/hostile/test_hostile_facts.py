"""Hostile facts files (`briefgen render FILE`): each is refused before validation with one line
naming the file and line, quickly, and a facts file written by `briefgen extract` still renders."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.errors import FactsFileError
from briefgen.facts_io import dump_facts, load_facts
from briefgen.untrusted import Limits, load_yaml
from tests.conftest import EXAMPLES, fresh_cache_root, run_cli

from .oneline import briefgen, one_error_line

# A small facts file a person could have written, in YAML; `published` is on line 7.
HEADER = """\
schema_version: 1
sources:
- id: s-river
  path: river.txt
  title: River towns flooded
  outlet: Valley Courier
  published: '2026-03-03'
  text: Twelve people were killed when the river rose overnight, officials said.
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_aliases_are_refused_at_the_line_of_the_first_one(tmp_path):
    # K citations, shared by K claims, shared by K figures: K³ objects once validation expands them.
    k = 150
    citations = ", ".join("{source: s-river, start: 0, end: 6}" for _ in range(k))
    claim = "{value: 12, text: Twelve people, citations: *cites}"
    text = (HEADER + "figures:\n- value: 12\n  text: Twelve people\n"
            f"  citations: &cites [{citations}]\n"
            f"  claims: &claims [{', '.join([claim] * k)}]\n"
            + "- {value: 12, text: Twelve people, claims: *claims}\n" * k)
    assert len(text) < 40_000
    first_alias = next(n for n, line in enumerate(text.splitlines(), 1) if "*cites" in line)
    write(tmp_path, "facts.yaml", text)
    result = briefgen(tmp_path, "render", "facts.yaml", "-o", "brief.html", timeout=30)
    line = one_error_line(result, f"facts.yaml:{first_alias}")
    assert line.endswith("YAML aliases are not allowed in a facts file")
    assert not (tmp_path / "brief.html").exists()


def test_an_impossible_unquoted_date_names_the_file_line_and_field(tmp_path):
    write(tmp_path, "facts.yaml", HEADER.replace("published: '2026-03-03'", "published: 2026-02-30"))
    result = briefgen(tmp_path, "render", "facts.yaml", "-o", "brief.html")
    assert one_error_line(result, "facts.yaml:7").endswith("published: 2026-02-30 is not a valid date")


NESTED = "[" * 3000 + "]" * 3000
HUGE_INT = "7" * 5000


@pytest.mark.parametrize("name, text, line, problem", [
    ("facts.yaml", HEADER + "warnings:\n- " + NESTED + "\n", 10, "nested deeper than 64 levels"),
    ("facts.yaml", HEADER + "warnings:\n- " + "[" * 100 + "]" * 100 + "\n", 10, "nested deeper than 64 levels"),
    ("facts.json", '{"schema_version": 1,\n "warnings": ' + NESTED + "}\n", 2, "nested deeper than 64 levels"),
    ("facts.yaml", HEADER + "figures:\n- text: Twelve people\n  value: " + HUGE_INT + "\n", 11,
     "an integer with more than 30 digits"),
    ("facts.json", '{"schema_version": 1,\n "figures": [{"text": "x", "value": ' + HUGE_INT + "}]}\n", 2,
     "an integer with more than 30 digits"),
    ("facts.yaml", HEADER + "warnings:\n- " + "long " * 500_000 + "\n", 10,
     "a string longer than 2,000,000 characters"),
], ids=["yaml-nesting", "yaml-nesting-100", "json-nesting", "yaml-huge-int", "json-huge-int", "yaml-long-string"])
def test_a_value_past_the_limits_is_refused_with_its_line(tmp_path, name, text, line, problem):
    write(tmp_path, name, text)
    result = briefgen(tmp_path, "render", name, "-o", "brief.html", timeout=30)
    assert one_error_line(result, f"{name}:{line}").endswith(problem)


def test_a_facts_file_past_the_size_limit_is_refused_unread(tmp_path):
    with open(tmp_path / "facts.yaml", "w", encoding="utf-8") as out:
        out.write(HEADER + "# " + "padding " * (51 * 1024 * 1024 // 8) + "\n")
    result = briefgen(tmp_path, "render", "facts.yaml", "-o", "brief.html", timeout=30)
    assert "too large" in one_error_line(result, "facts.yaml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_given_as_facts_file_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "facts.yaml")
    result = briefgen(tmp_path, "render", "facts.yaml", "-o", "brief.html", timeout=30)
    assert one_error_line(result, "facts.yaml").endswith("not a regular file")


def test_every_schema_problem_is_named_by_its_full_field_path_and_line(tmp_path):
    text = HEADER + ("events:\n- description: The river rose\n  date: '2026-13-01'\n"
                     "  agreement: several\n")
    write(tmp_path, "facts.yaml", text)
    result = briefgen(tmp_path, "render", "facts.yaml", "-o", "brief.html")
    line = one_error_line(result, "facts.yaml:11")
    assert "events.0.date: Input should be a valid date" in line
    assert "line 12: events.0.agreement: Input should be a valid integer" in line


@pytest.mark.parametrize("name, text, where, problem", [
    ("facts.json", '{"schema_version": 1,\n "sources": [],\n "two\\nlines": 1}\n', "facts.json:3",
     "two lines: Extra inputs are not permitted"),
    ("facts.yaml", HEADER + "warnings:\n- a bell \x07 here\n", "facts.yaml:10",
     "characters are not allowed (character #x0007)"),
], ids=["newline-in-key", "control-character"])
def test_text_from_the_file_never_breaks_the_one_line_error(tmp_path, name, text, where, problem):
    write(tmp_path, name, text)
    result = briefgen(tmp_path, "render", name, "-o", "brief.html")
    assert one_error_line(result, where).endswith(problem)


def test_the_value_limit_counts_keys_and_values_with_the_line_where_it_is_passed(tmp_path):
    # The real limit is millions (a 50 MB file holds about 1.5 million); the same code at 10.
    limits = Limits("a facts file", max_bytes=100, max_items=10)
    with pytest.raises(FactsFileError, match=r"^f\.yaml:4: more than 10 values$"):
        load_yaml("a: 1\nb: 2\nc: 3\nd: [1, 2, 3]\n", Path("f.yaml"), limits, FactsFileError)


def test_a_facts_file_written_by_extract_still_renders(tmp_path):
    # Our own examples, not a hostile input: run in this process (no child's imports and cold caches).
    env = {"BRIEFGEN_CACHE_DIR": str(fresh_cache_root(tmp_path / "cache"))}
    extracted = run_cli("extract", EXAMPLES, "-o", "facts.yaml", "-q", cwd=tmp_path, env=env)
    assert extracted.returncode == 0, extracted.stderr
    rendered = run_cli("render", "facts.yaml", "-o", "brief.html", "-q", cwd=tmp_path, env=env)
    assert rendered.returncode == 0, rendered.stderr
    assert "Valdera" in (tmp_path / "brief.html").read_text(encoding="utf-8")
    # The same facts as JSON pass the JSON loader's checks unchanged.
    facts = load_facts(tmp_path / "facts.yaml")
    dump_facts(facts, tmp_path / "facts.json")
    assert load_facts(tmp_path / "facts.json") == facts
