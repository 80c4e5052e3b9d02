"""Streaming writers: Turtle, N-Triples and sharded N-Quads equal to the graph rdflib builds in memory."""
import os
import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

import kg.rdf.stream as stream
from conftest import ROOT
from kg.errors import OutputError
from kg.rdf.stream import (
    triples_aside,
    unique_quads,
    unique_triples,
    write_nquad_shards,
    write_nquads,
    write_triples,
)
from kg.rdf.triples import graph_of, quads_of
from kg.rdf.write import all_or_nothing
from kg.run.build import build_kb

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


def _children() -> set[int]:
    """This process's child processes still there (zombies too), from /proc."""
    me = str(os.getpid())
    out = set()
    for d in os.listdir("/proc"):
        try:
            with open(f"/proc/{d}/stat") as f:
                if f.read().rsplit(")", 1)[1].split()[1] == me:
                    out.add(int(d))
        except (OSError, IndexError):
            continue
    return out


def test_stream_triples_aside_writes_what_write_triples_writes(kb, tmp_path):
    before = _children()
    n = write_triples(quads_of(kb, once=True), tmp_path / "here.ttl")
    with triples_aside(quads_of(kb, once=True), tmp_path / "aside.ttl") as done:
        assert not (tmp_path / "aside.ttl").exists()            # written while the block runs, in place at its end
    assert done.n == n > 1000 and (tmp_path / "aside.ttl").read_bytes() == (tmp_path / "here.ttl").read_bytes()
    assert _children() == before and sorted(p.name for p in tmp_path.iterdir()) == ["aside.ttl", "here.ttl"]


def test_stream_triples_aside_block_failing_stops_the_writer_and_keeps_the_old_file(kb, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    before = _children()
    with pytest.raises(KeyboardInterrupt), triples_aside(quads_of(kb, once=True), target):
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    assert _children() == before


@pytest.mark.parametrize("error, raised, message", [
    (OSError(28, "No space left on device"), OutputError, "cannot be written (no space left on device)"),
    (ValueError("a bug"), RuntimeError, "ValueError: a bug")])
def test_stream_triples_aside_error_in_the_writer_is_raised_here(kb, tmp_path, monkeypatch, error, raised, message):
    def failing(quads, tmp, fmt):
        raise error
    monkeypatch.setattr(stream, "_serialize_triples", failing)       # the forked writer inherits it
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(raised, match=re.escape(message)):
        with triples_aside(quads_of(kb, once=True), target):
            pass
    assert target.read_text(encoding="utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
