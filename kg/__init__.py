"""newskg: Chinese newspaper pages in, a knowledge graph of who held which post, who did what, where and when.

    import kg
    graph, summary = kg.build(["pages/"], date="2021-01-13")   # an rdflib.Graph and what was built
"""
from __future__ import annotations

from datetime import date as _date
from pathlib import Path

__version__ = "0.1.0"


def build(paths=None, *, date: str | _date | None = None, city: str | None = None, lexicon: str | None = None):
    """Build the knowledge graph of `paths` (files or folders; the bundled samples when None).

    Returns (rdflib.Graph, Summary). Nothing is written; see `kg.run.build.write_outputs` or `kg build`."""
    from .rdf.triples import graph_of
    from .run.build import build_kb

    issue = _date.fromisoformat(date) if isinstance(date, str) else date
    kb, summary = build_kb([Path(p) for p in paths] if paths else None, issue_date=issue, city=city, lexicon=lexicon)
    g = graph_of(kb)
    summary.triples = len(g)
    return g, summary


__all__ = ["build", "__version__"]
