"""Issue 14, the first hour with briefgen: each test is one thing a new user met, named after
the behaviour they expect."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.errors import NothingUsableError

from .conftest import EXAMPLES, REPO


def run(*args, catch: bool = False):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=catch)


# --- 4. global options before or after the subcommand ----------------------------------------

def test_debug_after_the_subcommand_shows_the_traceback_like_before_it(tmp_path):
    for args in (("--debug", "build", tmp_path / "nope"), ("build", tmp_path / "nope", "--debug")):
        result = run(*args, "-o", tmp_path / "b.pdf", catch=True)
        assert isinstance(result.exception, NothingUsableError), result.output


def test_quiet_before_the_subcommand_silences_the_summary(tmp_path):
    for args in (("-q", "extract", EXAMPLES), ("extract", EXAMPLES, "-q")):
        result = run(*args, "-o", tmp_path / "facts.json")
        assert result.exit_code == 0, result.output
        assert "wrote" not in result.output


def test_cache_dir_after_the_subcommand_is_accepted_for_every_command(tmp_path):
    for args in (("cache", "info", "--cache-dir", tmp_path / "c"), ("--cache-dir", tmp_path / "c", "cache", "info"),
                 ("extract", EXAMPLES, "-o", tmp_path / "f.json", "--cache-dir", tmp_path / "c")):
        result = run(*args)
        assert result.exit_code == 0, result.output


# --- 5. files of a kind briefgen does not read -------------------------------------------------

def _folder_with(tmp_path: Path, names: list[str]) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in names:
        (sources / name).write_bytes(b"%PDF-1.4 or some office file, not an article briefgen reads")
    return sources


def test_files_of_an_unread_kind_get_one_summary_warning_naming_them(tmp_path):
    sources = _folder_with(tmp_path, [f"report{n}.pdf" for n in range(7)] + ["memo.docx"])
    for article in EXAMPLES.iterdir():
        (sources / article.name).write_bytes(article.read_bytes())
    result = run("extract", sources, "-o", tmp_path / "facts.json", "-q")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "does not read" in line]
    assert len(lines) == 1, result.output
    assert "skipped 8 files" in lines[0] and "report0.pdf" in lines[0] and "and 3 more" in lines[0]
    assert ".txt" in lines[0] and ".html" in lines[0]


def test_a_folder_of_only_unread_files_says_no_readable_files_and_names_them(tmp_path):
    sources = _folder_with(tmp_path, ["a.pdf", "b.docx", "c.rtf"])
    result = run("extract", sources, "-o", tmp_path / "facts.json")
    assert result.exit_code == 1
    assert "no readable article files" in result.output
    assert all(name in result.output for name in ("a.pdf", "b.docx", "c.rtf")), result.output


# --- 6. extract -o over an edited facts file --------------------------------------------------

def _edited_facts(tmp_path: Path) -> Path:
    facts = tmp_path / "facts.yaml"
    assert run("extract", EXAMPLES, "-o", facts, "-q").exit_code == 0
    text = facts.read_text(encoding="utf-8")
    assert "figures:\n" in text
    facts.write_text(text.replace("figures:\n", "figures:\n- value: 12\n  text: twelve pumps sent by the analyst's team\n"
                                                "  origin: analyst\n", 1), encoding="utf-8")
    return facts


def test_extract_over_an_edited_facts_file_refuses_and_suggests_update_or_force(tmp_path):
    unedited = tmp_path / "unedited.json"
    for _ in range(2):   # a file holding just what extraction gives is rewritten, as before
        assert run("extract", EXAMPLES, "-o", unedited, "-q").exit_code == 0
    assert not (tmp_path / "unedited.json.bak").exists()
    facts = _edited_facts(tmp_path)
    before = facts.read_bytes()
    result = run("extract", EXAMPLES, "-o", facts)
    assert result.exit_code == 1
    assert "--update" in result.output and "--force" in result.output
    assert result.output.strip().count("\n") == 0, result.output
    assert facts.read_bytes() == before


def test_extract_force_over_an_edited_facts_file_keeps_a_bak(tmp_path):
    facts = _edited_facts(tmp_path)
    before = facts.read_bytes()
    result = run("extract", EXAMPLES, "-o", facts, "--force", "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "facts.yaml.bak").read_bytes() == before
    assert b"origin: analyst" not in facts.read_bytes()



# --- 7. the analyst's own facts are trimmed last ------------------------------------------------

def test_the_fit_trims_the_analysts_own_facts_after_the_extracted_ones_of_their_section(tmp_path):
    from briefgen.compose import compose, trim_order
    from briefgen.facts_io import load_facts
    from briefgen.model import Event, Mark, Quote

    facts_file = tmp_path / "facts.json"
    assert run("extract", EXAMPLES, "-o", facts_file, "-q").exit_code == 0
    facts = load_facts(facts_file)
    last = max(e.date for e in facts.events if e.date)
    # A quote without a role and a one-source event: extracted, both would go before others of
    # their section (quotes with a role, events more sources give).
    facts.quotes.append(Quote(text="Fewer pumps work than the ministry says.", speaker="Field team lead",
                              origin="analyst"))
    facts.events.append(Event(date=last, description="Our team flagged the dam's spillway", origin="analyst"))
    brief = compose(facts)
    # An analyst's key figure of the lowest rank, as compose may rank one it added by hand.
    lowest = max(brief.figures, key=lambda f: f.rank)
    mine = lowest.model_copy(update={"id": "figure:analyst", "rank": lowest.rank + 1,
                                     "marks": [Mark(number=0, source="analyst", origin="analyst", sentence="added by the analyst")]})
    brief = brief.model_copy(update={"figures": [*brief.figures, mine]})
    order = trim_order(brief)

    def analyst_last(items) -> None:
        ids = [i.id for i in items]
        mine = [i.id for i in items if any(m.origin == "analyst" for m in i.marks)]
        assert mine, "the analyst's fact is in the brief"
        in_order = [step.key for step in order if step.key in ids]   # an id not in the order is never trimmed
        assert in_order == [i for i in in_order if i not in mine] + [i for i in in_order if i in mine], in_order

    analyst_last(brief.quotes)
    analyst_last(brief.timeline)
    analyst_last(brief.figures)


# --- 9. template new --from a theme folder ------------------------------------------------------

def test_template_new_from_a_theme_folder_writes_a_theme_that_extends_it(tmp_path):
    parent, child = tmp_path / "mytheme", tmp_path / "work" / "child"
    assert run("template", "new", parent).exit_code == 0
    with (parent / "style.css").open("a", encoding="utf-8") as css:
        css.write("\n.house-mark { color: #123456; }\n")
    result = run("template", "new", child, "--from", parent)
    assert result.exit_code == 0, result.output
    from briefgen.render.theme import load_theme

    theme = load_theme(child)
    assert theme.folders[:2] == (child.resolve(), parent.resolve())
    html = tmp_path / "b.html"
    result = run("render", _examples_facts(tmp_path), "--theme", child, "-o", html, "-q")
    assert result.exit_code == 0, result.output
    assert "#123456" in html.read_text(encoding="utf-8")


def _examples_facts(tmp_path: Path) -> Path:
    facts = tmp_path / "facts.json"
    assert run("extract", EXAMPLES, "-o", facts, "-q").exit_code == 0
    return facts


# --- 10. --cache-dir and BRIEFGEN_CACHE_DIR name the same root ----------------------------------

def test_cache_dir_and_the_environment_variable_name_the_same_cache_root(tmp_path, monkeypatch):
    by_option, by_env = tmp_path / "option", tmp_path / "env"
    assert run("extract", EXAMPLES, "-o", tmp_path / "a.json", "-q", "--cache-dir", by_option).exit_code == 0
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(by_env))
    assert run("extract", EXAMPLES, "-o", tmp_path / "b.json", "-q").exit_code == 0
    layout = {str(p.relative_to(by_env)) for p in (by_env / "facts").rglob("*")}
    assert layout == {str(p.relative_to(by_option)) for p in (by_option / "facts").rglob("*")}
    assert any(name.endswith(".json") for name in layout)
    monkeypatch.delenv("BRIEFGEN_CACHE_DIR")
    result = run("cache", "clear", "--cache-dir", by_env)
    assert result.exit_code == 0 and f"cleared {by_env} (" in result.output, result.output
    assert not list((by_env / "facts").rglob("*.json"))


# --- 12. a quiet build: one line for what was left out, no Dask chatter -----------------------

def test_what_the_fit_left_out_is_one_line_with_the_count_and_the_report_hint(tmp_path):
    result = run("build", EXAMPLES, "--notes", EXAMPLES.parent / "notes.md", "-o", tmp_path / "b.pdf")
    assert result.exit_code == 0, result.output
    [note] = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert re.fullmatch(r"note: \d+ items? left out to fit the page \(--report FILE lists them\)", note), note


def test_dask_local_prints_no_info_lines(tmp_path):
    pytest.importorskip("distributed")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DASK_LOGGING__DISTRIBUTED", None)
    proc = subprocess.run([sys.executable, "-m", "briefgen", "extract", str(EXAMPLES), "-o", str(tmp_path / "f.json"),
                           "--dask", "local", "--no-cache", "-j", "1"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "INFO" not in proc.stderr, proc.stderr


# --- 13. smaller things ---------------------------------------------------------------------------

def test_a_letter_build_without_o_does_not_replace_the_a4_brief(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("brief.pdf").write_bytes(b"%PDF-1.7 yesterday's A4 brief")
    result = run("build", EXAMPLES, "--page-size", "Letter", "-q")
    assert result.exit_code == 0, result.output
    assert Path("brief.pdf").read_bytes() == b"%PDF-1.7 yesterday's A4 brief"
    assert Path("brief-letter.pdf").read_bytes().startswith(b"%PDF")


def test_a_missing_source_is_named_once_with_a_close_sibling_suggested(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("sources").mkdir()
    result = run("build", "source/", "-o", "b.pdf")
    assert result.exit_code == 1
    assert result.output.strip() == "error: source: no such file or folder (did you mean sources/?)"


def test_template_check_of_no_such_theme_is_a_usage_error_like_build():
    result = run("template", "check", "nosuch-theme")
    assert result.exit_code == 2 and "nosuch-theme" in result.output


def test_the_benchmarks_without_the_shared_corpus_time_an_example_article(monkeypatch, capsys):
    import importlib.util

    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    monkeypatch.setattr(bench.common, "SEED", REPO / "no-shared" / "corpus" / "seed" / "x.txt")
    article, name = bench.one_article()
    assert article.is_file() and article.parent == EXAMPLES
    assert "not found" in capsys.readouterr().err
