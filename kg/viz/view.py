"""`kg view`: open a build's graph.html in the user's browser, or say where it is when there is none."""
from __future__ import annotations

import webbrowser
from pathlib import Path

from ..errors import Messages, UsageError


def page_path(out: Path, page: str = "graph.html") -> Path:
    """DIR/graph.html of a build (DIR itself may name the page), or a UsageError naming what is missing."""
    path = out if out.suffix == ".html" else out / page
    if not path.is_file():
        raise UsageError(Messages.E025.format(path=path, folder=path.parent))
    return path.resolve()


def open_page(path: Path) -> bool:
    """Ask the system's browser to show `path`; False when there is no browser to ask (a server, ssh)."""
    try:
        return bool(webbrowser.open(path.as_uri()))
    except webbrowser.Error:
        return False
