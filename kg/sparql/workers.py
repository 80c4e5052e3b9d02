"""The query workers of `kg serve`: processes that hold the graph (or have the store open read-only) and answer
one query at a time. Neither rdflib nor pyoxigraph can stop a query from inside, so a query past --timeout is
ended by killing its process, and a fresh worker is started in its place; a request waits for a free worker
at most WAIT_SECONDS (or --timeout, if longer)."""
from __future__ import annotations

import multiprocessing
import queue
import signal
import sys
import threading
from pathlib import Path

from ..errors import Messages, UsageError
from .answer import Reply, ServeConfig, TooLarge, answer, error

READY_SECONDS = 3600        # how long a worker may take to load its graph


WAIT_SECONDS = 60           # how long a request may wait for a free worker (at least; --timeout if longer)


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
