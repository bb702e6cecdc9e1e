"""--dask: ingest + extract as Dask tasks give the same facts as the local path."""
from __future__ import annotations

import pytest

from .conftest import briefgen, facts_json

distributed = pytest.importorskip("distributed")


def test_dask_local_cluster_gives_the_local_facts(corpus30, tmp_path):
    local = tmp_path / "local.json"
    on_dask = tmp_path / "dask.json"
    briefgen("extract", str(corpus30), "-o", str(local), "--no-cache", "-j", "1", "-q")
    briefgen("extract", str(corpus30), "-o", str(on_dask), "--no-cache", "--dask", "local", "-j", "2", "-q")
    assert facts_json(on_dask) == facts_json(local)


def test_dask_scheduler_address(corpus30, tmp_path):
    """A running cluster reached by its address, as a real deployment would be (tcp://host:8786)."""
    local = tmp_path / "local.json"
    on_dask = tmp_path / "dask.json"
    briefgen("extract", str(corpus30), "-o", str(local), "--no-cache", "-j", "1", "-q")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0") as cluster:
        briefgen("extract", str(corpus30), "-o", str(on_dask), "--no-cache", "--dask", cluster.scheduler_address, "-q")
        ran = set(cluster.scheduler.task_prefixes)
    assert "extract_batch" in ran          # the work really went to the cluster
    assert facts_json(on_dask) == facts_json(local)
