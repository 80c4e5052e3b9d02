"""`kg browse [DIR]`: DIR/graph.db in Datasette, on this machine only, reading like our domain.

Datasette runs in this process (uvicorn on 127.0.0.1, port 8001 unless --port says otherwise),
with the metadata of metadata.yml (labels in Chinese and English, facets, the four canned
queries) and plugin.py (links to graph.html, which it serves with index.html at /-/newskg/).
Everything it serves is its own or the build's: its pages load only /-/static/ assets, and
nothing is fetched from the network. graph.db is opened as immutable (Datasette counts its rows
once): a rebuild replaces the file, and is seen after restarting kg browse. For example:

    $ kg browse build/pages --no-open
    serving build/pages/graph.db at http://127.0.0.1:8001/ (Ctrl-C stops)
    the four questions: http://127.0.0.1:8001/graph/posts_held, …/attended, …/events_in, …/appeared_together
"""
from __future__ import annotations

import socket
from importlib.resources import files
from pathlib import Path

from ..errors import Messages, Problem, UsageError
from .write import DB

DATABASE = Path(DB).stem         # Datasette names a database by its file: graph.db is /graph
HOST = "127.0.0.1"
QUERIES = ("posts_held", "attended", "events_in", "appeared_together")
SETTINGS = {
    "sql_time_limit_ms": 5000,       # a canned query over every pair of people in an archive takes a few seconds
    "facet_time_limit_ms": 1000,
    "max_returned_rows": 5000,
}


def database_path(out: Path) -> Path:
    """DIR/graph.db, or a UsageError telling the user to rebuild (a build older than the tables has none)."""
    path = out / DB
    if not path.is_file():
        raise UsageError(str(Problem(str(out), Messages.E032.format(out=out))))
    return path


def metadata(out: Path) -> dict:
    """metadata.yml, with the plugin told which database is ours and whose graph.html to serve."""
    import yaml

    meta = yaml.safe_load((files("kg.tables") / "metadata.yml").read_text(encoding="utf-8"))
    for table in meta["databases"][DATABASE]["tables"].values():
        _columns_folded(table)
    meta["plugins"] = {"newskg": {"database": DATABASE, "site": str(out.resolve())}}
    return meta


def _columns_folded(table: dict) -> None:
    """Column labels in one line under the description, their meanings folded away: Datasette would list each
    column on two lines of its own above the rows, pushing them below the first screen."""
    columns = table.pop("columns", None)
    if not columns:
        return
    from markupsafe import escape

    labels = " · ".join(f"{escape(c)} {escape(d.split(' · ')[0])}" for c, d in columns.items())
    meanings = "".join(f"<dt>{escape(c)}</dt><dd>{escape(d)}</dd>" for c, d in columns.items())
    table["description_html"] = (f"<p>{escape(table.pop('description', ''))}</p><details><summary>{labels}</summary>"
                                 f"<dl>{meanings}</dl></details>")


def datasette_app(out: Path):
    """The Datasette instance serving DIR/graph.db (its `.app()` is the ASGI app; tests use its `.client`)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from . import plugin

    path = database_path(out)
    if not pm.is_registered(plugin):
        pm.register(plugin, name=plugin.NAME)
    return Datasette(immutables=[str(path)], metadata=metadata(out), settings=SETTINGS)


def listen(port: int, host: str = HOST) -> socket.socket:
    """A listening socket on host:port (0: a free port), or a UsageError saying why not."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as e:
        sock.close()
        why = (e.strerror or str(e)).lower()
        raise UsageError(str(Problem(f"{host}:{port}", Messages.E033.format(why=why)))) from None
    return sock


def serve(out: Path, *, port: int = 8001, open_browser: bool = True, announce=print) -> None:
    """Serve DIR/graph.db until Ctrl-C; open the browser on it unless told not to."""
    import uvicorn

    ds = datasette_app(out)
    sock = listen(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    announce(f"serving {out / DB} at {url} (Ctrl-C stops)")
    announce("the four questions: " + ", ".join(f"{url}{DATABASE}/{q}" for q in QUERIES))
    if open_browser and not _open(url):
        announce("no browser to open it here; open the address above")
    server = uvicorn.Server(uvicorn.Config(ds.app(), log_level="warning", lifespan="off"))
    server.run(sockets=[sock])


def _open(url: str) -> bool:
    import webbrowser

    try:
        return bool(webbrowser.open(url))
    except webbrowser.Error:
        return False
