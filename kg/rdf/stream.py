"""Writing archive-size graphs without holding them: triples streamed from the knowledge base to disk.

`quads_of` yields each fact once per supporting article, grouped by subject.
Here those are de-duplicated as they pass (within a subject's run, and across
the few subjects that come back later, like a paper named by every article) and
handed to pyoxigraph's serializers, which write Turtle (grouped by subject,
with our prefixes), N-Triples and N-Quads without building a graph in memory.
N-Quads can be split into shards of a bounded number of lines for bulk loaders
(Virtuoso's ld_dir, Jena's tdb2.xloader, QLever), one named graph per article.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from ..run.aside import aside
from .namespaces import PREFIXES
from .triples import article_iri
from .write import atomic_folder, atomic_path

RECENT_SUBJECTS = 256       # subjects whose facts are remembered after their run ends


class _Unique:
    """Items (subject first, `width` terms kept) without repeats, each as `make(*terms)` (the terms' tuple without
    `make`); `n` counts what was yielded. Memory is bounded by RECENT_SUBJECTS. One loop does the de-duplication,
    the counting and the making: at 200,000 triples a generator per step cost half a second."""

    def __init__(self, items: Iterable[tuple], width: int, make: Callable | None = None):
        self.items, self.width, self.make, self.n = items, width, make, 0

    def __iter__(self) -> Iterator:
        width, make = self.width, self.make
        recent: OrderedDict = OrderedDict()
        subject, seen, n = None, set(), 0
        try:
            for item in self.items:
                s = item[0]
                if s is not subject:        # quads_of yields one subject object per run: identity is the fast test
                    subject = s
                    seen = recent.get(s)
                    if seen is None:
                        seen = recent[s] = set()
                        if len(recent) > RECENT_SUBJECTS:
                            recent.popitem(last=False)
                    else:
                        recent.move_to_end(s)
                key = item[1:width]
                if key in seen:
                    continue
                seen.add(key)
                n += 1
                yield item[:width] if make is None else make(*item[:width])
        finally:
            self.n = n


def unique_triples(quads: Iterable[tuple]) -> Iterator[tuple]:
    return iter(_Unique(quads, 3))


def unique_quads(quads: Iterable[tuple]) -> Iterator[tuple]:
    return iter(_Unique(quads, 4))


def _ox_quad(s, p, o, aid: str) -> ox.Quad:
    return ox.Quad(s, p, o, article_iri(aid))


def write_triples(quads: Iterable[tuple], path: Path, fmt: str = "turtle") -> int:
    """Unique triples of `quads` as Turtle or N-Triples, atomically; returns how many."""
    with atomic_path(path) as tmp:
        return _serialize_triples(quads, tmp, fmt)


def _serialize_triples(quads: Iterable[tuple], tmp: Path, fmt: str) -> int:
    triples = _Unique(quads, 3, ox.Triple)
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}[fmt]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if fmt == "turtle" else None
    with tmp.open("wb", buffering=1 << 20) as f:
        ox.serialize(triples, f, rdf_format, prefixes=prefixes)
    return triples.n


def triples_aside(quads: Iterable[tuple], path: Path, fmt: str = "turtle"):
    """`write_triples` in a forked process while the block runs (kg.run.aside); its `.n` is the number of triples."""
    return aside(lambda tmp: _serialize_triples(quads, tmp, fmt), path)


def write_nquads(quads: Iterable[tuple], path: Path) -> int:
    """Unique quads, one named graph per article, in one file; returns how many."""
    made = _Unique(quads, 4, _ox_quad)
    with atomic_path(path) as tmp, tmp.open("wb", buffering=1 << 20) as f:
        ox.serialize(made, f, ox.RdfFormat.N_QUADS)
    return made.n


def write_nquad_shards(quads: Iterable[tuple], folder: Path, shard_size: int, stem: str = "graph") -> list[Path]:
    """Unique quads in files of at most `shard_size` lines: folder/graph-00001.nq, ...

    The shards are written into a new folder that replaces `folder` whole (with the
    build's other outputs, inside `all_or_nothing`), so a loader never sees a mix of two builds."""
    if shard_size < 1:
        raise ValueError("shard size must be at least 1")
    names: list[str] = []
    with atomic_folder(folder) as tmp:
        it = iter(_Unique(quads, 4, _ox_quad))
        while (first := next(it, None)) is not None:
            name = f"{stem}-{len(names) + 1:05d}.nq"
            with (tmp / name).open("wb", buffering=1 << 20) as f:
                ox.serialize(_take(first, it, shard_size), f, ox.RdfFormat.N_QUADS)
            names.append(name)
    return [folder / n for n in names]


def _take(first, it: Iterator, n: int) -> Iterator:
    yield first
    for _ in range(n - 1):
        item = next(it, None)
        if item is None:
            return
        yield item
