"""A shared theme is hostile code: whatever its templates try, `template check`, `build` and `serve`
run nothing of it outside the sandbox, leave no side effect, stop in time and in memory, and say
so in one line naming the theme file and line.

Each payload is one partial of a theme that extends the default one; a canary file stands for
any side effect (a pickle that would run a shell command writes it).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.config import Settings
from briefgen.errors import TemplateError
from briefgen.render.isolate import can_isolate, run_isolated
from briefgen.serve import Preview

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sources"
PEAK_RSS = 1024 * 2**20


@pytest.fixture(autouse=True, scope="module")
def fonts_made_first():
    """The 30 s bounds are the theme's: the static font instances a fresh cache makes once
    (minutes on a busy machine) are made before any of them is timed."""
    from briefgen.render.fonts import ensure_all

    ensure_all()


def _pickle_that_touches(path: Path) -> str:
    # Protocol 0 is text: what a template could write as a string literal.
    return f"cos\\nsystem\\n(S'touch {path}'\\ntR."


# name -> the header partial's body ({canary} is the canary's path). Each would, on 0.1.0, run
# code, read a local file, change the brief or the translations, or eat memory or time.
PAYLOADS = {
    "pickle_via_parse_raw": '{{{{ brief.parse_raw("{pickle}", proto="pickle", allow_pickle=True) }}}}',
    "pickle_via_a_nested_model": '{{{{ brief.sources[0].parse_raw("{pickle}", proto="pickle", allow_pickle=True) }}}}',
    "local_file_via_parse_file": "{{{{ brief.sources[0].parse_file('/etc/hostname') }}}}",
    "class_validators": "{{{{ brief.model_validate_json('{{}}') }}}}",
    "huge_json_indent": "{{{{ brief.model_dump_json(indent=1000000000) }}}}",
    "model_copy": "{{{{ brief.model_copy(update={{'place': 'x'}}).place }}}}",
    "mutating_the_brief": "{{{{ brief.sources.pop() }}}}",
    "mutating_a_list_in_place": "{{% set grow = [0] %}}{{% for i in range(60) %}}{{{{ grow.extend(grow) }}}}{{% endfor %}}",
    "mutating_a_dict": "{{% set d = {{}} %}}{{{{ d.update(a=1) }}}}",
    "bytes_to_multiply": "{{{{ 'a'.encode() * 4000000000 }}}}",
    "installing_translations": "{{{{ l10n.translations.install() }}}}",
    "reaching_the_formatters": "{{{{ l10n.formatters.format_number(1) }}}}",
}


def _hostile_theme(root: Path, names: list[str], canary: Path) -> Path:
    """A theme whose header includes one partial per payload (`partials/NAME.html`, payload on line 2)."""
    theme = root / "hostile"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "hostile"\nextends = "default"\n', encoding="utf-8")
    includes = "".join(f'{{% include "partials/{name}.html" %}}\n' for name in names)
    (theme / "partials" / "header.html").write_text("<div>\n" + includes + "</div>\n", encoding="utf-8")
    for name in names:
        body = PAYLOADS[name].format(pickle=_pickle_that_touches(canary), canary=canary)
        (theme / "partials" / f"{name}.html").write_text("<p>\n" + body + "\n</p>\n", encoding="utf-8")
    return theme


# Runs briefgen and prints, last on stderr, the peak RSS of it and every process it waited for (its
# forked renders): this test process's own RUSAGE_CHILDREN would count every earlier test's too.
_MEASURED = ("import resource, subprocess, sys\n"
             "run = subprocess.run([sys.executable, '-m', 'briefgen', *sys.argv[1:]])\n"
             "print('peak-rss-kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
             "sys.exit(run.returncode)\n")


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """briefgen's result (its own stderr, the measurement taken off); its peak RSS in bytes is
    `run.peak`. The timeout keeps a hostile theme that hangs from hanging the suite."""
    run = subprocess.run([sys.executable, "-c", _MEASURED, *args], cwd=cwd, capture_output=True, text=True,
                         timeout=120)
    lines = run.stderr.splitlines()
    run.peak = int(lines[-1].split()[1]) * 1024 if lines and lines[-1].startswith("peak-rss-kb") else None
    run.stderr = "".join(line + "\n" for line in lines[:-1])
    return run


def _cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_template_check_reports_every_hostile_partial_at_its_line_and_runs_nothing(tmp_path):
    canary = tmp_path / "canary"
    theme = _hostile_theme(tmp_path, sorted(PAYLOADS), canary)
    run = _run("template", "check", str(theme), cwd=tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    for name in PAYLOADS:
        assert f"partials/{name}.html:2" in run.stdout + run.stderr, (name, run.stdout, run.stderr)
    assert not canary.exists(), "the theme ran code"
    assert run.peak is not None and run.peak <= PEAK_RSS


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_hostile_partial_stops_the_build_with_one_line_and_no_side_effect(name, tmp_path):
    canary = tmp_path / "canary"
    theme = _hostile_theme(tmp_path, [name], canary)
    out = tmp_path / "brief.pdf"
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(out), "-q")
    assert result.exit_code not in (0, 4), result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"partials/{name}.html:2" in lines[0], result.output
    assert not canary.exists() and not out.exists()


def test_the_worst_payloads_in_a_real_process_stay_under_a_gigabyte(tmp_path):
    canary = tmp_path / "canary"
    theme = _hostile_theme(tmp_path, ["mutating_a_list_in_place"], canary)
    run = _run("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"), cwd=tmp_path)
    assert run.returncode not in (0, 4) and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.peak is not None and run.peak <= PEAK_RSS


@pytest.mark.parametrize("name", ["pickle_via_parse_raw", "local_file_via_parse_file", "mutating_the_brief"])
def test_serve_shows_the_error_of_a_hostile_partial_and_runs_nothing(name, tmp_path):
    canary = tmp_path / "canary"
    theme = _hostile_theme(tmp_path, [name], canary)
    preview = Preview([EXAMPLES], Settings(theme=str(theme)))
    state = preview.build()
    assert state.error and f"partials/{name}.html:2" in state.error, state.error
    assert "hostname" not in state.error.lower() or "parse_file" in state.error
    assert not canary.exists()


def test_a_hostile_partial_reads_no_local_file_into_the_error(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the-secret-words-here", encoding="utf-8")
    theme = tmp_path / "reader"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "reader"\nextends = "default"\n', encoding="utf-8")
    (theme / "partials" / "header.html").write_text(
        "<div>\n{{ brief.sources[0].parse_file('%s', content_type='application/json') }}\n</div>\n" % secret,
        encoding="utf-8")
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.html"))
    assert result.exit_code not in (0, 4)
    assert "the-secret-words-here" not in result.output


def test_floats_raised_to_a_power_are_numbers_not_errors(tmp_path):
    theme = tmp_path / "power"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "power"\nextends = "default"\n', encoding="utf-8")
    (theme / "partials" / "header.html").write_text("<div>\n<p class=sq>{{ 2.5 ** 2 }}</p>\n</div>\n",
                                                     encoding="utf-8")
    out = tmp_path / "b.html"
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "<p class=sq>6.25</p>" in out.read_text(encoding="utf-8")


def test_a_float_past_its_range_is_refused_at_its_line(tmp_path):
    theme = tmp_path / "overflow"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "overflow"\nextends = "default"\n', encoding="utf-8")
    (theme / "partials" / "header.html").write_text("<div>\n{{ 10.0 ** 400 }}\n</div>\n", encoding="utf-8")
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code not in (0, 4)
    assert "partials/header.html:2" in result.output and "too large" in result.output


# --- the process wall: what the sandbox cannot see coming ---------------------------------------

needs_fork = pytest.mark.skipif(not can_isolate(), reason="renders are isolated only where fork() exists")


@needs_fork
def test_a_render_that_outlives_its_time_is_killed_and_named():
    with pytest.raises(TemplateError) as caught:
        run_isolated(lambda: time.sleep(600) or "", seconds=0.5, where="mytheme/base.html")
    assert str(caught.value).startswith("mytheme/base.html: render stopped: took more than 0.5 s")


@needs_fork
def test_a_render_that_allocates_gigabytes_stops_at_the_memory_limit():
    def greedy() -> str:
        hoard = []
        for _ in range(64):
            hoard.append(bytearray(256 * 2**20))   # 16 GB if nothing stopped it
        return str(len(hoard))

    with pytest.raises(TemplateError) as caught:
        run_isolated(greedy, seconds=60, where="mytheme/base.html")
    assert "memory" in str(caught.value)


@needs_fork
def test_a_render_in_a_child_changes_nothing_in_the_parent():
    seen: list[int] = []

    def meddle() -> str:
        seen.append(1)
        os.environ["BRIEFGEN_MEDDLED"] = "1"
        return "page"

    assert run_isolated(meddle, seconds=10, where="t/base.html") == "page"
    assert seen == [] and "BRIEFGEN_MEDDLED" not in os.environ


# --- template files that are not what they seem --------------------------------------------------

def _theme_including(root: Path, partial: str) -> Path:
    theme = root / "odd"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('name = "odd"\nextends = "default"\n', encoding="utf-8")
    (theme / "partials" / "header.html").write_text(f'<div>\n{{% include "partials/{partial}" %}}\n</div>\n',
                                                    encoding="utf-8")
    return theme


@pytest.mark.parametrize("kind", ["link_to_proc_mem", "fifo", "link_outside", "oversize"])
def test_a_template_that_is_a_link_out_a_fifo_or_huge_is_refused_at_the_include(kind, tmp_path):
    theme = _theme_including(tmp_path, "odd.html")
    odd = theme / "partials" / "odd.html"
    if kind == "link_to_proc_mem":
        odd.symlink_to("/proc/self/mem")
    elif kind == "fifo":
        os.mkfifo(odd)
    elif kind == "link_outside":
        (tmp_path / "outside.html").write_text("outside", encoding="utf-8")
        odd.symlink_to(tmp_path / "outside.html")
    else:
        odd.write_text("x" * 1_500_000, encoding="utf-8")
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"), "-q")
    assert result.exit_code not in (0, 4), result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "odd.html" in lines[0], result.output
    assert "Traceback" not in result.output


def test_a_template_cache_entry_others_can_write_is_never_loaded(tmp_path, monkeypatch):
    from briefgen.render.env import _QuietBytecodeCache

    folder = tmp_path / "templates"
    folder.mkdir(mode=0o700)
    cache = _QuietBytecodeCache(str(folder))

    class Bucket:
        key, checksum, code = "k", "c", None

        def load_bytecode(self, f):
            self.code = f.read()

        def reset(self):
            self.code = None

    entry = Path(cache._get_cache_filename(Bucket()))
    entry.write_bytes(b"planted code")
    entry.chmod(0o666)                   # as if another user of a shared cache had written it
    bucket = Bucket()
    cache.load_bytecode(bucket)
    assert bucket.code is None
    entry.chmod(0o600)
    cache.load_bytecode(bucket)
    assert bucket.code == b"planted code"


# --- found by the second hostile review ---------------------------------------------------------

@pytest.mark.parametrize("lead", ["\x0b", "\x1f", "\x85", "\xa0", "\u2028", "\u3000"])
def test_the_content_policy_stays_in_head_whatever_precedes_the_doctype(lead):
    import lxml.html

    from briefgen.render import with_content_policy

    page = with_content_policy(lead + "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>")
    head = lxml.html.document_fromstring(page).find("head")
    assert head is not None and head.find("meta[@http-equiv='Content-Security-Policy']") is not None, page[:120]


def _theme_with_base(tmp_path: Path, body: str, name: str = "bomb") -> Path:
    theme = tmp_path / name
    theme.mkdir()
    (theme / "theme.toml").write_text(f'name = "{name}"\nstylesheets = []\n', encoding="utf-8")
    (theme / "base.html").write_text("<!DOCTYPE html><html><head><title>x</title></head><body>\n" + body
                                     + "\n</body></html>\n", encoding="utf-8")
    return theme


def test_a_page_of_a_hundred_thousand_elements_is_refused_before_layout(tmp_path):
    theme = _theme_with_base(tmp_path, "{{ ('<p>x</p>' * 120000)|safe }}")
    run = _run("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"), cwd=tmp_path)
    assert run.returncode not in (0, 4) and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "elements" in run.stderr and "base.html" in run.stderr
    assert run.peak is not None and run.peak <= PEAK_RSS


@pytest.mark.parametrize("expression", ["1 // 0", "1.0 / 0", '"{}".format()', "[1, 2, 3]|slice(0)|list"])
def test_an_expression_that_raises_is_a_template_error_at_its_line(expression, tmp_path):
    theme = _theme_with_base(tmp_path, "<p>{{ %s }}</p>" % expression)
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"), "-q")
    assert result.exit_code not in (0, 4), result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "base.html:2" in lines[0] and "Traceback" not in result.output, result.output


def test_markup_nested_thousands_deep_is_one_line_not_a_crash(tmp_path):
    theme = _theme_with_base(tmp_path, '<div style="display:none">{{ ("<b>" * 3000)|safe }}</div><script></script>')
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.html"), "-q")
    assert result.exit_code not in (0, 4), result.output
    assert len([line for line in result.output.splitlines() if line.strip()]) == 1, result.output


@pytest.mark.parametrize("setting", ["page_sizes = [1]", "page_sizes = []", 'extends = "\\u0000"',
                                     'stylesheets = ["\\u0000"]', "description = 3"])
def test_a_theme_toml_value_of_the_wrong_kind_is_named_at_its_line(setting, tmp_path):
    theme = tmp_path / "odd_toml"
    theme.mkdir()
    (theme / "theme.toml").write_text(f'name = "odd"\n{setting}\n', encoding="utf-8")
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"), "-q")
    assert result.exit_code not in (0, 4), result.output
    assert "theme.toml:2" in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_a_huge_json_indent_is_refused_before_it_allocates(tmp_path):
    theme = _theme_with_base(tmp_path, "{{ range(600)|list|tojson(indent=1000000)|length }}")
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"), "-q")
    assert result.exit_code not in (0, 4) and "base.html:2" in result.output and "tojson" in result.output


def test_a_symlink_loop_among_the_sources_is_skipped_with_a_warning(tmp_path):
    import shutil

    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    (sources / "loop1.txt").symlink_to("loop2.txt")
    (sources / "loop2.txt").symlink_to("loop1.txt")
    result = _cli("extract", str(sources), "-o", str(tmp_path / "facts.json"))
    assert result.exit_code == 0, result.output
    assert "loop1.txt" in result.output and "Traceback" not in result.output


def test_a_briefgen_toml_that_links_to_itself_is_one_line(tmp_path):
    import shutil

    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    (sources / "briefgen.toml").symlink_to("briefgen.toml")
    result = _cli("build", str(sources), "-o", str(tmp_path / "b.json"), "-q")
    assert result.exit_code not in (0, 4), result.output
    assert "briefgen.toml" in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_a_facts_file_of_a_newer_schema_is_refused(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text('{"schema_version": 2, "sources": []}', encoding="utf-8")
    result = _cli("render", str(facts), "-o", str(tmp_path / "b.pdf"))
    assert result.exit_code not in (0, 4) and "schema_version" in result.output, result.output


def test_all_the_layouts_of_a_run_share_one_time_budget(tmp_path, monkeypatch):
    """Nested grids cost WeasyPrint exponential time in a few elements: past the budget of all
    the fit's layouts together, the build stops with one line naming the theme."""
    import briefgen.render.pdf as pdf

    monkeypatch.setattr(pdf, "LAYOUT_BUDGET_SECONDS", 0.001)
    theme = _theme_with_base(tmp_path, "<p>an ordinary page</p>")
    result = _cli("build", str(EXAMPLES), "--theme", str(theme), "-o", str(tmp_path / "b.pdf"), "-q")
    assert result.exit_code not in (0, 4), result.output
    assert "layout stopped" in result.output and "base.html" in result.output


def test_a_long_page_without_full_stops_reads_in_linear_time():
    from briefgen.extract.scope import SENTENCE_WINDOW, clause_of

    text = "Floods displaced 1,200 people and damaged 3,400 homes while officials said 56 died " * 2000
    at = len(text) // 2
    words, before, after = clause_of(text, at, at + 5)
    assert len(words) <= 2 * SENTENCE_WINDOW + 100      # a window, not the whole page


def test_a_brief_json_from_a_page_with_an_xml_declaration_or_nothing_has_no_bottom_line_crash():
    from briefgen.render.brief_json import bottom_line_sentences

    assert bottom_line_sentences('<?xml version="1.0" encoding="utf-8"?>\n<html><body>'
                                 '<p class="bottom-line"><span class="sentence">Hi.</span></p></body></html>') == ["Hi."]
    assert bottom_line_sentences("<!-- nothing -->") == []
    assert bottom_line_sentences("") == []
