"""graph.ttl: every unique triple of the build as Turtle, streamed (the file every build writes).

`aside` writes it in a forked process while the build makes the other outputs; `write` in this one.
"""
from __future__ import annotations

from pathlib import Path

from ..rdf.stream import triples_aside, write_triples
from ..rdf.triples import quads_of

FILE = "graph.ttl"


def write(kb, out: Path, options=None) -> list[Path]:
    write_triples(quads_of(kb, once=True), out / FILE, "turtle")
    return [out / FILE]


def aside(kb, out: Path):
    """A context manager: graph.ttl is written beside the block; its `.n` is the number of triples."""
    return triples_aside(quads_of(kb, once=True), out / FILE)
