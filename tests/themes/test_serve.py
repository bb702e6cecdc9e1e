"""`briefgen serve` without a browser: the preview's content policy, one folder walk per poll, a
.json argument told apart by content, and a port in use refused before any build."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import lxml.html
import pytest

from briefgen.config import Settings
from briefgen.errors import BriefgenError
from briefgen.render import CONTENT_POLICY
from briefgen.serve import BuildState, Preview

BRIEFGEN = str(Path(sys.executable).parent / "briefgen")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sources"
THEME_SCRIPT = "<script>document.title = 'pwned';</script>"
BRIEF = ("<!DOCTYPE html>\n" + CONTENT_POLICY + '\n<html lang="en">\n<head>\n<title>Orvana</title>\n</head>\n'
         "<body><p>brief</p>" + THEME_SCRIPT + "</body>\n</html>\n")


def _policy(page: str) -> dict[str, list[str]]:
    head = lxml.html.document_fromstring(page).find("head")
    metas = head.findall("meta[@http-equiv='Content-Security-Policy']")
    assert len(metas) == 1 and head[0] is metas[0], "one policy, the first element of <head>"
    return {d.split()[0]: d.split()[1:] for d in metas[0].get("content").split(";") if d.strip()}


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


@pytest.mark.parametrize("error", [None, "house/partials/title.html:2: undefined name: 'x' is undefined"])
def test_preview_policy_allows_only_its_own_scripts_and_itself(error):
    preview = Preview([EXAMPLES], Settings())
    preview.state = BuildState(version=3, html=BRIEF, error=error)
    page = preview.page()
    assert CONTENT_POLICY not in page
    policy = _policy(page)
    ours = [s for s in re.findall(r"<script>(.*?)</script>", page, re.S) if "pwned" not in s]
    assert len(ours) == (2 if error else 1)
    assert sorted(policy["script-src"]) == sorted(_sha256(s) for s in ours)
    assert _sha256("document.title = 'pwned';") not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["connect-src"] == ["'self'"] and policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"] and policy["font-src"] == ["data:"]


def test_preview_policy_before_the_first_build():
    page = Preview([EXAMPLES], Settings()).page()
    assert "script-src 'sha256-" in page and "connect-src 'self'" in page


def test_one_folder_walk_per_poll(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    for n in range(20):
        (sources / f"extra-{n}.txt").write_text(f"Article {n}.\n", encoding="utf-8")
    preview = Preview([sources], Settings())
    walks = []
    original = Preview.source_files
    monkeypatch.setattr(Preview, "source_files", lambda self: walks.append(1) or original(self))

    def no_facts(self, stamps):
        raise BriefgenError("stop here")

    monkeypatch.setattr(Preview, "facts", no_facts)
    stop = threading.Event()
    builds = []
    watcher = threading.Thread(target=preview.watch, args=(stop, lambda s: (builds.append(s), stop.set())))
    watcher.start()
    watcher.join(timeout=30)
    stop.set()
    assert len(builds) == 1 and builds[0].error == "stop here"
    assert len(walks) == 1, f"{len(walks)} walks of the sources folder for one poll"
    walks.clear()
    preview.build()
    assert len(walks) == 1


def test_a_json_article_is_a_source_and_a_json_facts_file_is_facts(tmp_path):
    article = tmp_path / "article.json"
    shutil.copy(EXAMPLES / "04-briefing.json", article)
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"schema_version": 1, "sources": []}), encoding="utf-8")
    only_sources = tmp_path / "only-sources.json"
    only_sources.write_text(json.dumps({"sources": []}), encoding="utf-8")
    articles = tmp_path / "articles.json"
    articles.write_text(json.dumps([{"text": "One."}]), encoding="utf-8")
    yaml_facts = tmp_path / "facts.yaml"
    yaml_facts.write_text("schema_version: 1\n", encoding="utf-8")
    verdicts = {p.name: Preview([p], Settings()).is_facts_file()
                for p in (article, facts, only_sources, articles, yaml_facts)}
    assert verdicts == {"article.json": False, "facts.json": True, "only-sources.json": True,
                        "articles.json": False, "facts.yaml": True}
    assert Preview([article, facts], Settings()).is_facts_file() is False


def test_a_json_being_edited_keeps_its_verdict(tmp_path):
    article = tmp_path / "article.json"
    article.write_text(json.dumps({"text": "One."}), encoding="utf-8")
    preview = Preview([article], Settings())
    assert preview.is_facts_file() is False
    article.write_text('{"text": "One.', encoding="utf-8")          # half-saved
    assert preview.is_facts_file() is False
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert Preview([broken], Settings()).is_facts_file() is True    # its loader names the bad line


def test_serving_a_single_json_article_builds_a_brief(tmp_path):
    article = tmp_path / "04-briefing.json"
    shutil.copy(EXAMPLES / "04-briefing.json", article)
    state = Preview([article], Settings()).build()
    assert state.error is None, state.error
    assert "Valdera" in state.html


def test_port_in_use_is_one_line_exit_2_before_any_build():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        run = subprocess.run([BRIEFGEN, "serve", str(EXAMPLES), "--port", str(port)], capture_output=True,
                             text=True, timeout=120)
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and f"port {port}" in run.stderr and "already in use" in run.stderr
    assert "built in" not in run.stderr and "Traceback" not in run.stderr
