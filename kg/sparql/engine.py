"""Oxigraph answering SPARQL: one engine for graph.ttl and for the on-disk store.

`kg query` and `kg serve` on a graph file load it into an in-memory Oxigraph store (`GraphFile`:
Oxigraph's bulk loader reads 200,000 triples of Turtle in about 1.2 s, where rdflib took about 8 s to
parse and query them), and on `--store` open the on-disk one (`kg.sparql.store.GraphStore`). Both are an
`OxigraphGraph`, so the same query gives the same answer on either: a
`GROUP_CONCAT(DISTINCT ?x)` over an OPTIONAL, which rdflib answers with "Variable x is not bound"
(rdflib #716, #882), is answered on both.

A SELECT's rows are written by Oxigraph itself (`select`, in the SPARQL 1.1 results formats), or
turned into an rdflib Result (`query`, as ASK, CONSTRUCT and DESCRIBE always are) for callers
that want rdflib terms.
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.query import Result

from ..errors import Messages, UsageError
from ..rdf.namespaces import PREFIXES
from ..rdf.triples import rdflib_term

OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
                ".trig": ox.RdfFormat.TRIG, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
                ".xml": ox.RdfFormat.RDF_XML}


class StoreQueryError(Exception):
    """Oxigraph refused a query; `syntax` tells a parse error (the asker's mistake) from a failure."""

    def __init__(self, message: str, syntax: bool):
        super().__init__(message)
        self.syntax = syntax


class TooManyRows(Exception):
    pass


class OxigraphGraph:
    """A graph in Oxigraph, queried over its default graph (every triple of graph.ttl, once).

    Subclasses set `_store` and may set `_plan` (a query's text -> the text to run, see kg.sparql.plan)."""

    _store: ox.Store
    _plan: Callable[[str], str] = staticmethod(lambda text: text)
    triples: int = 0

    def __len__(self) -> int:
        return self.triples

    def _run(self, text: str):
        try:
            return self._store.query(self._plan(text), prefixes=OX_PREFIXES)
        except SyntaxError as e:
            raise StoreQueryError(str(e), syntax=True) from None
        except (OSError, ValueError, RuntimeError) as e:
            raise StoreQueryError(str(e), syntax=False) from None

    def query(self, text: str, *, limit: int | None = None) -> Result:
        """Run a SPARQL query; the answer is an rdflib Result. CONSTRUCT keeps at most `limit` + 1 triples when given."""
        r = self._run(text)
        if isinstance(r, ox.QueryBoolean):
            res = Result("ASK")
            res.askAnswer = bool(r)
        elif isinstance(r, ox.QuerySolutions):
            res = Result("SELECT")
            res.vars = [Variable(v.value) for v in r.variables]
            res.bindings = _rows(r, res.vars)
        else:
            g = Graph()
            for p, ns in PREFIXES.items():
                g.bind(p, ns, override=True)
            for t in islice(r, None if limit is None else limit + 1):
                g.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
            res = Result("CONSTRUCT")
            res.graph = g
        return res

    def select(self, text: str, fmt: str, *, max_rows: int | None = None) -> bytes:
        """A SELECT query's solutions written by Oxigraph in `fmt` (json, xml, csv or tsv: the SPARQL 1.1 results
        formats); TooManyRows when there are more than `max_rows`.

        Oxigraph writes rows several times faster than rdflib terms can be made from them: the 45,714 rows of
        the all-holdings join at 1 M triples take 0.7 s from query to JSON, against 1.7 s through rdflib.
        """
        r = self._run(text)
        if not isinstance(r, ox.QuerySolutions):
            raise StoreQueryError("not a SELECT query", syntax=True)
        sink = _Rows(fmt, max_rows)
        try:
            r.serialize(sink, RESULT_FORMATS[fmt])
        except _Overflow:
            # CSV and JSON rows were counted by a mark a value may also hold: count them exactly, as TSV lines
            if sink.exact or self._count(text, max_rows) > max_rows:
                raise TooManyRows(Messages.E232.format(max_rows=max_rows)) from None
            return self.select(text, fmt)
        return b"".join(sink.chunks)

    def _count(self, text: str, most: int) -> int:
        """The number of rows a SELECT gives, counted up to `most` + 1."""
        sink = _Rows("tsv", most, keep=False)
        try:
            self._run(text).serialize(sink, RESULT_FORMATS["tsv"])
        except _Overflow:
            pass
        return sink.rows


class GraphFile(OxigraphGraph):
    """A graph file (graph.ttl, .nt, .nq, .jsonld) loaded into an in-memory Oxigraph store.

    N-Quads (`kg build --format nquads`: a named graph per article) are read as a store holds them: each triple
    in its article's graph and, once, in the default graph the queries read."""

    def __init__(self, path: Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise UsageError(Messages.E200.format(path=self.path))
        fmt = FILE_FORMATS.get(self.path.suffix.lower(), ox.RdfFormat.TURTLE)
        self._store = ox.Store()
        try:
            if fmt is ox.RdfFormat.N_QUADS:
                self._store.extend(_with_union(ox.parse(path=str(self.path), format=fmt)))
            else:
                self._store.bulk_load(path=str(self.path), format=fmt)
        except (SyntaxError, ValueError, OSError) as e:
            why = " ".join(str(e).split())[:160] or type(e).__name__
            raise UsageError(Messages.E201.format(path=self.path, why=why)) from None
        self.triples = len(self._store) if fmt is not ox.RdfFormat.N_QUADS else sum(
            1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def _with_union(quads):
    default = ox.DefaultGraph()
    for q in quads:
        yield q
        if q.graph_name != default:
            yield ox.Quad(q.subject, q.predicate, q.object, default)


class _Overflow(Exception):
    pass


class _Rows:
    """Where Oxigraph writes a SELECT's results: keeps the bytes and stops the writing past `limit` rows.

    Rows are counted by a mark each row's text holds: a line end in TSV (whose values escape theirs) and CSV,
    `<result>` in XML, `},{` between two rows in JSON. TSV and XML values cannot hold their mark, so those
    counts are exact; a CSV or JSON value can (a quoted line break, a literal "},{"), so those counts are at
    most, and `exact` is False. A mark cut in two by the writer's chunks is found across them.
    """
    MARKS = {"tsv": (b"\n", -1, True), "csv": (b"\n", -1, False), "xml": (b"<result>", 0, True),
             "json": (b"},{", 1, False)}

    def __init__(self, fmt: str, limit: int | None, keep: bool = True):
        self.mark, self.rows, self.exact = self.MARKS[fmt]     # rows starts at what the count is off by
        self.limit = limit
        self.keep = keep
        self.chunks: list[bytes] = []
        self._tail = b""

    def write(self, data: bytes) -> int:
        seen = self._tail + data
        self.rows += seen.count(self.mark)
        self._tail = seen[-(len(self.mark) - 1):] if len(self.mark) > 1 else b""
        if self.limit is not None and self.rows > self.limit:
            raise _Overflow
        if self.keep:
            self.chunks.append(data)
        return len(data)

    def flush(self) -> None:
        pass


def no_rows(body: bytes, fmt: str) -> bool:
    """True when a SELECT's results as Oxigraph writes them (in `fmt`, or a kg query table) hold no row."""
    if fmt == "json":
        return b'"bindings":[]' in body
    if fmt == "xml":
        return b"<result>" not in body
    if fmt == "table":
        return body.rstrip().endswith(b"(0 rows)")
    return body.rstrip(b"\r\n").count(b"\n") == 0       # csv, tsv: the header line alone


def _rows(solutions, variables: list[Variable]):
    """Each solution as rdflib's {Variable: term}; a term met again is converted once (labels repeat a lot)."""
    seen: dict = {}
    for s in solutions:
        row = {}
        for v, t in zip(variables, s):
            if t is not None:
                term = seen.get(t)
                if term is None:
                    term = seen[t] = rdflib_term(t)
                row[v] = term
        yield row
