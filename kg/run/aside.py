"""An output written by a forked process while this one makes the others (on 2 cores, graph.ttl and graph.db
beside graph.html: a third of what adding one page to a 1,000-page archive costs).

    with aside(lambda tmp: write_the_file(tmp), out / "graph.ttl") as done:
        ...                     # the other outputs, meanwhile
    done.n                      # what the work returned (an int, or 0 for None), once the block has ended

The file is written through `atomic_path` (a temporary name, renamed with the build's other files), or the
child's error raised here when the block ends. The child ignores Ctrl-C and SIGTERM (kg.run.interrupts): this
process takes them, kills it and removes the temporary file, as for any output. A block that fails stops the
child. Where there is no fork, the work is done here, before the block.
"""
from __future__ import annotations

import os
import select
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import OutputError
from ..rdf.write import atomic_path
from . import interrupts


class Aside:
    """What the forked work returned (`n`), known once its block has ended."""
    n = 0


@contextmanager
def aside(work: Callable[[Path], int | None], path: Path) -> Iterator[Aside]:
    done = Aside()
    if not hasattr(os, "fork"):
        with atomic_path(path) as tmp:
            done.n = int(work(tmp) or 0)
        yield done
        return
    with atomic_path(path) as tmp:
        read, write = os.pipe()
        pid = 0
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            with interrupts.held():     # the child starts with them blocked, and ignores them before anything
                pid = os.fork()
                if pid == 0:
                    _child(work, tmp, read, write)
            os.close(write)
            write = -1
            yield done
            reply = _reply(pid, read)
            pid = 0                     # reaped
        finally:
            for fd in (read, write):
                if fd >= 0:
                    os.close(fd)
            if pid:
                _stop(pid)
        done.n = _result(reply)


def _child(work: Callable[[Path], int | None], tmp: Path, read: int, write: int) -> None:
    """The forked writer: `work(tmp)`, then one line on the pipe ("ok N", or what failed); never returns."""
    status = 1
    try:
        interrupts.ignored()
        os.close(read)
        try:
            reply = f"ok {int(work(tmp) or 0)}"
            status = 0
        except OSError as e:
            reply = f"oserror {e.errno or 0} {e.strerror or e}"
        except OutputError as e:
            reply = f"output {e}"
        except BaseException as e:  # noqa: BLE001 (a bug: told to the parent, which raises it there)
            reply = f"error {type(e).__name__}: {e}"
        os.write(write, reply.encode("utf-8", "replace")[:4000])
    finally:
        os._exit(status)        # no cleanup of the parent's: its buffers, atexit handlers and temporary files


def _reply(pid: int, read: int) -> str:
    """Wait for the child to end (a moment at a time, taking a Ctrl-C meanwhile); what it said."""
    chunks = []
    while True:
        interrupts.taken()
        if not select.select([read], [], [], interrupts.MOMENT)[0]:
            continue
        chunk = os.read(read, 4096)
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


def _result(reply: str) -> int:
    """The child's number, or what failed there raised here (an OSError names the file, via atomic_path)."""
    kind, _, rest = reply.partition(" ")
    if kind == "ok":
        return int(rest)
    if kind == "oserror":
        code, _, why = rest.partition(" ")
        raise OSError(int(code), why)
    if kind == "output":
        raise OutputError(rest)
    raise RuntimeError(rest or "the process writing an output stopped")


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
