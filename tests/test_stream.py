"""Streaming writers: Turtle, N-Triples and sharded N-Quads equal to the graph rdflib builds in memory."""
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from conftest import ROOT
from kg.build import build_kb
from kg.rdf.stream import unique_quads, unique_triples, write_nquad_shards, write_nquads, write_triples
from kg.rdf.triples import graph_of, quads_of
from kg.rdf.write import all_or_nothing

EX = "http://example.org/"


@pytest.fixture(scope="module")
def kb():
    kb, _ = build_kb([ROOT / "kg" / "samples"], jobs=1)
    return kb


def test_stream_turtle_and_ntriples_hold_exactly_the_graph(kb, tmp_path):
    expected = set(graph_of(kb))
    n = write_triples(quads_of(kb), tmp_path / "g.ttl", "turtle")
    assert set(Graph().parse(tmp_path / "g.ttl")) == expected and n == len(expected)
    n = write_triples(quads_of(kb), tmp_path / "g.nt", "nt")
    assert set(Graph().parse(tmp_path / "g.nt", format="nt")) == expected and n == len(expected)


def test_stream_once_yields_the_same_union_graph(kb):
    every = [q[:3] for q in quads_of(kb)]
    once = [q[:3] for q in quads_of(kb, once=True)]
    assert set(once) == set(every) and len(once) < len(every)


@pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")   # inside rdflib's parser
def test_stream_shards_are_bounded_and_together_hold_every_quad(kb, tmp_path):
    whole = write_nquads(quads_of(kb), tmp_path / "graph.nq")
    shards = write_nquad_shards(quads_of(kb), tmp_path / "nquads", 500)
    sizes = [len(p.read_text(encoding="utf-8").splitlines()) for p in shards]
    assert len(shards) == -(-whole // 500) and max(sizes) == 500 and sum(sizes) == whole
    together = Dataset()
    for p in shards:
        together.parse(p, format="nquads")
    alone = Dataset().parse(tmp_path / "graph.nq", format="nquads")
    assert set(together.quads()) == set(alone.quads())
    assert len({g for *_, g in together.quads()}) == len(kb.articles)    # one named graph per article


def test_stream_shards_replace_a_previous_set_whole(kb, tmp_path):
    folder = tmp_path / "nquads"
    first = write_nquad_shards(quads_of(kb), folder, 300)
    second = write_nquad_shards(quads_of(kb), folder, 1000)
    assert len(first) > len(second)
    assert sorted(folder.iterdir()) == second                  # no stale shard of the first set
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_stream_unique_drops_repeats_even_when_a_subject_comes_back():
    s, t, p, q = URIRef(EX + "s"), URIRef(EX + "t"), URIRef(EX + "p"), URIRef(EX + "q")
    quads = [(s, p, Literal("a"), "1"), (s, p, Literal("a"), "2"), (t, q, s, "1"), (s, p, Literal("a"), "3"),
             (s, q, t, "3"), (t, q, s, "2")]
    assert list(unique_triples(quads)) == [(s, p, Literal("a")), (t, q, s), (s, q, t)]
    assert len(list(unique_quads(quads + quads))) == len(quads)


def test_stream_shards_of_a_failed_build_leave_the_previous_set(kb, tmp_path):
    folder = tmp_path / "nquads"
    before = {p.name: p.read_bytes() for p in write_nquad_shards(quads_of(kb), folder, 300)}
    with pytest.raises(RuntimeError), all_or_nothing():
        write_nquad_shards(quads_of(kb), folder, 1000)
        raise RuntimeError("the build fails after the shards were written")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
