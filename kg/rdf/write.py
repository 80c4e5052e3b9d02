"""Writing the graph to disk: Turtle, N-Triples, N-Quads (a named graph per article), JSON-LD.

Every file is written to a temporary file beside its target, flushed to disk
and renamed into place, so an interrupted or failed build leaves the previous
file as it was; `all_or_nothing` makes a build's files change together.
"""
from __future__ import annotations

import fcntl
import os
import secrets
import shutil
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from ..errors import InterruptedAfterWriting, Messages, OutputError, Problem
from ..run import interrupts

FORMATS = {"turtle": "graph.ttl", "nt": "graph.nt", "nquads": "graph.nq", "json-ld": "graph.jsonld"}
LOCK = ".newskg.lock"


@contextmanager
def output_lock(folder: Path, names: Iterable[str]):
    """One build at a time writes into `folder`; what a killed build left of `names` there is removed.

    The lock is an flock on `folder/.newskg.lock`, released by the system when its
    holder ends however it ends, so holding it proves that a temporary file of ours
    beside one of `names` (`.graph.ttl.1a2b3c4d5e6f.tmp`) is a leftover of a
    `kill -9` or a power cut, never the work of a live build."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK, os.O_CREAT | os.O_RDWR, 0o644)
    except OSError as e:
        raise _output_error(folder, e) from e
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(str(Problem(str(folder), Messages.E018))) from None
        for name in names:
            for stale in [*folder.glob(f".{name}.*.tmp"), *folder.glob(f".{name}.old"), *folder.glob(f".{name}.*.old")]:
                _remove(stale)
        yield
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: Path):
    """Yield a temporary path beside `target`; on success it replaces `target`, on failure it is removed.

    The temporary file is flushed to disk before the rename, so `target` is the old
    file or the new one, whole, even after a crash. Inside `all_or_nothing` the
    rename waits for the block to end. A failure to write (a full disk, no
    permission) is raised as OutputError naming `target`."""
    # named before it exists, so a Ctrl-C at any moment after its creation still finds it to remove
    tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    try:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except OSError as e:
            raise _output_error(target, e) from e
        yield tmp
        _fsync(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        pending = _PENDING.get()
        if pending is None:
            os.replace(tmp, target)
            _fsync(target.parent)
        else:
            pending.append((Path(tmp), target))
    except BaseException as e:
        _remove(tmp)
        if isinstance(e, OSError):
            raise _output_error(target, e) from e
        raise


@contextmanager
def atomic_folder(target: Path):
    """`atomic_path` for a folder of files (N-Quads shards): the new folder replaces the old one whole."""
    tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"     # named first, as in atomic_path
    try:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(tmp, 0o700)
        except OSError as e:
            raise _output_error(target, e) from e
        yield tmp
        for f in tmp.iterdir():
            _fsync(f)
        os.chmod(tmp, 0o777 & ~_umask())
        pending = _PENDING.get()
        if pending is None:
            _replace(tmp, target)
        else:
            pending.append((tmp, target))
    except BaseException as e:
        _remove(tmp)
        if isinstance(e, OSError):
            raise _output_error(target, e) from e
        raise


def _replace(tmp: Path, target: Path) -> None:
    """Rename `tmp` to `target`; a folder target is moved aside first and removed after."""
    if not Path(tmp).is_dir() or not target.exists():
        os.replace(tmp, target)
        return
    old = target.with_name(f".{target.name}.old")
    _remove(old)
    os.replace(target, old)
    os.replace(tmp, target)
    _remove(old)


@contextmanager
def all_or_nothing():
    """Within this block every `atomic_path` file is written but none renamed; at its end all are, on failure none.

    A build's files (graph.ttl, graph.html, ...) thus change together: an
    interrupted or failed build leaves every one of them as it was. The renames
    run with SIGINT and SIGTERM held back, so a Ctrl-C cannot split them; one that came meanwhile is then
    taken as InterruptedAfterWriting."""
    if _PENDING.get() is not None:      # nested: the outer block commits
        yield
        return
    pending: list[tuple[Path, Path]] = []
    token = _PENDING.set(pending)
    try:
        yield
        _PENDING.reset(token)
        token = None
        _commit(pending)
    except BaseException:
        for tmp, _ in pending:      # those already renamed are gone: only the rest is removed
            _remove(tmp)
        raise
    finally:
        if token is not None:
            _PENDING.reset(token)


def _commit(pending: list[tuple[Path, Path]]) -> None:
    """Rename every file into place, with Ctrl-C held back so that it cannot split them."""
    renamed = False
    try:
        with interrupts.held():
            try:
                for tmp, target in pending:
                    _replace(tmp, target)
                for folder in {target.parent for _, target in pending}:
                    _fsync(folder)
            except OSError as e:
                raise _output_error(pending[0][1], e) from e
            renamed = True
    except KeyboardInterrupt:
        if renamed:
            raise InterruptedAfterWriting from None
        raise


_PENDING: ContextVar[list[tuple[Path, Path]] | None] = ContextVar("newskg_pending_outputs", default=None)


def _output_error(target: Path, e: OSError) -> OutputError:
    why = (e.strerror or str(e)).lower()
    return OutputError(str(Problem(str(target), Messages.E012.format(why=why))))


def _fsync(path) -> None:
    """Flush a file's (or a folder's) contents to disk; a file system that cannot is left to do its best."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path) -> None:
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.unlink(path)
    except OSError:
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _term(t) -> str:
    return t.n3()


def write_graph(g: Graph, path: Path, fmt: str = "turtle") -> None:
    with atomic_path(path) as tmp:
        if fmt == "nt":
            with tmp.open("w", encoding="utf-8") as f:
                for s, p, o in g:
                    f.write(f"{_term(s)} {_term(p)} {_term(o)} .\n")
        else:
            g.serialize(destination=str(tmp), format=fmt, encoding="utf-8")


def write_text(text: str, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


__all__ = ["FORMATS", "write_graph", "write_text", "atomic_path", "all_or_nothing", "URIRef", "Literal"]
