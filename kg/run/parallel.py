"""Extraction over many processes: batches of articles go to workers, extractions come back in input order.

`extract_batch` is what a worker runs, in a local process pool (`LocalRunner`,
which starts one only when there is enough to extract) or on a Dask cluster
(kg.run.distributed). The build's lexicon travels with the work, so every worker
extracts with exactly the lexicon the cache keys name. `ordered` keeps a
bounded number of batches in flight and yields results in the order the
batches were submitted, so the knowledge base is built in the same order as a
serial build and gives the same graph.

Each worker process has its own jieba tokenizer and its own gazetteer SQLite
connection: workers are started with `spawn` (a script that builds in parallel
needs the `if __name__ == "__main__":` guard), and the initializer drops any
gazetteer inherited from a parent before the first article.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

from ..datamodel import Article, Extraction
from ..errors import Messages, Problem, guarded
from ..lexicon import Lexicon
from . import interrupts

BATCH_CHARS = 20_000      # characters of text per batch: about a second of work, a few hundred KB of results
BATCH_ARTICLES = 64
PARALLEL_MIN_CHARS = 60_000   # below this much text to extract, starting workers costs more than it saves


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:       # not Linux
        return os.cpu_count() or 1


class VersionMismatch(RuntimeError):
    """A worker runs other extraction code than the build's (a Dask worker on another installation)."""


@lru_cache(maxsize=1)
def _worker_code_version() -> str:
    """The code this worker runs: hashed once, when it first works (it imported the code then)."""
    from .cache import code_version

    return code_version()


_lexicons: dict[str, Lexicon] = {}


def _lexicon(lex: Lexicon) -> Lexicon:
    """One Lexicon object per fingerprint in a worker, so what extractors cache on it is kept between batches."""
    return _lexicons.setdefault(lex.fingerprint, lex)


def extract_batch(articles: list[Article], lex: Lexicon, code: str | None = None) -> list[Extraction | Problem]:
    """Extract each article (runs in a worker) with the build's lexicon, shipped with the batch so that every
    worker uses exactly the one the cache keys name. `code` is the build's code version, checked when given.

    An article whose extraction raises comes back as the Problem naming it (kg.errors.guarded)."""
    from ..extract import extract

    if code is not None and _worker_code_version() != code:
        raise VersionMismatch(Messages.E029.format(host=os.uname().nodename, worker=_worker_code_version(), build=code))
    lex = _lexicon(lex)
    tokens, spans = _read(articles, lex)
    out = [guarded(extract, a, lex, t, s) for a, t, s in zip(articles, tokens, spans)]
    if _pool_worker:
        settle()
    return out


_pool_worker = False        # set in the processes init_worker starts
_settled = False


def settle() -> None:
    """Once a process that extracts for the rest of its life has run its first batch (a pool worker; `kg ner`),
    what it loaded to keep (the tagger, the model, jieba's and our word tables, about 40,000 objects) is moved
    out of the garbage collector's view (gc.freeze): every full collection walked all of it again, 25-50 ms each,
    a few times a second of work. Garbage is collected first, so none of the batch's is kept; what is frozen is
    still freed when nothing refers to it. Once per process."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()


def _read(articles: list[Article], lex: Lexicon) -> tuple[list, list]:
    """The tagger's tokens and the mention model's spans of every article, made together (sentences of one length
    share a model call); for each, None (made on its own, inside `guarded`) if making them together fails."""
    from ..extract import read_many

    try:
        return read_many([a.text for a in articles], lex)
    except Exception:          # a bug then costs only the article that shows it, as in the extractors
        return [None] * len(articles), [None] * len(articles)


WARM_UP = "衡阳市委副书记、市长朱健在雁峰区调研。"


def init_worker(warm_up: Lexicon | None = None) -> None:
    """A fresh worker: its own gazetteer connection; with `warm_up`, the tokenizer and tagger loaded now
    (else on its first batch)."""
    from ..lexicon.gazetteer import gazetteer

    global _pool_worker
    _pool_worker = True
    interrupts.ignored()        # a Ctrl-C reaches the whole process group: the build stops its workers itself
    gazetteer.cache_clear()     # an SQLite connection must not cross a fork
    if warm_up is not None:
        extract_batch([Article(id="warm-up", text=WARM_UP, source="")], warm_up)


@dataclass
class Batch:
    """Consecutive articles; those with a cached extraction carry it, the rest are sent to a worker."""

    articles: list[Article] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    cached: list[Extraction | None] = field(default_factory=list)
    tags: list[object] = field(default_factory=list)     # the caller's bookkeeping (which input file)
    chars: int = 0                                       # characters still to extract

    def add(self, article: Article, key: str, cached: Extraction | None, tag: object) -> None:
        self.articles.append(article)
        self.keys.append(key)
        self.cached.append(cached)
        self.tags.append(tag)
        if cached is None:
            self.chars += len(article.text)

    @property
    def todo(self) -> list[Article]:
        return [a for a, c in zip(self.articles, self.cached) if c is None]

    def full(self) -> bool:
        return self.chars >= BATCH_CHARS or len(self.articles) >= BATCH_ARTICLES

    def merge(self, extracted: list[Extraction]) -> list[Extraction]:
        it = iter(extracted)
        return [c if c is not None else next(it) for c in self.cached]


class Inline(Executor):
    """Runs each call at once in this process: the serial build through the same code path."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        f: Future = Future()
        try:
            f.set_result(fn(*args, **kwargs))
        except BaseException as e:
            f.set_exception(e)
        return f


class LocalRunner:
    """Extraction on this machine: in this process while there is little to do, in `jobs` worker processes
    from the moment there is enough text to extract to be worth starting them (PARALLEL_MIN_CHARS).

    `pool_now` starts the workers at once (a new archive). `warm` starts one spare worker that loads the
    tokenizer and tagger while the build reads its cache, so a page added to a cached archive is extracted
    without waiting for them (an archive's new pages come last); `spare` is one the build started already."""

    def __init__(self, jobs: int, lex: Lexicon, *, pool_now: bool = False, warm: bool = False,
                 spare: ProcessPoolExecutor | None = None):
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None
        self.spare = spare
        self.spare_used = False
        self.todo = 0
        if jobs > 1 and pool_now:
            self.pool = process_pool(jobs)
        elif jobs > 1 and warm and spare is None:
            self.spare = process_pool(1, warm_up=lex)

    def extract(self, articles: list[Article], lex: Lexicon, code: str) -> Future:
        self.todo += sum(len(a.text) for a in articles)
        if self.pool is None and self.jobs > 1 and self.todo >= PARALLEL_MIN_CHARS:
            self.pool = process_pool(self.jobs)
        if self.pool is not None:
            return self.pool.submit(extract_batch, articles, lex, code)
        if self.spare is not None:
            self.spare_used = True
            return self.spare.submit(extract_batch, articles, lex, code)
        return Inline().submit(extract_batch, articles, lex)   # runs what this process imported: no check

    def in_flight(self) -> int:
        """Batches to keep submitted ahead of the one awaited: two per worker, none in this process."""
        return 2 * self.jobs if self.pool is not None else 2 if self.spare is not None else 0

    @property
    def workers(self) -> int:
        return self.jobs if self.pool is not None else 1

    def close(self) -> None:
        if self.spare is not None:
            stop(self.spare, terminate=not self.spare_used)
        if self.pool is not None:
            stop(self.pool)


def stop(pool: ProcessPoolExecutor, terminate: bool = False) -> None:
    """Shut `pool` down; with `terminate`, its workers are stopped first rather than waited for (a spare that
    nothing came for would otherwise finish loading what no one needs). They ignore SIGTERM, so they are
    killed. Stopping a pool twice is harmless."""
    if terminate:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def process_pool(jobs: int, warm_up: Lexicon | None = None) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=init_worker, initargs=(warm_up,))
    try:
        _start_ignoring_interrupts(pool, jobs)
    except BaseException:       # a Ctrl-C while they start: none is left behind
        stop(pool, terminate=True)
        raise
    return pool


def _start_ignoring_interrupts(pool: ProcessPoolExecutor, jobs: int) -> None:
    """Start the workers now, inside interrupts.held(): the pool's threads never take a Ctrl-C or a `kill`, and
    each worker ignores them (init_worker). Either reaches the whole process group, and the build (this
    process) is what stops and cleans up: a worker stopped by one would only print a traceback, or break the
    pool before this process had run its handler."""
    with interrupts.held():
        for _ in range(jobs):       # each submit with no idle worker spawns one
            pool.submit(int)


def ordered(submit: Callable[[Batch], Future | None], batches: Iterable[Batch], in_flight: Callable[[], int]
            ) -> Iterator[tuple[Batch, list[Extraction]]]:
    """Each batch with its extractions, in submission order, with at most `in_flight()` batches submitted
    ahead of the one awaited. `submit` returns a future of the batch's new extractions."""
    pending: deque = deque()
    running = 0

    def done(batch: Batch, fut: Future | None) -> tuple[Batch, list[Extraction]]:
        return batch, batch.merge(_result(fut) if fut is not None else [])

    for batch in batches:
        fut = submit(batch) if batch.todo else None
        running += fut is not None
        pending.append((batch, fut))
        while pending and (pending[0][1] is None or running > in_flight()):
            batch, fut = pending.popleft()
            running -= fut is not None
            yield done(batch, fut)
    while pending:
        yield done(*pending.popleft())


def _result(fut: Future):
    """`fut.result()`, waited for a moment at a time so that a Ctrl-C is taken while waiting (kg.run.interrupts)."""
    while True:
        interrupts.taken()
        try:
            return fut.result(timeout=interrupts.MOMENT)
        except TimeoutError:
            if fut.done():          # finished just as the wait ran out, or the work itself raised TimeoutError
                return fut.result()
