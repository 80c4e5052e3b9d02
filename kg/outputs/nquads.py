"""graph.nq: N-Quads, each triple in the named graph of the article it came from; with `shard_size`, files of at
most that many lines under nquads/ (graph-00001.nq, ...) for bulk loaders (docs/bulk-load.md)."""
from __future__ import annotations

from pathlib import Path

from ..rdf.stream import write_nquad_shards, write_nquads
from ..rdf.triples import quads_of

FILE, SHARDS = "graph.nq", "nquads"


def write(kb, out: Path, options) -> list[Path]:
    if options.shard_size:
        write_nquad_shards(quads_of(kb), out / SHARDS, options.shard_size)
        return [out / SHARDS]
    write_nquads(quads_of(kb), out / FILE)
    return [out / FILE]
