"""Where the graph is drawn: networkx graph (graph.py), its layout (layout.py), the HTML page
(html.py + template.html), the overview (overview.py + overview.html), Gephi/Cytoscape files
(export.py), opening the page (view.py)."""
from .graph import build_graph, node_key, type_counts
from .html import render
from .overview import render_overview
from .pages import write_pages

__all__ = ["build_graph", "node_key", "render", "render_overview", "type_counts", "write_pages"]
