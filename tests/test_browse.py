"""kg browse: graph.db in Datasette, our metadata and canned queries, links into graph.html, loopback only.

The Datasette app is asked in process (its own test client); the command is run with CliRunner, once
with a missing graph.db and once serving for real on a free port for as long as one request takes."""
import asyncio
import csv
import io
import json
import re
import threading
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.tables.browse import QUERIES, datasette_app


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    res = CliRunner().invoke(main, ["build", "--out", str(out), "-j", "1"])
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture(scope="module")
def get(samples):
    ds = datasette_app(samples)

    def _get(path: str):     # in a thread of its own: Playwright's browser tests leave an event loop running here
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, ds.client.get(path)).result()

    return _get


def rows(get, path: str) -> list[dict]:
    res = get(path + ("&" if "?" in path else "?") + "_shape=array")
    assert res.status_code == 200, res.text
    return res.json()


def test_browse_question_posts_held(get):
    got = rows(get, "/graph/posts_held.json?person=邹明远&title=&organization=")
    assert [(r["title"], r["organization"], r["first_issue"], r["last_issue"], r["articles"]) for r in got] == [
        ("副书记", "中共湘潭市委员会", "2023-04-18", "2023-04-20", 3), ("市长", "湘潭市人民政府", "2023-04-18", "2023-04-20", 3)]
    assert rows(get, "/graph/posts_held.json?person=&title=市长&organization=湘潭市") == got[1:]


def test_browse_question_attended(get):
    got = rows(get, "/graph/attended.json?person=邹明远")
    signing = next(r for r in got if r["event"] == "新能源电池材料产业园项目签约仪式")
    assert signing["date"] == "2023-04-17" and {"林振东", "欧阳丽", "谢文博"} <= set(signing["with_whom"].split("、"))
    assert signing["graph"].startswith("event/") and re.fullmatch(r"[0-9a-f]{16}", signing["article"])


def test_browse_question_events_in_county_and_month(get):
    got = rows(get, "/graph/events_in.json?county=湘潭县&month=2023-04")
    assert [(r["date"], r["event"]) for r in got] == [
        ("2023-04-04", "“缅怀革命先烈 传承红色基因”主题党日活动"), ("2023-04-14", "湘莲产业发展座谈会"), ("2023-04-17", "交通事故"),
        ("2023-04-18", "“碧泉讲堂”首场公益讲座")]
    assert rows(get, "/graph/events_in.json?county=湘潭县&month=2023-03") == []
    assert len(rows(get, "/graph/events_in.json?county=湘潭县&month=2023")) == 4      # a year
    assert len(rows(get, "/graph/events_in.json?county=&month=")) == rows(get, "/graph.json?sql=select+count(*)+n+from+events")[0]["n"]


def test_browse_question_appeared_together(get):
    got = rows(get, "/graph/appeared_together.json?person=邹明远")
    assert got[0]["person"] == "邹明远" and got[0]["events_together"] >= 2
    assert {"贺建林", "谭慧英"} <= {r["with_whom"] for r in got if r["events_together"]}
    every = rows(get, "/graph/appeared_together.json?person=")
    assert all(r["person"] < r["with_whom"] for r in every)        # each pair once


def test_browse_canned_query_csv_is_the_same_rows(get):
    html = get("/graph/attended?person=邹明远").text
    link = re.search(r'href="(/graph/attended\.csv\?[^"]+)"', html).group(1).replace("&amp;", "&")
    table = list(csv.DictReader(io.StringIO(get(link).text)))
    assert table == [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows(get, "/graph/attended.json?person=邹明远")]


def test_browse_metadata_speaks_the_domain(get):
    home = get("/").text
    for q in QUERIES:
        assert f'href="/graph/{q}"' in home
    persons = get("/graph/persons").text
    assert "人物 · Persons" in persons and "姓名 · name" in persons
    events = get("/graph/events").text
    for facet in ("type", "month", "county", "city"):
        assert f'data-column="{facet}"' in events
    posts = get("/graph/posts").text
    assert 'data-column="title"' in posts and 'data-column="organization"' in posts


def test_browse_rows_link_to_graph_html_article_and_evidence(get, samples):
    pid = rows(get, "/graph/persons.json?name=邹明远")[0]["id"]
    page = get(f"/graph/persons/{pid}").text
    assert f'href="/-/newskg/graph.html#person/{pid}"' in page
    assert f'href="/graph/evidence?subject={pid}&amp;_sort=date"' in page
    evidence = rows(get, f"/graph/evidence.json?subject={pid}&_labels=on")
    assert evidence and all(e["article"]["value"] for e in evidence)
    graph = get("/-/newskg/graph.html")
    assert graph.status_code == 200 and graph.text == (samples / "graph.html").read_text(encoding="utf-8")
    assert get("/-/newskg/graph.ttl").status_code == 404           # the build's pages, nothing else


def test_browse_search_box_finds_sentences(get):
    got = rows(get, "/graph/evidence.json?_search=邹明远&_labels=on")
    assert got and all("邹明远" in r["sentence"]["label"] for r in got)


def test_browse_pages_load_nothing_from_elsewhere(get):
    for path in ("/", "/graph", "/graph/persons", "/graph/events", "/graph/attended?person=邹明远"):
        html = get(path).text
        tags = re.findall(r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*>', html)
        loaded = [re.search(r'(?:src|href)="([^"]+)"', t).group(1) for t in tags
                  if 'rel="alternate"' not in t and re.search(r'(?:src|href)="', t)]     # alternate: a link, not loaded
        assert loaded and all(u.startswith("/") and not u.startswith("//") for u in loaded), (path, loaded)


# --- the command ---------------------------------------------------------------------------------------------

def test_browse_without_graph_db_says_rebuild(tmp_path):
    res = CliRunner().invoke(main, ["browse", str(tmp_path), "--no-open"])
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"kg: {tmp_path}: no graph.db here: the build is older than the tables "
                                       f"(or there is none); run `kg build --out {tmp_path}` again"]


def test_browse_serves_on_loopback(samples, monkeypatch):
    import uvicorn

    real_run, seen = uvicorn.Server.run, {}

    def run_briefly(server, sockets):           # serve in a thread, fetch one page, stop
        host, port = sockets[0].getsockname()
        seen["host"] = host
        thread = threading.Thread(target=real_run, args=(server,), kwargs={"sockets": sockets})
        thread.start()
        try:
            url = f"http://{host}:{port}/graph/persons.json?_shape=array&name={urllib.parse.quote('邹明远')}"
            for _ in range(100):
                try:
                    seen["rows"] = json.load(urllib.request.urlopen(url, timeout=5))
                    break
                except OSError:
                    threading.Event().wait(0.1)
        finally:
            server.should_exit = True
            thread.join(30)

    monkeypatch.setattr(uvicorn.Server, "run", run_briefly)
    monkeypatch.setattr("webbrowser.open", lambda url: pytest.fail("--no-open opened a browser"))
    res = CliRunner().invoke(main, ["browse", str(samples), "--no-open", "--port", "0"])
    assert res.exit_code == 0, res.output
    assert seen["host"] == "127.0.0.1" and seen["rows"][0]["name"] == "邹明远"
    assert re.match(rf"serving {re.escape(str(samples / 'graph.db'))} at http://127\.0\.0\.1:\d+/ \(Ctrl-C stops\)",
                    res.output)


def test_browse_port_in_use_is_one_line(samples):
    from kg.tables.browse import listen

    taken = listen(0)
    port = taken.getsockname()[1]
    try:
        res = CliRunner().invoke(main, ["browse", str(samples), "--no-open", "--port", str(port)])
    finally:
        taken.close()
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"kg: 127.0.0.1:{port}: cannot listen here (address already in use); "
                                       "choose another --port (0 picks a free one)"]
