"""Where the graph is drawn: graph.html, a page that opens from disk with no network at all.

The page is template.html with vis-network's script and style inlined from the
pyvis package (no CDN), and the graph as one compact JSON block: every node with
its position (computed ahead by layout.py, so physics stays off), type and
label; its facts, sentences and articles for the side panel; and the edges as
pairs of node numbers. The page opens on the `max_nodes` best-connected nodes and
adds any other node, with its neighbours, when it is searched for or linked to.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..rdf.namespaces import BASE
from .graph import TYPE_LABELS, TYPES, node_key
from .layout import layout, reusable

COLORS = {"person": "#e8684a", "organization": "#5b8ff9", "place": "#3fb68b", "event": "#f6bd16", "post": "#9270ca"}
SHAPES = {"person": "dot", "organization": "square", "place": "triangle", "event": "diamond", "post": "hexagon"}
HERE = Path(__file__).parent
IRI_BASE = BASE + "id/"   # a node's IRI is IRI_BASE + its key


@lru_cache(maxsize=1)
def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=select_autoescape(["html"]))
    env.filters["script_json"] = script_json
    return env


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's script and style as shipped inside pyvis (found, not imported: pyvis imports IPython, 0.4 s)."""
    lib = Path(find_spec("pyvis").submodule_search_locations[0]) / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def initial_view(g: nx.MultiDiGraph, max_nodes: int) -> set[str]:
    """The nodes shown when the page opens: the most connected, up to `max_nodes`."""
    if g.number_of_nodes() <= max_nodes:
        return set(g.nodes)
    ranked = sorted(g.degree, key=lambda kv: (-kv[1], kv[0]))
    return {k for k, _ in ranked[:max(0, max_nodes)]}


def previous_layout(page: Path) -> tuple[dict[str, tuple[float, float]], int]:
    """Node positions (by node key) in a graph.html this module wrote, and the node count of the full layout
    they come from; nothing when there is no such page or it cannot be read."""
    try:
        text = page.read_text(encoding="utf-8")
        start = text.index(DATA_OPEN) + len(DATA_OPEN)
        end = text.index("</script>", start)
        # Only the two values needed, not the whole block (the facts and sentences are most of it): page_data
        # writes "nodes" right after "base" and "layout" last.
        decode = json.JSONDecoder().raw_decode
        nodes, _ = decode(text, text.index('"nodes":', start, end) + len('"nodes":'))
        laid_out, _ = decode(text, text.rindex('"layout":', start, end) + len('"layout":'))
        return {n[0]: (float(n[3]), float(n[4])) for n in nodes}, int(laid_out["nodes"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, IndexError, TypeError):
        return {}, 0


DATA_OPEN = '<script type="application/json" id="kg-data">'


def page_data(g: nx.MultiDiGraph, max_nodes: int, previous: Path | None = None) -> dict:
    """Everything the page shows, in the compact form template.html reads.

    nodes: [key, label, type, x, y, size, shown at start, date]; edges: [from, to, label] by node
    number; info (one per node): aliases, kind, facts as [kind, other node, date, until, extra] where
    extra is the organization's node number or the title, sentences as numbers into `sentences`
    ([article id, text], each once), source article ids; articles: id -> [title, source, issue date]."""
    core = initial_view(g, max_nodes)
    keys = {n: node_key(n) for n in g.nodes}
    old, laid_out = previous_layout(previous) if previous is not None else ({}, 0)
    keep = {n: old[k] for n, k in keys.items() if k in old}
    if reusable(g, keep, laid_out):
        pos = layout(g, core, keep=keep)      # a day added to an archive: old nodes stay where they were
    else:
        pos, laid_out = layout(g, core), g.number_of_nodes()
    index = {n: i for i, n in enumerate(g.nodes)}
    nodes, info, articles, sentences = [], [], {}, {}
    for n, d in g.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        key = keys[n]
        nodes.append([key, d["label"], d["type"], round(x, 1), round(y, 1),
                      10 + min(20, 2 * g.degree(n)), int(n in core), d.get("date", "")])
        for s in d.get("sources", []):
            articles.setdefault(s["id"], [s["title"], s["source"], s["date"]])
        item = {"aliases": d.get("aliases", []),
                "facts": [_fact(f, index) for f in d.get("facts", []) if f["ref"] in index],
                "sentences": [sentences.setdefault((s["article"], s["text"]), len(sentences))
                              for s in d.get("sentences", [])],
                "sources": [s["id"] for s in d.get("sources", [])]}
        if d.get("kind"):
            item["kind"] = d["kind"]
        if str(n) != IRI_BASE + key:
            item["iri"] = str(n)
        info.append(item)
    edges = [[index[u], index[v], d.get("label", "")] for u, v, d in g.edges(data=True)]
    return {"base": IRI_BASE, "nodes": nodes, "info": info, "edges": edges, "articles": articles,
            "sentences": [list(k) for k in sentences], "layout": {"nodes": laid_out}}


def _fact(f: dict, index: dict) -> list:
    extra = index.get(f["org_ref"]) if f.get("org_ref") else f.get("title")
    out = [f["kind"], index[f["ref"]], f["date"], f.get("until") or "", extra]
    while out[-1] in (None, ""):
        out.pop()
    return out


def render(g: nx.MultiDiGraph, *, title: str = "newskg", max_nodes: int = 2000, previous: Path | None = None) -> str:
    """graph.html for `g`, opening on its `max_nodes` best-connected nodes; nodes keep their places in the
    `previous` page when it shows nearly the same graph (layout.reusable)."""
    js, css = vis_assets()
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"color": "#c4c4c4", "highlight": "#333", "hover": "#777"}, "font": {"size": 10}},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}, "borderWidth": 1},
        "groups": {t: {"shape": SHAPES[t], "color": {"background": COLORS[t], "border": "#555",
                                                     "highlight": {"background": COLORS[t], "border": "#000"}}}
                   for t in TYPES},
    }
    return templates().get_template("template.html").render(
        page_title=title, vis_js=js, vis_css=css, types=TYPE_LABELS, colors=COLORS,
        data=page_data(g, max_nodes, previous), options=options)


def script_json(obj) -> str:
    """JSON safe inside a <script> element: no "<" at all, so no "</script>" or "<!--" (jinja filter)."""
    return Markup(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))
