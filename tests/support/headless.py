"""Debian's chromium, headless, driven by Playwright: how the browser tests and the view benchmark
open graph.html. Playwright never downloads a browser here: it is given /usr/bin/chromium
(installed by `make install` through scripts/system-deps.sh). Every request that is not a
file: URL is refused and recorded, so a page that reaches for the network is caught.
"""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class Watch:
    """What a page did that it should not: console errors, uncaught exceptions, requests off disk."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def chromium_path() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


@contextmanager
def browser_context(viewport: tuple[int, int] = (1280, 800)):
    """A fresh headless chromium profile (its own user-data-dir), closed and removed afterwards."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise FileNotFoundError("chromium is not installed (make install adds it)")
    profile = tempfile.mkdtemp(prefix="newskg-chromium-")
    try:
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(
                profile, executable_path=exe, headless=True, args=ARGS,
                viewport={"width": viewport[0], "height": viewport[1]})
            try:
                yield ctx
            finally:
                ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def watched_page(ctx) -> tuple[object, Watch]:
    """A new page whose errors and off-disk requests are recorded (the requests are also refused)."""
    page = ctx.new_page()
    watch = Watch()

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            watch.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    return page, watch
