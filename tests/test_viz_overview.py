"""kg.viz.overview: index.html with counts, the most connected people and organizations, events per month."""
import re

import pytest

from kg.viz.graph import build_graph, node_key
from kg.viz.overview import events_per_month, months, most_connected, render_overview
from viz_kb import small_kb


@pytest.fixture(scope="module")
def g():
    return build_graph(small_kb())


def test_viz_overview_months_fill_the_gaps():
    assert months("2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]


def test_viz_overview_events_per_month(g):
    series, undated = events_per_month(g)
    assert series == [("2021-01", 1), ("2021-02", 0), ("2021-03", 2)] and undated == 0


def test_viz_overview_most_connected_people_first(g):
    people = most_connected(g, "person")
    assert [p["label"] for p in people[:2]] == ["张三", "李四"]
    assert people[0]["connections"] == 6 and people[0]["events"] == 2   # 2 posts, 2 organizations, 2 events
    assert set(people[0]["posts"]) == {"示例市人民政府市长", "中共示例市委员会副书记"}


def test_viz_overview_page_links_into_the_graph(g):
    html = render_overview(g, title="示例")
    zhang = next(n for n in g if g.nodes[n]["label"] == "张三")
    assert f'href="graph.html#{node_key(zhang)}"' in html
    assert 'href="graph.html#type=person"' in html and 'href="graph.html#month=2021-03"' in html
    counts = dict(re.findall(r'data-type="(\w+)">.*?<b>(\d+)</b>', html, re.S))
    assert counts == {"person": "6", "organization": "3", "place": "3", "event": "3", "post": "3"}
    bars = re.findall(r'<a href="graph.html#month=([\d-]+)"><rect class="bar"[^>]*height="([\d.]+)"', html)
    heights = {m: float(h) for m, h in bars}
    assert heights["2021-03"] == 2 * heights["2021-01"] and heights["2021-02"] == 0


def test_viz_overview_is_offline(g):
    html = render_overview(g)
    assert "<script" not in html and not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)


def test_viz_overview_counts_articles_not_mastheads():
    from kg.run.build import build_kb

    kb, summary = build_kb(None, jobs=1)                      # the bundled samples: two pages with mastheads
    assert any(a.kind != "article" for a in kb.articles.values())
    html = render_overview(build_graph(kb))
    # the summary's line and the overview count the same articles: every one in the graph, mastheads and ads not
    said = re.search(r"(\d+) article\(s\)", summary.lines()[0]).group(1)
    assert re.search(r"(\d+) 篇文章", html).group(1) == said == str(summary.kept)
    assert summary.kept == sum(a.kind == "article" for a in kb.articles.values()) < len(kb.articles)


def test_viz_overview_counts_an_article_that_names_nothing():
    """39 篇文章 where the build said 40: an article the graph draws nothing from is an article all the same."""
    from test_viz_graph import deeper_kb

    from kg.datamodel import Article

    kb = deeper_kb()                                          # two articles and a masthead
    kb.articles["quiet"] = Article(id="quiet", text="本报讯 天气晴。", source="x.txt")
    html = render_overview(build_graph(kb))
    assert re.search(r"(\d+) 篇文章", html).group(1) == "3"
