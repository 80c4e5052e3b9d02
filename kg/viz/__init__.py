"""Where the graph is drawn: networkx graph (graph.py), HTML page (html.py, template.html)."""
from .graph import build_graph, type_counts
from .html import render

__all__ = ["build_graph", "render", "type_counts"]
