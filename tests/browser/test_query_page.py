"""kg serve's query page (GET /sparql) in a real headless chromium: type a query, run it, read the rows; the worked
queries fill the editor and their parameters' fields; errors and notes are shown; nothing is fetched from elsewhere."""
import pytest

from browser.conftest import screenshot
from support.headless import Watch
from support.serving import Server


@pytest.fixture(scope="module")
def server(samples_site, tmp_path_factory):
    srv = Server(["--graph", str(samples_site / "graph.ttl"), "--port", "0", "--workers", "1"],
                 tmp_path_factory.mktemp("log") / "serve.log")
    yield srv
    srv.stop()


@pytest.fixture
def query_page(browser, server):
    """The query page in a fresh tab; requests anywhere but the server are refused and recorded."""
    page = browser.new_page()
    watch = Watch()

    def route(r):
        if r.request.url.startswith(server.base + "/"):
            r.continue_()
        else:
            watch.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" and "400" not in m.text else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.goto(server.endpoint)
    yield page, watch
    page.close()


def rows(page) -> list[list[str]]:
    return page.evaluate("""() => [...document.querySelectorAll('#table tbody tr')]
        .map(tr => [...tr.cells].map(td => td.firstChild ? td.firstChild.textContent : ''))""")


def run(page) -> None:
    page.click("#run")
    page.wait_for_function("!document.getElementById('run').disabled && "
                           "!document.getElementById('status').textContent.startsWith('running')")


def test_query_page_runs_a_typed_query_and_shows_the_rows(query_page):
    page, watch = query_page
    assert page.input_value("#query").startswith("PREFIX nkg: <https://w3id.org/newskg/ontology#>\n")
    page.fill("#query", 'SELECT ?title ?org WHERE { ?m org:member/rdfs:label "邹明远"@zh ; org:role/rdfs:label ?title ; '
                        "org:organization/rdfs:label ?org } ORDER BY ?title")
    run(page)
    assert page.evaluate("[...document.querySelectorAll('#table th')].map(th => th.textContent)") == ["title", "org"]
    assert rows(page) == [["副书记", "中共湘潭市委员会"], ["市长", "湘潭市人民政府"]]
    assert page.inner_text("#status").startswith("2 rows in ")
    assert page.inner_text("#table tbody td .tag") == "@zh"
    assert watch.errors == [] and watch.requests == []


def test_query_page_worked_query_fills_editor_and_parameters(query_page):
    page, watch = query_page
    names = page.evaluate("[...document.querySelectorAll('#examples button')].map(b => b.dataset.example)")
    assert "posts_of_person" in names and "events_in_county" in names
    page.click('#examples button[data-example="posts_of_person"]')
    assert "$person: name = 邹明远" in page.input_value("#query")
    assert page.input_value('#params input[data-param="person"]') == "邹明远"
    page.fill('#params input[data-param="person"]', "欧阳丽")
    run(page)
    got = rows(page)
    assert [r[:2] for r in got] == [["副书记", "中共湘潭县委员会"], ["县长", "湘潭县人民政府"]]
    page.click('#examples button[data-example="events_in_county"]')
    fields = page.evaluate("[...document.querySelectorAll('#params input')].map(i => [i.dataset.param, i.value])")
    assert fields == [["county", "湘潭县"], ["month", ""]]
    page.fill('#params input[data-param="month"]', "2023-04")
    run(page)
    assert len(rows(page)) == 4 and rows(page)[0][0] == "“缅怀革命先烈 传承红色基因”主题党日活动"
    screenshot(page, "query_page.png")
    assert watch.errors == [] and watch.requests == []


def test_query_page_shows_errors_and_notes(query_page):
    page, watch = query_page
    page.fill("#query", "SELECT ?x WHERE {\n  ?x a schema:Person .\n  ?x rdfs:label ?n\n")
    run(page)
    assert page.inner_text("#error") == ("query line 4, column 1: the query ends before it is complete: "
                                         "a closing } is missing")
    page.fill("#query", 'SELECT ?p WHERE { ?p rdfs:label "邹明远" }')
    run(page)
    assert page.inner_text("#error") == "" and rows(page) == []
    assert page.inner_text("#note").startswith('no rows, but "邹明远" is in this graph as @zh')
    page.fill("#query", "# $n: integer = 2\nSELECT ?s WHERE { ?s a schema:Person } LIMIT $n")   # typed parameters
    assert page.input_value('#params input[data-param="n"]') == "2"
    run(page)
    assert len(rows(page)) == 2 and page.inner_text("#note") == ""
    page.fill("#query", 'ASK { ?p rdfs:label "邹明远"@zh }')
    run(page)
    assert page.inner_text("#results") == "yes"
    assert watch.errors == [] and watch.requests == []
