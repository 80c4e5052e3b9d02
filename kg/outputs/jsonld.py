"""graph.jsonld: the graph as JSON-LD, through rdflib (the graph is made in memory first)."""
from __future__ import annotations

from pathlib import Path

from ..rdf.triples import graph_of
from ..rdf.write import write_graph

FILE = "graph.jsonld"


def write(kb, out: Path, options=None) -> list[Path]:
    write_graph(graph_of(kb), out / FILE, "json-ld")
    return [out / FILE]
