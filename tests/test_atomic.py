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
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
