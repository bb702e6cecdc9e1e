"""--dask: ingest + extract as Dask tasks give the same facts as the local path."""
from __future__ import annotations

import pytest

from .conftest import briefgen, facts_json

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def local_facts(corpus30, tmp_path_factory) -> dict:
    """The facts of the local path (one process), which both clusters must give."""
    local = tmp_path_factory.mktemp("local") / "local.json"
    briefgen("extract", str(corpus30), "-o", str(local), "--no-cache", "-j", "1", "-q")
    return facts_json(local)


def test_dask_local_cluster_gives_the_local_facts(corpus30, local_facts, tmp_path):
    on_dask = tmp_path / "dask.json"
    briefgen("extract", str(corpus30), "-o", str(on_dask), "--no-cache", "--dask", "local", "-j", "2", "-q",
             process=True)   # the cluster is the command's own: its processes end with it
    assert facts_json(on_dask) == local_facts


def test_dask_scheduler_address(corpus30, local_facts, tmp_path):
    """A running cluster reached by its address, as a real deployment would be (tcp://host:8786)."""
    on_dask = tmp_path / "dask.json"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0") as cluster:
        briefgen("extract", str(corpus30), "-o", str(on_dask), "--no-cache", "--dask", cluster.scheduler_address, "-q",
                 process=True)
        ran = set(cluster.scheduler.task_prefixes)
    assert "extract_batch" in ran          # the work really went to the cluster
    assert facts_json(on_dask) == local_facts
