"""Template size caps apply *before* a long value is made: a width, count or format spec that would
make more than the per-value cap (1 M characters) is refused from its arguments, fast, with a
TemplateError naming the template file:line — not after the memory is gone.

Each render runs in a subprocess with a time limit and an address-space limit, so a regression
fails the test instead of swapping the machine."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from jinja2 import StrictUndefined

from briefgen.render.budget import MAX_VALUE_LENGTH
from briefgen.render.sandbox import GuardedEnvironment

CHILD = textwrap.dedent("""
    import json, os, resource, sys, time
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    from briefgen.errors import TemplateError
    from briefgen.render import prepare
    from briefgen.render.html import render_html
    from briefgen.themetools.samples import sample_briefs

    folder = Path(sys.argv[1])
    label, brief, locale = sample_briefs()[0]
    # One render in this process first: what a render loads on first use (locale data, the
    # default theme's stylesheet) is then loaded once, not again in every isolated render below.
    os.environ["BRIEFGEN_RENDER_IN_PROCESS"] = "1"
    warm = prepare()
    render_html(warm.env, warm.theme, brief, warm.localize(locale), font_css="")
    del os.environ["BRIEFGEN_RENDER_IN_PROCESS"]
    results = []
    for n, expression in enumerate(json.loads(sys.argv[2])):
        theme = folder / f"capped{n}"
        (theme / "partials").mkdir(parents=True)
        (theme / "theme.toml").write_text('extends = "default"\\n')
        (theme / "partials" / "header.html").write_text("<div>\\n" + expression + "\\n</div>\\n")
        renderer = prepare(str(theme))
        l10n = renderer.localize(locale)
        start = time.monotonic()
        try:
            render_html(renderer.env, renderer.theme, brief, l10n, font_css="")
            error = None
        except TemplateError as exc:
            error = str(exc)
        except BaseException as exc:
            error = "not a TemplateError: " + type(exc).__name__ + ": " + str(exc)[:200]
        results.append({"error": error, "seconds": time.monotonic() - start})
    print(json.dumps(results))
""")


def run_child(tmp_path, expressions: list[str], timeout: float) -> list[dict]:
    run = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), json.dumps(expressions)],
                         capture_output=True, text=True, timeout=timeout)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.splitlines()[-1])


def assert_refused_fast(result: dict, n: int, words: str) -> None:
    error = result["error"]
    assert error is not None, "rendered without an error"
    assert error.startswith(f"capped{n}/partials/header.html:2: "), error
    assert "render stopped" in error and words in error and f"{MAX_VALUE_LENGTH:,}" in error, error
    assert "\n" not in error and "Traceback" not in error
    assert result["seconds"] < 2, f"{result['seconds']:.1f} s"


# The review's three repros, each in its own process.
@pytest.mark.parametrize(("expression", "words"), [
    ('{{ "x"|center(3000000000) }}', "center filter"),
    ('{{ "%0300000000d" % 1 }}', "% operator"),
    ('{{ "x".ljust(300000000) }}', "str.ljust()"),
])
def test_review_repros_are_refused_before_they_allocate(tmp_path, expression, words):
    [result] = run_child(tmp_path, [expression], timeout=120)
    assert_refused_fast(result, 0, words)


MORE = [
    ('{{ "x"|indent(300000000) }}', "indent filter"),
    ('{{ "a b c d"|wordwrap(1, wrapstring="-" * 900000) }}', "wordwrap filter"),
    ('{{ "%0300000000d"|format(1) }}', "format filter"),
    ('{{ "%*d"|format(300000000, 1) }}', "format filter"),
    ('{{ "%.300000000f" % 1.5 }}', "% operator"),
    ('{{ "%(a)300000000s" % {"a": "x"} }}', "% operator"),
    ('{{ ("%s" * 400000) % (("y" * 1000000,) * 400000) }}', "% operator"),
    ('{{ "{:>300000000}".format(1) }}', "str.format() with the spec"),
    ('{{ "{:{}}".format(1, 300000000) }}', "str.format() with the spec"),
    ('{{ "{x:0300000000}".format_map({"x": 1}) }}', "str.format() with the spec"),
    ('{{ "{} {}".format("y" * 900000, "y" * 900000) }}', "str.format()"),
    ('{{ "x".center(300000000) }}', "str.center()"),
    ('{{ "x".rjust(300000000) }}', "str.rjust()"),
    ('{{ "1".zfill(300000000) }}', "str.zfill()"),
    ('{{ ("\\t" * 1000).expandtabs(300000) }}', "str.expandtabs()"),
    ('{{ ("x" * 1000).replace("x", "y" * 1000000) }}', "str.replace()"),
    ('{{ ("x" * 1000)|replace("x", "y" * 1000000) }}', "replace filter"),
    ('{{ ("y" * 1000).join(range(1000)|map("string")) }}', "str.join()"),
    ('{{ (["y" * 1000000] * 1000)|join }}', "join filter"),
    ('{{ range(1000)|join("y" * 100000) }}', "join filter"),
    ('{{ range(3)|batch(300000000, "x")|list }}', "batch filter"),
    ('{{ range(3)|slice(300000000)|list }}', "slice filter"),
    ('{{ lipsum(100000000) }}', "lipsum()"),
]


def test_more_ways_to_make_a_long_value_are_refused_first(tmp_path):
    results = run_child(tmp_path, [e for e, _ in MORE], timeout=300)
    for n, ((expression, words), result) in enumerate(zip(MORE, results)):
        try:
            assert_refused_fast(result, n, words)
        except AssertionError as exc:
            raise AssertionError(f"{expression}: {exc}") from None


@pytest.mark.parametrize("autoescape", [True, False])
def test_ordinary_uses_are_unchanged(autoescape):
    env = GuardedEnvironment(autoescape=autoescape, undefined=StrictUndefined)
    cases = {
        '{{ "%5d|%-3s|%.2f"|format(3, "ab", 1.5) }}': "    3|ab |1.50",
        '{{ "%(a)s!"|format(a="k") }}{{ "%(a)3s" % {"a": "z"} }}{{ "%*d" % (3, 2) }}{{ "%%" % () }}': "k!  z  2%",
        '{{ "{:>5}|{:.1f}|{x:^5}".format("a", 2.25, x="q") }}': "    a|2.2|  q  ",
        '{{ "{0:%Y-%m}".format(d) }}': "2026-03",
        '{{ "%.3s" % "abcdef" }}{{ "{:.2}".format("abcdef") }}': "abcab",
        '{{ "a b"|center(7) }}|{{ "ab".center(4, "-") }}|{{ "7".zfill(3) }}|{{ "a".ljust(3, ".") }}':
            "  a b  |-ab-|007|a..",
        '{{ ["a", "b"]|join(",") }}|{{ ",".join(["q", "r"]) }}|{{ (range(3)|map("string"))|join("-") }}':
            "a,b|q,r|0-1-2",
        '{{ "aXa"|replace("a", "b") }}|{{ "aaa".replace("a", "bb", 2) }}|{{ "a\\tb".expandtabs(4) }}':
            "bXb|bbbba|a   b",
        '{{ "a\\nb"|indent(2, true) }}|{{ "long text here"|wordwrap(5) }}|{{ "abcdefgh"|truncate(5, leeway=0) }}':
            "  a\n  b|long\ntext\nhere|ab...",
        '{{ range(5)|batch(2, 0)|list }}|{{ range(5)|slice(2)|list }}|{{ lipsum(2, false, 5, 6)|length > 10 }}':
            "[[0, 1], [2, 3], [4, 0]]|[[0, 1, 2], [3, 4]]|True",
    }
    import datetime

    for source, expected in cases.items():
        assert env.from_string(source).render(d=datetime.date(2026, 3, 5)) == expected, source
