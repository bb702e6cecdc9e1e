"""Issue 14, the first hour with briefgen: each test is one thing a new user met, named after
the behaviour they expect."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main
from briefgen.errors import NothingUsableError

from .conftest import EXAMPLES


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
