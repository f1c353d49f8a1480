"""Every engine builds the same graph: processes and a Dask cluster against one process."""
import io

import pytest

from conftest import SAMPLE
from kg.building.builder import build_store
from kg.building.store import GraphStore
from kg.settings import Engine


def _nquads(folder) -> bytes:
    buffer = io.BytesIO()
    GraphStore(folder, read_only=True).export("nquads", buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serial") / "store"
    build_store(SAMPLE, folder)
    return _nquads(folder)


def test_two_processes_build_byte_identical_graphs(serial, tmp_path):
    build_store(SAMPLE, tmp_path / "store", engine=Engine(jobs=2))
    assert _nquads(tmp_path / "store") == serial


def test_dask_local_cluster_builds_the_same_graph(serial, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        build_store(SAMPLE, tmp_path / "store", engine=Engine(name="dask", client=client), shards=tmp_path / "shards")
    assert _nquads(tmp_path / "store") == serial
    kept = sorted(p.name for p in (tmp_path / "shards").iterdir())
    assert kept == ["entities.nq", "groups.nq", "pages-00000.nq", "remove.ru", "tallies-1.nq", "tallies.nq"]
    assert (tmp_path / "shards" / "remove.ru").read_text(encoding="utf-8").endswith("\nCLEAR ALL\n")  # a first build


def test_in_memory_build_with_jobs_is_the_same(sample_graph):
    import kg
    assert set(kg.build(SAMPLE, engine=Engine(jobs=2)).graph) == set(sample_graph.graph)


class _Recorder:
    def __init__(self):
        self.phases, self.counts = [], {}

    def phase(self, name, total=None):
        self.phases.append((name, total))
        self.counts[name] = 0

    def advance(self, count=1):
        self.counts[self.phases[-1][0]] += count


def test_a_build_reports_every_phase_with_totals(tmp_path):
    progress = _Recorder()
    build_store(SAMPLE, tmp_path / "store", progress=progress)
    assert progress.phases == [("extracting", 5), ("resolving", None), ("emitting and loading", 5),
                               ("compacting", None)]
    assert progress.counts["extracting"] == 5 and progress.counts["emitting and loading"] == 5


def test_a_shard_past_its_triple_limit_continues_in_pieces(serial, tmp_path, monkeypatch):
    from kg.building import shards
    monkeypatch.setattr(shards, "SHARD_TRIPLES", 200)
    build_store(SAMPLE, tmp_path / "store", engine=Engine(jobs=2), shards=tmp_path / "shards")
    pieces = sorted(p.name for p in (tmp_path / "shards").glob("pages-*.nq"))
    assert pieces[:3] == ["pages-00000-1.nq", "pages-00000-2.nq", "pages-00000-3.nq"] and "pages-00000.nq" in pieces
    assert _nquads(tmp_path / "store") == serial
