"""A cache is input too. Its folders are private (0700, owned by this user, tagged with a
CACHEDIR.TAG); one another user can write to is not used; `cache clear` removes only what
briefgen made; an entry that does not parse or validate is a miss; and no markup is taken from
a cache file: a planted note cannot put HTML into a brief.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, fresh_cache_root, run_cli

SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"
NOTES = REPO / "examples" / "notes.md"
KEY = "ab" * 20
posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder owners and modes are POSIX")


def briefgen(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = run_cli(*args, cwd=REPO)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def build(cache: Path, out: Path, *more: str) -> str:
    briefgen("build", str(EXAMPLES), "-o", str(out), "--cache-dir", str(fresh_cache_root(cache)),
             "--notes", str(NOTES), "-q", *more)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project folder used as the cache root (made by one build with a note), also holding the
    user's own `briefs` folder: the layout docs/scaling.md suggests for `--cache-dir`."""
    project = tmp_path_factory.mktemp("project")
    (project / "briefs").mkdir()
    (project / "briefs" / "my-brief.pdf").write_bytes(b"%PDF-1.7 the analyst's own brief")
    build(project, project / "first.html")
    return project


@pytest.fixture
def project(built, tmp_path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def brief_entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "facts" / "briefs").rglob("*.json") if not p.name.endswith(".fit.json"))


# --- cache clear -----------------------------------------------------------------------------

def test_cache_clear_keeps_the_users_briefs_folder_and_clears_briefgens_own(project):
    facts_folders = [p for p in (project / "facts").iterdir() if (p / "CACHEDIR.TAG").exists()]
    assert facts_folders and brief_entries(project)
    (project / "facts" / "briefs" / "my-notes.txt").write_text("the analyst's", encoding="utf-8")
    result = briefgen("cache", "clear", "--cache-dir", str(project))
    assert (project / "briefs" / "my-brief.pdf").read_bytes() == b"%PDF-1.7 the analyst's own brief"
    assert not any(p.exists() for p in facts_folders if p.name not in ("briefs", "fit"))   # the stores stay
    assert brief_entries(project) == []
    assert "left alone" in result.stderr and "my-notes.txt" in result.stderr


def test_cache_clear_leaves_an_untagged_folder_even_if_named_like_a_cache(tmp_path):
    from briefgen.cache import FACTS, fingerprint

    lookalike = tmp_path / "facts" / fingerprint(FACTS) / "ab"
    lookalike.mkdir(parents=True)
    (lookalike / f"{KEY}.json").write_text("{}", encoding="utf-8")
    result = briefgen("cache", "clear", "--cache-dir", str(tmp_path))
    assert (lookalike / f"{KEY}.json").exists()
    assert "left alone" in result.stderr


def test_cache_clear_keeps_files_briefgen_did_not_name_inside_its_own_folder(tmp_path):
    from briefgen.cache import clear
    from briefgen.factcache import FactCache, FileFacts

    store = FactCache(tmp_path)
    store.put(KEY, FileFacts(key=KEY, path="a.txt").model_dump_json())
    stray = store.folder / "keep-me.txt"
    stray.write_text("not a cache entry", encoding="utf-8")
    cleared = clear(tmp_path)
    assert stray.exists() and not (store.folder / KEY[:2] / f"{KEY}.json").exists()
    assert stray in cleared.left


def test_cache_info_counts_only_briefgens_folders(project):
    (project / "facts" / "0.0.1-0123456789abcdef").mkdir()    # named like a version folder, not tagged
    info = briefgen("cache", "info", "--cache-dir", str(project)).stdout
    assert "other briefgen versions" not in info
    assert "leaves them alone" in info


# --- private folders -------------------------------------------------------------------------

@posix_only
def test_cache_folders_are_created_0700_and_tagged(tmp_path, monkeypatch):
    cache = tmp_path / "new" / "cache"
    build(cache, tmp_path / "brief.html")
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "root"))
    from briefgen.cache import cache_root

    root = cache_root()
    folders = [cache, *(p for p in (cache / "facts").rglob("*") if p.is_dir()), root,
               *(p for p in root.rglob("*") if p.is_dir())]
    assert len(folders) > 6
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    stores = [p for p in (*root.iterdir(), *cache.iterdir(), *(cache / "facts").rglob("*"))
              if p.is_dir() and len(p.name) > 2]   # not shards
    for folder in (cache, root, *stores):
        assert (folder / "CACHEDIR.TAG").read_bytes().startswith(SIGNATURE), folder


def planted(tmp_path: Path):
    """A facts cache holding one entry, and that entry's folder."""
    from briefgen.factcache import FactCache, FileFacts

    FactCache(tmp_path).put(KEY, FileFacts(key=KEY, path="planted.txt").model_dump_json())
    return FactCache(tmp_path).folder


def assert_not_used(tmp_path: Path, caplog, why: str) -> None:
    from briefgen.factcache import FactCache

    with caplog.at_level(logging.WARNING, logger="briefgen.cache"):
        assert FactCache(tmp_path).get(KEY) is None
    assert why in caplog.text


@posix_only
def test_a_cache_folder_other_users_can_write_to_is_not_used(tmp_path, caplog):
    folder = planted(tmp_path)
    folder.chmod(0o777)
    assert_not_used(tmp_path, caplog, "other users can write to it")


@posix_only
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a folder away needs root")
def test_a_cache_folder_owned_by_another_user_is_not_used(tmp_path, caplog):
    folder = planted(tmp_path)
    os.chown(folder, 4242, 4242)
    assert_not_used(tmp_path, caplog, "owned by another user")


@posix_only
@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="giving a symlink away needs root")
def test_a_symlinked_cache_folder_owned_by_another_user_is_not_followed(tmp_path, caplog):
    elsewhere = planted(tmp_path / "theirs")
    from briefgen.factcache import FactCache

    link = FactCache(tmp_path / "mine").folder
    link.parent.mkdir(mode=0o700, parents=True)
    link.symlink_to(elsewhere)
    os.lchown(link, 4242, 4242)
    assert_not_used(tmp_path / "mine", caplog, "owned by another user")


def test_an_unusable_cache_folder_still_builds(tmp_path):
    cache = tmp_path / "shared"
    cache.mkdir()
    cache.chmod(0o777)
    result = briefgen("extract", str(EXAMPLES), "-o", str(tmp_path / "facts.json"), "--cache-dir", str(cache))
    assert (tmp_path / "facts.json").exists()
    assert "not using the cache folder" in result.stderr
    assert list(cache.iterdir()) == []


# --- what is read back -----------------------------------------------------------------------

def test_a_planted_note_html_in_the_brief_cache_does_not_reach_the_brief(project, tmp_path):
    [entry] = brief_entries(project)
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert data["brief"]["note_html"] is None                  # no markup is kept in the first place
    data["brief"]["place"] = "Cachetown"                       # proof that the entry is what is rendered
    data["brief"]["note_html"] = ("<script>alert('planted')</script>"
                                  "<img src=\"http://example.invalid/pixel.png\">")
    entry.write_text(json.dumps(data), encoding="utf-8")
    html = build(project, tmp_path / "second.html")
    assert "Cachetown" in html
    assert "alert('planted')" not in html and "example.invalid" not in html
    assert "acute rescue phase" in html                        # the note itself, made from notes.md


def test_a_deeply_nested_brief_cache_entry_is_a_miss_not_a_crash(tmp_path):
    from briefgen.factcache import BriefCache

    store = BriefCache(tmp_path)
    store.folder.mkdir(parents=True)
    store.fits.folder.mkdir(parents=True)
    (store.folder / f"{KEY}.json").write_bytes(b"[" * 100_000)
    (store.fits.folder / f"{KEY}.fit.json").write_bytes(b"[" * 100_000)
    assert store.get(KEY, None) is None
    assert store.get_fit(KEY) is None


def test_a_facts_cache_entry_with_an_article_without_source_is_a_miss(tmp_path):
    from briefgen.factcache import FactCache

    store = FactCache(tmp_path)
    store.put(KEY, json.dumps({"key": KEY, "path": "a.txt", "parts": [{"sources": []}]}))
    assert store.get(KEY) is None


@posix_only
def test_a_cache_entry_that_is_a_fifo_or_a_symlink_is_a_miss_not_a_hang(tmp_path):
    from briefgen.factcache import FactCache, FileFacts

    store = FactCache(tmp_path / "cache")
    store.put("cd" * 20, FileFacts(key="cd" * 20, path="real.txt").model_dump_json())   # makes the folder
    (store.folder / KEY[:2]).mkdir()
    os.mkfifo(store.folder / KEY[:2] / f"{KEY}.json")
    outside = tmp_path / "outside.json"
    outside.write_text(FileFacts(key="ef" * 20, path="planted.txt").model_dump_json(), encoding="utf-8")
    (store.folder / "ef").mkdir()
    (store.folder / "ef" / f"{'ef' * 20}.json").symlink_to(outside)
    found: list[object] = []
    reader = threading.Thread(target=lambda: found.extend([store.get(KEY), store.get("ef" * 20)]), daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert found == [None, None]
