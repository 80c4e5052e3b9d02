"""The on-disk store: the graph in Oxigraph (pyoxigraph) for archives too big for rdflib's memory store.

A store folder DIR holds `oxigraph/` (the database) and `newskg-store.json` (what it holds
and which build folder its graph.html is in). The default graph is the union of every
article's triples, each triple once: exactly what graph.ttl holds, so a query gives the
same answer on the file and on the store. Each article's triples are also kept in a named
graph (the article's IRI) for `GRAPH ?article { ... }` queries. Oxigraph's own "default
graph as union" option is not used for that: it counts a triple once per graph holding it,
so COUNT(*) over it would not match graph.ttl.

A store is built in a temporary folder beside DIR and swapped into place in one step
(renameat2 RENAME_EXCHANGE on Linux, two renames elsewhere), so a failed or interrupted
build leaves the previous store as it was. A server that has the old store open must be
restarted to see the new one.
"""
from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.query import Result

from ..errors import UsageError
from ..rdf.namespaces import PREFIXES
from ..rdf.triples import rdflib_term
from .plan import planned, statistics

DB = "oxigraph"
MARK = "newskg-store.json"
FORMAT_VERSION = 1
_OX_PREFIXES = {p: str(ns) for p, ns in PREFIXES.items()}
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


class StoreQueryError(Exception):
    """The store refused a query; `syntax` tells a parse error (the client's fault) from a failure."""

    def __init__(self, message: str, syntax: bool):
        super().__init__(message)
        self.syntax = syntax


# --- writing ---------------------------------------------------------------------------------------

def _nquads(triples: Iterable, named: Iterable, f) -> None:
    """Write the union graph's triples (default graph) and the article quads as N-Quads lines."""
    for s, p, o in triples:                  # pyoxigraph terms print as N-Triples
        f.write(f"{s} {p} {o} .\n")
    for s, p, o, g in named:
        f.write(f"{s} {p} {o} {g} .\n")


def write_store(triples: Iterable, named: Iterable, target: Path, *, site: Path | None = None) -> dict:
    """Build a store at `target` from the union graph's `triples` and `named` (s, p, o, graph IRI) quads.

    `site` is the build folder whose graph.html `kg serve --store` shows. Returns what the
    marker file records. The previous store at `target`, if any, is replaced only on success.
    """
    target = Path(target)
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    try:
        # N-Quads text and Oxigraph's bulk loader: several times faster than building pyoxigraph terms in Python.
        nq = tmp / "load.nq"
        with nq.open("w", encoding="utf-8") as f:
            _nquads(triples, named, f)
        store = ox.Store(str(tmp / DB))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        nq.unlink()
        store.flush()
        stats = statistics(store)
        n_default = sum(stats["predicates"].values())
        n_named = len(store) - n_default
        del store
        info = {"format": FORMAT_VERSION, "triples": n_default, "article_quads": n_named,
                "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "site": os.path.relpath(Path(site).resolve(), target.resolve()) if site else None,
                "statistics": stats}
        (tmp / MARK).write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
        os.chmod(tmp, 0o777 & ~_umask())
        _replace_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return info


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_replaceable(target: Path) -> None:
    if target.exists() and not (target.is_dir() and ((target / MARK).is_file() or not any(target.iterdir()))):
        raise UsageError(f"{target}: exists and is not a store written by `kg build --store`; "
                         "choose another folder (it is never overwritten)")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE); False where not supported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _replace_dir(new: Path, target: Path) -> None:
    """Put folder `new` at `target`; whatever was at `target` is removed once `new` is in place."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)      # `new` now holds the old store
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.rename(target, old / "store")
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


# --- reading ---------------------------------------------------------------------------------------

class GraphStore:
    """A store opened read-only; `query` answers with an rdflib Result, like a Graph's."""

    def __init__(self, path: Path):
        self.path = Path(path)
        mark = self.path / MARK
        if not self.path.is_dir():
            raise UsageError(f"{self.path}: no such store (build one with `kg build --store {self.path}`)")
        if not mark.is_file():
            raise UsageError(f"{self.path}: not a store written by `kg build --store` (no {MARK})")
        try:
            self.info = json.loads(mark.read_text(encoding="utf-8"))
            # a server gets the same queries again and again: plan each once (parsing one takes ~20 ms)
            self._planned = lru_cache(maxsize=256)(partial(planned, stats=self.info.get("statistics")))
            self._store = ox.Store.read_only(str(self.path / DB))
        except (OSError, ValueError) as e:
            raise UsageError(f"{self.path}: the store cannot be opened ({str(e).splitlines()[0]})") from None

    def __len__(self) -> int:
        return int(self.info.get("triples", 0))

    @property
    def site(self) -> Path:
        """The build folder whose graph.html goes with this store (the store's parent if not recorded)."""
        rel = self.info.get("site")
        return (self.path / rel).resolve() if rel else self.path.resolve().parent

    def _run(self, text: str):
        """Oxigraph's answer to a query over the union graph, a SELECT over large joins first rewritten so
        Oxigraph hash-joins them (`kg.sparql.plan`)."""
        try:
            return self._store.query(self._planned(text), prefixes=_OX_PREFIXES)
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
                raise TooManyRows(f"the result has more than {max_rows} rows") from None
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


class TooManyRows(Exception):
    pass


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
