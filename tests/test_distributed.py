"""Extraction on a Dask cluster (a LocalCluster of worker processes here) gives the serial build's graph."""
import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg.run.distributed
from conftest import ROOT
from kg.cli import main
from kg.errors import UsageError
from kg.run.build import build_kb, write_outputs

distributed = pytest.importorskip("distributed")
SAMPLES = ROOT / "kg" / "samples"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  scheduler_port=0) as c:
        yield c


def test_distributed_local_cluster_build_equals_serial(cluster, tmp_path):
    serial_kb, serial = build_kb([SAMPLES], jobs=1)
    dask_kb, on_dask = build_kb([SAMPLES], dask_scheduler=cluster.scheduler_address)
    assert on_dask.workers == 2 and on_dask.extracted == serial.extracted > 10
    assert on_dask.counts == serial.counts
    for kb, summary, name in ((serial_kb, serial, "serial"), (dask_kb, on_dask, "dask")):
        write_outputs(kb, tmp_path / name, summary, formats=("nquads",), html=False)
    assert set(Graph().parse(tmp_path / "dask" / "graph.ttl")) == set(Graph().parse(tmp_path / "serial" / "graph.ttl"))
    assert (tmp_path / "dask" / "graph.nq").read_bytes() == (tmp_path / "serial" / "graph.nq").read_bytes()


def test_distributed_cli_option_and_cache(cluster, tmp_path):
    out = tmp_path / "out"
    args = ["build", "--out", str(out), "--no-html", "--dask-scheduler", cluster.scheduler_address]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert "by 2 workers, 0 from the cache" in res.output
    res = CliRunner().invoke(main, args)
    assert "extracted 0 text block(s) (articles, mastheads, ads) by 2 workers" in res.output


def test_distributed_unreachable_scheduler_is_one_line(monkeypatch):
    monkeypatch.setattr(kg.run.distributed, "CONNECT_TIMEOUT", 2.0)
    with pytest.raises(UsageError, match="tcp://127.0.0.1:9: cannot reach the Dask scheduler"):
        build_kb([SAMPLES], dask_scheduler="tcp://127.0.0.1:9")
