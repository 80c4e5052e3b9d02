"""kg.viz.export: GEXF and GraphML for Gephi and Cytoscape, read back by networkx with types and labels."""
import networkx as nx
import pytest
from viz_kb import small_kb

from kg.viz.export import write_network
from kg.viz.graph import build_graph


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_viz_export_types_and_labels_survive(tmp_path, fmt, read):
    kb = small_kb()
    path = tmp_path / f"graph.{fmt}"
    write_network(kb, path, fmt)
    back = read(path)
    g = build_graph(kb)
    assert {n: (d["type"], d["label"]) for n, d in back.nodes(data=True)} == \
           {n: (d["type"], d["label"]) for n, d in g.nodes(data=True)}
    assert back.number_of_edges() == g.number_of_edges()
    kinds = sorted(d["kind"] for _, _, d in back.edges(data=True))
    assert kinds == sorted(d["kind"] for _, _, d in g.edges(data=True))
    zhang = next(d for _, d in back.nodes(data=True) if d["label"] == "张三")
    assert zhang["sources"] == 2
