"""Datasette hooks for graph.db (registered by `kg browse`): links that make its rows lead somewhere.

- a `graph` cell (`person/3f2a…`) links to that node in the build's graph.html, which this
  plugin serves with index.html at /-/newskg/ (the build's own pages only, nothing beside them);
- an `articles` count (of a person, organization, place, event or post) links to the evidence
  rows of it: each article that states it, with the sentence;
- evidence's `subject` links to its row in persons, organizations, places, events or posts;
- in a canned query's results, an `article` id is shown as the article's headline and issue date, linked
  to its row (the CSV and JSON keep the id).

Its settings come from the metadata's `plugins: {newskg: {database, site}}` (kg.tables.browse).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

NAME = "newskg"
PAGES = ("graph.html", "index.html")
SUBJECT_TABLES = {"person": "persons", "organization": "organizations", "place": "places", "event": "events",
                  "post": "posts"}
COUNTED = set(SUBJECT_TABLES.values())


def graph_href(datasette, node: str) -> str:
    return datasette.urls.path(f"-/{NAME}/graph.html") + "#" + node


def _link(href: str, text) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    conf = datasette.plugin_config(NAME) or {}
    if database != conf.get("database") or value is None or value == "":
        return None
    if column == "graph" and isinstance(value, str):
        return Markup(f'<a href="{escape(graph_href(datasette, value))}" title="graph.html#{escape(value)}">'
                      '图 graph</a>')
    if column == "articles" and table in COUNTED and isinstance(value, int) and "id" in row.keys():
        query = urlencode({"subject": row["id"], "_sort": "date"})
        return _link(f"{datasette.urls.table(database, 'evidence')}?{query}", value)
    if column == "subject" and table == "evidence" and row["type"] in SUBJECT_TABLES:
        return _link(datasette.urls.row(database, SUBJECT_TABLES[row["type"]], tilde_encode(value)), value)
    if column == "article" and table is None and isinstance(value, str):
        return _article(datasette, database, value)
    return None


async def _article(datasette, database: str, aid: str) -> Markup:
    """An article id in a query's results, shown as its headline and date, linked to its row."""
    rows = (await datasette.get_database(database).execute(
        "SELECT headline, date FROM articles WHERE id = ?", [aid])).rows
    text = f"{rows[0]['headline']} ({rows[0]['date'] or '?'})" if rows else aid
    return _link(datasette.urls.row(database, "articles", tilde_encode(aid)), text)


@hookimpl
def register_routes(datasette):
    return [(rf"^/-/{NAME}/(?P<page>graph\.html|index\.html)$", _page)]


async def _page(request, datasette):
    """graph.html or index.html of the build folder, or a 404 saying why there is none."""
    site = (datasette.plugin_config(NAME) or {}).get("site")
    page = request.url_vars["page"]
    path = Path(site) / page if site else None
    if path is None or not path.is_file():
        return Response.text(f"{page} was not built here (kg build --no-html?)", status=404)
    return Response.html(path.read_text(encoding="utf-8"))
