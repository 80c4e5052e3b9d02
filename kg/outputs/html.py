"""graph.html and index.html: the interactive graph and the overview page beside it (drawn by kg/viz)."""
from __future__ import annotations

from pathlib import Path

from ..viz.pages import write_pages


def write(kb, out: Path, options) -> list[Path]:
    return write_pages(kb, out, title=options.title, max_nodes=options.html_max_nodes)
