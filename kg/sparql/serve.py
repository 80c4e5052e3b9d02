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
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, quote, unquote, urlsplit

from ..errors import Messages, UsageError
from .answer import Reply, ServeConfig, error
from .workers import WorkerPool

MAX_BODY = 1 << 20          # bytes of a POSTed query

STATIC_TYPES = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
                ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".ttl": "text/turtle",
                ".nt": "application/n-triples", ".nq": "application/n-quads", ".jsonld": "application/ld+json",
                ".gexf": "application/xml", ".graphml": "application/xml", ".txt": "text/plain"}


# --- content negotiation and serialization (run in the worker) --------------------------------------


# --- worker processes -------------------------------------------------------------------------------


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
