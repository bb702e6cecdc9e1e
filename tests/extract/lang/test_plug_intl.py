"""The ru/uk/ar readers inside `extract_source`: what they add to a source's facts, and that an
English source never loads the Russian/Ukrainian morphology."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefgen.extract import extract_source
from briefgen.ingest import read_file

RU = """Пожар на складе в Самаре: погибли четыре человека

Вести | 9 апреля 2026

Во вторник вечером на складе в Самаре произошел пожар. Погибли четыре человека, еще 11 госпитализированы, сообщил губернатор Самарской области Вячеслав Федорищев.

«Всем пострадавшим оказывается помощь», — добавил он.
"""


def _facts(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    sources, _ = read_file(path)
    return extract_source(sources[0])


def test_russian_source_gets_figures_people_quotes_and_dated_events(tmp_path):
    facts = _facts(tmp_path, "ru.txt", RU)
    assert facts.sources[0].language == "ru"
    assert {(f.value, f.category) for f in facts.figures} >= {(4, "killed"), (11, "injured")}
    people = {p.name: p.role for p in facts.people}
    assert people["Вячеслав Федорищев"] == "губернатор Самарской области"
    assert [q.speaker for q in facts.quotes if q.text.startswith("Всем пострадавшим")] == ["Вячеслав Федорищев"]
    assert any(str(e.date) == "2026-04-07" and "пожар" in e.text for e in facts.events)
    text = facts.sources[0].text
    for f in facts.figures:
        c = f.citations[0]
        assert f.text == text[c.start:c.end]


def test_english_extraction_never_imports_the_morphology(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("Floods in Arveta\n\nCoastal Wire | 4 March 2026\n\n"
                    "At least 12 people were killed and 300 displaced, officials said.\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from briefgen.ingest import read_file; "
            "from briefgen.extract import extract_source; "
            f"s, _ = read_file(Path({str(path)!r})); extract_source(s[0]); print('pymorphy3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "False"


def test_a_vague_count_beside_an_exact_one_of_the_same_category_is_not_a_second_figure(tmp_path):
    text = ("Обвал моста в Казани: десятки раненых\n\nВести | 9 апреля 2026\n\n"
            "При обрушении моста ранены десятки человек. Позже в больницы доставили 27 раненых.\n")
    facts = _facts(tmp_path, "ru2.txt", text)
    assert [(f.value, f.vague) for f in facts.figures if f.category == "injured"] == [(27, None)]
