"""Where a build's files are written: one writer per output, registered here, imported when first used.

As rdflib's `plugin.register` does for serializers, each output is a module with one small
interface, `write(kb, out, options) -> list[Path]` (the files or folders it wrote into `out`),
named in `WRITERS` with the files it owns and a line saying what it is. `kg build --format`'s
choices, its help and the README's list of outputs (checked by tests/test_docs.py) come from
here. A writer that may run in a forked process beside the others also has
`aside(kb, out) -> context manager` (Turtle: graph.ttl is written while graph.html is made).

    >>> [w.name for w in extras()]
    ['nt', 'nquads', 'json-ld', 'gexf', 'graphml']
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True)
class Options:
    title: str = "newskg"
    html_max_nodes: int = 2000        # nodes graph.html opens on
    shard_size: int | None = None     # N-Quads in files of at most this many lines under out/nquads/


@dataclass(frozen=True)
class Writer:
    name: str                 # what --format says
    module: str               # where `write` lives, imported when first used
    files: tuple[str, ...]    # what it writes in the output folder (files, or a folder of shards)
    about: str
    default: bool = False     # written by every build (unless --no-html turns the pages off)

    def load(self) -> ModuleType:
        return importlib.import_module(self.module)

    def write(self, kb, out: Path, options: Options) -> list[Path]:
        return self.load().write(kb, out, options)


WRITERS: dict[str, Writer] = {}


def register(name: str, module: str, files: tuple[str, ...], about: str, default: bool = False) -> None:
    WRITERS[name] = Writer(name, module, files, about, default)


register("turtle", "kg.outputs.turtle", ("graph.ttl",), "Turtle, the graph itself (always written)", default=True)
register("html", "kg.outputs.html", ("graph.html", "index.html"),
         "the interactive graph and its overview page (--no-html leaves them out)", default=True)
register("tables", "kg.outputs.tables", ("graph.db",),
         "the facts as SQLite tables with full-text search, for `kg browse` (Datasette)", default=True)
register("nt", "kg.outputs.ntriples", ("graph.nt",), "N-Triples, one triple a line")
register("nquads", "kg.outputs.nquads", ("graph.nq", "nquads"),
         "N-Quads, one named graph per article; with --shard-size, files of at most that many lines in nquads/")
register("json-ld", "kg.outputs.jsonld", ("graph.jsonld",), "JSON-LD (through rdflib, for graphs that fit in memory)")
register("gexf", "kg.outputs.gexf", ("graph.gexf",), "GEXF for Gephi: type, label, aliases, date, mentions")
register("graphml", "kg.outputs.graphml", ("graph.graphml",), "GraphML for Cytoscape and yEd, the same attributes")


def get(name: str) -> Writer:
    return WRITERS[name]


def extras() -> list[Writer]:
    """The writers --format asks for; the default ones are always written."""
    return [w for w in WRITERS.values() if not w.default]


def owned_files() -> list[str]:
    """Every file or folder a build may write in its output folder (what its lock covers)."""
    return [f for w in WRITERS.values() for f in w.files]
