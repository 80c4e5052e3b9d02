"""kg.viz.layout: positions for every node, computed ahead; pieces packed apart; hidden nodes beside their neighbours."""
import math
import random
import statistics

import networkx as nx
import pytest

from conftest import ROOT
from kg.viz.graph import build_graph
from kg.viz.html import initial_view
from kg.viz.layout import SPRING_MAX, layout
from support.synthetic import synthetic_kb
from viz_kb import small_kb


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


def test_viz_layout_kept_positions_stay_and_new_nodes_join_their_neighbours():
    g = nx.Graph(build_graph(synthetic_kb(500, seed=3)))
    before = layout(g)
    hub = max(g, key=g.degree)
    grown = g.copy()
    grown.add_edge(hub, "new-person")
    grown.add_edge("new-person", "new-event")
    after = layout(grown, keep=before)
    assert all(after[n] == before[n] for n in g)
    assert math.dist(after["new-person"], after[hub]) <= 200
    assert math.dist(after["new-event"], after["new-person"]) <= 200


def test_viz_layout_reusable_only_for_nearly_the_same_graph():
    from kg.viz.layout import reusable

    g = nx.path_graph(100)
    keep = {n: (0.0, float(n)) for n in range(100)}
    assert reusable(g, keep, 100)
    assert not reusable(nx.path_graph(121), keep, 100)                 # grown past 1.2x since the full layout
    assert not reusable(nx.relabel_nodes(g, lambda n: n + 50), keep, 100)   # half of it new
    assert not reusable(g, {}, 0)


def test_viz_layout_a_rebuild_keeps_the_pages_positions(tmp_path):
    import json

    from kg.viz.html import DATA_OPEN, render

    def nodes(html):
        start = html.index(DATA_OPEN) + len(DATA_OPEN)
        data = json.loads(html[start:html.index("</script>", start)])
        return {n[0]: (n[3], n[4]) for n in data["nodes"]}, data["layout"]["nodes"]

    kb = synthetic_kb(500, seed=4)
    first = render(build_graph(kb))
    (tmp_path / "graph.html").write_text(first, encoding="utf-8")
    g = build_graph(kb)
    hub = max(g, key=g.degree)
    g.add_node("https://w3id.org/newskg/id/person/new", label="新人", type="person")
    g.add_edge("https://w3id.org/newskg/id/person/new", hub, label="attended")
    again, laid_out = nodes(render(g, previous=tmp_path / "graph.html"))
    old, n0 = nodes(first)
    assert laid_out == n0 == len(old)
    assert all(again[k] == xy for k, xy in old.items())
    assert "person/new" in again
    fresh, n1 = nodes(render(g))                     # no previous page: laid out afresh
    assert n1 == len(fresh) == len(old) + 1


def test_viz_layout_same_in_every_process():
    """Positions do not depend on the per-process seed of string hashing (a rebuild's page is the same)."""
    import json
    import os
    import subprocess
    import sys

    code = ("import json; from kg.viz.graph import build_graph; from kg.viz.layout import layout; "
            "from support.synthetic import synthetic_kb; "
            "g = build_graph(synthetic_kb(800)); print(json.dumps(sorted(layout(g, set(list(g)[:500])).items())))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}       # support.synthetic lives with the tests
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**env, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2)]
    assert runs[0] == runs[1] and len(json.loads(runs[0])) == 800
