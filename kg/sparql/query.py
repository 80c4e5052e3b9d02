"""SPARQL from the command line and the server: SELECT, ASK, CONSTRUCT and DESCRIBE over a graph file or a store.

A query runs against a graph file (rdflib) or an on-disk store (`kg.sparql.store`, Oxigraph); both
answer with an rdflib Result, so the formats below are the same for either. A SELECT on a
store can instead be written by Oxigraph itself (`run_select`), in the SPARQL 1.1 results
formats: the same rows, several times faster when there are many. The usual
prefixes (schema, org, prov, rdfs, skos, xsd, nkg and the id/ ones) are declared for the
user when the query does not declare them itself. `query_form` and `uses_service` read a
query's text without running it (the server refuses updates and SERVICE before any work).
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from ..errors import UsageError
from ..rdf.namespaces import PREFIXES

UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")


class QueryError(UsageError):
    """A query that cannot be run; `syntax` is True when it does not parse (the asker's mistake)."""

    def __init__(self, message: str, syntax: bool = False):
        super().__init__(message)
        self.syntax = syntax


def load_graph(path: Path) -> Graph:
    if not path.exists():
        raise UsageError(f"{path}: no such graph file (run `kg build` first, or pass --graph)")
    g = Graph()
    fmt = {".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}.get(path.suffix, "turtle")
    try:
        g.parse(path, format=fmt)
    except Exception as e:  # rdflib's parsers raise their own error types
        why = " ".join(str(e).split())[:160] or type(e).__name__
        raise UsageError(f"{path}: not a readable graph ({why})") from None
    return g


def open_source(graph: Path | None = None, store: Path | None = None):
    """The graph file (an rdflib Graph) or, when `store` is given, the on-disk store, ready to query."""
    if store is not None:
        from .store import GraphStore
        return GraphStore(store)
    return load_graph(graph if graph is not None else Path("output") / "graph.ttl")


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def run_query(source, query: str, *, limit: int | None = None) -> Result:
    """Run `query` on a Graph or a GraphStore; QueryError names what went wrong in one line.

    `limit` lets a store stop reading a CONSTRUCT after limit + 1 triples (the server's --max-rows).
    """
    if isinstance(source, Graph):
        from rdflib.plugins.sparql import prepareQuery
        try:
            prepared = prepareQuery(query, initNs=PREFIXES)
        except Exception as e:  # pyparsing's ParseException, or rdflib's for an undeclared prefix
            raise QueryError(f"the query cannot be run: {_first_line(e)}", syntax=True) from None
        try:
            return source.query(prepared)
        except Exception as e:
            raise QueryError(f"the query cannot be run: {_first_line(e)}") from None
    from .store import StoreQueryError
    try:
        return source.query(query, limit=limit)
    except StoreQueryError as e:
        raise QueryError(f"the query cannot be run: {_first_line(e)}", syntax=e.syntax) from None


def oxigraph_writes(source, query: str) -> bool:
    """Is this a SELECT on a store, whose rows `run_select` has Oxigraph write (for `kg query` and `kg serve`)?"""
    from .store import GraphStore
    return isinstance(source, GraphStore) and query_form(query) == "SELECT"


def run_select(store, query: str, fmt: str, *, max_rows: int | None = None) -> bytes:
    """A SELECT on a GraphStore, its solutions written by Oxigraph in `fmt` (json, xml, csv, tsv).

    The fast way for large answers; errors as `run_query`'s, and kg.sparql.store.TooManyRows past `max_rows`.
    """
    from .store import StoreQueryError
    try:
        return store.select(query, fmt, max_rows=max_rows)
    except StoreQueryError as e:
        raise QueryError(f"the query cannot be run: {_first_line(e)}", syntax=e.syntax) from None


def select_text(store, query: str, fmt: str) -> bytes:
    """A SELECT on a store in `kg query`'s formats: Oxigraph writes CSV and JSON, and a table is made from its CSV
    (whose cells are the text `format_result` prints for a term)."""
    if fmt != "table":
        return run_select(store, query, fmt)
    head, *rows = csv.reader(io.StringIO(run_select(store, query, "csv").decode("utf-8"), newline=""))
    return (table(head, rows) + "\n").encode("utf-8")


# Strings, IRIs and comments, skipped when looking for keywords (an IRI may hold '#', a string anything).
_OPAQUE = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""', r"'''(?:[^'\\]|\\.|'(?!''))*'''",   # long strings
    r'"(?:[^"\\\n]|\\.)*"', r"'(?:[^'\\\n]|\\.)*'",                          # strings
    r'<[^<>"{}|^`\\\s]*>',                                                      # IRIs
    r"#[^\n]*",                                                                 # comments
]), re.S)
_KEYWORD = re.compile(r"(?<![\w:?$])(" + "|".join(QUERY_FORMS + UPDATE_FORMS) + r")(?![\w:-])", re.I)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.I)


def _bare(query: str) -> str:
    return _OPAQUE.sub(" ", query)


def query_form(query: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE, ASK or an update keyword (INSERT, DELETE, LOAD, ...): the first one the text uses."""
    m = _KEYWORD.search(_bare(query))
    return m.group(1).upper() if m else None


def uses_service(query: str) -> bool:
    """True when the query asks for a SERVICE (a federated query to another endpoint)."""
    return bool(_SERVICE.search(_bare(query)))


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def nt_term(term) -> str:
    """A term in N-Triples syntax, one line whatever the text holds (for N-Quads and TSV results)."""
    if type(term) is URIRef:        # the common case first, without isinstance's ABC machinery
        return f"<{term}>"
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if not isinstance(term, Literal):
        return f"<{term}>"
    text = str(term).translate(_NT_ESCAPES)
    if term.language:
        return f'"{text}"@{term.language}'
    return f'"{text}"^^<{term.datatype}>' if term.datatype else f'"{text}"'


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
        w = csv.writer(buf, lineterminator="\r\n")     # as SPARQL 1.1's CSV results (and Oxigraph's) have it
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
