"""Where the graph is drawn: an HTML page that opens from disk with no network at all.

pyvis builds the vis-network node and edge lists and options; we fill them
directly (pyvis's add_edge scans every edge, far too slow at archive size) and
render our own template (template.html), which carries vis-network's script and
style inline instead of pyvis's CDN links. Positions are computed here with
networkx so the browser need not simulate physics on a large graph; the page
starts from the `max_nodes` best-connected nodes and reaches the rest by search.
"""
from __future__ import annotations

import json
import math
from importlib.resources import files
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from .graph import TYPE_LABELS

COLORS = {"person": "#e8684a", "organization": "#5b8ff9", "place": "#5ad8a6", "event": "#f6bd16", "post": "#9270ca"}
SHAPES = {"person": "dot", "organization": "square", "place": "triangle", "event": "diamond", "post": "dot"}
HERE = Path(__file__).parent


def _vis_assets() -> tuple[str, str]:
    lib = Path(str(files("pyvis"))) / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def layout(g: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions for every node: a force layout for small graphs, a cheaper one at archive size."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    simple = nx.Graph(g)
    if n <= 3000:
        pos = nx.spring_layout(simple, seed=seed, k=1.6 / math.sqrt(n), iterations=60 if n < 800 else 30)
    else:
        pos = {}
        comps = sorted(nx.connected_components(simple), key=len, reverse=True)
        cx = 0.0
        for comp in comps:
            sub = simple.subgraph(comp)
            if len(comp) <= 300:
                p = nx.spring_layout(sub, seed=seed, iterations=25)
            else:
                p = nx.random_layout(sub, seed=seed)
            r = math.sqrt(len(comp))
            for k, (x, y) in p.items():
                pos[k] = (cx + x * r, y * r)
            cx += 2.2 * r + 1
    scale = 900 * max(1.0, math.sqrt(n) / 8)
    return {k: (float(x) * scale, float(y) * scale) for k, (x, y) in pos.items()}


def initial_view(g: nx.MultiDiGraph, max_nodes: int) -> set[str]:
    """The nodes shown when the page opens: the most connected, up to `max_nodes`."""
    if g.number_of_nodes() <= max_nodes:
        return set(g.nodes)
    ranked = sorted(g.degree, key=lambda kv: (-kv[1], kv[0]))
    return {k for k, _ in ranked[:max_nodes]}


def render(g: nx.MultiDiGraph, *, title: str = "newskg", max_nodes: int = 2000) -> str:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    pos = layout(g)
    shown = initial_view(g, max_nodes)
    for node, data in g.nodes(data=True):
        x, y = pos.get(node, (0.0, 0.0))
        t = data["type"]
        net.nodes.append({
            "id": node, "label": data["label"], "group": t, "shape": SHAPES[t], "color": COLORS[t],
            "x": round(x, 1), "y": round(y, 1), "size": 10 + min(20, 2 * g.degree(node)),
            "hidden": node not in shown,
            "title": _tooltip(data),
            "nkg": {k: data.get(k) for k in ("type", "aliases", "kind", "sources", "sentences", "facts", "date")},
        })
    for i, (u, v, data) in enumerate(g.edges(data=True)):
        net.edges.append({"id": i, "from": u, "to": v, "label": data.get("label", ""), "kind": data.get("kind", ""),
                          "arrows": "to", "font": {"size": 9, "align": "middle"}})
    net.options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
        "edges": {"smooth": False, "color": {"color": "#b8b8b8", "highlight": "#444"}},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}},
        "layout": {"improvedLayout": False},
    }
    net.set_template_dir(str(HERE), "template.html")
    js, css = _vis_assets()
    net.templateEnv.globals.update(vis_js=js, vis_css=css, type_labels=TYPE_LABELS, colors=COLORS,
                                   data_json=_json({"nodes": net.nodes, "edges": net.edges}),
                                   options_json=_json(net.options), page_title=title)
    return net.generate_html(name="graph.html")


def _tooltip(data: dict) -> str:
    lines = [f"{data['label']}（{TYPE_LABELS.get(data['type'], data['type'])}）"]
    if data.get("aliases"):
        lines.append("又名：" + "、".join(data["aliases"][:6]))
    for f in data.get("facts", [])[:8]:
        lines.append(("" if not f.get("date") else f["date"] + " ") + f["text"])
    for s in data.get("sources", [])[:3]:
        lines.append(f"来源：{s['title']}（{s['source']} {s['date']}）")
    return "\n".join(lines)


def _json(obj) -> str:
    # safe inside <script>: no "</" sequence can close the tag
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")
