"""kg.viz.layout: positions for every node, computed ahead; pieces packed apart; hidden nodes beside their neighbours."""
import math
import random
import statistics

import networkx as nx
import pytest
from viz_kb import small_kb

from kg.viz.graph import build_graph
from kg.viz.html import initial_view
from kg.viz.layout import SPRING_MAX, layout
from kg.viz.synthetic import synthetic_kb


def box(pos, nodes):
    xs, ys = [pos[n][0] for n in nodes], [pos[n][1] for n in nodes]
    return min(xs), min(ys), max(xs), max(ys)


def test_viz_layout_places_every_node_at_a_distinct_point():
    g = build_graph(small_kb())
    pos = layout(g)
    assert set(pos) == set(g)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len({(round(x), round(y)) for x, y in pos.values()}) == len(pos)


def test_viz_layout_packs_pieces_without_overlap():
    g = build_graph(small_kb())
    pos = layout(g)
    boxes = [box(pos, c) for c in nx.connected_components(nx.Graph(g))]
    assert len(boxes) == 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)


@pytest.fixture(scope="module")
def big():
    g = build_graph(synthetic_kb(5000))
    core = initial_view(g, 800)
    return g, core, layout(g, core)


def test_viz_layout_two_level_on_a_piece_too_big_for_spring(big):
    g, core, pos = big
    biggest = max(nx.connected_components(nx.Graph(g).subgraph(core)), key=len)
    assert len(biggest) > SPRING_MAX
    assert len({(round(pos[n][0]), round(pos[n][1])) for n in biggest}) > 0.95 * len(biggest)


def test_viz_layout_neighbours_sit_closer_than_strangers(big):
    g, core, pos = big
    simple = nx.Graph(g)
    dist = lambda a, b: math.dist(pos[a], pos[b])  # noqa: E731
    near = [min(dist(n, m) for m in simple[n]) for n in simple if n not in core and len(simple[n])]
    rng = random.Random(3)
    nodes = list(simple)
    strangers = [dist(rng.choice(nodes), rng.choice(nodes)) for _ in range(2000)]
    assert statistics.median(near) * 10 < statistics.median(strangers)


def test_viz_layout_big_core_grows_past_the_careful_part(monkeypatch):
    import kg.viz.layout as lay

    monkeypatch.setattr(lay, "CAREFUL_MAX", 100)
    g = build_graph(synthetic_kb(500))
    pos = lay.layout(g)
    assert set(pos) == set(g)
    assert len({(round(x), round(y)) for x, y in pos.values()}) > 0.9 * len(pos)
