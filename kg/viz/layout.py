"""Node positions, computed ahead so the browser never simulates physics.

The nodes the page opens with (the core; its CAREFUL_MAX best connected when it
is bigger) get a force layout: networkx's spring_layout on pieces small enough
for its dense solver, and, for bigger pieces, Louvain communities laid out as
one graph and each community inside its own disc (a two-level layout, so no
step is quadratic in the whole graph).
Every other node is placed beside the neighbours already placed, breadth first,
so a node revealed by search appears next to what it is connected to.
Connected pieces are packed in rows. Coordinates are in screen pixels.

A rebuild that adds a day to an archive keeps the positions of the page before
(`keep`): old nodes stay where the user last saw them and new ones are grown
beside their neighbours. Once the graph has grown by REUSE_GROWTH since its last
full layout, it is laid out afresh, so grown placements never pile up for good.
"""
from __future__ import annotations

import math
from collections import deque

import networkx as nx

SPRING_MAX = 400     # spring_layout's dense solver is O(n^2) per iteration; past this, go two-level
SPACING = 48.0       # pixels: a piece of n nodes gets a disc of radius SPACING * sqrt(n)
CAREFUL_MAX = 3000   # past this many core nodes, only the best connected get the force layout (Louvain slows)
REUSE_GROWTH = 1.2   # a previous layout is kept while the graph has at most this many times its nodes then

Pos = dict[str, tuple[float, float]]


def layout(g: nx.Graph, core: set | None = None, seed: int = 7, keep: Pos | None = None) -> Pos:
    """Positions for every node of `g`; the `core` nodes (default all, at most CAREFUL_MAX) are laid out with care.

    keep: positions from a previous layout of (most of) this graph; see `reusable`."""
    simple = nx.Graph()   # structure only: copying every edge's data would cost more than the layout
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    if keep:
        pos = {n: keep[n] for n in simple if n in keep}
        _grow(simple, pos)
        _place_rest(simple, pos)
        return pos
    core = set(simple) if core is None else core & set(simple)
    if len(core) > CAREFUL_MAX:   # the rest of the core is grown around these, like any other node
        core = set(sorted(core, key=lambda n: (-simple.degree(n), str(n)))[:CAREFUL_MAX])
    placed: list[tuple[Pos, list]] = []
    for comp in sorted(nx.connected_components(simple.subgraph(core)), key=lambda c: (-len(c), min(c))):
        placed.append((_piece(_sub(simple, comp), seed), sorted(comp)))
    pos = _pack([p for p, _ in placed])
    _grow(simple, pos)
    _place_rest(simple, pos)
    return pos


def reusable(g: nx.Graph, keep: Pos, laid_out: int) -> bool:
    """May `keep` (a layout made when the graph had `laid_out` nodes) serve `g`? Only while `g` holds nearly
    all of its nodes and has not grown past REUSE_GROWTH times that size."""
    if not keep or not laid_out or len(g) > REUSE_GROWTH * laid_out:
        return False
    return sum(1 for n in g if n in keep) >= 0.9 * min(len(keep), len(g))


def _place_rest(g: nx.Graph, pos: Pos) -> None:
    """Pieces that touch nothing placed: each grown from its best-connected node, packed below the rest."""
    rest = [n for n in g if n not in pos]
    if not rest:
        return
    pieces = []
    for comp in sorted(nx.connected_components(g.subgraph(rest)), key=lambda c: (-len(c), min(c))):
        root = max(comp, key=lambda n: (g.degree(n), n))
        sub: Pos = {root: (0.0, 0.0)}
        _grow(_sub(g, comp), sub)
        pieces.append(sub)
    top = max((y for _, y in pos.values()), default=0.0) + 4 * SPACING
    pos.update(_pack(pieces, top=top))


def _sub(g: nx.Graph, nodes) -> nx.Graph:
    """The part of `g` on `nodes` as a graph of its own, nodes and edges in sorted order. A subgraph view
    iterates in the order of the set it was made from, which changes from run to run (strings hash with a
    per-process seed), and so then would every position that depends on it."""
    h = nx.Graph()
    h.add_nodes_from(sorted(nodes, key=str))
    h.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in g.subgraph(nodes).edges()),
                            key=lambda e: (str(e[0]), str(e[1]))))
    return h


def _piece(g: nx.Graph, seed: int) -> Pos:
    """A connected piece laid out around (0, 0) in a disc of radius about SPACING * sqrt(n)."""
    n = len(g)
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    if n <= SPRING_MAX:
        # a larger optimal distance than networkx's default spreads hubs' neighbourhoods apart
        raw = nx.spring_layout(g, seed=seed, k=2.5 / math.sqrt(n), iterations=80 if n < 200 else 40)
        return _fit(raw, SPACING * math.sqrt(n))
    communities = [c for c in nx.community.louvain_communities(g, seed=seed) if c]
    if not 1 < len(communities) < n:
        return _radial(g)
    member = {v: i for i, c in enumerate(communities) for v in c}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(communities)))
    for u, v in g.edges():
        if member[u] != member[v]:
            quotient.add_edge(member[u], member[v])
    centres = _piece(quotient, seed) if nx.is_connected(quotient) else _radial(quotient)
    # spread the community centres so that each community's own disc fits beside the others
    spread = math.sqrt(n / len(communities)) * 1.1
    pos: Pos = {}
    for i, comp in enumerate(communities):
        cx, cy = centres[i]
        for v, (x, y) in _piece(_sub(g, comp), seed).items():
            pos[v] = (cx * spread + x, cy * spread + y)
    return pos


def _fit(raw: dict, radius: float) -> Pos:
    """Centre `raw` on (0, 0) and scale it so that most of it fills a disc of `radius`."""
    xs = [float(x) for x, _ in raw.values()]
    ys = [float(y) for _, y in raw.values()]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    # scale by a high percentile, not the farthest node: a few outliers would otherwise squeeze the rest
    dists = sorted(math.hypot(x - cx, y - cy) for x, y in zip(xs, ys))
    k = radius / (dists[int(0.8 * (len(dists) - 1))] or dists[-1] or 1.0)
    return {v: ((float(x) - cx) * k, (float(y) - cy) * k) for v, (x, y) in raw.items()}


def _radial(g: nx.Graph) -> Pos:
    """Cheap fallback for pieces Louvain cannot split (a star): grow from the best-connected node."""
    root = max(g, key=lambda n: (g.degree(n), str(n)))
    pos: Pos = {root: (0.0, 0.0)}
    _grow(g, pos)
    for v in g:   # nodes of other components, if any
        pos.setdefault(v, (0.0, 0.0))
    return pos


def _grow(g: nx.Graph, pos: Pos) -> None:
    """Place the unplaced nodes reachable from placed ones around the neighbour that reaches them first.

    Each placed node fans its new neighbours out on rings (SPACING apart), pointing away from
    where it was itself reached from, so a hub's many leaves do not pile up on one spot."""
    queue = deque(v for v in pos if v in g)
    parent_of: dict = {}
    while queue:
        u = queue.popleft()
        new = [v for v in g.neighbors(u) if v not in pos]
        if not new:
            continue
        ux, uy = pos[u]
        p = parent_of.get(u)
        away = math.atan2(uy - pos[p][1], ux - pos[p][0]) if p is not None else 0.0
        arc = math.pi if p is not None else 2 * math.pi   # children of a reached node fan out away from its parent
        ring, slot, per_ring = 1, 0, 8 if p is None else 5
        for v in new:
            if slot == per_ring:
                ring, slot, per_ring = ring + 1, 0, per_ring + (8 if p is None else 5)
            angle = away + (slot + 0.5) / per_ring * arc - (arc / 2 if p is not None else 0.0)
            r = SPACING * ring * 1.2
            pos[v] = (ux + r * math.cos(angle), uy + r * math.sin(angle))
            parent_of[v] = u
            slot += 1
            queue.append(v)


def _pack(pieces: list[Pos], top: float = 0.0) -> Pos:
    """Lay pieces out in rows, biggest first, left to right, each in its own bounding box."""
    boxes = []
    for p in pieces:
        xs = [x for x, _ in p.values()]
        ys = [y for _, y in p.values()]
        pad = 2 * SPACING if len(p) > 1 else 3.5 * SPACING   # a lone node's label is wider than the node
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + pad, max(ys) - min(ys) + 2 * SPACING))
    area = sum(w * h for _, _, w, h in boxes)
    width = max([math.sqrt(area) * 1.3] + [w for _, _, w, _ in boxes])
    out: Pos = {}
    x = y = 0.0
    row_h = 0.0
    for p, (x0, y0, w, h) in zip(pieces, boxes):
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for v, (px, py) in p.items():
            out[v] = (x + px - x0 + SPACING, top + y + py - y0 + SPACING)
        x += w
        row_h = max(row_h, h)
    return out
