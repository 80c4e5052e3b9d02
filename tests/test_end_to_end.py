"""A real page built end to end, checked against facts a reader can verify, and every graph validated."""
import shutil
import subprocess
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from conftest import ROOT, needs_shared, page
from kg.run.build import build_kb, write_outputs

SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl")
ONTOLOGY = Graph().parse(ROOT / "ontology" / "newskg.ttl")


def _build(paths, tmp_path, **kw):
    kb, summary = build_kb(paths, **kw)
    write_outputs(kb, tmp_path, summary)
    return Graph().parse(tmp_path / "graph.ttl"), summary


def _conforms(g):
    ok, _, text = validate(g, shacl_graph=SHAPES, ont_graph=ONTOLOGY, inference="rdfs")
    return ok, text


@pytest.fixture(scope="module")
def page000(tmp_path_factory):
    out = tmp_path_factory.mktemp("p000")
    return _build([page("000")], out), out


@needs_shared
def test_end_to_end_page000_zhujian_is_mayor(page000):
    (g, summary), _ = page000
    rows = list(g.query("""
        PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?title ?orgname WHERE {
            ?m org:member ?p ; org:role ?r ; org:organization ?o .
            ?p rdfs:label "朱健"@zh . ?r rdfs:label ?title . ?o rdfs:label ?orgname }"""))
    facts = {(str(t), str(o)) for t, o in rows}
    assert ("市长", "衡阳市人民政府") in facts
    assert ("副书记", "中共衡阳市委员会") in facts
    assert summary.articles >= 8


@needs_shared
def test_end_to_end_page000_event_date_and_place(page000):
    (g, _), _ = page000
    rows = list(g.query("""
        PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?d ?where WHERE { ?e rdfs:label ?n ; schema:startDate ?d ; schema:location/rdfs:label ?where .
                                  FILTER(CONTAINS(STR(?n), "文创联盟成立大会")) }"""))
    assert [(str(d), str(w)) for d, w in rows] == [("2021-01-12", "衡阳市")]


@needs_shared
def test_end_to_end_page000_graph_conforms_and_parses_independently(page000):
    (g, _), out = page000
    ok, text = _conforms(g)
    assert ok, text
    rapper = shutil.which("rapper")
    assert rapper, "rapper (raptor2-utils) is installed by `make install`"
    res = subprocess.run([rapper, "-i", "turtle", "-c", str(out / "graph.ttl")], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


def test_end_to_end_samples_conform_and_html_is_offline(tmp_path):
    g, summary = _build(None, tmp_path)
    ok, text = _conforms(g)
    assert ok, text
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in html
    for remote in ('src="http', "src='http", 'href="http', "@import url(http", "cdn.jsdelivr", "cdnjs"):
        assert remote not in html
    assert summary.counts["persons"] >= 20 and summary.counts["events"] >= 8


def test_end_to_end_same_person_same_iri_in_two_builds(tmp_path):
    samples = Path(__file__).resolve().parents[1] / "kg" / "samples"
    g1, _ = _build([samples / "xiangtan_2023-04-18.txt"], tmp_path / "a")
    g2, _ = _build([samples / "xiangtan_2023-04-19.txt"], tmp_path / "b")
    q = 'SELECT ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> "谭慧英"@zh }'
    assert {r[0] for r in g1.query(q)} == {r[0] for r in g2.query(q)} != set()
