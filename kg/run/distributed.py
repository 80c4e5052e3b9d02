"""Extraction on a Dask cluster: `kg build --dask-scheduler tcp://host:8786`.

The build reads, caches, resolves and writes on this machine; only extraction
(the costly part) goes to the cluster, one batch of articles per task, through
the same `kg.run.parallel.extract_batch` a local process pool runs. Every worker
needs the same newskg installed; the build's lexicon is sent to the workers
once (a --lexicon folder need not exist there), and a worker whose extraction
code differs refuses the task rather than poison the cache. Dask is an
optional extra: `pip install 'newskg[dask]'`.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import Messages, UsageError

CONNECT_TIMEOUT = 20.0      # seconds to reach the scheduler and see a worker


class DaskRunner:
    """Submits batches to a cluster; futures answer `.result()` like concurrent.futures ones."""

    def __init__(self, client):
        self.client = client
        self.workers = max(1, sum(client.nthreads().values()))     # threads that can run a batch at once
        self._lex = None

    def extract(self, articles, lex, code: str):
        """A future of the batch's extractions; the lexicon goes to each worker once, not with every batch."""
        from .parallel import extract_batch

        if self._lex is None or self._lex[0] is not lex:
            self._lex = (lex, self.client.scatter(lex, broadcast=True))
        return self.client.submit(extract_batch, articles, self._lex[1], code, pure=False)

    def in_flight(self) -> int:
        return 2 * self.workers

    def close(self) -> None:
        self.client.close()


@contextmanager
def dask_runner(address: str, timeout: float | None = None) -> Iterator[DaskRunner]:
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(Messages.E026) from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise UsageError(Messages.E027.format(address=address, why=str(e).splitlines()[0])) from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError) as e:
        client.close()
        raise UsageError(Messages.E028.format(address=address, why=e)) from None
    try:
        yield DaskRunner(client)
    finally:
        client.close()
