"""Stress: kill a build's whole process group at the moment it has cached its first extraction, many times.

    .venv/bin/python bench/interrupts.py [RUNS] [--signal INT|TERM]

Each run builds 40 pages into a fresh cache and sends the signal to the build and its workers at once, as a
terminal's Ctrl-C does. Every run must end with status 130 and the one line E014, the outputs untouched.
A lost signal shows as status 0, a worker dying first as status 2 (BrokenProcessPool). The single-run
version of this is tests/test_faults.py; races that it hits one time in twenty need this to be seen.
Results: bench/INTERRUPTS.md (by hand: make bench does not run this).
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_faults import _cached_extractions, archive, kg_cmd, snapshot  # noqa: E402

from kg.errors import Messages  # noqa: E402


def one(pages: Path, out: Path, cache: Path, sig: int) -> tuple[int, str, bool]:
    before = snapshot(out)
    proc = subprocess.Popen(kg_cmd("build", str(pages), "--out", str(out), "--cache-dir", str(cache)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen: dict[Path, bool] = {}
    while proc.poll() is None and _cached_extractions(cache, seen) == 0:
        time.sleep(0.002)
    os.killpg(proc.pid, sig)
    _, err = proc.communicate(timeout=300)
    return proc.returncode, err.strip().splitlines()[-1] if err.strip() else "", snapshot(out) == before


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", type=int, nargs="?", default=40)
    ap.add_argument("--signal", choices=["INT", "TERM"], default="TERM")
    args = ap.parse_args()
    sig = getattr(signal, f"SIG{args.signal}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages = archive(tmp / "pages", 40)
        out = tmp / "out"
        subprocess.run(kg_cmd("build", str(pages / "page000.txt"), "--out", str(out), "--no-cache", "-j", "1"),
                       check=True, capture_output=True)
        bad = 0
        for i in range(args.runs):
            status, last, kept = one(pages, out, tmp / "cache", sig)
            ok = status == 130 and last == f"kg: {Messages.E014}" and kept
            bad += not ok
            if not ok:
                print(f"run {i}: status {status}, outputs {'kept' if kept else 'CHANGED'}: {last}", flush=True)
            shutil.rmtree(tmp / "cache", ignore_errors=True)
    print(f"SIG{args.signal}: {bad} of {args.runs} runs lost or misreported the interrupt")


if __name__ == "__main__":
    main()
