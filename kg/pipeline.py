"""The whole run as one declared list: what each step of `kg build` requires and assigns, in order.

    $ kg build --explain
    ingest   read           kg.ingest.readers       file -> text
    ingest   masthead       kg.ingest.masthead      text -> issue_date, paper
    ...
    extract  organizations  kg.extract.organizations home, date -> organization, person, memberships
    ...

An article enters in ingest (a file becomes text, its masthead gives the issue date and the
paper, the page is split into articles), is tagged, then each extraction component
(kg/extract/__init__.py, checked there and at run time by Doc) finds its kind of fact;
resolve merges the facts of every article into one knowledge base, rdf turns it into
triples, and each output writer (kg/outputs) writes its file. `check` fails when a step
requires something no earlier step assigns, the way spaCy's `analyze_pipes` does.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    stage: str
    name: str
    where: str                    # the module that does it
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    about: str


def steps() -> list[Step]:
    from .extract import PIPELINE
    from .outputs import WRITERS

    facts = ("person", "organization", "place", "role", "event", "memberships", "events")
    out = [
        Step("ingest", "read", "kg.ingest.readers", ("file",), ("text",),
             "decode the file (GB18030, Big5, UTF-16...), refuse binary, simplify traditional characters"),
        Step("ingest", "masthead", "kg.ingest.masthead", ("text",), ("issue_date", "paper"),
             "the issue date and the paper (its home city) from the masthead, else --date/--dates and --city"),
        Step("ingest", "split", "kg.ingest.split", ("text", "issue_date", "paper"), ("article",),
             "a page into its articles (headlines, credits, ads); a JSON line is one article"),
        Step("extract", "tag", "kg.extract.tagger", ("article",), ("tokens",),
             "words, parts of speech and name tags (Baidu's LAC on ONNX Runtime)"),
    ]
    for c in PIPELINE:
        reads = ("tokens",) + c.requires if c.requires else ("tokens",)
        out.append(Step("extract", c.name, c.module.__name__, reads, c.assigns, c.about))
    out.append(Step("resolve", "resolve", "kg.resolve", facts, ("knowledge_base",),
                    "one node per real entity across every article: names, aliases, places under their parents"))
    out.append(Step("rdf", "triples", "kg.rdf.triples", ("knowledge_base",), ("triples",),
                    "the knowledge base as triples under the ontology, each with the article it came from"))
    for w in WRITERS.values():
        out.append(Step("write", w.name, w.module, ("knowledge_base",) if w.name in ("html", "gexf", "graphml")
                        else ("triples",), w.files, w.about))
    return out


def check(pipeline: list[Step] | None = None) -> None:
    """Every step requires only what an earlier step assigns."""
    assigned: set[str] = {"file"}
    for step in pipeline or steps():
        missing = set(step.requires) - assigned
        if missing:
            raise RuntimeError(f"step {step.stage}/{step.name} requires {sorted(missing)} before it runs")
        assigned |= set(step.assigns)


def explain() -> list[str]:
    """The run, a line a step: stage, name, module, requires -> assigns, and what it does."""
    rows = steps()
    check(rows)
    w_name = max(len(s.name) for s in rows)
    w_where = max(len(s.where) for s in rows)
    lines = []
    for s in rows:
        lines.append(f"{s.stage:8} {s.name:{w_name}} {s.where:{w_where}} {', '.join(s.requires)} -> "
                     f"{', '.join(s.assigns)}")
        lines.append(f"{'':8} {'':{w_name}} {s.about}")
    return lines
