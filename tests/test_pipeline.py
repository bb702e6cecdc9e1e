"""The pipeline object: extraction runs on the executor it is handed, and the facts cache
wraps that step, so a file it knows never reaches the executor."""
from __future__ import annotations

from briefgen.config import Settings
from briefgen.pipeline import Pipeline
from briefgen.workers import run_local
from tests.conftest import EXAMPLES


class Recording:
    """An executor that runs every item in this process and remembers which files it got."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, items, count):
        def run():
            for item in items:
                self.paths.append(item[1])
                yield from run_local([item], 1, 1, None)
        return run()


def test_extraction_runs_on_the_executor_the_pipeline_is_given(tmp_path):
    executor = Recording()
    facts = Pipeline(Settings(cache_dir=tmp_path), executor=executor).facts([EXAMPLES])
    assert sorted(executor.paths) == sorted(str(p) for p in EXAMPLES.iterdir())
    assert len(facts.sources) == 4


def test_files_the_facts_cache_knows_never_reach_the_executor(tmp_path):
    first = Pipeline(Settings(cache_dir=tmp_path), executor=Recording()).facts([EXAMPLES])
    again = Recording()
    second = Pipeline(Settings(cache_dir=tmp_path), executor=again).facts([EXAMPLES])
    assert again.paths == []
    assert second.model_dump() == first.model_dump()


def test_without_the_cache_every_file_reaches_the_executor(tmp_path):
    Pipeline(Settings(cache_dir=tmp_path), executor=Recording()).facts([EXAMPLES])
    again = Recording()
    Pipeline(Settings(cache_dir=tmp_path, cache=False), executor=again).facts([EXAMPLES])
    assert len(again.paths) == 4
