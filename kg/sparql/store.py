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
from pathlib import Path

import pyoxigraph as ox

from ..errors import Messages, UsageError
from .engine import OxigraphGraph, StoreQueryError, TooManyRows  # noqa: F401 (kg.sparql.store's own names before)
from .plan import planned, statistics

DB = "oxigraph"
MARK = "newskg-store.json"
FORMAT_VERSION = 1


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
        raise UsageError(Messages.E253.format(path=target))


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

class GraphStore(OxigraphGraph):
    """A store opened read-only, answering as every OxigraphGraph does (kg.sparql.engine)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        mark = self.path / MARK
        if not self.path.is_dir():
            raise UsageError(Messages.E250.format(path=self.path))
        if not mark.is_file():
            raise UsageError(Messages.E251.format(path=self.path, mark=MARK))
        try:
            self.info = json.loads(mark.read_text(encoding="utf-8"))
            # a server gets the same queries again and again: plan each once (parsing one takes ~20 ms)
            self._plan = lru_cache(maxsize=256)(partial(planned, stats=self.info.get("statistics")))
            self._store = ox.Store.read_only(str(self.path / DB))
        except (OSError, ValueError) as e:
            raise UsageError(Messages.E252.format(path=self.path, why=str(e).splitlines()[0])) from None
        self.triples = int(self.info.get("triples", 0))

    @property
    def site(self) -> Path:
        """The build folder whose graph.html goes with this store (the store's parent if not recorded)."""
        rel = self.info.get("site")
        return (self.path / rel).resolve() if rel else self.path.resolve().parent
