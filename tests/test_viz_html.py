"""kg.viz.html: graph.html carries its scripts and its data, opens on the best-connected nodes, escapes text."""
import json
import re

import pytest

from kg.resolve import KnowledgeBase
from kg.viz.graph import build_graph, node_key
from kg.viz.html import TOGETHER_MAX, initial_view, page_data, render, search_terms, traditional_forms
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


def test_viz_html_search_finds_a_person_by_the_post_as_written():
    from test_viz_graph import deeper_kb

    g = build_graph(deeper_kb())
    terms = {(t, g.nodes[n]["label"]) for t, n in search_terms(g)}
    # as the text wrote it (镇党委书记), and as the organization's short form and the title (市委 + 副书记)
    assert ("镇党委书记", "王五") in terms and ("市委副书记", "张三") in terms and ("市政府市长", "张三") in terms
    assert all(g.nodes[n]["type"] == "person" for _, n in search_terms(g))
    data = page_data(g, 100)
    labels = [n[1] for n in data["nodes"]]
    assert ["市委副书记", labels.index("张三")] in data["search"]


def test_viz_html_traditional_characters_map_to_the_simplified_the_names_use():
    t2s = traditional_forms(["衡阳市", "发展和改革委员会"])
    assert t2s["陽"] == "阳" and t2s["發"] == "发" and t2s["髮"] == "发" and t2s["員"] == "员"
    assert set(t2s.values()) <= set("衡阳市发展和改革委员会")      # only what the page's names can match
    assert "衛" not in t2s                                         # 卫 is in no name
    data = page_data(build_graph(small_kb()), 100)
    names = "".join([n[1] for n in data["nodes"]] + [a for i in data["info"] for a in i["aliases"]])
    assert data["t2s"]["縣"] == "县" and set(data["t2s"].values()) <= set(names)


def test_viz_html_page_carries_roll_up_and_co_appearance_by_node_number():
    from test_viz_graph import deeper_kb

    data = page_data(build_graph(deeper_kb()), 100)
    labels = [n[1] for n in data["nodes"]]
    info = {label: data["info"][i] for i, label in enumerate(labels)}
    assert [labels[j] for j in info["示例县"]["within"]] == ["授牌仪式", "中共示例镇委员会"]
    assert [[labels[j], k] for j, k in info["张三"]["with"]] == [["李四", 2], ["王五", 1]]
    assert "within" not in info["杨梅组"] and "with" not in info["周八"]
    # a post held: [kind, post, first issue, last issue, organization, articles]; no stated date, so none is written
    assert [f for f in info["王五"]["facts"] if f[0] == "holds"] == [
        ["holds", labels.index("书记"), "2021-03-03", "2021-03-03", labels.index("中共示例镇委员会"), 1]]
    assert data["count"] == {"articles": 2, "issues": ["2021-01-13", "2021-03-03"]}


def test_viz_html_co_appearance_is_capped_and_counted():
    g = build_graph(synthetic_kb(5000))
    hub = max((n for n in g if g.nodes[n]["type"] == "person"), key=lambda n: len(g.nodes[n].get("together", [])))
    data = page_data(g, 1000)
    info = data["info"][list(g).index(hub)]
    assert len(info["with"]) == TOGETHER_MAX and info["with_more"] == len(g.nodes[hub]["together"]) - TOGETHER_MAX
    counts = [k for _, k in info["with"]]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1


def test_viz_html_same_bytes_in_every_process():
    """The whole page, not only the layout, is the same for the same input whatever the hash seed."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys, hashlib; from kg.viz.graph import build_graph; from kg.viz.html import render; "
            "from test_viz_graph import deeper_kb; from support.synthetic import synthetic_kb; "
            "print(hashlib.sha256((render(build_graph(deeper_kb())) + render(build_graph(synthetic_kb(600)), "
            "max_nodes=300)).encode()).hexdigest())")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**env, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2)}
    assert len(runs) == 1
