"""Atomic writes: the target is either the old file or the complete new one, never partial."""
from __future__ import annotations

import pytest

from briefgen.atomic import write_atomic


def test_write_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_failed_write_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr("briefgen.atomic.os.replace", boom)
    from briefgen.errors import OutputError

    with pytest.raises(OutputError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_mode_of_the_old_file_is_kept_and_new_files_follow_the_umask(tmp_path):
    import os

    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o644
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.pdf", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.pdf").stat().st_mode & 0o777 == 0o644


def test_all_or_nothing_when_one_output_cannot_be_written(tmp_path):
    from briefgen.atomic import write_all_atomic
    from briefgen.errors import OutputError

    good = tmp_path / "brief.html"
    good.write_bytes(b"old brief")
    (tmp_path / "afile").write_bytes(b"a file, not a folder")
    with pytest.raises(OutputError) as info:
        write_all_atomic({good: b"new brief", tmp_path / "afile" / "x.pdf": b"pdf"})
    assert "nothing was replaced" in str(info.value)
    assert good.read_bytes() == b"old brief"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "brief.html"]
