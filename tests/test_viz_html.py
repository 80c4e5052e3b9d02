"""kg.viz.html: graph.html carries its scripts and its data, opens on the best-connected nodes, escapes text."""
import json
import re

import pytest

from kg.resolve import KnowledgeBase
from kg.viz.graph import build_graph, node_key
from kg.viz.html import initial_view, page_data, render
from support.synthetic import synthetic_kb
from viz_kb import MARKUP_ALIAS, S1, small_kb


@pytest.fixture(scope="module")
def g():
    return build_graph(small_kb())


@pytest.fixture(scope="module")
def html(g):
    return render(g, title="示例")


def data_block(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_viz_html_needs_no_network(html):
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script src" not in html and "<link" not in html
    assert "vis.Network" in html and "vis-network" in html   # the library is inlined


def test_viz_html_data_holds_every_node_and_edge(g, html):
    data = data_block(html)
    assert [n[0] for n in data["nodes"]] == [node_key(n) for n in g]
    assert len(data["edges"]) == g.number_of_edges()
    assert all(0 <= a < len(data["nodes"]) and 0 <= b < len(data["nodes"]) for a, b, _ in data["edges"])
    assert all(n[6] == 1 for n in data["nodes"])   # small graph: everything shown at start


def test_viz_html_markup_in_names_cannot_close_the_script(html):
    # the alias holds "</script>": it must arrive intact as data, not end the data block early
    assert MARKUP_ALIAS not in html
    data = data_block(html)
    assert any(MARKUP_ALIAS in info["aliases"] for info in data["info"])


def test_viz_html_facts_point_at_nodes_and_sentences_at_articles(g, html):
    data = data_block(html)
    labels = [n[1] for n in data["nodes"]]
    i = labels.index("张三")
    posts = {(labels[f[1]], f[2], labels[f[4]]) for f in data["info"][i]["facts"] if f[0] == "holds"}
    assert posts == {("市长", "2021-01-13", "示例市人民政府"), ("副书记", "2021-03-03", "中共示例市委员会")}
    (aid, text), = [data["sentences"][k] for k in data["info"][i]["sentences"][:1]]
    assert text == S1 and data["articles"][aid] == ["项目签约仪式在示例县举行", "sample_2021-01-13.txt", "2021-01-13"]
    assert data["base"] + data["nodes"][i][0] == next(n for n in g if g.nodes[n]["label"] == "张三")


def test_viz_html_initial_view_is_the_best_connected(g):
    shown = initial_view(g, 3)
    degree = dict(g.degree)
    assert len(shown) == 3
    assert min(degree[n] for n in shown) >= max(degree[n] for n in g if n not in shown)


def test_viz_html_archive_size_starts_from_a_subgraph_and_keeps_the_rest():
    g = build_graph(synthetic_kb(5000))
    data = page_data(g, 1000)
    assert len(data["nodes"]) == 5000 and sum(n[6] for n in data["nodes"]) == 1000
    assert len(data["edges"]) == g.number_of_edges()
    # every sentence is stored once however many nodes cite it
    assert len({tuple(s) for s in data["sentences"]}) == len(data["sentences"])
    cited = sum(len(info["sentences"]) for info in data["info"])
    assert cited > 2 * len(data["sentences"])


def test_viz_html_empty_knowledge_base_still_renders():
    data = data_block(render(build_graph(KnowledgeBase())))
    assert data["nodes"] == [] and data["edges"] == []
