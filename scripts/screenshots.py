#!/usr/bin/env python3
"""The README's screenshots, made anew: kg browse on a build of the three annotated pages (docs/browse.png).

    python scripts/screenshots.py [--shared ../shared]

Builds ../shared/eval/pages into build/screens (page 002 has no masthead: its date comes from a --dates
table), starts `kg browse` on a free loopback port and takes the page in headless Chromium (tests/support
/headless.py: Debian's chromium, nothing fetched from the network).
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv=None) -> int:
    from support.headless import browser_context

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    out = ROOT / "build" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted((args.shared / "eval" / "pages").glob("*.txt"))
    dates = out / "dates.tsv"
    dates.write_text(f"{next(p.name for p in pages if p.name.startswith('002'))}\t2020-11-21\n", encoding="utf-8")
    kg = [sys.executable, "-m", "kg.cli"]
    subprocess.run([*kg, "build", *map(str, pages), "--dates", str(dates), "--out", str(out)], check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([*kg, "browse", str(out), "--port", str(port), "--no-open"])
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with browser_context((1280, 760)) as ctx:
            page = ctx.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            page.goto(f"{base}/graph/posts_held?person=朱健&title=&organization=")
            page.wait_for_selector("table")
            page.screenshot(path=str(ROOT / "docs" / "browse.png"))
    finally:
        server.terminate()
        server.wait(10)
    print("wrote docs/browse.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
