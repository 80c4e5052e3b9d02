"""One SPARQL answer as `kg serve` sends it: the media type the Accept header (or ?format=) asks for, the
serialized result, and the one-line error replies (400 parse error, 403 update or SERVICE, 422 too many rows)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ..errors import Messages

RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv"}


GRAPH_TYPES = {"text/turtle": "turtle", "application/turtle": "turtle", "application/x-turtle": "turtle",
               "application/n-triples": "nt", "text/plain": "nt", "application/rdf+xml": "xml",
               "application/ld+json": "json-ld"}


RESULT_MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}


GRAPH_MEDIA = {"turtle": "text/turtle", "nt": "application/n-triples", "xml": "application/rdf+xml",
               "json-ld": "application/ld+json"}


FORMAT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
                "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdf+xml": "xml", "json-ld": "json-ld",
                **RESULT_TYPES, **GRAPH_TYPES}


@dataclass
class ServeConfig:
    graph: Path | None = None
    store: Path | None = None
    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    max_rows: int = 100_000
    workers: int = 2
    queries: Path | None = None     # the worked queries the query page offers (kg.sparql.params.examples)


@dataclass
class Reply:
    status: int
    body: bytes
    media: str = "text/plain"
    reason: str | None = None
    note: str | None = None         # sent as the Newskg-Note header


def error(status: int, message: str, reason: str | None = None) -> Reply:
    return Reply(status, (message.rstrip() + "\n").encode("utf-8"), "text/plain", reason)


def negotiate(accept: str, fmt: str, graph: bool) -> str:
    """The format name to answer in: the first acceptable type by q-value, else `format=`, else the default."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for prm in params:
            if prm.startswith("q="):
                try:
                    q = float(prm[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in table:
            return table[media]
    name = FORMAT_NAMES.get(fmt.lower())
    if name in (GRAPH_MEDIA if graph else RESULT_MEDIA):
        return name
    return "turtle" if graph else "json"


class TooLarge(Exception):
    pass


def _too_many_rows(max_rows: int) -> TooLarge:
    return TooLarge(Messages.E232.format(max_rows=max_rows))


def render(res, accept: str, fmt: str, max_rows: int) -> tuple[str, bytes]:
    """Serialize a query result in the negotiated format; TooLarge past `max_rows` rows or triples."""
    from rdflib.query import Result

    from ..rdf.namespaces import PREFIXES
    from .query import nt_term
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        name = negotiate(accept, fmt, graph=True)
        g = res.graph
        if len(g) > max_rows:
            raise TooLarge(Messages.E233.format(max_rows=max_rows))
        for p, ns in PREFIXES.items():
            g.bind(p, ns, override=True)
        return GRAPH_MEDIA[name], g.serialize(format=name, encoding="utf-8")
    name = negotiate(accept, fmt, graph=False)
    if res.type == "ASK":
        name = name if name in ("json", "xml") else "json"      # CSV and TSV define no boolean form
        return RESULT_MEDIA[name], res.serialize(format=name)
    rows = list(islice(res, max_rows + 1))
    if len(rows) > max_rows:
        raise _too_many_rows(max_rows)
    if name == "tsv":
        lines = ["\t".join(f"?{v}" for v in res.vars)] + ["\t".join(nt_term(t) for t in row) for row in rows]
        return RESULT_MEDIA[name], ("\n".join(lines) + "\n").encode("utf-8")
    out = Result("SELECT")
    out.vars = res.vars
    out.bindings = [{v: t for v, t in zip(res.vars, row) if t is not None} for row in rows]
    return RESULT_MEDIA[name], out.serialize(format=name, encoding="utf-8")


def answer(source, query: str, accept: str, fmt: str, max_rows: int,
           defaults: dict[str, str] | None = None) -> Reply:
    """Run a query and serialize its answer; a SELECT is written by Oxigraph (kg.sparql.query.run_select), and one
    that finds no rows may get a note (kg.sparql.query.note_for_no_rows; `defaults`: the parameters left so)."""
    from .engine import TooManyRows, no_rows
    from .query import note_for_no_rows, oxigraph_writes, run_query, run_select
    if oxigraph_writes(source, query):
        name = negotiate(accept, fmt, graph=False)
        try:
            body = run_select(source, query, name, max_rows=max_rows)
        except TooManyRows:
            raise _too_many_rows(max_rows) from None
        note = note_for_no_rows(source, query, defaults) if no_rows(body, name) else None
        return Reply(200, body, RESULT_MEDIA[name], note=note)
    media, body = render(run_query(source, query, limit=max_rows), accept, fmt, max_rows)
    return Reply(200, body, media)
