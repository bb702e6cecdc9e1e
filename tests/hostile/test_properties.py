"""Property-based: random and mutated input never raises anything but briefgen's own errors."""
from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError
from briefgen.ingest import read_file
from briefgen.ingest.dates import find_date, parse_date
from briefgen.ingest.txt import read_scraped_text

SEEDS = [
    "Floods kill 12\nBy Jane Doe | Wire | 3 March 2026\n\nAt least 12 people died on Monday, officials said.\n",
    "---\ntitle: T\npublished: 2026-03-05\n---\nBody *text* on Friday.\n",
    '{"title": "T", "text": "Para one.\\n\\nPara two."}',
    "<html><head><title>T</title></head><body><article><p>Text on Monday.</p></article></body></html>",
]
EXTENSIONS = [".txt", ".md", ".json", ".html"]


def mutate(text: str, cuts: list[int], junk: str) -> str:
    for cut in cuts:
        at = cut % (len(text) + 1)
        text = text[:at] + junk + text[at:]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_only_raise_briefgen_errors(tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("p") / f"x{ext}"
    path.write_bytes(data)
    try:
        read_file(path)
    except BriefgenError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 3), cuts=st.lists(st.integers(0, 400), max_size=4),
       junk=st.text(max_size=30))
def test_mutated_articles_only_raise_briefgen_errors(tmp_path_factory, which, cuts, junk):
    path = tmp_path_factory.mktemp("m") / f"x{EXTENSIONS[which]}"
    # surrogatepass writes lone surrogates as invalid UTF-8: broken bytes are part of the fuzz
    path.write_text(mutate(SEEDS[which], cuts, junk), encoding="utf-8", errors="surrogatepass")
    try:
        read_file(path)
    except BriefgenError:
        pass


@settings(deadline=None)
@given(st.text(max_size=300))
def test_scraped_text_reader_never_raises(text):
    article = read_scraped_text(text)
    assert isinstance(article.text, str)


@settings(deadline=None)
@given(st.one_of(st.text(max_size=80), st.integers(), st.none(), st.floats(allow_nan=True), st.lists(st.text())))
def test_date_parsing_never_raises(value):
    parse_date(value)
    if isinstance(value, str):
        find_date(value)
