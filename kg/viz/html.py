"""Where the graph is drawn: graph.html, a page that opens from disk with no network at all.

The page is template.html with vis-network's script and style inlined from the
pyvis package (no CDN), and the graph as one compact JSON block: every node with
its position (computed ahead by layout.py, so physics stays off), type and
label; its facts, sentences and articles for the side panel; and the edges as
pairs of node numbers. The page opens on the `max_nodes` best-connected nodes and
adds any other node, with its neighbours, when it is searched for or linked to.

Search needs nothing computed in the browser beyond substring matching: the
names a person is found by besides their own (the posts as written, 市委副书记,
and as an organization's short form with the title, 市委 + 书记 = 市委书记) are
listed, and so is every traditional character whose simplified form the page's
names use (陽 → 阳), from OpenCC's t2s, so that 衡陽 finds 衡阳.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..ingest.traditional import char_map
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
    extra is the organization's node number or the title (a post held adds the number of articles that
    state it and, when the text states one, its dates by what happened: {"appointed": "2021-01-05"}),
    sentences as numbers into `sentences` ([article id, text], each once), source article ids, a place's
    `within` (node numbers: events and organizations of the places inside it), a person's `with`
    ([person, shared events], the TOGETHER_MAX most shared; `with_more` counts the rest); articles:
    id -> [title, source, issue date]; search: [name, node] a node is also found by; t2s: traditional
    character -> simplified; count: the build's articles and first and last issue."""
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
        if d.get("within"):
            item["within"] = [index[m] for m in d["within"]]
        if d.get("together"):
            item["with"] = [[index[m], k] for m, k in d["together"][:TOGETHER_MAX]]
            if len(d["together"]) > TOGETHER_MAX:
                item["with_more"] = len(d["together"]) - TOGETHER_MAX
        info.append(item)
    edges = [[index[u], index[v], d.get("label", "")] for u, v, d in g.edges(data=True)]
    search = [[term, index[n]] for term, n in search_terms(g)]
    return {"base": IRI_BASE, "nodes": nodes, "info": info, "edges": edges, "articles": articles,
            "sentences": [list(k) for k in sentences], "search": search,
            "t2s": traditional_forms([n[1] for n in nodes] + [a for i in info for a in i["aliases"]] +
                                     [t for t, _ in search]),
            "count": {"articles": g.graph.get("articles", 0), "issues": g.graph.get("issues", [])},
            "layout": {"nodes": laid_out}}


TOGETHER_MAX = 20   # co-attendees listed in a person's panel, the most shared; the rest are counted


def _fact(f: dict, index: dict) -> list:
    extra = index.get(f["org_ref"]) if f.get("org_ref") else f.get("title")
    out = [f["kind"], index[f["ref"]], f["date"], f.get("until") or "", extra, f.get("articles"), f.get("stated")]
    while out[-1] in (None, "", {}):
        out.pop()
    return out


def search_terms(g: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """(name, person) for the posts a person is found by besides their names: as the text wrote them (市委副书记)
    and as each short form of the organization with the title (市委 + 书记), so that 市委书记 finds its holders."""
    out = set()
    for n, d in g.nodes(data=True):
        if d["type"] != "person":
            continue
        own = {d["label"], *d.get("aliases", [])}
        for f in d.get("facts", []):
            if f["kind"] != "holds":
                continue
            terms = set(f.get("written", []))
            if f.get("org_ref") in g:
                terms |= {alias + f["text"] for alias in g.nodes[f["org_ref"]].get("aliases", [])}
            out |= {(t, n) for t in terms if t not in own and t != f["text"]}
    return sorted(out)


@lru_cache(maxsize=1)
def _t2s() -> dict[str, str]:
    """Every CJK unified ideograph that OpenCC's t2s changes, to its simplified form (3,500 of them; 0.05 s)."""
    return {t: s for t, s in char_map({chr(c) for c in range(0x4E00, 0xA000)}).items() if s != t}


def traditional_forms(names: list[str]) -> dict[str, str]:
    """Traditional character -> simplified, for the simplified characters `names` use (陽 -> 阳 where a name
    holds 阳): the page simplifies a query with it, so 衡陽 finds 衡阳."""
    used = {c for name in names for c in name}
    return {t: s for t, s in sorted(_t2s().items()) if s in used}


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
        # a label is drawn once it is 7 pixels high on screen (fading in up to 8); a white outline keeps it legible
        # over edges and nodes. The page sizes each label (template.html: fontOf, capLabels)
        "nodes": {"font": {"size": 12, "face": "sans-serif", "color": "#222", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1,
                  "scaling": {"label": {"drawThreshold": 8}}},
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
