"""Ctrl-C and kill reach the build, in time, and are reported truthfully (kg.run.interrupts).

The end-to-end cases (a real build sent real signals) are in test_faults.py; these pin the mechanics they
rest on: which threads and processes take the signals, and what a signal during the final renames means."""
import os
import signal
import threading
from pathlib import Path

import pytest

from kg.errors import InterruptedAfterWriting
from kg.rdf import write
from kg.rdf.write import all_or_nothing, write_text
from kg.run import interrupts, parallel

BITS = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))


@pytest.fixture
def as_kg():
    """SIGINT and SIGTERM raise KeyboardInterrupt, as in `kg` (kg.cli), even where the test runner was started
    with SIGINT ignored (a shell's background job is)."""
    previous = {sig: signal.signal(sig, signal.default_int_handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def _mask(status: Path, field: str) -> int:
    line = next(x for x in status.read_text().splitlines() if x.startswith(field + ":"))
    return int(line.split()[1], 16)


def test_interrupts_threads_started_while_held_never_take_them():
    seen = {}

    def record():
        seen["blocked"] = _mask(Path(f"/proc/self/task/{threading.get_native_id()}/status"), "SigBlk")

    with interrupts.held():
        t = threading.Thread(target=record)
        t.start()
    t.join()
    assert seen["blocked"] & BITS == BITS
    assert _mask(Path(f"/proc/self/task/{threading.get_native_id()}/status"), "SigBlk") & BITS == 0   # restored here


def test_interrupts_held_signal_is_taken_when_the_block_ends(as_kg):
    steps = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts.held():
            os.kill(os.getpid(), signal.SIGTERM)
            steps.append("after the kill")       # still running: the signal waits
    assert steps == ["after the kill"]


def test_interrupts_workers_ignore_them_and_the_pool_threads_block_them():
    pool = parallel.process_pool(1)
    try:
        pool.submit(int).result(timeout=120)
        (worker,) = pool._processes.values()
        assert _mask(Path(f"/proc/{worker.pid}/status"), "SigIgn") & BITS == BITS
        threads = [pool._executor_manager_thread, pool._call_queue._thread]      # the pool's own two
        assert all(_mask(Path(f"/proc/self/task/{t.native_id}/status"), "SigBlk") & BITS == BITS for t in threads)
    finally:
        parallel.stop(pool, terminate=True)
    assert not worker.is_alive() and worker.exitcode == -signal.SIGKILL    # killed: it ignores SIGTERM


def test_interrupts_ctrl_c_during_the_renames_is_taken_after_all_of_them(as_kg, tmp_path, monkeypatch):
    write_text("old ttl", tmp_path / "graph.ttl")
    write_text("old html", tmp_path / "graph.html")
    rename = write._replace

    def interrupted(tmp, target):
        rename(tmp, target)
        os.kill(os.getpid(), signal.SIGINT)     # lands after the first rename

    monkeypatch.setattr(write, "_replace", interrupted)
    with pytest.raises(InterruptedAfterWriting), all_or_nothing():
        write_text("new ttl", tmp_path / "graph.ttl")
        write_text("new html", tmp_path / "graph.html")
    assert [p.read_text() for p in (tmp_path / "graph.ttl", tmp_path / "graph.html")] == ["new ttl", "new html"]


def test_interrupts_ctrl_c_before_the_renames_leaves_every_output(as_kg, tmp_path):
    write_text("old ttl", tmp_path / "graph.ttl")
    with pytest.raises(KeyboardInterrupt) as e, all_or_nothing():
        write_text("new ttl", tmp_path / "graph.ttl")
        os.kill(os.getpid(), signal.SIGINT)
    assert not isinstance(e.value, InterruptedAfterWriting)
    assert (tmp_path / "graph.ttl").read_text() == "old ttl"


def test_interrupts_ctrl_c_just_after_a_cache_rename_reaches_the_build(tmp_path, monkeypatch):
    from kg.run import cache as cache_module
    from kg.run.cache import ExtractionCache

    store = ExtractionCache(tmp_path, "lexicon")
    rename = os.replace

    def renamed_then_interrupted(src, dst):
        rename(src, dst)
        raise KeyboardInterrupt      # the handler runs as the rename returns: the temporary file is gone

    monkeypatch.setattr(cache_module.os, "replace", renamed_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.put("k" * 64, {"entry": 1})
