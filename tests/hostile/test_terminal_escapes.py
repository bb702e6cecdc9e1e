"""File names are someone else's text: printed, they must not drive the terminal.

A sources folder can hold names with a newline (a fake "wrote" line), OSC 8 hyperlinks, OSC 52
clipboard writes, a screen clear or a right-to-left override. Every warning, error, "wrote"
line and the progress bar show them as visible escapes, whether stderr is a terminal or not.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, fresh_cache_root, run_cli

FAKE_LINE = "wrote brief.pdf (1 page, 9 sources)"
HOSTILE = {
    f"story\n{FAKE_LINE}\n.txt": "story\\x0a" + FAKE_LINE,
    "\x1b]8;;https:example.invalid\x07click me\x1b]8;;\x07.txt": "\\x1b]8;;https:example.invalid\\x07click me",
    "\x1b]52;c;cm0gLXJmIH4=\x07paste.txt": "\\x1b]52;c;cm0gLXJmIH4=\\x07paste",
    "\x1b[2Jwiped.txt": "\\x1b[2Jwiped",
    "report\u202etxt.exe.txt": "report\\u202etxt.exe",
}
RAW = ("\x1b", "\x07", "\u202e", FAKE_LINE + "\n")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="these names are valid on POSIX only")


def hostile_sources(tmp_path: Path, with_article: bool) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    for name in HOSTILE:
        (folder / name).write_bytes(b"")     # empty: each is skipped with a warning naming it
    if with_article:
        shutil.copy(EXAMPLES / "01-wire-valdera.txt", folder / "01-wire-valdera.txt")
    return folder


def run(*args: str) -> subprocess.CompletedProcess:
    # In this process: run_cli captures stdout and stderr at their file descriptors, not a
    # terminal, as a child's would be (decoded the same way, surrogateescape).
    return run_cli(*args, cwd=REPO)


def assert_only_escaped(output: str) -> None:
    for raw in RAW:
        assert raw not in output, f"{raw!r} reached the terminal:\n{output}"
    for line in output.splitlines():
        assert not line.startswith(FAKE_LINE), output


def test_warnings_and_wrote_lines_show_hostile_file_names_escaped(tmp_path):
    sources = hostile_sources(tmp_path, with_article=True)
    out = tmp_path / "\x1b[2Jbrief.html"
    result = run("build", str(sources), "-o", str(out), "--cache-dir", str(fresh_cache_root(tmp_path / "cache")))
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert_only_escaped(result.stdout + result.stderr)
    for escaped in HOSTILE.values():
        assert escaped in result.stderr
    assert f"wrote {tmp_path}/\\x1b[2Jbrief.html" in result.stderr


def test_error_line_shows_hostile_file_names_escaped(tmp_path):
    sources = hostile_sources(tmp_path, with_article=False)
    result = run("build", str(sources), "-o", str(tmp_path / "brief.html"), "--no-cache")
    assert result.returncode == 1
    assert result.stderr.count("\nerror: ") + result.stderr.startswith("error: ") == 1
    assert_only_escaped(result.stdout + result.stderr)
    assert "no usable source" in result.stderr
    assert any(escaped in result.stderr for escaped in HOSTILE.values())


def test_error_path_of_a_briefgen_error_is_escaped():
    from briefgen.errors import SourceError

    assert str(SourceError("empty file", "a\x1b]52;c;eA==\x07.txt", 3)) == "a\\x1b]52;c;eA==\\x07.txt:3: empty file"


def progress_on_a_terminal(monkeypatch, names: list[str]) -> str:
    """What the progress bar draws on a terminal while reading `names`."""
    from rich.console import Console

    from briefgen.cli import common as cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "console", lambda stderr=True: Console(file=screen, force_terminal=True, width=200))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with cli.ProgressDisplay(quiet=False) as progress:
        progress.total(len(names))
        for name in names:
            progress.step(f"sources/{name}")
            progress._progress.refresh()
    return screen.getvalue()


def test_progress_bar_shows_hostile_file_names_escaped(monkeypatch):
    shown = progress_on_a_terminal(monkeypatch, list(HOSTILE))
    for raw in ("\x1b]8;;http", "\x1b]52;", "\x1b[2J", "\u202e", "\x07", "\n" + FAKE_LINE):
        assert raw not in shown
    assert "\\x1b]52;c;cm0gLXJmIH4=\\x07paste" in shown


def test_progress_bar_takes_a_bracketed_file_name_as_text_not_markup(monkeypatch):
    shown = progress_on_a_terminal(monkeypatch, ["[link=https:example.invalid][blink]notes.txt"])
    assert "reading [link=https:example.invalid][blink]notes.txt" in shown


@pytest.mark.parametrize("raw, escaped", [
    ("a\nb", "a\\x0ab"), ("a\rb", "a\\x0db"), ("\x00\x7f\x85\x9b", "\\x00\\x7f\\x85\\x9b"),
    ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
    ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"), ("\u2028\u2029", "\\u2028\\u2029"),
    ("caf\udce9.txt", "caf\\udce9.txt"),                      # an undecodable byte of a Linux file name
    ("café – تقرير.txt", "café – تقرير.txt"),                 # ordinary text is shown as it is
])
def test_shown_escapes_controls_bidi_overrides_and_separators(raw, escaped):
    from briefgen.display import shown

    assert shown(raw) == escaped
    assert shown(shown(raw)) == escaped
