"""Ctrl-C and `kill` (SIGINT, SIGTERM): the main thread of a kg process takes them, and takes them in time.

`kg` turns either into KeyboardInterrupt (kg.cli), and the build stops and
leaves the previous outputs as they were. CPython before 3.13 can hold one back:
it runs a signal's handler in the main thread only, when that thread next
checks a flag, and a signal that lands on another thread (a process pool's,
Dask's, a native library's) does not set that flag. The handler then waits for
some call that checks anyway: forever, if the build is waiting on workers.

- `held()` starts threads that never take these signals, so they reach the
  main thread and interrupt what it is waiting on (kg.run.parallel starts its
  pools in it; the final renames of the outputs run in it).
- `taken()` is a call that checks anyway; code that waits calls it every
  moment (kg.run.parallel, kg.ingest.readers).

Code that cleans up on the way out must let the KeyboardInterrupt through: a
cleanup that raises (removing a file already renamed) would replace it.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

INTERRUPTS = frozenset({signal.SIGINT, signal.SIGTERM})
MOMENT = 0.2        # seconds that code waiting on something else waits at a time, calling taken() in between


def _main() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def held() -> Iterator[None]:
    """SIGINT and SIGTERM wait while the block runs (in the main thread); one that came is taken as it ends.
    Threads and processes started in the block begin with them blocked.

    Blocking them here is not enough: one may land on a thread that does not block it, and Python would then
    run its handler in the block. So the handlers only note it until the block ends."""
    if not _main():
        yield
        return
    came: list[int] = []
    previous = {sig: signal.signal(sig, lambda sig, frame: came.append(sig)) for sig in INTERRUPTS}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, INTERRUPTS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)     # one held for this thread is noted now
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if came:
            _deliver(came[0], previous[came[0]])


def _deliver(sig: int, handler) -> None:
    if callable(handler):
        handler(sig, None)          # kg's: KeyboardInterrupt
    elif handler == signal.SIG_DFL:
        signal.raise_signal(sig)


def taken() -> None:
    """Run now the handler of a signal that came and is still waiting for it (raising KeyboardInterrupt)."""
    if _main():
        signal.pthread_sigmask(signal.SIG_BLOCK, ())          # changes nothing, and runs pending handlers


def ignored() -> None:
    """For a worker process started inside `held()`: SIGINT and SIGTERM are for the process that started it,
    which stops its workers itself. What came meanwhile is dropped."""
    for sig in INTERRUPTS:
        signal.signal(sig, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, INTERRUPTS)
