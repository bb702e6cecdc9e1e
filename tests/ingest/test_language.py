"""The language of each source: given by its metadata or the folder's briefgen.toml, else detected
from its body text, and kept on the source in the facts file."""
from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.ingest import read_file

FRENCH = """Inondations dans le sud du pays

Le Courrier du Midi | 4 février 2025

Les pluies torrentielles de la nuit ont fait au moins six morts dans la vallée, a indiqué la préfecture
mardi matin. Les secours cherchent encore deux personnes emportées par la crue près du vieux pont.
"""

ENGLISH = """Storm closes the coast road

The rain that fell through the night has closed the coast road, and the council says it will stay shut
until the engineers have checked the bridge near the harbour on Thursday morning.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def extract_yaml(tmp_path: Path, sources: Path) -> dict:
    out = tmp_path / "facts.yaml"
    result = CliRunner().invoke(main, ["extract", str(sources), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def test_an_article_without_metadata_is_read_in_the_language_of_its_text(tmp_path):
    (source,), _ = read_file(write(tmp_path, "crue.txt", FRENCH))
    assert source.language == "fr"
    (source,), _ = read_file(write(tmp_path, "storm.txt", ENGLISH))
    assert source.language == "en"


def test_the_published_date_of_a_metadata_line_in_another_language_is_read(tmp_path):
    (source,), _ = read_file(write(tmp_path, "crue.txt", FRENCH))
    assert str(source.published) == "2025-02-04" and source.outlet == "Le Courrier du Midi"


def test_a_language_in_front_matter_wins_over_the_text(tmp_path):
    path = write(tmp_path, "storm.md", "---\ntitle: Storm\nlanguage: es-MX\n---\n\n" + ENGLISH)
    (source,), _ = read_file(path)
    assert source.language == "es"


def test_the_facts_file_shows_each_sources_language(tmp_path):
    sources = tmp_path / "sources"
    write(sources, "crue.txt", FRENCH)
    write(sources, "storm.txt", ENGLISH)
    facts = extract_yaml(tmp_path, sources)
    assert sorted(s["language"] for s in facts["sources"]) == ["en", "fr"]


def test_briefgen_toml_sets_the_language_of_articles_that_name_none(tmp_path):
    sources = tmp_path / "sources"
    write(sources, "storm.txt", ENGLISH)
    write(sources, "tagged.md", "---\ntitle: Crue\nlanguage: fr\n---\n\n" + FRENCH)
    write(sources, "briefgen.toml", 'language = "de"\n')
    facts = extract_yaml(tmp_path, sources)
    by_path = {Path(s["path"]).name: s["language"] for s in facts["sources"]}
    assert by_path == {"storm.txt": "de", "tagged.md": "fr"}


def test_a_language_in_briefgen_toml_that_is_no_code_is_one_line_naming_the_file(tmp_path):
    sources = tmp_path / "sources"
    write(sources, "storm.txt", ENGLISH)
    write(sources, "briefgen.toml", 'language = "not a language"\n')
    result = CliRunner().invoke(main, ["extract", str(sources), "-o", str(tmp_path / "f.json")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "briefgen.toml" in lines[0] and "language must be a language code" in lines[0]
    assert not (tmp_path / "f.json").exists()


def test_a_headline_below_the_metadata_line_past_a_kicker_is_the_title(tmp_path):
    text = ("Diario del Valle | 3 de mayo de 2024\n\nTEMPORAL\nLas lluvias dejan cuatro muertos en la sierra\n"
            "Los equipos de rescate buscan todavía a dos vecinos desaparecidos desde el jueves por la noche.\n")
    (source,), _ = read_file(write(tmp_path, "lluvias.txt", text))
    assert source.title == "Las lluvias dejan cuatro muertos en la sierra"
    assert source.text.startswith("Los equipos de rescate")
