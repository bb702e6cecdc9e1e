"""A bad-input corpus, written by the tests: each case with the behaviour it must get.

Unusable sources are skipped with one warning line naming them and why; the build goes on
with what is usable, and fails (exit 1, nothing written) only when nothing is.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

GOOD = ("Floods kill 12 in river towns\nBy Jane Doe | Northern Wire | 3 March 2026\n\n"
        "At least 12 people were killed when the river burst its banks on Monday, officials said.\n")
ALIAS_BOMB = ("---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
              "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
              "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
              "title: *f\noutlet: *f\n---\nFloods kill 12 in river towns on Monday, officials said.\n")

# name -> (content, expected: "skip" with this reason | "use" | "use+warn" with this warning)
CASES: dict[str, tuple[bytes | str, str, str]] = {
    "empty.txt": (b"", "skip", "empty file"),
    "blank.md": (b"  \n\t \n", "skip", "empty file"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "skip", "PNG image"),
    "scan.html": (b"%PDF-1.4\n" + bytes(range(256)), "skip", "PDF document"),
    "noise.json": (bytes(range(256)) * 20, "skip", "not a text file"),
    "truncated.json": ('{"title": "Floods", "text": "At least 12', "skip", "invalid JSON"),
    "wrong-shape.json": (json.dumps({"headline": "Floods", "body": "x"}), "skip", 'no "text" field'),
    "bad-front.md": ("---\ntitle: [unclosed\n---\nBody.\n", "skip", "malformed YAML front matter"),
    "bomb.md": (ALIAS_BOMB, "use", ""),
    "utf16 report.txt": (b"\xff\xfe" + GOOD.replace("Floods", "Fluten").encode("utf-16-le"), "use", ""),
    "cp1252-caf\u00e9.txt": (GOOD.replace("officials", "caf\u00e9 owners").encode("cp1252"), "use", ""),
    "broken utf8.txt": (GOOD.encode() + b"\n\nThe mayor said \xff\xfe the toll would rise.\n", "use", ""),
}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad") / "sources"
    root.mkdir()
    for name, (content, _, _) in CASES.items():
        (root / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def build_result(bad_corpus):
    out = bad_corpus.parent / "brief.html"
    result = CliRunner().invoke(main, ["build", str(bad_corpus), "-o", str(out), "-q"])
    return result, out


def test_build_succeeds_with_what_is_usable(build_result):
    result, out = build_result
    assert result.exit_code == 0, result.output
    assert out.exists() and "Traceback" not in result.output


@pytest.mark.parametrize("name", [n for n, case in CASES.items() if case[1] == "skip"])
def test_unusable_source_skipped_with_one_line_naming_it(build_result, name):
    result, _ = build_result
    lines = [line for line in result.output.splitlines() if name in line]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("warning:") and CASES[name][2] in lines[0] and "skipped" in lines[0]


@pytest.fixture(scope="module")
def extracted(bad_corpus) -> dict[str, dict]:
    facts = bad_corpus.parent / "facts.json"
    result = CliRunner().invoke(main, ["extract", str(bad_corpus), "-o", str(facts), "-q"])
    assert result.exit_code == 0
    return {Path(s["path"]).name: s for s in json.loads(facts.read_text(encoding="utf-8"))["sources"]}


@pytest.mark.parametrize("name", [n for n, case in CASES.items() if case[1] == "use"])
def test_odd_but_readable_source_is_used(build_result, extracted, name):
    result, _ = build_result
    assert not any(name in line and "skipped" in line for line in result.output.splitlines())
    assert "12 people were killed" in extracted[name]["text"] or "Floods kill 12" in extracted[name]["text"]


def test_encodings_decoded_not_mangled(extracted):
    texts = extracted
    assert texts["utf16 report.txt"]["title"] == "Fluten kill 12 in river towns"
    assert "caf\u00e9 owners" in texts["cp1252-caf\u00e9.txt"]["text"]
    assert "\ufffd" not in texts["cp1252-caf\u00e9.txt"]["text"]
    assert texts["bomb.md"]["title"] is None and texts["bomb.md"]["outlet"] is None


def test_nothing_usable_exits_1_and_writes_nothing(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("empty.txt", "photo.txt", "truncated.json"):
        content = CASES[name][0]
        (sources / name).write_bytes(content.encode() if isinstance(content, str) else content)
    result = CliRunner().invoke(main, ["build", str(sources), "-o", str(tmp_path / "b.pdf")])
    assert result.exit_code == 1 and "no usable source" in result.output
    assert not (tmp_path / "b.pdf").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["sources"]


def test_huge_article_and_single_line_are_bounded(tmp_path):
    """A 20 MB article and a 5 MB single line: read within the caps, with a warning, not a hang."""
    sources = tmp_path / "sources"
    sources.mkdir()
    paragraph = "Officials said 12 people were killed in the floods on Monday and rescuers kept searching. "
    (sources / "huge.txt").write_text("Huge report on floods\n\n" + "\n\n".join([paragraph * 4] * 56_000),
                                      encoding="utf-8")
    (sources / "one-line.txt").write_text((paragraph * 56_000).strip(), encoding="utf-8")
    assert (sources / "huge.txt").stat().st_size > 20_000_000
    result = CliRunner().invoke(main, ["extract", str(sources), "-o", str(tmp_path / "f.json"), "-q"])
    assert result.exit_code == 0, result.output
    assert "huge.txt: very large" in result.output
    assert "one-line.txt: very large" in result.output


def test_size_limit_is_configurable(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(GOOD * 200, encoding="utf-8")
    (sources / "b.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(sources), "--max-source-size", "0.01",
                                       "-o", str(tmp_path / "f.json"), "-q"])
    assert result.exit_code == 0
    assert "a.txt: too large" in result.output and "b.txt" not in result.output


def test_symlink_leaving_the_folder_is_not_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret plans\n\nThe password is hunter2, officials said on Monday.\n", encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "good.txt").write_text(GOOD, encoding="utf-8")
    (sources / "leak.txt").symlink_to(secret)
    out = tmp_path / "b.html"
    result = CliRunner().invoke(main, ["build", str(sources), "-o", str(out), "-q"])
    assert result.exit_code == 0 and "leak.txt" in result.output and "outside" in result.output
    assert "hunter2" not in out.read_text(encoding="utf-8")


def test_a_source_that_runs_too_long_is_skipped(tmp_path, monkeypatch):
    import time as clock

    import briefgen.extract

    real = briefgen.extract.extract_source

    def slow_on_trap(source):
        if "trap" in source.path:
            while True:  # a pathological article: the rules never finish
                clock.sleep(0.01)
        return real(source)

    monkeypatch.setattr(briefgen.extract, "extract_source", slow_on_trap)
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "good.txt").write_text(GOOD, encoding="utf-8")
    (sources / "trap.txt").write_text(GOOD.replace("12", "13"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(sources), "--source-timeout", "0.5",
                                       "-o", str(tmp_path / "f.json"), "-q"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "trap.txt" in line)
    assert "took longer than 0.5 s" in line and "skipped" in line


def test_deeply_nested_html_is_skipped_not_crashed(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "good.txt").write_text(GOOD, encoding="utf-8")
    (sources / "deep.html").write_text("<html><body>" + "<div>" * 5000 + "<p>Deep text about the floods.</p>"
                                       + "</div>" * 5000 + "</body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(sources), "-o", str(tmp_path / "f.json"), "-q"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert any("deep.html" in line and "skipped" in line for line in result.output.splitlines())
