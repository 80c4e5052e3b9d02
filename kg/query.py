"""SPARQL from the command line: SELECT, ASK and CONSTRUCT over a built graph.

The usual prefixes (schema, org, prov, rdfs, skos, xsd, nkg and the id/ ones)
are declared for the user when the query does not declare them itself.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from .errors import UsageError
from .rdf.namespaces import PREFIXES


def with_prefixes(query: str) -> str:
    declared = {m.group(1) for m in re.finditer(r"(?i)PREFIX\s+([\w-]*):", query)}
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)
    return head + query


def load_graph(path: Path) -> Graph:
    if not path.exists():
        raise UsageError(f"{path}: no such graph file (run `kg build` first, or pass --graph)")
    g = Graph()
    fmt = {".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}.get(path.suffix, "turtle")
    g.parse(path, format=fmt)
    return g


def run_query(g: Graph, query: str) -> Result:
    try:
        return g.query(with_prefixes(query))
    except Exception as e:  # rdflib raises pyparsing and its own errors for a bad query
        raise UsageError(f"the query cannot be run: {str(e).splitlines()[0]}") from None


def _cell(value) -> str:
    return "" if value is None else str(value)


def format_result(res: Result, fmt: str = "table") -> str:
    if res.type == "ASK":
        return json.dumps({"boolean": bool(res.askAnswer)}) if fmt == "json" else ("yes" if res.askAnswer else "no")
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        g = res.graph
        for p, ns in PREFIXES.items():
            g.bind(p, ns, override=True)
        return g.serialize(format="json-ld" if fmt == "json" else "turtle")
    names = [str(v) for v in res.vars]
    rows = [[_cell(r[v]) for v in res.vars] for r in res]
    if fmt == "json":
        return res.serialize(format="json").decode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    return table(names, rows)


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def table(names: list[str], rows: list[list[str]]) -> str:
    widths = [_width(n) for n in names]
    for r in rows:
        widths = [max(w, _width(c)) for w, c in zip(widths, r)]

    def line(cells):
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
