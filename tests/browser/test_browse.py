"""kg browse in headless Chromium: the four questions answered in at most three actions each, on one build of
the three annotated pages of 衡阳日报 (page 002 has no masthead: its date, 2020-11-21, comes from a --dates
table). What the rows must say is what ../shared/eval/gold says of those pages. Nothing leaves 127.0.0.1."""
import csv
import io
import subprocess
import sys

import pytest
from click.testing import CliRunner

from browser.conftest import screenshot
from conftest import PAGES, needs_shared, page
from kg.cli import main

pytestmark = needs_shared


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One build of the three pages, served by `kg browse --port 0` in its own process; its address."""
    out = tmp_path_factory.mktemp("browse")
    (out / "dates.tsv").write_text(f"{page('002').name}\t2020-11-21\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", *map(str, sorted(PAGES.glob("*.txt"))), "--dates", str(out / "dates.tsv"),
                                    "--out", str(out / "site"), "-j", "1"])
    assert res.exit_code == 0, res.output
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "browse", str(out / "site"), "--no-open", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert " at http://127.0.0.1:" in first, first + proc.stderr.read()
        yield first.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def tab(browser, server):
    """A page that may talk to the server only: any other request is refused and recorded."""
    p = browser.new_page()
    elsewhere, errors = [], []

    def route(r):
        if r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            elsewhere.append(r.request.url)
            r.abort()

    p.route("**/*", route)
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(server + "/")
    yield p
    assert elsewhere == [] and errors == []
    p.close()


def table(p) -> list[dict]:
    """The rows Datasette shows, by column."""
    heads = [(h.split() or [""])[0] for h in p.locator("table.rows-and-columns thead th").all_inner_texts()]   # date ▼
    out = []
    for tr in p.locator("table.rows-and-columns tbody tr").all():
        cells = [c.strip() for c in tr.locator("td").all_inner_texts()]
        out.append(dict(zip(heads, cells)))
    return out


def ask(p, question: str, **params) -> list[dict]:
    """Open a canned query from the home page (1), type its parameter (2), run it (3)."""
    with p.expect_navigation():
        p.get_by_role("link", name=question).click()
    for name, value in params.items():
        p.fill(f'input[name="{name}"]', value)
    with p.expect_navigation():
        p.get_by_role("button", name="Run SQL").click()
    return table(p)


def test_browse_who_held_which_post_where_and_when(tab):
    rows = ask(tab, "谁在何处任何职 · who held which post where, and when", person="朱健")
    assert {(r["title"], r["organization"], r["first_issue"], r["last_issue"], r["articles"]) for r in rows} == {
        ("副书记", "中共衡阳市委员会", "2021-01-13", "2021-01-13", "1"), ("市长", "衡阳市人民政府", "2021-01-13", "2021-01-13", "1")}
    screenshot(tab, "browse-posts.png")


def test_browse_what_did_a_person_attend_where_with_whom(tab, server):
    rows = ask(tab, "某人参加了什么 · what did a person attend, where, with whom", person="朱健")
    by_event = {r["event"]: r for r in rows}
    assert set(by_event) == {"衡阳文创联盟成立大会暨首批战略合作项目发布式", "文创联盟座谈会"}     # gold: both, 2021-01-12
    meeting = by_event["文创联盟座谈会"]
    assert (meeting["date"], meeting["place"]) == ("2021-01-12", "衡阳市")
    assert set(meeting["with_whom"].split("、")) == {"张霞", "龚学余"}
    assert {"王军辉", "胡冬", "周文斌", "张霞", "龚学余"} <= set(by_event["衡阳文创联盟成立大会暨首批战略合作项目发布式"]["with_whom"].split("、"))
    assert meeting["article"].endswith("(2021-01-13)")            # the article, by headline and issue

    # CSV export (Datasette's own) gives the same rows; the article column as its id, which the page links to
    href = tab.get_by_role("link", name="CSV").get_attribute("href")
    exported = list(csv.DictReader(io.StringIO(tab.request.get(server + href).text())))
    shown = table(tab)
    assert [{k: v for k, v in r.items() if k not in ("article", "graph")} for r in exported] == \
        [{k: v for k, v in r.items() if k not in ("article", "graph")} for r in shown]
    links = tab.locator("table.rows-and-columns tbody td.col-article a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == \
        [f"/graph/articles/{r['article']}" for r in exported]

    # a row's graph link opens that event in graph.html, served beside the tables
    with tab.expect_navigation():
        tab.locator("table.rows-and-columns tbody tr", has_text="文创联盟座谈会").get_by_role("link", name="图 graph").click()
    tab.wait_for_function("window.kg && window.kg.drawnAt", timeout=30_000)
    tab.wait_for_function("document.getElementById('panel').style.display === 'block'")
    assert tab.locator("#panel h2").inner_text() == "文创联盟座谈会"


def test_browse_what_happened_in_a_county_in_a_month(tab, server):
    with tab.expect_navigation():
        tab.get_by_role("link", name="活动 · events").click()                                     # 1. the events table
    with tab.expect_navigation():
        tab.locator('.facet-info[data-column="county"]').get_by_role("link", name="衡南县").click()  # 2. a county
    with tab.expect_navigation():
        tab.locator('.facet-info[data-column="month"]').get_by_role("link", name="2021-01").click()  # 3. a month
    rows = table(tab)
    assert [(r["date"], r["place"].split()[0], r["county"], r["city"]) for r in rows] == \
        [("2021-01-03", "杨梅组", "衡南县", "衡阳市")]                       # gold: the 授牌 at 杨梅组, in 衡南县
    assert rows[0]["name"].startswith("授牌“衡南县首批新时代文明实践试点示范点”")
    screenshot(tab, "browse-events.png")
    # the canned query says the same, and reaches the month of page 002, dated only by the --dates table
    tab.goto(server + "/")
    rows = ask(tab, "某县某月发生了什么 · what happened in a county in a month", county="衡南县", month="2021-01")
    assert [(r["date"], r["place"]) for r in rows] == [("2021-01-03", "杨梅组")]
    tab.goto(server + "/")
    rows = ask(tab, "某县某月发生了什么 · what happened in a county in a month", county="石鼓区", month="2020-11")
    assert {r["date"] for r in rows} == {"2020-11-20"} and "杨青" in {r["attendees"] for r in rows}


def test_browse_who_appears_with_whom(tab):
    rows = ask(tab, "谁与谁同时出现 · who appears with whom", person="朱健")
    together = {r["with_whom"]: int(r["events_together"]) for r in rows}
    assert together["张霞"] == together["龚学余"] == 2                # both events of 2021-01-12
    assert {"王军辉", "胡冬", "周文斌"} <= {n for n, k in together.items() if k == 1}
    assert rows[0]["with_whom"] in ("张霞", "龚学余")
