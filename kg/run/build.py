"""The main job: input paths in, a knowledge base and its files out, streamed.

`build_kb` reads the inputs one file at a time, takes each article's extraction
from the cache (kg.run.cache) or has it made, by batches, in worker processes
(kg.run.parallel) or on a Dask cluster (kg.run.distributed), and folds each into the
knowledge base as it arrives, in input order, so the result is the same however
it was computed. Only the resolved knowledge base stays in memory, with each
article reduced to what the graph states about it. Bad inputs become one-line
problems and the rest is still built.

`write_outputs` writes graph.ttl, graph.html and any other format, each
atomically, streaming the triples to disk. `kg.build` (the notebook entry
point) returns the rdflib graph with the summary.
"""
from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from itertools import chain
from pathlib import Path

from ..datamodel import Extraction
from ..errors import Problem
from ..ingest import Source, expand, read_source
from ..ingest.issue_dates import IssueDates
from ..lexicon import load as load_lexicon
from ..outputs import WRITERS, Options, Writer, nquads
from ..rdf.write import all_or_nothing
from ..resolve import KnowledgeBase
from . import parallel
from .cache import ExtractionCache, Resolved, article_key, code_version, resolved_key, source_key
from .cache import default_dir as default_cache_dir
from .parallel import Batch, LocalRunner, default_jobs, ordered

READ_AHEAD = 8                    # batches read before deciding whether to start worker processes
log = logging.getLogger(__name__)


def samples_dir() -> Path:
    return Path(str(files("kg") / "samples"))


@dataclass
class Summary:
    inputs: int = 0
    pages: int = 0
    articles: int = 0
    kept: int = 0                 # articles in the graph (an article whose extraction failed is not)
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    extracted: int = 0            # articles extracted in this build
    cached: int = 0               # articles whose extraction came from the cache
    workers: int = 1              # processes (or Dask threads) that extracted
    cache_dir: Path | None = None
    shards: int = 0               # N-Quads files under out/nquads/

    @property
    def status(self) -> int:
        """0 all inputs built, 1 some skipped, 2 nothing usable."""
        if self.kept == 0:
            return 2
        return 1 if self.problems else 0

    def lines(self) -> list[str]:
        c = self.counts
        # articles as index.html and graph.html count them: those in the graph (no masthead, no ad, none skipped)
        skipped = f" ({self.articles - self.kept} skipped)" if self.articles > self.kept else ""
        out = [f"built {self.inputs} input file(s): {self.pages} page(s), {self.kept} article(s){skipped} in {self.seconds:.1f} s",
               f"  persons {c.get('persons', 0)}, organizations {c.get('organizations', 0)}, places {c.get('places', 0)}, "
               f"events {c.get('events', 0)}; posts held {c.get('posts', 0)}; {self.triples} triples"]
        if self.cache_dir is not None or self.workers > 1:
            where = f" by {self.workers} workers" if self.workers > 1 else ""
            cache = f", {self.cached} from the cache in {self.cache_dir}" if self.cache_dir is not None else ""
            out.append(f"  extracted {self.extracted} text block(s) (articles, mastheads, ads){where}{cache}")
        for p in self.outputs:
            out.append(f"  wrote {p}" + (f" ({self.shards} N-Quads shards)" if p.name == nquads.SHARDS else ""))
        for n in self.notes:
            out.append(f"  note: {n}")
        for p in self.problems:
            out.append(f"  skipped: {p}")
        return out


def build_kb(paths: list[Path] | None = None, *, issue_date: date | None = None, dates: Path | None = None,
             city: str | None = None, lexicon: str | None = None, jobs: int | None = None, cache: Path | bool | None = None,
             reuse_cache: bool = True, dask_scheduler: str | None = None,
             progress: bool | None = None) -> tuple[KnowledgeBase, Summary]:
    """Read, extract and resolve every input; problems are collected in the summary.

    issue_date, dates: the issue date of pages whose masthead gives none, for all of them and, from the
    `--dates` table (or a date in a file's name), file by file (kg.ingest.issue_dates says which wins).
    jobs: worker processes for extraction (default: every core; small builds run in this process).
    cache: a folder for the extraction cache (True: the user's cache folder; None: no cache).
    reuse_cache: False extracts every article again (and refreshes the cache).
    dask_scheduler: the address of a Dask scheduler to extract on instead of local processes.
    progress: a progress bar on stderr (None: when stderr is a terminal)."""
    started = time.perf_counter()
    summary = Summary()
    days = IssueDates.read(dates, issue_date)
    files_, problems = expand(list(paths) if paths else [samples_dir()])
    summary.problems.extend(problems)
    lex = load_lexicon(lexicon)
    store = None
    if cache:
        summary.cache_dir = default_cache_dir() if cache is True else Path(cache)
        store = ExtractionCache(summary.cache_dir, lex.fingerprint, read=reuse_cache)
    code = code_version()
    kb, done = KnowledgeBase(), []       # done: the keys of the articles folded into kb, in order
    resolved = resolved_key(list(paths) if paths else [samples_dir()], issue_date, city) if store else None
    clean = True                         # every article extracted or cached: the result may be kept
    with ExitStack() as stack:
        spare = None
        if store is not None and store.read:
            if not dask_scheduler and store.has(resolved) and (default_jobs() if jobs is None else jobs) > 1:
                spare = stack.enter_context(_spare(lex))    # pages added to a built archive: ready to extract them
            kb, done = _resolved_prefix(store, resolved, files_, days, city)
        papers = {a.paper: a.paper for a in kb.articles.values()}
        reused = len(done)
        summary.kept = sum(a.kind == "article" for a in kb.articles.values())
        bar = stack.enter_context(Progress(len(files_), progress))
        batches = _batches(files_, summary, days, city, store, bar, skip=len(done))
        batches, runner = _runner(stack, batches, jobs, dask_scheduler, lex, cached=store is not None, spare=spare)
        summary.cached += len(done)
        for batch, extractions in ordered(lambda b: runner.extract(b.todo, lex, code), batches, runner.in_flight):
            for key, ext, was_cached, tag in zip(batch.keys, extractions, batch.cached, batch.tags):
                if isinstance(ext, Problem):    # an extractor raised on this article: it is skipped, and named
                    summary.problems.append(ext)
                    clean = False
                elif was_cached is None:
                    summary.extracted += 1
                    if store is not None:
                        store.put(key, ext)
                else:
                    summary.cached += 1
                if not isinstance(ext, Problem):
                    kb.add(_compact(ext, papers))
                    done.append(key)
                    summary.kept += ext.article.kind == "article"
                if tag is not None:
                    bar.page_done()
            bar.articles(summary.extracted + summary.cached)
        summary.workers = runner.workers
    if store is not None and clean and len(done) != reused:
        store.put(resolved, Resolved(done, kb))     # pickled now, before finish() merges
    kb.finish()
    summary.counts = kb.counts()
    summary.seconds = time.perf_counter() - started
    return kb, summary


def _read(path: Path, store: ExtractionCache | None, days: IssueDates, city: str | None) -> Source:
    """One input file's articles, from the cache when its bytes were read before."""
    issue_date = days.date_for(path)
    src = skey = None
    if store is not None and (skey := source_key(path, issue_date, city)) is not None:
        src = store.get(skey, Source)
    if src is None:
        src = read_source(path, issue_date=issue_date, city=city)
        if skey is not None:
            store.put(skey, src)
    return src


def _resolved_prefix(store: ExtractionCache, resolved: str, files_: list[Path], days: IssueDates,
                     city: str | None) -> tuple[KnowledgeBase, list[str]]:
    """The knowledge base a previous build resolved, if this build's articles begin with its articles."""
    prev = store.get(resolved, Resolved)
    if prev is None or not prev.keys:
        return KnowledgeBase(), []
    n = 0
    for path in files_:
        for article in _read(path, store, days, city).articles:
            if n == len(prev.keys):
                return prev.kb, prev.keys
            if article_key(article) != prev.keys[n]:
                return KnowledgeBase(), []
            n += 1
    return (prev.kb, prev.keys) if n == len(prev.keys) else (KnowledgeBase(), [])


def _batches(files_: list[Path], summary: Summary, days: IssueDates, city: str | None,
             store: ExtractionCache | None, bar, skip: int = 0) -> Iterator[Batch]:
    """Articles of each input in order, grouped into batches, cached extractions attached; the first `skip`
    articles (already in the knowledge base) are counted but not fetched."""
    batch = Batch()
    seen = 0
    for path in files_:
        src = _read(path, store, days, city)
        summary.inputs += 1
        summary.problems.extend(src.problems)
        summary.notes.extend(src.notes)
        if (overridden := days.overridden(path, src.articles)) is not None:
            summary.notes.append(overridden)
        if src.articles and not path.suffix.lower().endswith(("jsonl", "json", "ndjson")):
            summary.pages += 1
        summary.articles += sum(1 for a in src.articles if a.kind == "article")
        if not src.articles:
            bar.page_done()
        for i, article in enumerate(src.articles):
            last = i == len(src.articles) - 1
            seen += 1
            if seen <= skip:
                if last:
                    bar.page_done()
                continue
            key = article_key(article) if store is not None else ""
            batch.add(article, key, store.get(key) if store is not None else None, path if last else None)
            if batch.full():
                yield batch
                batch = Batch()
    if batch.articles:
        yield batch


@contextmanager
def _spare(lex):
    """One worker loading the tokenizer and tagger while the build reads what it resolved before (shut down on
    the way out if no page needed it)."""
    pool = parallel.process_pool(1, warm_up=lex)
    try:
        yield pool
    finally:                # the runner has stopped it if it was given work; if not, it is stopped here
        parallel.stop(pool, terminate=True)


def _runner(stack: ExitStack, batches: Iterator[Batch], jobs: int | None, dask_scheduler: str | None, lex,
            cached: bool, spare=None):
    """Where extraction runs: a Dask cluster, or this machine (kg.run.parallel.LocalRunner). For a local build
    the first batches are read ahead: if they already hold enough to extract, the workers start at once;
    if not and a big archive is built from the cache, one spare worker gets ready for the pages added since."""
    if dask_scheduler:
        from .distributed import dask_runner

        return batches, stack.enter_context(dask_runner(dask_scheduler))
    jobs = default_jobs() if jobs is None else max(1, jobs)
    head: list[Batch] = []
    todo = 0
    more = False
    if jobs > 1:
        for batch in batches:
            head.append(batch)
            todo += batch.chars
            if todo >= parallel.PARALLEL_MIN_CHARS or len(head) >= READ_AHEAD:
                more = True
                break
    runner = LocalRunner(jobs, lex, pool_now=todo >= parallel.PARALLEL_MIN_CHARS, warm=cached and more, spare=spare)
    stack.callback(runner.close)
    return chain(head, batches), runner


def _compact(ext: Extraction, papers: dict) -> Extraction:
    """What the knowledge base keeps of an article: not its text (the graph states none of it), only the
    head the HTML view shows for an untitled article; one Paper object shared by all of a paper's articles."""
    art = ext.article
    head = "" if art.title else art.text.strip().split("\n", 1)[0][:24]
    paper = papers.setdefault(art.paper, art.paper)
    ext.article = dataclasses.replace(art, text=head, paper=paper)
    return ext


class Progress:
    """A tqdm bar of pages (with articles and their rate) on a terminal; a log line per tenth otherwise."""

    def __init__(self, total: int, enabled: bool | None):
        self.total, self.done, self.n_articles = total, 0, 0
        self.started = time.perf_counter()
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.bar = None

    def __enter__(self):
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="page", desc="building", file=sys.stderr, dynamic_ncols=True,
                            mininterval=0.5)
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()

    def page_done(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.total >= 10 and self.done % max(1, self.total // 10) == 0:
            log.info("%d/%d pages, %d articles", self.done, self.total, self.n_articles)

    def articles(self, n: int) -> None:
        self.n_articles = n
        if self.bar is not None:
            rate = n / max(1e-9, time.perf_counter() - self.started)
            self.bar.set_postfix_str(f"{n} articles, {rate:.1f} articles/s", refresh=False)


def write_outputs(kb: KnowledgeBase, out: Path, summary: Summary, *, formats: tuple[str, ...] = ("turtle",),
                  html: bool = True, html_max_nodes: int = 2000, title: str = "newskg",
                  shard_size: int | None = None, store: Path | None = None) -> None:
    """Write graph.ttl, the pages (unless `html` is False) and each writer of `formats` (kg.outputs) into `out`,
    atomically, one build at a time.

    shard_size: N-Quads in files of at most this many lines under out/nquads/ instead of one graph.nq.
    store: also load the graph into an on-disk Oxigraph store there (kg.sparql.store)."""
    from ..outputs import owned_files
    from ..rdf.write import output_lock

    names: dict[Path, list[str]] = {out.absolute(): owned_files()}
    if store is not None:
        names.setdefault(store.absolute().parent, []).append(store.name)
    writers = [w for w in WRITERS.values() if (w.default and (html or w.name != "html")) or w.name in formats]
    with ExitStack() as stack:
        for folder, ours in names.items():
            stack.enter_context(output_lock(folder, ours))
        _write_all(kb, out, summary, writers, Options(title, html_max_nodes, shard_size), store)


@all_or_nothing()        # every output file is replaced together, or (a failure, Ctrl-C) none is
def _write_all(kb: KnowledgeBase, out: Path, summary: Summary, writers: list[Writer], options: Options,
               store: Path | None) -> None:
    from ..rdf.stream import unique_quads, unique_triples
    from ..rdf.triples import article_iri, quads_of

    started = time.perf_counter()
    # graph.ttl and graph.db are written by forked processes while this one makes the rest (kg.run.aside): on 2
    # cores, adding one page to a 1,000-page archive then waits for the slowest of them, not for their sum
    turtle = WRITERS["turtle"]
    forked = [w for w in writers if w is not turtle and hasattr(w.load(), "aside")]
    with ExitStack() as asides:
        written_aside = asides.enter_context(turtle.load().aside(kb, out))
        summary.outputs.append(out / turtle.files[0])
        for w in forked:
            asides.enter_context(w.load().aside(kb, out))
        for w in sorted((w for w in writers if w is not turtle and w not in forked), key=lambda w: w.name == "html"):
            written = w.write(kb, out, options)
            summary.outputs.extend(written)
            if w.name == "nquads" and options.shard_size:
                summary.shards = sum(1 for _ in written[0].glob("*.nq"))
    summary.outputs.extend(out / f for w in forked for f in w.files)
    summary.triples = written_aside.n
    if store is not None:
        from ..sparql.store import write_store
        write_store(unique_triples(quads_of(kb, once=True)),
                    ((s, p, o, article_iri(aid)) for s, p, o, aid in unique_quads(quads_of(kb))), store, site=out)
        summary.outputs.append(store)
    summary.seconds += time.perf_counter() - started
