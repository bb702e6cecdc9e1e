"""An output that cannot be written: one line naming the file the user asked for (never the
temp file briefgen wrote first), exit 1, and no temp file left behind."""
from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import EXAMPLES, REPO, fresh_cache_root, run_cli


def build(out, tmp_path) -> subprocess.CompletedProcess:
    # In this process: the error is briefgen's, not the process's (run_cli captures as a child would).
    return run_cli("build", EXAMPLES, "-o", out, "--cache-dir", fresh_cache_root(tmp_path / "cache"),  # fonts copied
                   cwd=REPO)


def assert_names_the_target(result: subprocess.CompletedProcess, out) -> None:
    assert result.returncode == 1, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert line.startswith(f"error: cannot write {out}: "), line
    assert ".tmp" not in line and "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder modes are POSIX")
def test_read_only_output_folder_error_names_the_target_not_a_temp_file(tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user (root) can write to a 0555 folder")
        out = folder / "brief.html"
        result = build(out, tmp_path)
        assert_names_the_target(result, out)
        assert "Permission denied" in result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_output_under_a_file_error_names_the_target_not_its_parent(tmp_path):
    (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / "notes.txt" / "brief.html"
    result = build(out, tmp_path)
    assert_names_the_target(result, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "notes.txt"]


def test_output_that_is_a_folder_error_names_it_and_leaves_no_temp_file(tmp_path):
    from briefgen.atomic import write_all_atomic
    from briefgen.errors import OutputError

    taken = tmp_path / "brief.html"
    (taken / "inside").mkdir(parents=True)
    with pytest.raises(OutputError) as info:
        write_all_atomic({tmp_path / "brief.pdf": b"%PDF", taken: b"<html>"})
    assert str(info.value).startswith(f"cannot write {taken}: ")
    assert ".tmp" not in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "brief.pdf"]
    assert "brief.pdf was written" in str(info.value)
