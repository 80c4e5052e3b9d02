"""Where RDF is written: the knowledge base as triples (triples.py) and as files (write.py)."""
from .triples import graph_of, quads_of
from .write import FORMATS, write_graph

__all__ = ["graph_of", "quads_of", "write_graph", "FORMATS"]
