"""kg.outputs: the registry of writers, and what each writes read back by an independent reader."""
import networkx as nx
import pytest
import rdflib

from kg.outputs import WRITERS, Options, extras, get, owned_files
from kg.viz.graph import build_graph
from viz_kb import small_kb


def test_outputs_every_writer_loads_and_owns_distinct_files():
    for w in WRITERS.values():
        assert callable(w.load().write), w.name
    files = owned_files()
    assert len(files) == len(set(files))
    assert WRITERS["turtle"].default and callable(WRITERS["turtle"].load().aside)
    assert {w.name for w in extras()} == {"nt", "nquads", "json-ld", "gexf", "graphml"}


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_outputs_network_types_and_labels_survive(tmp_path, fmt, read):
    kb = small_kb()
    path, = get(fmt).write(kb, tmp_path, Options())
    assert path == tmp_path / f"graph.{fmt}"
    back = read(path)
    g = build_graph(kb)
    assert {n: (d["type"], d["label"]) for n, d in back.nodes(data=True)} == \
           {n: (d["type"], d["label"]) for n, d in g.nodes(data=True)}
    assert back.number_of_edges() == g.number_of_edges()
    kinds = sorted(d["kind"] for _, _, d in back.edges(data=True))
    assert kinds == sorted(d["kind"] for _, _, d in g.edges(data=True))
    zhang = next(d for _, d in back.nodes(data=True) if d["label"] == "张三")
    assert zhang["sources"] == 2


@pytest.mark.parametrize("fmt", ["nt", "json-ld", "nquads"])
def test_outputs_rdf_writers_agree_with_turtle(tmp_path, fmt):
    kb = small_kb()
    (tmp_path / "ttl").mkdir()
    ttl, = get("turtle").write(kb, tmp_path / "ttl", Options())
    reference = set(rdflib.Graph().parse(ttl, format="turtle"))
    path, = get(fmt).write(kb, tmp_path, Options())
    if fmt == "nquads":
        quads = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
        triples = set(rdflib.Graph().parse(data="\n".join(q.rsplit(" ", 2)[0] + " ." for q in quads), format="nt"))
    else:
        triples = set(rdflib.Graph().parse(path, format=fmt))
    assert len(reference) > 50 and triples == reference


def test_outputs_nquads_shards(tmp_path):
    kb = small_kb()
    folder, = get("nquads").write(kb, tmp_path, Options(shard_size=10))
    shards = sorted(folder.glob("*.nq"))
    assert folder == tmp_path / "nquads" and len(shards) > 1
    assert all(len(p.read_text(encoding="utf-8").splitlines()) <= 10 for p in shards)
