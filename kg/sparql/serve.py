"""SPARQL over HTTP: `kg serve` answers the SPARQL 1.1 Protocol at /sparql and shows the HTML graph at /.

Queries come by GET (?query=), by POST as a form (query=...) or as application/sparql-query;
results go out as SPARQL JSON, XML, CSV or TSV, graphs (CONSTRUCT, DESCRIBE) as Turtle,
N-Triples, RDF/XML or JSON-LD, chosen by the Accept header. A query's parameters
(`kg.sparql.params`) come as fields named `$name` beside `query`. GET /sparql with no query
shows the query page (`kg.sparql.page`). The server is read-only and bounded: updates and
SERVICE (which would make the server fetch from elsewhere) are refused with 403 before any
work; a query that does not parse gets 400 with the line and column, as `kg query` says it; a
result with more than --max-rows rows or triples is refused with 422 and a message saying so
(refused rather than cut short, so no client mistakes part of an answer for all of it); a
query running past --timeout seconds is stopped and answered with 503. A SELECT that finds no
rows may carry a note (`kg.sparql.diagnose`) in the `Newskg-Note` header, percent-encoded UTF-8.

Why worker processes: neither rdflib nor pyoxigraph can stop a query from inside, so each
query runs in one of --workers processes that hold the graph (or have the store open
read-only); a query over its time is ended by killing its process, and a fresh worker is
started in its place. Static files are served only from the build folder (graph.html,
index.html and what sits beside them), never above it.
"""
from __future__ import annotations

import ipaddress
import json
import multiprocessing
import queue
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, quote, unquote, urlsplit

from ..errors import Messages, UsageError

MAX_BODY = 1 << 20          # bytes of a POSTed query
READY_SECONDS = 3600        # how long a worker may take to load its graph
WAIT_SECONDS = 60           # how long a request may wait for a free worker (at least; --timeout if longer)

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
STATIC_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
                ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".ttl": "text/turtle",
                ".nt": "application/n-triples", ".nq": "application/n-quads", ".jsonld": "application/ld+json",
                ".gexf": "application/xml", ".graphml": "application/xml", ".txt": "text/plain"}


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


# --- content negotiation and serialization (run in the worker) --------------------------------------

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


# --- worker processes -------------------------------------------------------------------------------

def _worker_main(conn, graph: str | None, store: str | None, max_rows: int) -> None:
    """Load the graph (or open the store), say ready, then answer (query, accept, format) until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl-C is the server's to handle
    try:
        import rdflib.plugins.sparql

        from .query import QueryError, open_source
        rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False     # FROM <url> must not fetch anything
        source = open_source(Path(graph) if graph else None, Path(store) if store else None)
        conn.send(("ready", len(source)))
    except Exception as e:
        conn.send(("failed", str(e) or type(e).__name__))
        return
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        query, accept, fmt, defaults = msg
        try:
            reply = answer(source, query, accept, fmt, max_rows, defaults)
        except QueryError as e:
            reply = error(400, str(e)) if e.syntax else error(500, str(e))
        except TooLarge as e:
            reply = error(422, str(e), "Result Too Large")
        except MemoryError:
            reply = error(500, Messages.E205)
        except Exception as e:  # an evaluation error inside rdflib or pyoxigraph
            first = (str(e).strip().splitlines() or [type(e).__name__])[0]
            reply = error(500, Messages.E204.format(why=first))
        conn.send(reply)


class _Worker:
    def __init__(self, process, conn):
        self.process = process
        self.conn = conn


class WorkerPool:
    """--workers processes, each with the graph loaded; a query over its time kills its worker."""

    def __init__(self, config: ServeConfig, size: int):
        self._ctx = multiprocessing.get_context("spawn")    # no fork of a threaded server
        self._args = (str(config.graph) if config.graph else None, str(config.store) if config.store else None,
                      config.max_rows)
        self._size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.triples = 0

    def start(self) -> None:
        started = [self._launch() for _ in range(self._size)]
        for w in started:
            self._await_ready(w)

    def _launch(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        p = self._ctx.Process(target=_worker_main, args=(child, *self._args), daemon=True, name="kg-serve-worker")
        p.start()
        child.close()
        w = _Worker(p, parent)
        with self._lock:
            self._all.add(w)
        return w

    def _await_ready(self, w: _Worker) -> None:
        try:
            msg = w.conn.recv() if w.conn.poll(READY_SECONDS) else ("failed", Messages.E247)
        except (EOFError, OSError):
            msg = ("failed", Messages.E248)
        if msg[0] != "ready":
            self._retire(w, replace=False)
            raise UsageError(msg[1])
        self.triples = msg[1]
        self._idle.put(w)

    def _retire(self, w: _Worker, replace: bool) -> None:
        with self._lock:
            self._all.discard(w)
        if w.process.is_alive():
            w.process.kill()
        w.process.join(5)
        w.conn.close()
        if replace and not self._closed:
            threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        try:
            self._await_ready(self._launch())
        except UsageError as e:
            if not self._closed:
                print(Messages.E249.format(why=e), file=sys.stderr)
        if self._closed:        # the server stopped while this worker was loading
            self.close()

    def run(self, query: str, accept: str, fmt: str, timeout: float, defaults: dict[str, str] | None = None) -> Reply:
        """Answer one query in a free worker (waiting up to WAIT_SECONDS or `timeout` for one); stop it after `timeout`."""
        wait = max(timeout, WAIT_SECONDS)
        try:
            w = self._idle.get(timeout=wait)
        except queue.Empty:
            return error(503, Messages.E235.format(size=self._size, wait=wait), "Busy")
        try:
            w.conn.send((query, accept, fmt, defaults))
            if w.conn.poll(timeout):
                reply = w.conn.recv()
                self._idle.put(w)
                return reply
        except (EOFError, OSError):
            self._retire(w, replace=True)
            return error(500, Messages.E236)
        self._retire(w, replace=True)
        return error(503, Messages.E234.format(timeout=timeout), "Query Timed Out")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for w in workers:
            self._retire(w, replace=False)


# --- HTTP -------------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "newskg"

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path.rstrip("/") == "/sparql":
            self._sparql(parse_qs(url.query, keep_blank_values=True), None)
        else:
            self._static(url.path)

    do_HEAD = do_GET        # _send leaves the body out

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path.rstrip("/") != "/sparql":
            return self._send(error(404, Messages.E244))
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            length = -1
        if length < 0:
            return self._send(error(411, Messages.E239))
        if length > MAX_BODY:
            return self._send(error(413, Messages.E240.format(kb=MAX_BODY // 1024)))
        raw = self.rfile.read(length)
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return self._send(error(400, Messages.E241))
        if media == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
            self._sparql(params, None)
        elif media == "application/sparql-query":
            self._sparql(params, body)
        elif media == "application/sparql-update":
            self._send(error(403, Messages.E230, "Read-Only"))
        else:
            self._send(error(415, Messages.E242))

    def do_OPTIONS(self):       # CORS preflight, so a browser page (YASGUI) may POST queries
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _sparql(self, params: dict[str, list[str]], query: str | None) -> None:
        from .params import ParameterError, bind
        from .text import UPDATE_FORMS, query_form, uses_service
        if "update" in params:
            return self._send(error(403, Messages.E230, "Read-Only"))
        if query is None:
            queries = params.get("query", [])
            if not queries and self.command in ("GET", "HEAD") and not any(k.startswith("$") for k in params):
                return self._send(Reply(200, self.server.page, "text/html"))       # the query page
            if len(queries) != 1 or not queries[0].strip():
                return self._send(error(400, Messages.E237))
            query = queries[0]
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self._send(error(400, Messages.E238))
        try:
            given = {}
            for key, vals in params.items():
                if key.startswith("$"):
                    if len(vals) > 1:
                        raise ParameterError(Messages.E218.format(name=key[1:]))
                    given[key[1:]] = vals[0]
            bound = bind(query, given)
        except ParameterError as e:
            return self._send(error(400, str(e)), cors=True)
        query = bound.text
        if query_form(query) in UPDATE_FORMS:
            return self._send(error(403, Messages.E230, "Read-Only"))
        if uses_service(query):
            return self._send(error(403, Messages.E231, "Forbidden"))
        fmt = next(iter(params.get("format", []) + params.get("output", [])), "")
        cfg = self.server.config
        self._send(self.server.pool.run(query, self.headers.get("Accept", ""), fmt, cfg.timeout, bound.defaults),
                   cors=True)

    def _static(self, path: str) -> None:
        target = self.server.static_file(path)
        if target is None:
            return self._send(error(404, Messages.E243))
        try:
            body = target.read_bytes()
        except OSError:
            return self._send(error(404, Messages.E243))
        self._send(Reply(200, body, STATIC_TYPES[target.suffix.lower()]))

    def _send(self, reply: Reply, cors: bool = False) -> None:
        media = reply.media
        if media.startswith("text/") or media.endswith(("json", "xml", "triples", "quads")):
            media += "; charset=utf-8"
        try:
            self.send_response(reply.status, reply.reason)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            if reply.note:       # header values are Latin-1: the note's UTF-8 goes percent-encoded
                self.send_header("Newskg-Note", quote(reply.note, safe=" !\"#$&'()*+,/:;<=>?@[]^`{|}~"))
            if cors:
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Expose-Headers", "Newskg-Note")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass        # the client went away


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, config: ServeConfig, site: Path, hidden: Path | None):
        self.config = config
        self.site = site.resolve()
        self.hidden = hidden.resolve() if hidden else None
        self.pool: WorkerPool | None = None
        self.page = b""             # the query page (kg.sparql.page), made once the graph is loaded
        if ":" in config.host:
            self.address_family = socket.AF_INET6
        super().__init__((config.host, config.port), Handler)

    def static_file(self, url_path: str) -> Path | None:
        """The file under the site folder that `url_path` names, or None (outside it, hidden, or not a page)."""
        rel = unquote(url_path)
        if "\x00" in rel or "\\" in rel:
            return None
        parts = [p for p in PurePosixPath(rel).parts if p != "/"]
        if any(p == ".." or p.startswith(".") for p in parts):
            return None
        candidates = [self.site.joinpath(*parts)] if parts else [self.site / "index.html", self.site / "graph.html"]
        for c in candidates:
            target = c.resolve()
            if not target.is_relative_to(self.site) or target.suffix.lower() not in STATIC_TYPES:
                continue
            if self.hidden and target.is_relative_to(self.hidden) or self._in_a_store(target):
                continue
            if target.is_file():
                return target
        return None


    def _in_a_store(self, target: Path) -> bool:
        from .store import MARK
        return any((d / MARK).exists() for d in target.parents if d.is_relative_to(self.site))


def _site_of(config: ServeConfig) -> tuple[Path, Path | None]:
    """The folder whose graph.html is shown at /, and the store folder never to serve files from."""
    if config.store is not None:
        from .store import MARK
        rel = None
        try:
            rel = json.loads((config.store / MARK).read_text(encoding="utf-8")).get("site")
        except (OSError, ValueError):
            pass
        return ((config.store / rel) if rel else config.store.resolve().parent), config.store
    return config.graph.resolve().parent, None


def _page(config: ServeConfig, triples: int) -> bytes:
    from .page import render
    from .params import default_folder, examples
    what = config.store if config.store is not None else config.graph
    return render(examples(config.queries if config.queries is not None else default_folder()),
                  f"{Path(what).name}: {triples:,} triples")


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(config: ServeConfig, announce=print) -> None:
    """Listen, start the workers, and answer until interrupted (Ctrl-C or SIGTERM)."""
    if config.store is None and config.graph is None:
        config.graph = Path("output") / "graph.ttl"
    if config.graph is not None and not config.graph.is_file():
        raise UsageError(Messages.E200.format(path=config.graph))
    site, hidden = _site_of(config)
    try:
        server = SparqlServer(config, site, hidden)
    except OSError as e:
        raise UsageError(Messages.E245.format(host=config.host, port=config.port, why=e.strerror or e)) from None
    pool = WorkerPool(config, config.workers)
    server.pool = pool
    on_term = None
    try:
        started = time.perf_counter()
        pool.start()
        server.page = _page(config, pool.triples)
        if threading.current_thread() is threading.main_thread():     # SIGTERM stops it as Ctrl-C does
            on_term = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        host, port = server.server_address[:2]
        base = f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
        what = config.store if config.store is not None else config.graph
        announce(f"serving {what} ({pool.triples} triples, loaded in {time.perf_counter() - started:.1f} s) "
                 f"at {base}/sparql, the graph at {base}/")
        if not is_loopback(config.host):
            announce(f"note: listening on {config.host}, reachable from other machines")
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        pool.close()
        if on_term is not None:
            signal.signal(signal.SIGTERM, on_term)
