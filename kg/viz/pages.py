"""The pages a build writes beside graph.ttl: graph.html (the graph) and index.html (the overview)."""
from __future__ import annotations

from pathlib import Path

from ..rdf.write import write_text
from ..resolve import KnowledgeBase
from .graph import build_graph
from .html import render
from .overview import render_overview

PAGES = ("graph.html", "index.html")


def write_pages(kb: KnowledgeBase, out: Path, *, title: str = "newskg", max_nodes: int = 2000) -> list[Path]:
    """Render both pages, then write each atomically; returns their paths."""
    g = build_graph(kb)
    texts = {"graph.html": render(g, title=title, max_nodes=max_nodes, previous=out / "graph.html"),
             "index.html": render_overview(g, title=title)}
    for name in PAGES:
        write_text(texts[name], out / name)
    return [out / name for name in PAGES]
