"""The main job: input paths in, a knowledge base and its files out.

`build_kb` reads and extracts every input (bad inputs become one-line problems,
the rest is still built); `write_outputs` writes graph.ttl, graph.html and any
other format, each atomically. `kg.build` (the notebook entry point) does both
reading steps and returns the rdflib graph with the summary.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path

from .errors import Problem
from .extract import extract
from .ingest import expand, read_source
from .lexicon import load as load_lexicon
from .resolve import KnowledgeBase, resolve

FORMAT_FILES = {"turtle": "graph.ttl", "nt": "graph.nt", "nquads": "graph.nq", "json-ld": "graph.jsonld",
                "gexf": "graph.gexf", "graphml": "graph.graphml"}


def samples_dir() -> Path:
    return Path(str(files("kg") / "samples"))


@dataclass
class Summary:
    inputs: int = 0
    pages: int = 0
    articles: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    @property
    def status(self) -> int:
        """0 all inputs built, 1 some skipped, 2 nothing usable."""
        if self.articles == 0:
            return 2
        return 1 if self.problems else 0

    def lines(self) -> list[str]:
        c = self.counts
        out = [f"built {self.inputs} input file(s): {self.pages} page(s), {self.articles} article(s) in {self.seconds:.1f} s",
               f"  persons {c.get('persons', 0)}, organizations {c.get('organizations', 0)}, places {c.get('places', 0)}, "
               f"events {c.get('events', 0)}; posts held {c.get('posts', 0)}; {self.triples} triples"]
        for p in self.outputs:
            out.append(f"  wrote {p}")
        for n in self.notes:
            out.append(f"  note: {n}")
        for p in self.problems:
            out.append(f"  skipped: {p}")
        return out


def build_kb(paths: list[Path] | None = None, *, issue_date: date | None = None, city: str | None = None,
             lexicon: str | None = None) -> tuple[KnowledgeBase, Summary]:
    """Read, extract and resolve every input; problems are collected in the summary."""
    started = time.perf_counter()
    summary = Summary()
    files_, problems = expand(list(paths) if paths else [samples_dir()])
    summary.problems.extend(problems)
    lex = load_lexicon(lexicon)
    extractions = []
    for path in files_:
        src = read_source(path, issue_date=issue_date, city=city)
        summary.inputs += 1
        summary.problems.extend(src.problems)
        summary.notes.extend(src.notes)
        if src.articles and not path.suffix.lower().endswith(("jsonl", "json", "ndjson")):
            summary.pages += 1
        summary.articles += sum(1 for a in src.articles if a.kind == "article")
        for article in src.articles:
            extractions.append(extract(article, lex))
    kb = resolve(extractions)
    summary.counts = kb.counts()
    summary.seconds = time.perf_counter() - started
    return kb, summary


def write_outputs(kb: KnowledgeBase, out: Path, summary: Summary, *, formats: tuple[str, ...] = ("turtle",),
                  html: bool = True, html_max_nodes: int = 2000, title: str = "newskg") -> None:
    """Write each requested format and the HTML view into `out`, atomically."""
    from .rdf.triples import graph_of, quads_of
    from .rdf.write import write_graph, write_quads, write_text

    started = time.perf_counter()
    g = graph_of(kb)
    summary.triples = len(g)
    for fmt in dict.fromkeys(("turtle",) + tuple(formats)):
        path = out / FORMAT_FILES[fmt]
        if fmt == "nquads":
            write_quads(quads_of(kb), path)
        elif fmt in ("gexf", "graphml"):
            from .viz.export import write_network
            write_network(kb, path, fmt)
        else:
            write_graph(g, path, fmt)
        summary.outputs.append(path)
    if html:
        from .viz import build_graph, render
        write_text(render(build_graph(kb), title=title, max_nodes=html_max_nodes), out / "graph.html")
        summary.outputs.append(out / "graph.html")
    summary.seconds += time.perf_counter() - started
