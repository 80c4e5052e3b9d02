"""index.html, the overview beside graph.html: counts per type, the most connected people and
organizations, events per month as an inline SVG chart; every item links into the graph view
(graph.html#<node key>, #type=<type>, #month=<YYYY-MM>). No script, nothing fetched.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from .graph import TYPE_LABELS, TYPES, node_key
from .html import COLORS, templates

TOP = 15
CHART_W, CHART_H, AXIS_H, LEFT = 960, 220, 36, 36


def connections(g: nx.MultiDiGraph, n) -> int:
    """Distinct nodes linked to `n`, whatever the direction or number of facts."""
    return len(set(g.predecessors(n)) | set(g.successors(n)))


def most_connected(g: nx.MultiDiGraph, type_: str, top: int = TOP) -> list[dict]:
    ranked = sorted(((connections(g, n), d["label"], n) for n, d in g.nodes(data=True) if d["type"] == type_),
                    key=lambda t: (-t[0], t[1]))
    out = []
    for degree, label, n in ranked[:top]:
        facts = g.nodes[n].get("facts", [])
        posts = [f"{f['org']}{f['text']}" if f.get("org") else f["text"] for f in facts if f["kind"] == "holds"]
        members = sum(1 for f in facts if f["kind"] == "member")
        events = sum(1 for f in facts if f["kind"] in ("attended", "organized"))
        out.append({"key": node_key(n), "label": label, "connections": degree, "posts": posts[:2],
                    "members": members, "events": events})
    return out


def months(first: str, last: str) -> list[str]:
    """Every YYYY-MM from `first` to `last` inclusive."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def events_per_month(g: nx.MultiDiGraph) -> tuple[list[tuple[str, int]], int]:
    """(month, number of events) for every month from the first event to the last; and events with no month."""
    dated = Counter()
    undated = 0
    for _, d in g.nodes(data=True):
        if d["type"] != "event":
            continue
        date = d.get("date") or ""
        if len(date) >= 7:
            dated[date[:7]] += 1
        else:
            undated += 1
    if not dated:
        return [], undated
    return [(m, dated.get(m, 0)) for m in months(min(dated), max(dated))], undated


def chart(series: list[tuple[str, int]]) -> dict:
    """Bars of the events-per-month chart in SVG coordinates, with the year (or month) labels under them."""
    if not series:
        return {"bars": [], "labels": [], "width": CHART_W, "height": CHART_H + AXIS_H, "top": 0}
    top = max(c for _, c in series) or 1
    step = min(60.0, (CHART_W - LEFT) / len(series))   # a short archive's few bars stay bars
    bars, labels = [], []
    for k, (m, c) in enumerate(series):
        h = CHART_H * c / top
        bars.append({"month": m, "count": c, "x": round(LEFT + k * step, 2), "w": round(max(1.0, step * 0.8), 2),
                     "y": round(CHART_H - h, 2), "h": round(h, 2)})
        if len(series) <= 24 or m.endswith("-01") or k == 0:
            labels.append({"x": round(LEFT + k * step + step * 0.4, 2),
                           "text": m if len(series) <= 24 else m[:4]})
    if len(labels) > 40:   # decades of archive: label every few years
        labels = labels[:: len(labels) // 20 + 1]
    return {"bars": bars, "labels": labels, "width": CHART_W, "height": CHART_H + AXIS_H, "top": top}


def render_overview(g: nx.MultiDiGraph, *, title: str = "newskg") -> str:
    counts = Counter(d["type"] for _, d in g.nodes(data=True))
    # the build's articles, as its summary and graph.html count them: every article, whether or not it names
    # anything, and no masthead or ad (kg.viz.graph.build_graph)
    first, last = g.graph.get("issues") or ("", "")
    series, undated = events_per_month(g)
    return templates().get_template("overview.html").render(
        page_title=title, types=[(t, TYPE_LABELS[t], counts.get(t, 0), COLORS[t]) for t in TYPES],
        articles=g.graph.get("articles", 0), first=first, last=last,
        edges=g.number_of_edges(), people=most_connected(g, "person"), orgs=most_connected(g, "organization"),
        chart=chart(series), undated=undated, events=sum(c for _, c in series) + undated, colors=COLORS)
