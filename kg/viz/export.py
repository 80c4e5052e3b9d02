"""The graph for Gephi and Cytoscape: GEXF and GraphML through networkx, types and labels as attributes."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..rdf.write import atomic_path
from ..resolve import KnowledgeBase
from .graph import build_graph


def flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Keep the attributes GEXF/GraphML can hold (strings and numbers)."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, label=d["label"], type=d["type"], aliases="、".join(d.get("aliases", [])),
                     kind=d.get("kind", ""), date=d.get("date", ""), mentions=int(d.get("mentions", 0)),
                     sources=len(d.get("sources", [])))
    for u, v, d in g.edges(data=True):
        out.add_edge(u, v, label=d.get("label", ""), kind=d.get("kind", ""))
    return out


def write_network(kb: KnowledgeBase, path: Path, fmt: str) -> None:
    g = flat(build_graph(kb))
    with atomic_path(path) as tmp:
        if fmt == "gexf":
            nx.write_gexf(g, tmp)
        else:
            nx.write_graphml(g, tmp)
