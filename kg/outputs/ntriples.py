"""graph.nt: every unique triple, one a line (N-Triples), for tools that read line by line."""
from __future__ import annotations

from pathlib import Path

from ..rdf.stream import write_triples
from ..rdf.triples import quads_of

FILE = "graph.nt"


def write(kb, out: Path, options=None) -> list[Path]:
    write_triples(quads_of(kb, once=True), out / FILE, "nt")
    return [out / FILE]
