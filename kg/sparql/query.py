"""SPARQL from the command line and the server: SELECT, ASK, CONSTRUCT and DESCRIBE over a graph file or a store.

`open_source` gives the graph to query: graph.ttl (or .nt, .nq, .jsonld) loaded into an in-memory
Oxigraph store, or the on-disk store of `kg build --store`; both are answered by Oxigraph
(`kg.sparql.engine`), so a query gives the same answer on either. `run_query` answers with an
rdflib Result, on those and on an rdflib Graph (which rdflib evaluates: what `kg.build()` returns);
a SELECT's rows can instead be written by Oxigraph itself (`run_select`, `select_text`): the same
rows, several times faster when there are many. The usual prefixes (schema, org, prov, rdfs,
skos, xsd, nkg and the id/ ones) are declared for the user when the query does not declare them
itself. A query's `$name` parameters are put in by `kg.sparql.params`; a query that does not parse
is named by line and column, and a SELECT that finds nothing may get a note (`kg.sparql.diagnose`).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from ..errors import Messages, UsageError
from ..rdf.namespaces import PREFIXES
from .text import QUERY_FORMS, UPDATE_FORMS, query_form, uses_service  # noqa: F401 (imported from here before)


class QueryError(UsageError):
    """A query that cannot be run; `syntax` is True when it does not parse (the asker's mistake)."""

    def __init__(self, message: str, syntax: bool = False):
        super().__init__(message)
        self.syntax = syntax


def load_graph(path: Path) -> Graph:
    """The graph file as an rdflib Graph, for Python callers who want one (kg query reads it with `open_source`)."""
    if not path.exists():
        raise UsageError(Messages.E200.format(path=path))
    g = Graph()
    fmt = {".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}.get(path.suffix, "turtle")
    try:
        g.parse(path, format=fmt)
    except Exception as e:  # rdflib's parsers raise their own error types
        why = " ".join(str(e).split())[:160] or type(e).__name__
        raise UsageError(Messages.E201.format(path=path, why=why)) from None
    return g


def open_source(graph: Path | None = None, store: Path | None = None):
    """The graph file in memory (a GraphFile) or, when `store` is given, the on-disk store (a GraphStore):
    both Oxigraph, ready to query."""
    if store is not None:
        from .store import GraphStore
        return GraphStore(store)
    from .engine import GraphFile
    return GraphFile(graph if graph is not None else Path("output") / "graph.ttl")


def run_query(source, query: str, *, limit: int | None = None, params: dict[str, str] | None = None) -> Result:
    """Run `query` on a GraphFile, a GraphStore or an rdflib Graph; QueryError names what went wrong in one line.

    `params` gives values to the parameters the query declares (kg.sparql.params); `limit` lets Oxigraph stop
    reading a CONSTRUCT after limit + 1 triples (the server's --max-rows).
    """
    if params is not None:
        from .params import bind
        query = bind(query, params).text
    if isinstance(source, Graph):
        from rdflib.plugins.sparql import prepareQuery
        try:
            prepared = prepareQuery(query, initNs=PREFIXES)
        except Exception as e:  # pyparsing's ParseException, or rdflib's for an undeclared prefix
            raise _syntax_error(query, e) from None
        try:
            return source.query(prepared)
        except Exception as e:
            raise QueryError(Messages.E203.format(why=_first_line(e))) from None
    from .engine import StoreQueryError
    try:
        return source.query(query, limit=limit)
    except StoreQueryError as e:
        raise _error(query, e) from None


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def _syntax_error(query: str, e: Exception) -> QueryError:
    from .diagnose import syntax_message
    return QueryError(syntax_message(query, e), syntax=True)


def _error(query: str, e) -> QueryError:
    """A StoreQueryError as the user sees it: a parse error by line and column, any other in one line."""
    if e.syntax:
        return _syntax_error(query, e)
    return QueryError(Messages.E203.format(why=_first_line(e)))


def oxigraph_writes(source, query: str) -> bool:
    """Is this a SELECT on Oxigraph (a file or a store), whose rows `run_select` has Oxigraph write?"""
    from .engine import OxigraphGraph
    return isinstance(source, OxigraphGraph) and query_form(query) == "SELECT"


def run_select(source, query: str, fmt: str, *, max_rows: int | None = None) -> bytes:
    """A SELECT on a GraphFile or GraphStore, its solutions written by Oxigraph in `fmt` (json, xml, csv, tsv).

    The fast way for large answers; errors as `run_query`'s, and kg.sparql.engine.TooManyRows past `max_rows`.
    """
    from .engine import StoreQueryError
    try:
        return source.select(query, fmt, max_rows=max_rows)
    except StoreQueryError as e:
        raise _error(query, e) from None


def select_text(source, query: str, fmt: str) -> bytes:
    """A SELECT on Oxigraph in `kg query`'s formats: Oxigraph writes CSV and JSON, and a table is made from its CSV
    (whose cells are the text `format_result` prints for a term)."""
    if fmt != "table":
        return run_select(source, query, fmt)
    head, *rows = csv.reader(io.StringIO(run_select(source, query, "csv").decode("utf-8"), newline=""))
    return (table(head, rows) + "\n").encode("utf-8")


def note_for_no_rows(source, query: str, defaults: dict[str, str] | None = None) -> str | None:
    """What to tell the asker of a SELECT that found no rows, or None: a plain string the graph has as an @zh
    name (kg.sparql.diagnose.zh_note), else the parameters that kept their defaults."""
    from .diagnose import zh_note
    note = zh_note(source, query)
    if note is None and defaults:
        note = Messages.E221.format(values=", ".join(f"${k}={v}" for k, v in defaults.items()))
    return note


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
