"""Writing the graph to disk: Turtle, N-Triples, N-Quads (a named graph per article), JSON-LD.

Every file is written to a temporary file beside its target and renamed into
place, so an interrupted or failed build leaves the previous file as it was.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .triples import article_iri

FORMATS = {"turtle": "graph.ttl", "nt": "graph.nt", "nquads": "graph.nq", "json-ld": "graph.jsonld"}


@contextmanager
def atomic_path(target: Path):
    """Yield a temporary path beside `target`; on success it replaces `target`, on failure it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _term(t) -> str:
    return t.n3()


def write_quads(quads: Iterable, path: Path) -> int:
    """N-Quads, one named graph per article; returns the number of lines."""
    n = 0
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as f:
        seen = set()
        for s, p, o, aid in quads:
            key = (s, p, o, aid)
            if key in seen:
                continue
            seen.add(key)
            f.write(f"{_term(s)} {_term(p)} {_term(o)} {_term(article_iri(aid))} .\n")
            n += 1
    return n


def write_graph(g: Graph, path: Path, fmt: str = "turtle") -> None:
    with atomic_path(path) as tmp:
        if fmt == "nt":
            with tmp.open("w", encoding="utf-8") as f:
                for s, p, o in g:
                    f.write(f"{_term(s)} {_term(p)} {_term(o)} .\n")
        else:
            g.serialize(destination=str(tmp), format=fmt, encoding="utf-8")


def write_text(text: str, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


__all__ = ["FORMATS", "write_graph", "write_quads", "write_text", "atomic_path", "URIRef", "Literal"]
