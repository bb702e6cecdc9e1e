"""Live-preview figures: warm rebuild time after a template edit and after a source edit (seed and
examples), and the layout passes the one-page fit uses on a 32-article corpus. Prints, never asserts.

A rebuild shows the page first (with the items the last fit left out) and then checks the one-page
fit with a layout pass; both times are printed: "shown" is what the user waits for to see the edit,
"fit checked" is when the page (re-shown if the fit decided otherwise) is final.

    .venv/bin/python benchmarks/serve.py
"""
from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefgen.config import Settings  # noqa: E402
from briefgen.serve import Preview  # noqa: E402
from tests.themes.corpus import make_corpus  # noqa: E402

SEED_FACTS = REPO / "tests" / "fixtures" / "seed.facts.json"
RUNS = 5


def touch(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    time.sleep(0.01)   # a new mtime


def rebuilds(preview: Preview, edit: Path, runs: int = RUNS) -> tuple[list[float], list[float]]:
    shown, checked = [], []
    for _ in range(runs):
        touch(edit)
        state = preview.build()
        assert state.error is None, state.error
        shown.append(state.seconds)
        checked.append(state.checked_seconds if state.checked_seconds is not None else state.seconds)
    return shown, checked


def show(label: str, times: tuple[list[float], list[float]]) -> None:
    shown, checked = times
    print(f"  {label:<34} shown median {statistics.median(shown) * 1000:6.0f} ms "
          f"(min {min(shown) * 1000:.0f}, max {max(shown) * 1000:.0f}),  fit checked median "
          f"{statistics.median(checked) * 1000:.0f} ms, {len(shown)} runs")


def measure(rounds: int = RUNS) -> dict:
    """Medians (seconds) for the examples (4 articles): shown and fit-checked after a template
    edit and after a source edit; and the layout passes of the 32-article corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        partial = _house_theme(tmp)
        sources = tmp / "sources"
        shutil.copytree(REPO / "examples" / "sources", sources)
        preview = Preview([sources], Settings(theme=str(partial.parents[1])))
        preview.build()
        template = rebuilds(preview, partial, rounds)
        source = rebuilds(preview, sources / "01-wire-valdera.txt", rounds)
        corpus = Preview([make_corpus(tmp / "corpus")], Settings()).build()
    med = statistics.median
    return {"template_s": med(template[0]), "template_checked_s": med(template[1]),
            "source_s": med(source[0]), "source_checked_s": med(source[1]), "corpus_passes": corpus.passes}


def _house_theme(tmp: Path) -> Path:
    """A theme extending the default with one partial of its own (the file the edits touch)."""
    theme = tmp / "house"
    (theme / "partials").mkdir(parents=True)
    (theme / "theme.toml").write_text('extends = "default"\n', encoding="utf-8")
    partial = theme / "partials" / "title.html"
    partial.write_text((REPO / "templates" / "default" / "partials" / "title.html").read_text(), encoding="utf-8")
    return partial


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        partial = _house_theme(tmp)
        theme = partial.parents[1]

        facts = tmp / "seed.facts.json"
        shutil.copy(SEED_FACTS, facts)
        sources = tmp / "sources"
        shutil.copytree(REPO / "examples" / "sources", sources)

        for label, target, source_edit in (("seed (facts file)", facts, facts),
                                           ("examples/sources (4 articles)", sources,
                                            sources / "01-wire-valdera.txt")):
            preview = Preview([target], Settings(theme=str(theme)))
            cold = preview.build()
            print(f"{label}: cold build {cold.seconds * 1000:.0f} ms, {cold.pages} page, {cold.passes} pass(es)")
            show("warm rebuild after a template edit", rebuilds(preview, partial))
            show("warm rebuild after a source edit", rebuilds(preview, source_edit))

        corpus = make_corpus(tmp / "corpus")
        preview = Preview([corpus], Settings())
        state = preview.build()
        print(f"32-article corpus: {state.pages} page, {state.passes} layout passes, "
              f"{len(state.dropped)} items left out, build {state.seconds:.2f} s")
        print(json.dumps({"corpus_passes": state.passes, "corpus_pages": state.pages}))


if __name__ == "__main__":
    main()
