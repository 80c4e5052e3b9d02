"""graph.graphml: the graph for Cytoscape and yEd, through networkx, with the attributes graph.gexf has."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..rdf.write import atomic_path
from ..viz.graph import build_graph, flat

FILE = "graph.graphml"


def write(kb, out: Path, options=None) -> list[Path]:
    with atomic_path(out / FILE) as tmp:
        nx.write_graphml(flat(build_graph(kb)), tmp)
    return [out / FILE]
