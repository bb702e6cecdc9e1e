"""Generated corpora for the scale tests: the benchmark generator (variants of the examples)."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli


def _generator():
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus30(tmp_path_factory) -> Path:
    """30 article files in all four formats (more than the size at which a pool starts)."""
    folder = tmp_path_factory.mktemp("corpus30")
    _generator().write_corpus(30, folder, seed=3)
    return folder


def briefgen(*args: str, check: bool = True, process: bool = False) -> subprocess.CompletedProcess:
    """`briefgen ARGS`, in this process unless `process` (a Dask cluster of its own)."""
    if process:
        result = subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True)
    else:
        result = run_cli(*args)
    if check and result.returncode != 0:
        raise AssertionError(f"briefgen {' '.join(args)} -> {result.returncode}\n{result.stderr}")
    return result


def facts_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
