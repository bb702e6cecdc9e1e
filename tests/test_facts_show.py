"""`briefgen facts show`: quotes with their speaker and how it was found, figures with their clause."""
from __future__ import annotations

from click.testing import CliRunner

from briefgen.cli import main
from briefgen.extract import extract_source
from briefgen.facts_io import dump_facts

from .extract.conftest import make_source

STORY = ("Rain fell for three days, and floods in the valley killed 14 people. "
         '"We have never seen water this high," said Mayor Lina Okafor.\n\n'
         'Rescue teams were still searching villages. "The roads are gone," she said.\n\n'
         "Governor Paul Denner visited the shelters. "
         '"Every family will get help." Denner said so on Wednesday.\n\n'
         "The city's police chief, Aron Mbeki, spoke to reporters. "
         '"Nobody should drive tonight," the chief said.')


def _show(tmp_path, facts) -> str:
    path = tmp_path / "facts.json"
    dump_facts(facts, path)
    result = CliRunner().invoke(main, ["facts", "show", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_each_quote_is_shown_with_its_speaker_and_how_it_was_found(tmp_path) -> None:
    out = _show(tmp_path, extract_source(make_source(STORY)))
    lines = {line.split('"')[1]: line for line in out.splitlines() if line.startswith('  "')}
    assert "Lina Okafor" in lines["We have never seen water this high"]
    assert "found: same sentence" in lines["We have never seen water this high"]
    assert "Lina Okafor" in lines["The roads are gone"] and "found: pronoun" in lines["The roads are gone"]
    assert "Paul Denner" in lines["Every family will get help."]
    assert "found: next sentence" in lines["Every family will get help."]
    assert "Aron Mbeki" in lines["Nobody should drive tonight"]
    assert "found: role noun" in lines["Nobody should drive tonight"]


def test_each_figure_is_shown_with_the_clause_it_was_read_from(tmp_path) -> None:
    out = _show(tmp_path, extract_source(make_source(STORY)))
    lines = out.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("  14 killed"))
    assert lines[at + 1].strip().startswith("clause: and floods in the valley killed 14 people.")
    assert "Rain fell" not in lines[at + 1]


def test_a_quote_cannot_write_terminal_controls(tmp_path) -> None:
    facts = extract_source(make_source('"Stay \x1b]52;c;aGk=\x07 home tonight," said Mayor Lina Okafor.'))
    out = _show(tmp_path, facts)
    assert "\x1b" not in out and "\x07" not in out


def test_a_figure_whose_source_text_is_missing_says_so(tmp_path) -> None:
    facts = extract_source(make_source(STORY))
    facts.sources[0].text = ""
    out = _show(tmp_path, facts)
    assert "clause: (the cited source text is not in this facts file)" in out


def test_a_broken_facts_file_is_one_line_naming_it(tmp_path) -> None:
    path = tmp_path / "facts.json"
    path.write_text('{"quotes": [{"speaker": 3}]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["facts", "show", str(path)])
    assert result.exit_code == 1
    assert "facts.json" in result.output and "Traceback" not in result.output


def test_facts_show_into_a_pipe_that_closes_early_exits_quietly(tmp_path):
    import subprocess
    import sys

    from tests.conftest import EXAMPLES, run_cli

    facts = tmp_path / "facts.json"
    assert run_cli("extract", EXAMPLES, "-o", facts, "-q").returncode == 0
    shown = subprocess.Popen([sys.executable, "-m", "briefgen", "facts", "show", str(facts)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    shown.stdout.readline()
    shown.stdout.close()          # like `| head -1`
    assert shown.wait(timeout=120) == 0
    assert b"error" not in shown.stderr.read()
