"""graph.html read by people (issue #15): names legible when it opens, isolated nodes hidden with a count, a
place's panel holding everything inside it, a date range that says what it hides, a month that shows that month,
posts dated by the issues that mention them, who appeared with whom, search by post and in traditional characters.

Most of it on one build of the three annotated pages of 衡阳日报 (../shared; skipped without it), the rest on the
hand-made knowledge base (tests/viz_kb.py)."""
import re

import pytest

from browser.conftest import screenshot
from conftest import needs_shared

DRAWN = "() => kg.network.body.nodeIndices"


def index_of(page, label):
    return page.evaluate("label => kg.data.nodes.findIndex(n => n[1] === label)", label)


def drawn(page) -> set[int]:
    return set(page.evaluate(DRAWN))


def label(page, i) -> str:
    return page.evaluate(f"kg.data.nodes[{i}][1]")


# Where vis-network drew each label at the first frame, in page pixels, and how high its letters are on screen:
# the label module's own box (canvas coordinates, set when the label is drawn) through the view's transform.
LABELS_JS = """n => {
  const net = kg.network, scale = net.getScale(), nodes = net.body.nodes, out = [];
  const shown = net.body.nodeIndices.slice().sort((a, b) => kg.rank[a] - kg.rank[b]).slice(0, n);
  for (const i of shown) {
    const l = nodes[i].labelModule, s = l.size, dy = l.fontOptions.vadjust || 0;   // a label raised above its node
    const a = net.canvasToDOM({x: s.left, y: s.top + dy}), b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height + dy});
    out.push({i, label: kg.data.nodes[i][1], visible: l.visible(), px: Math.min(l.fontOptions.size * scale, 18),
              box: [a.x, a.y, b.x, b.y]});
  }
  return out;
}"""


@needs_shared
def test_graph_page_names_of_the_best_connected_are_legible_at_first_paint(open_page, pages_site):
    site, _ = pages_site
    page, watch = open_page(site / "graph.html")
    screenshot(page, "graph-pages.png")
    box = page.locator("#graph").bounding_box()
    top = page.evaluate(LABELS_JS, 10)
    legible = [t for t in top if t["visible"] and t["px"] >= 11
               and 0 <= t["box"][0] and t["box"][2] <= box["width"] and 0 <= t["box"][1] and t["box"][3] <= box["height"]]
    # the ten best-connected nodes shown: most are named at first paint, in letters 11 pixels high or more
    assert len(legible) >= 8, [(t["label"], t["visible"], round(t["px"], 1)) for t in top]
    for k, a in enumerate(legible):               # and no two of those names are drawn over each other
        for b in legible[k + 1:]:
            x0, y0, x1, y1 = a["box"]
            u0, v0, u1, v1 = b["box"]
            assert x1 <= u0 or u1 <= x0 or y1 <= v0 or v1 <= y0, (a["label"], b["label"])
    assert {"衡阳市", "衡阳日报社"} <= {t["label"] for t in legible}
    # the lesser ones are there to zoom into: not drawn, or drawn small, at first paint
    rest = page.evaluate(LABELS_JS, 1000)[60:]
    assert rest and all(not t["visible"] or t["px"] < 9 for t in rest)
    assert watch.errors == [] and watch.requests == []


# The size on screen each label's text is drawn at: the canvas's fillText calls recorded with the font's size and
# the context's scale at that moment (the view's zoom, and any scaling of the label).
RECORD_TEXT_JS = """() => {
  window.drawnText = new Map();
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
    const px = parseFloat(this.font.match(/([\\d.]+)px/)[1]) * this.getTransform().a / devicePixelRatio;
    drawnText.set(text, px);
    return fill.apply(this, arguments);
  };
}"""


@needs_shared
def test_graph_page_names_stay_readable_not_huge_when_zoomed_in(open_page, pages_site):
    site, _ = pages_site
    page, watch = open_page(site / "graph.html")
    page.evaluate(RECORD_TEXT_JS)
    page.evaluate("kg.network.redraw()")
    page.wait_for_function("drawnText.has('衡阳市')")
    assert 14 <= page.evaluate("drawnText.get('衡阳市')") <= 17        # as it opens
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(10):                                   # wheel in: about three times the opening zoom
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(50)
    page.evaluate("kg.network.moveTo({position: kg.network.getPosition(kg.data.nodes.findIndex(n => n[1] === '衡阳市'))})")
    page.evaluate("drawnText.clear(); kg.network.redraw()")
    page.wait_for_function("drawnText.has('衡阳市')")
    top = index_of(page, "衡阳市")
    assert page.evaluate(f"kg.data.nodes[{top}] && kg.network.body.nodes[{top}].labelModule.fontOptions.size * kg.network.getScale()") > 30
    assert 17 <= page.evaluate("drawnText.get('衡阳市')") <= 18.5       # drawn capped, not 45 pixels high
    assert watch.errors == []


@needs_shared
def test_graph_page_hides_isolated_nodes_behind_a_toggle_that_counts_them(open_page, pages_site):
    site, _ = pages_site
    page, _ = open_page(site / "graph.html")
    data = page.evaluate("kg.data")
    linked = {e[0] for e in data["edges"]} | {e[1] for e in data["edges"]}
    isolated = {i for i in range(len(data["nodes"])) if i not in linked}
    assert len(isolated) > 20                             # organizations the pages only name, mostly
    button = page.locator("#isolated")
    assert button.inner_text() == f"显示 {len(isolated)} 个孤立节点"
    assert not drawn(page) & isolated and len(drawn(page)) == len(data["nodes"]) - len(isolated)
    button.click()
    assert drawn(page) >= isolated and button.inner_text() == f"隐藏 {len(isolated)} 个孤立节点"
    button.click()
    assert not drawn(page) & isolated
    # one searched for is shown all the same
    name = data["nodes"][min(isolated)][1]
    page.fill("#search", name)
    page.press("#search", "Enter")
    assert min(isolated) in drawn(page) and page.locator("#panel h2").inner_text() == name


@needs_shared
def test_graph_page_county_panel_lists_the_event_in_its_group_four_levels_down(open_page, pages_site):
    site, _ = pages_site
    page, _ = open_page(site / "graph.html")
    group = index_of(page, "杨梅组")
    events = page.evaluate("g => kg.data.nodes.map((n, i) => i).filter(i => kg.data.nodes[i][2] === 'event' && "
                           "kg.data.info[i].facts.some(f => f[0] === 'location' && f[1] === g))", group)
    assert events
    page.evaluate(f"kg.focus({index_of(page, '衡南县')})")
    panel = page.locator("#panel")
    inside = panel.locator("h3:has-text('下辖各地的事件') + ul li").all_inner_texts()
    for e in events:
        assert any(label(page, e) in line and line.endswith("在 杨梅组") for line in inside), inside
    screenshot(page, "graph-county-panel.png")
    panel.locator("h3:has-text('下辖各地的事件') + ul li a", has_text=label(page, events[0])).click()
    assert panel.locator("h2").inner_text() == label(page, events[0])


@needs_shared
def test_graph_page_date_range_says_how_many_undated_events_it_hides_and_keeps_them(open_page, pages_site):
    site, _ = pages_site
    page, _ = open_page(site / "graph.html")
    undated = set(page.evaluate("kg.data.nodes.map((n, i) => i).filter(i => kg.data.nodes[i][2] === 'event' && !kg.data.nodes[i][7])"))
    assert undated and undated & drawn(page)
    page.fill("#from", "2021-01-01")
    page.fill("#to", "2021-01-31")
    page.dispatch_event("#to", "change")
    assert f"隐藏了 {len(undated)} 个无日期事件" in page.locator("#status").inner_text()
    assert page.locator("#keep-undated-label").inner_text().strip() == f"保留 {len(undated)} 个无日期事件"
    assert not drawn(page) & undated
    events = {i for i in drawn(page) if page.evaluate(f"kg.data.nodes[{i}][2]") == "event"}
    assert events and all(page.evaluate(f"kg.data.nodes[{i}][7]").startswith(("2021-01", "2021")) for i in events)
    page.check("#keep-undated")
    assert drawn(page) & undated and "无日期" not in page.locator("#shown").inner_text()


@needs_shared
def test_graph_page_month_from_the_overview_shows_its_events_and_what_they_touch(open_page, pages_site):
    site, _ = pages_site
    page, watch = open_page(site / "index.html", wait_graph=False)
    bar = page.locator('#events-chart a[href="graph.html#month=2021-01"]')
    bar.locator("rect.bar").click()
    page.wait_for_function("window.kg && window.kg.drawnAt")
    data = page.evaluate("kg.data")
    nodes, shown = data["nodes"], drawn(page)
    events = {i for i in shown if nodes[i][2] == "event"}
    assert events and all(nodes[i][7][:7] in ("2021-01", "2021") for i in events)
    near = {j for e in data["edges"] for a, j in ((e[0], e[1]), (e[1], e[0])) if a in events}
    posts = {f[k] for i in near & shown if nodes[i][2] == "person"
             for f in data["info"][i]["facts"] if f[0] == "holds" for k in (1, 4) if len(f) > k}
    assert shown <= events | near | posts
    assert len(shown) < len(nodes) / 5            # not 314 of 361
    assert re.search(rf"显示 {len(shown)} / {len(nodes)} 个节点", page.locator("#status").inner_text())
    assert watch.errors == []


@needs_shared
def test_graph_page_search_finds_a_post_and_traditional_characters(open_page, pages_site):
    site, _ = pages_site
    page, _ = open_page(site / "graph.html")
    page.fill("#search", "市委书记")
    hits = page.locator("#results li").all_inner_texts()
    assert any(h.startswith("人物") and "赖馨正" in h and "市委书记" in h for h in hits), hits
    page.fill("#search", "衡陽")
    first = page.locator("#results li").first.inner_text()
    assert first.startswith("地点") and "衡阳市" in first
    page.fill("#search", "衡陽日報社")
    assert "衡阳日报社" in page.locator("#results li").first.inner_text()


@needs_shared
def test_graph_page_counts_the_articles_the_build_summary_and_overview_count(open_page, pages_site):
    site, summary = pages_site
    said = int(re.search(r"(\d+) article\(s\)", summary.lines()[0]).group(1))
    page, _ = open_page(site / "index.html", wait_graph=False)
    overview = int(re.search(r"(\d+) 篇文章", page.locator(".meta").inner_text()).group(1))
    page, _ = open_page(site / "graph.html")
    graph = int(re.search(r"(\d+) 篇文章", page.locator("#articles").inner_text()).group(1))
    assert said == overview == graph == summary.kept
    assert graph < summary.extracted + summary.cached          # the mastheads are text blocks, not articles


def test_graph_page_person_panel_lists_who_appeared_with_them(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    page.evaluate(f"kg.focus({index_of(page, '张三')})")
    together = page.locator("#panel h3:has-text('同场人物') + ul li").all_inner_texts()
    assert together == ["李四 × 2", "王五 × 1"]
    page.locator("#panel h3:has-text('同场人物') + ul li a", has_text="王五").click()
    assert page.locator("#panel h2").inner_text() == "王五"


def test_graph_page_post_is_dated_by_the_issues_that_mention_it(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    page.evaluate(f"kg.focus({index_of(page, '张三')})")
    posts = page.locator("#panel h3:has-text('职务 Posts held') + ul li").all_inner_texts()
    assert posts == ["市长 · 示例市人民政府\n见报 mentioned 2021-01-13 · 1 篇 article",
                     "副书记 · 中共示例市委员会\n见报 mentioned 2021-03-03 · 1 篇 article"]
    held = page.locator("#panel ul.timeline li.holds .when").all_inner_texts()
    assert held == ["见报 2021-01-13", "见报 2021-03-03"]          # never a bare date beside a post
    page.evaluate(f"kg.focus({index_of(page, '示例市人民政府')})")
    assert page.locator("#panel h3:has-text('成员') + ul li").all_inner_texts() == [
        "张三 市长\n见报 mentioned 2021-01-13 · 1 篇 article"]


@pytest.fixture(scope="module")
def stated_site(tmp_path_factory):
    """small_kb with two more issues mentioning 张三's 市长 and the date his appointment was stated."""
    from kg.viz import write_pages
    from viz_kb import A2, small_kb

    kb = small_kb()
    h = next(h for h in kb.holdings.values() if h.title == "市长")
    h.sources.add(A2)
    h.dates.add("2021-03-03")
    h.changes[("appointed", "2021-01-05")] = set(h.sources)      # as appointments.py states it
    out = tmp_path_factory.mktemp("stated_site")
    write_pages(kb, out)
    return out


def test_graph_page_post_shows_a_stated_appointment_labelled(open_page, stated_site):
    page, _ = open_page(stated_site / "graph.html")
    page.evaluate(f"kg.focus({index_of(page, '张三')})")
    posts = page.locator("#panel h3:has-text('职务 Posts held') + ul li").all_inner_texts()
    assert "市长 · 示例市人民政府\n任命 appointed 2021-01-05 · 见报 mentioned 2021-01-13 – 2021-03-03 · 2 篇 articles" in posts
    assert "2021-01-05" in page.locator("#panel ul.timeline li.holds .when").all_inner_texts()
