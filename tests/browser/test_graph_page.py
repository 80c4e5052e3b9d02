"""graph.html and index.html in a real headless chromium: no errors, no network, search, filters, panel, links."""
from browser.conftest import SCREENSHOTS, screenshot
from viz_kb import S1, S2

SHOWN = "kg => kg.network.body.nodeIndices.map(i => kg.data.nodes[i][1])"   # labels vis-network draws


def index_of(page, label):
    return page.evaluate("label => kg.data.nodes.findIndex(n => n[1] === label)", label)


def drawn(page):
    return set(page.evaluate(f"({SHOWN})(window.kg)"))


def test_graph_page_loads_without_errors_or_network(open_page, samples_site):
    page, watch = open_page(samples_site / "graph.html")
    n = page.evaluate("kg.data.nodes.length")
    assert n > 100 and len(drawn(page)) > 0.9 * len(set(page.evaluate("kg.data.nodes.map(n => n[1])")))
    assert watch.errors == [] and watch.requests == []
    # the guard is real: a request off disk is caught and refused
    page.evaluate("fetch('http://192.0.2.1/x').catch(() => null)")
    page.wait_for_timeout(200)
    assert watch.requests == ["http://192.0.2.1/x"]


def test_graph_page_search_focuses_node_and_neighbours(open_page, small_site):
    page, watch = open_page(small_site / "graph.html")
    page.fill("#search", "张")
    assert page.locator("#results li").first.inner_text().endswith("张三")
    page.press("#search", "Enter")
    page.wait_for_function("document.getElementById('panel').style.display === 'block'")
    assert page.locator("#panel h2").inner_text() == "张三"
    selected = set(page.evaluate("kg.network.getSelectedNodes().map(i => kg.data.nodes[i][1])"))
    assert selected == {"张三", "市长", "副书记", "示例市人民政府", "中共示例市委员会", "项目签约仪式", "产业座谈会"}
    dim = page.evaluate("kg.nodes.get().filter(n => n.opacity < 1).map(n => n.label)")
    assert "李四" in dim and "张三" not in dim
    assert page.evaluate("location.hash") == "#" + page.evaluate(f"kg.data.nodes[{index_of(page, '张三')}][0]")
    assert watch.errors == []


def test_graph_page_search_reveals_what_the_start_left_out(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    assert "周八" not in drawn(page) and len(drawn(page)) == 8
    page.fill("#search", "周八")
    page.press("#search", "Enter")
    page.wait_for_function("document.getElementById('panel').style.display === 'block'")
    assert "周八" in drawn(page)
    page.fill("#search", "市工信局")    # an alias finds its organization
    page.press("#search", "Enter")
    page.wait_for_function("document.querySelector('#panel h2').textContent === '示例市工业和信息化局'")
    assert "工信</script><b>局" in page.locator("#panel").inner_text()   # markup in a name is shown as text


def test_graph_page_legend_hides_a_type(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    before = drawn(page)
    assert {"张三", "李四"} <= before
    page.click('.legend button[data-type="person"]')
    after = drawn(page)
    assert not after & {"张三", "李四", "王五", "赵六", "孙七", "周八"}
    assert after == before - {"张三", "李四", "王五", "赵六", "孙七", "周八"} and "示例市人民政府" in after
    page.click('.legend button[data-type="person"]')
    assert drawn(page) == before


def test_graph_page_date_range_hides_events_outside_it(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    assert "项目签约仪式" in drawn(page)
    page.fill("#from", "2021-03-01")
    page.dispatch_event("#from", "change")
    shown = drawn(page)
    assert "项目签约仪式" not in shown and "产业座谈会" in shown and "张三" in shown


def test_graph_page_click_opens_panel_with_source_sentence(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    i = index_of(page, "张三")
    box = page.locator("#graph").bounding_box()
    p = page.evaluate("i => kg.network.canvasToDOM(kg.network.getPosition(i))", i)
    page.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
    page.wait_for_function("document.getElementById('panel').style.display === 'block'")
    panel = page.locator("#panel")
    assert panel.locator("h2").inner_text() == "张三"
    sentences = panel.locator(".sentence").all_inner_texts()
    assert sentences[0].startswith(S1) and "项目签约仪式在示例县举行" in sentences[0] and "2021-01-13" in sentences[0]
    assert sentences[1].startswith(S2) and "2021-03-03" in sentences[1]
    text = panel.inner_text()
    assert "市长 · 示例市人民政府" in text and "示例县" in text    # posts with organization; places via events


def test_graph_page_person_timeline_in_date_order(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    page.evaluate(f"kg.focus({index_of(page, '张三')})")
    items = page.locator("#panel ul.timeline li").all_inner_texts()
    when = page.locator("#panel ul.timeline li .when").all_inner_texts()
    assert when == ["2021-01-12", "见报 2021-01-13", "2021-03-02", "见报 2021-03-03"]   # a post: the issue naming it
    assert "参与 项目签约仪式" in items[0] and "职务 市长（示例市人民政府）" in items[1]


def test_graph_page_follows_links_to_a_node_and_a_month(open_page, small_site):
    page, _ = open_page(small_site / "graph.html")
    key = page.evaluate(f"kg.data.nodes[{index_of(page, '李四')}][0]")
    page, _ = open_page(small_site / "graph.html", "#" + key)
    assert page.locator("#panel h2").inner_text() == "李四"
    page, _ = open_page(small_site / "graph.html", "#month=2021-01")
    assert (page.input_value("#from"), page.input_value("#to")) == ("2021-01-01", "2021-01-31")
    assert "项目签约仪式" in drawn(page) and "产业座谈会" not in drawn(page)


def test_overview_links_into_the_graph(open_page, samples_site):
    page, watch = open_page(samples_site / "index.html", wait_graph=False)
    screenshot(page, "overview.png", full_page=True)
    assert page.locator("#events-chart rect.bar").count() >= 1
    first = page.locator("#top-people a").first
    name = first.inner_text()
    first.click()
    page.wait_for_function("window.kg && window.kg.drawnAt")
    page.wait_for_function("document.getElementById('panel').style.display === 'block'")
    assert page.locator("#panel h2").inner_text() == name
    screenshot(page, "graph.png")
    page.go_back()
    page.click('a.count[data-type="event"]')
    page.wait_for_function("window.kg && window.kg.drawnAt")
    assert {page.evaluate(f"kg.data.nodes[{i}][2]") for i in page.evaluate("kg.network.body.nodeIndices")} == {"event"}
    assert watch.errors == [] and watch.requests == []
    assert (SCREENSHOTS / "graph.png").stat().st_size > 20_000
