"""graph.gexf: the graph for Gephi, through networkx, with each node's type, label, aliases, kind, date,
mentions and number of sources as attributes."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..rdf.write import atomic_path
from ..viz.graph import build_graph, flat

FILE = "graph.gexf"


def write(kb, out: Path, options=None) -> list[Path]:
    with atomic_path(out / FILE) as tmp:
        nx.write_gexf(flat(build_graph(kb)), tmp)
    return [out / FILE]
