"""Extraction in worker processes gives the graph a serial build gives, batches come back in order, bounded."""
import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import Graph

import kg.run.build as build_module
import kg.run.parallel as parallel
from conftest import PAGES, ROOT
from kg.datamodel import Article
from kg.lexicon import load as load_lexicon
from kg.lexicon.gazetteer import gazetteer
from kg.run.build import build_kb, write_outputs
from kg.run.parallel import Batch, VersionMismatch, extract_batch, init_worker, ordered

SAMPLES = ROOT / "kg" / "samples"


def _inputs() -> list[Path]:
    return [SAMPLES] + ([PAGES] if PAGES.exists() else [])


def _graph(kb, summary, out: Path) -> tuple[set, bytes]:
    write_outputs(kb, out, summary, formats=("nquads",), html=False)
    return set(Graph().parse(out / "graph.ttl")), (out / "graph.nq").read_bytes()


def test_parallel_build_equals_serial_build(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_MIN_CHARS", 0)     # start the pool even for this little text
    monkeypatch.setattr(parallel, "BATCH_CHARS", 2_000)        # many batches, so order across them matters
    serial_kb, serial = build_kb(_inputs(), jobs=1)
    pooled_kb, pooled = build_kb(_inputs(), jobs=2)
    assert serial.workers == 1 and pooled.workers == 2
    assert pooled.extracted == serial.extracted == sum(1 for _ in serial_kb.articles) > 10
    assert pooled.counts == serial.counts
    triples_s, quads_s = _graph(serial_kb, serial, tmp_path / "serial")
    triples_p, quads_p = _graph(pooled_kb, pooled, tmp_path / "pooled")
    assert triples_p == triples_s
    assert quads_p == quads_s          # same order of facts too: the knowledge base was built in input order


def test_parallel_workers_start_when_new_work_turns_up_late(tmp_path, monkeypatch):
    """An archive whose first pages are cached starts in this process; a big enough batch of new pages
    later starts the workers, and the graph is still the serial build's."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for f in SAMPLES.iterdir():
        if f.name != "xiangtan_2023-04-19.txt":
            (archive / f.name).write_bytes(f.read_bytes())
    cache = tmp_path / "cache"
    build_kb([archive], jobs=1, cache=cache)
    (archive / "xiangtan_2023-04-19.txt").write_bytes((SAMPLES / "xiangtan_2023-04-19.txt").read_bytes())
    monkeypatch.setattr(build_module, "READ_AHEAD", 1)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(parallel, "BATCH_CHARS", 2_000)
    kb, summary = build_kb([archive], jobs=2, cache=cache)
    assert summary.workers == 2 and 0 < summary.extracted < summary.extracted + summary.cached
    serial_kb, serial = build_kb([archive], jobs=1)
    assert _graph(kb, summary, tmp_path / "late") == _graph(serial_kb, serial, tmp_path / "serial")


def test_parallel_small_build_stays_in_process():
    _, summary = build_kb([SAMPLES / "xiangtan_2023-04-18.txt"], jobs=4)
    assert summary.workers == 1 and summary.extracted > 0


def test_parallel_ordered_yields_in_submission_order_and_bounds_work_in_flight():
    out_now = 0
    peak = 0
    lock = threading.Lock()

    def work(n: int) -> list[int]:
        time.sleep(0.002 * (10 - n % 10))      # later batches finish first
        return [n]

    with ThreadPoolExecutor(4) as pool:
        def submit(batch: Batch):
            nonlocal out_now, peak
            with lock:
                out_now += 1
                peak = max(peak, out_now)
            return pool.submit(work, batch.tags[0])

        batches = []
        for n in range(30):
            b = Batch()
            b.add(Article(id=str(n), text="x", source="t"), "", None, n)
            batches.append(b)
        seen = []
        for batch, result in ordered(submit, batches, lambda: 3):
            with lock:
                out_now -= 1
            seen.append((batch.tags[0], result))
    assert seen == [(n, [n]) for n in range(30)]
    assert peak <= 4


def test_parallel_ordered_passes_cached_batches_through_without_submitting():
    b = Batch()
    sentinel = object()
    b.add(Article(id="a", text="x", source="t"), "k", sentinel, None)
    calls = []
    result = list(ordered(lambda batch: calls.append(batch), [b], lambda: 2))
    assert calls == [] and result == [(b, [sentinel])]


class _LateFuture:
    """A future whose wait runs out just as it finishes (as Dask's may): done() is true after the TimeoutError."""

    def __init__(self, outcome):
        self.outcome, self.waits = outcome, 0

    def result(self, timeout=None):
        self.waits += 1
        if timeout is not None and self.waits == 1:
            raise TimeoutError("timed out after 0.2 s.")
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome

    def done(self):
        return self.waits > 0


def test_parallel_result_finished_as_the_wait_ran_out_is_the_result():
    assert parallel._result(_LateFuture(["extraction"])) == ["extraction"]
    with pytest.raises(TimeoutError, match="the work's own"):
        parallel._result(_LateFuture(TimeoutError("the work's own")))


def test_parallel_worker_initializer_opens_its_own_gazetteer():
    inherited = gazetteer()
    init_worker()
    assert gazetteer() is not inherited
    assert gazetteer().find("衡南县")          # and the new connection works


def test_parallel_worker_refuses_other_code():
    art = Article(id="a", text="市长朱健主持会议。", source="t")
    with pytest.raises(VersionMismatch, match="install the same newskg"):
        extract_batch([art], load_lexicon(), "not-this-code")


def test_parallel_worker_uses_the_lexicon_it_is_sent(tmp_path):
    extra = tmp_path / "lexicon"
    extra.mkdir()
    (extra / "titles.tsv").write_text("首席阅读推广人\n", encoding="utf-8")
    lex = pickle.loads(pickle.dumps(load_lexicon(str(extra))))      # as a worker receives it
    art = Article(id="a", text="首席阅读推广人王小明出席活动。", source="t")
    [with_title] = extract_batch([art], lex)
    [without] = extract_batch([art], load_lexicon())
    roles = {m.text for m in with_title.mentions if m.type == "role"}
    assert "首席阅读推广人" in roles and "首席阅读推广人" not in {m.text for m in without.mentions if m.type == "role"}


def test_parallel_progress_bar_on_a_terminal_only(capsys):
    build_kb([SAMPLES], jobs=1, progress=True)
    bar = capsys.readouterr().err
    assert "building" in bar and "3/3" in bar and "articles/s" in bar
    build_kb([SAMPLES], jobs=1)            # stderr is not a terminal under pytest: nothing
    assert capsys.readouterr().err == ""
