"""What a shared theme folder holds is checked before anything reads it: a symlink that leads out
of the folder (to /proc/self/mem, to a secret), a FIFO and a file too large for a theme are each
refused with one line naming the file — at build, at `template check` and by the fit cache."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.errors import TemplateError
from briefgen.factcache import BriefCache
from briefgen.render.theme import load_theme
from tests.conftest import EXAMPLES

BRIEFGEN = str(Path(sys.executable).parent / "briefgen")
EXAMPLE = EXAMPLES / "01-wire-valdera.txt"
SECRET = "NOT-FOR-THE-BRIEF-2291"
TIMEOUT = 60


def plain_theme(folder: Path) -> Path:
    (folder / "partials").mkdir(parents=True)
    (folder / "theme.toml").write_text('name = "desk"\nextends = "default"\n', encoding="utf-8")
    (folder / "style.css").write_text(".masthead { color: navy; }\n", encoding="utf-8")
    return folder


def proc_mem(theme: Path, tmp_path: Path) -> Path:
    (theme / "partials" / "memo.html").symlink_to("/proc/self/mem")
    return theme / "partials" / "memo.html"


def fifo(theme: Path, tmp_path: Path) -> Path:
    os.mkfifo(theme / "partials" / "pipe.html")
    return theme / "partials" / "pipe.html"


def outside(theme: Path, tmp_path: Path) -> Path:
    secret = tmp_path / "private" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    (theme / "partials" / "notes.txt").symlink_to(secret)
    return theme / "partials" / "notes.txt"


def oversize(theme: Path, tmp_path: Path) -> Path:
    # Sparse: 25 MB on paper, nothing on disk.
    with open(theme / "big-font.woff2", "wb") as handle:
        handle.truncate(25 * 1024 * 1024)
    return theme / "big-font.woff2"


HOSTILE = {"proc-mem": proc_mem, "fifo": fifo, "outside": outside, "oversize": oversize}


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request, tmp_path) -> tuple[Path, Path]:
    theme = plain_theme(tmp_path / "desk")
    return theme, HOSTILE[request.param](theme, tmp_path)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([BRIEFGEN, *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd)


def test_loading_the_theme_refuses_the_file_by_name(hostile):
    theme, bad = hostile
    with pytest.raises(TemplateError) as caught:
        load_theme(theme)
    assert Path(caught.value.path).name == bad.name and "\n" not in str(caught.value)


def test_build_stops_with_one_line_naming_the_file(hostile, tmp_path):
    theme, bad = hostile
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "brief.html"
    run_ = run("build", str(tmp_path / "sources"), "--theme", str(theme), "-o", str(out), cwd=tmp_path)
    assert run_.returncode == 3, run_.stderr[-2000:]
    errors = [line for line in run_.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and bad.name in errors[0], run_.stderr[-2000:]
    assert "Traceback" not in run_.stderr and SECRET not in run_.stderr and not out.exists()


def test_template_check_reports_the_file(hostile, tmp_path):
    theme, bad = hostile
    run_ = run("template", "check", str(theme), "--quick", cwd=tmp_path)
    assert run_.returncode == 1, run_.stdout + run_.stderr[-2000:]
    assert run_.stdout.splitlines() == [run_.stdout.strip()] and bad.name in run_.stdout, run_.stdout
    assert "Traceback" not in run_.stdout + run_.stderr and SECRET not in run_.stdout


def test_fit_cache_key_never_reads_the_file(hostile, tmp_path):
    theme, bad = hostile
    cache = BriefCache(tmp_path / "cache")
    with pytest.raises(TemplateError) as caught:
        cache.fit_key("brief", [theme.resolve()], "A4", 1)
    assert Path(caught.value.path).name == bad.name


def test_links_and_large_fonts_inside_the_theme_are_fine(tmp_path):
    theme = plain_theme(tmp_path / "desk")
    (theme / "fonts").mkdir()
    with open(theme / "fonts" / "house.woff2", "wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    (theme / "partials" / "alias.html").symlink_to(theme / "style.css")
    (theme / "fonts-link").symlink_to(theme / "fonts")
    (theme / "gone.css").symlink_to(theme / "nowhere.css")       # dangling: nothing to read
    assert load_theme(theme).folders[0] == theme.resolve()
    assert BriefCache(tmp_path / "cache").fit_key("brief", [theme.resolve()], "A4", 1)
