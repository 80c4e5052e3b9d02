"""`kg serve`: the SPARQL 1.1 Protocol over loopback, queried with SPARQLWrapper, on a graph file and on a store."""
import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.cli import main
from kg.sparql.answer import ServeConfig, negotiate
from kg.sparql.query import load_graph, query_form, run_query, uses_service
from kg.sparql.serve import is_loopback
from support.serving import Server
from test_query import GROUP_CONCAT, MISSING_BRACE, PLAIN

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 3         # the servers' --timeout
MAX_ROWS = 500      # the servers' --max-rows; the samples have more triples than this
PERSONS = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
MAYOR = ('ASK { ?m org:member/rdfs:label "邹明远"@zh ; org:role/rdfs:label "市长"@zh ; '
         'org:organization/rdfs:label "湘潭市人民政府"@zh }')
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"   # a cartesian product, 10^9 rows and more
SECRET = "not for the web 7f3a"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    (root / "secret.txt").write_text(SECRET, encoding="utf-8")          # beside the site folder, not in it
    out = root / "site"
    res = CliRunner().invoke(main, ["build", "--out", str(out), "--store", str(out / "store")])
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture(scope="module", params=["graph", "store"])
def server(request, built, tmp_path_factory):
    source = ["--graph", str(built / "graph.ttl")] if request.param == "graph" else ["--store", str(built / "store")]
    log = tmp_path_factory.mktemp("log") / "serve.log"
    srv = Server([*source, "--port", "0", "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS), "--workers", "2"],
                 log)
    srv.kind = request.param
    yield srv
    srv.stop()


def client(srv: Server, query: str, fmt=JSON) -> SPARQLWrapper:
    sw = SPARQLWrapper(srv.endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def http_get(srv: Server, path: str, headers=None, method="GET"):
    """A raw GET (http.client sends the path exactly as given: no ../ clean-up on the way)."""
    u = urllib.parse.urlsplit(srv.base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    conn.request(method, path, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, dict(resp.getheaders()), body


def http_post(srv: Server, body: bytes, content_type: str, accept="application/sparql-results+json"):
    req = urllib.request.Request(srv.endpoint, data=body, headers={"Content-Type": content_type, "Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def get_query(srv: Server, query: str, accept="application/sparql-results+json"):
    return http_get(srv, "/sparql?" + urllib.parse.urlencode({"query": query}), {"Accept": accept})


def names_in(js: dict) -> list[str]:
    return [b["name"]["value"] for b in js["results"]["bindings"]]


@pytest.fixture(scope="module")
def expected(built):
    g = load_graph(built / "graph.ttl")
    return {"names": [str(r[0]) for r in run_query(g, PERSONS)], "graph": g}


def test_serve_announces_a_loopback_address(server):
    assert server.base.startswith("http://127.0.0.1:")
    assert ServeConfig().host == "127.0.0.1"


def test_serve_select_json_xml_csv_tsv(server, expected):
    js = client(server, PERSONS, JSON).query().convert()
    assert names_in(js) == expected["names"] and "邹明远" in expected["names"]
    assert js["results"]["bindings"][0]["name"]["xml:lang"] == "zh"
    doc = client(server, PERSONS, XML).query().convert()
    assert [n.firstChild.data for n in doc.getElementsByTagName("literal")] == expected["names"]
    csv_lines = client(server, PERSONS, CSV).query().convert().decode("utf-8").splitlines()
    assert csv_lines[0] == "name" and csv_lines[1:] == expected["names"]
    tsv_lines = client(server, PERSONS, TSV).query().convert().decode("utf-8").splitlines()
    assert tsv_lines[0] == "?name" and tsv_lines[1:] == [f'"{n}"@zh' for n in expected["names"]]


def test_serve_ask_and_construct(server):
    assert client(server, MAYOR).query().convert()["boolean"] is True
    assert client(server, MAYOR.replace("市长", "省长")).query().convert()["boolean"] is False
    q = ('CONSTRUCT { ?m org:member ?p ; org:role ?r } WHERE { ?m org:member ?p ; org:role ?r . '
         '?p rdfs:label "邹明远"@zh . ?r rdfs:label "市长"@zh }')
    g = Graph().parse(data=client(server, q, TURTLE).query().convert(), format="turtle")
    members = set(g.objects(None, URIRef("http://www.w3.org/ns/org#member")))
    assert len(members) == 1 and len(g) >= 2
    status, headers, body = get_query(server, q, accept="application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert set(Graph().parse(data=body.decode("utf-8"), format="nt")) == set(g)


def test_serve_post_form_and_direct(server, expected):
    for method in (URLENCODED, POSTDIRECTLY):
        sw = client(server, PERSONS)
        sw.setMethod(POST)
        sw.setRequestMethod(method)
        assert names_in(sw.query().convert()) == expected["names"]
    status, body = http_post(server, urllib.parse.urlencode({"query": MAYOR}).encode(),
                             "application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["boolean"] is True
    status, body = http_post(server, b"not a query", "text/plain")
    assert status == 415


@pytest.mark.parametrize("how", ["form", "update-body", "query-param", "load"])
def test_serve_refuses_updates(server, how):
    insert = 'INSERT DATA { <https://example.org/x> rdfs:label "入侵"@zh }'
    if how == "form":
        status, body = http_post(server, urllib.parse.urlencode({"update": insert}).encode(),
                                 "application/x-www-form-urlencoded")
    elif how == "update-body":
        status, body = http_post(server, insert.encode("utf-8"), "application/sparql-update")
    elif how == "query-param":
        status, _, body = get_query(server, insert)
    else:
        status, _, body = get_query(server, "# load\nLOAD <https://example.org/data.ttl>")
    assert status == 403 and b"read-only" in body
    assert client(server, 'ASK { ?s rdfs:label "入侵"@zh }').query().convert()["boolean"] is False


def test_serve_refuses_service(server):
    status, _, body = get_query(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body


@pytest.mark.filterwarnings("ignore::RuntimeWarning")   # SPARQLWrapper cannot tell the form of a bad query
def test_serve_bad_query_is_400_with_the_parsers_message(server):
    status, headers, body = get_query(server, "SELECT ?x WHERE { ?x a schema:Person ")
    text = body.decode("utf-8")
    assert status == 400 and text == "query line 1, column 38: the query ends before it is complete: " \
                                     "a closing } is missing\n"
    with pytest.raises(QueryBadFormed):
        client(server, "SELEKT nothing").query()
    status, _, body = http_get(server, "/sparql?query=")
    assert status == 400 and b"query=" in body and b"GET /sparql alone shows the query page" in body


# The shapes users met (issue #15), over HTTP: the answers are kg query's (test_query.py), on a graph file and on a
# store alike


def _kg_query(built, *args) -> CliRunner:
    return CliRunner().invoke(main, ["query", *map(str, args), "--graph", str(built / "graph.ttl")])


def _posts(js: dict) -> dict:
    return {b["name"]["value"]: sorted(b["posts"]["value"].split("、")) if "posts" in b else None
            for b in js["results"]["bindings"]}


def test_serve_group_concat_distinct_over_optional_answers_as_kg_query(server, built):
    status, _, body = get_query(server, GROUP_CONCAT)
    assert status == 200, body
    want = _posts(json.loads(_kg_query(built, GROUP_CONCAT, "--format", "json").stdout))
    assert _posts(json.loads(body)) == want and want["邹明远"] == ["副书记", "市长"]


def test_serve_missing_brace_is_400_with_kg_querys_message(server, built):
    status, _, body = get_query(server, MISSING_BRACE)
    cli = _kg_query(built, MISSING_BRACE)
    assert status == 400 and cli.exit_code == 2 and "kg: " + body.decode("utf-8") == cli.output
    assert cli.output == "kg: query line 4, column 1: the query ends before it is complete: a closing } is missing\n"


def test_serve_plain_literal_gets_the_note_in_a_header(server, built):
    status, headers, body = get_query(server, PLAIN)
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    note = urllib.parse.unquote(headers["Newskg-Note"])
    assert "kg: note: " + note + "\n" == _kg_query(built, PLAIN).stderr
    assert note.startswith('no rows, but "邹明远" is in this graph as @zh')
    status, headers, _ = get_query(server, PLAIN.replace('"邹明远"', '"邹明远"@zh'))
    assert status == 200 and "Newskg-Note" not in headers
    assert headers["Access-Control-Expose-Headers"] == "Newskg-Note"


def test_serve_worked_queries_take_parameters_as_dollar_fields(server, built):
    rq = (ROOT / "queries" / "posts_of_person.rq").read_text(encoding="utf-8")
    url = "/sparql?" + urllib.parse.urlencode({"query": rq, "$person": "欧阳丽"})
    status, headers, body = http_get(server, url, {"Accept": "text/csv"})
    assert status == 200 and body.decode("utf-8").splitlines()[1].startswith("副书记,中共湘潭县委员会,")
    want = _kg_query(built, ROOT / "queries" / "posts_of_person.rq", "--param", "person=欧阳丽", "--format", "csv")
    assert body == want.stdout_bytes
    status, body = http_post(server, urllib.parse.urlencode({"query": rq, "$who": "x"}).encode(),
                             "application/x-www-form-urlencoded")
    assert status == 400 and body.decode("utf-8") == "unknown parameter 'who': this query takes person\n"
    status, body = http_post(server, urllib.parse.urlencode({"query": rq, "$person": '邹明远"@zh } UNION { ?s ?p ?o'})
                             .encode(), "application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, headers, body = get_query(server, rq)          # no value: the default, and a note saying so
    assert status == 200 and "Newskg-Note" not in headers and len(json.loads(body)["results"]["bindings"]) == 2


def test_serve_sparql_without_a_query_is_the_query_page(server):
    status, headers, body = http_get(server, "/sparql", {"Accept": "text/html"})
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    data = json.loads(page.split('<script id="kg-data" type="application/json">')[1].split("</script>")[0])
    assert "<textarea" in page and "PREFIX schema: <https://schema.org/>\n" in data["start"]
    names = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert [e["name"] for e in data["examples"]] == names and "posts_of_person" in names
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page) and "@import" not in page     # nothing fetched
    status, headers, body = http_get(server, "/sparql", method="HEAD")
    assert status == 200 and body == b"" and headers["Content-Type"].startswith("text/html")


def test_serve_refuses_results_over_max_rows(server):
    status, _, body = get_query(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 422 and f"more than {MAX_ROWS} rows".encode() in body
    status, _, body = get_query(server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    status, _, body = get_query(server, "CONSTRUCT WHERE { ?s ?p ?o }", accept="text/turtle")
    assert status == 422 and b"triples" in body


def _workers(pid: int) -> list[int]:
    """The query workers of server `pid` (its spawned children, not multiprocessing's resource tracker)."""
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and b"spawn_main" in cmdline:
            kids.append(int(stat.parent.name))
    return kids


def test_serve_stops_a_slow_query_and_keeps_serving(server, expected):
    workers = sorted(_workers(server.proc.pid))
    assert len(workers) == 2
    started = time.monotonic()
    status, _, body = get_query(server, SLOW)
    assert status == 503 and b"--timeout" in body
    assert time.monotonic() - started < TIMEOUT + 30       # answered, not left hanging
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:                     # the stuck worker is killed and replaced
        now = sorted(_workers(server.proc.pid))
        if len(now) == 2 and now != workers:
            break
        time.sleep(0.2)
    assert len(now) == 2 and len(set(now) & set(workers)) == 1
    assert names_in(client(server, PERSONS).query().convert()) == expected["names"]


def test_serve_answers_concurrent_queries_correctly(server, expected):
    g = expected["graph"]
    people = expected["names"][:8]
    q = ('SELECT ?title WHERE {{ ?m org:member/rdfs:label "{}"@zh ; org:role/rdfs:label ?title }} '
         'ORDER BY ?title')
    want = {n: [str(r[0]) for r in run_query(g, q.format(n))] for n in people}

    def ask(name):
        js = client(server, q.format(name)).query().convert()
        return name, [b["title"]["value"] for b in js["results"]["bindings"]]

    with ThreadPoolExecutor(max_workers=8) as pool:
        got = dict(pool.map(ask, people * 2))
    assert got == want and any(want.values())


def test_serve_html_graph_at_root(server, built):
    status, headers, body = http_get(server, "/")
    page = "index.html" if (built / "index.html").exists() else "graph.html"
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body == (built / page).read_bytes()
    status, _, body = http_get(server, "/graph.html")
    assert status == 200 and body == (built / "graph.html").read_bytes()
    status, headers, body = http_get(server, "/graph.html", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) == (built / "graph.html").stat().st_size


@pytest.mark.parametrize("path", ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/site/../../secret.txt",
                                  "ABSOLUTE", "/store/newskg-store.json", "/.hidden", "/graph.html%00.txt"])
def test_serve_serves_only_its_own_files(server, built, path):
    (built / ".hidden").write_text(SECRET, encoding="utf-8")
    if path == "ABSOLUTE":
        path = "/" + str((built.parent / "secret.txt").resolve())      # //tmp/.../secret.txt
    status, _, body = http_get(server, path)
    assert status == 404 and SECRET.encode() not in body and b"newskg-store" not in body


def test_serve_refuses_a_busy_port_and_a_missing_graph(server, tmp_path):
    port = server.base.rsplit(":", 1)[1]
    busy = CliRunner().invoke(main, ["serve", "--graph", str(tmp_path / "none.ttl"), "--port", port])
    assert busy.exit_code == 2 and "no such graph file" in busy.output
    g = tmp_path / "g.ttl"
    g.write_text("<https://example.org/a> <https://example.org/b> 1 .\n", encoding="utf-8")
    taken = CliRunner().invoke(main, ["serve", "--graph", str(g), "--port", port])
    assert taken.exit_code == 2 and "cannot listen" in taken.output


@pytest.mark.parametrize("accept, fmt, graph, want", [
    ("application/sparql-results+json", "", False, "json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "", False, "xml"),
    ("text/csv;q=0.9, text/tab-separated-values;q=0.2", "", False, "csv"),
    ("text/html, */*;q=0.8", "", False, "json"),
    ("*/*", "tsv", False, "tsv"),
    ("", "", True, "turtle"),
    ("application/turtle,text/turtle", "turtle", True, "turtle"),
    ("application/n-triples", "", True, "nt"),
    ("application/rdf+xml", "xml", True, "xml"),
    ("text/turtle;q=0, application/ld+json", "", True, "json-ld"),
])
def test_serve_negotiate(accept, fmt, graph, want):
    assert negotiate(accept, fmt, graph) == want


@pytest.mark.parametrize("text, form, service", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT", False),
    ('PREFIX insert: <http://x.org/a#b> SELECT ?x { ?x insert:y "DELETE" } # INSERT', "SELECT", False),
    (" # a comment\nprefix s: <http://x/>\ninsert data { s:a s:b s:c }", "INSERT", False),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE", False),
    ("load <http://x.org/d.ttl>", "LOAD", False),
    ("CLEAR ALL", "CLEAR", False),
    ("ASK {}", "ASK", False),
    ("SELECT * { service silent <http://x/> { ?s ?p ?o } }", "SELECT", True),
    ('SELECT ?service { ?service <http://x.org/SERVICE> "SERVICE" . ?s ?p """a\nSERVICE""" }', "SELECT", False),
])
def test_serve_reads_query_form_and_service(text, form, service):
    assert query_form(text) == form and uses_service(text) is service


@pytest.mark.parametrize("host, loop", [("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
                                        ("0.0.0.0", False), ("192.0.2.1", False)])
def test_serve_is_loopback(host, loop):
    assert is_loopback(host) is loop


def test_serve_literals_round_trip_through_tsv_escapes(tmp_path):
    from kg.sparql.query import nt_term as _nt
    assert _nt(Literal("a\tb\n\"c\"", lang="zh")) == '"a\\tb\\n\\"c\\""@zh'
    assert _nt(Literal(3)) == '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert _nt(URIRef("https://example.org/x")) == "<https://example.org/x>" and _nt(None) == ""


def test_serve_refuses_an_unreadable_graph_in_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    res = CliRunner().invoke(main, ["serve", "--graph", str(bad), "--port", "0"])
    assert res.exit_code == 2 and res.output.startswith(f"kg: {bad}: not a readable graph")
    assert len(res.output.strip().splitlines()) == 1


def test_serve_query_page_offers_the_queries_folder_given(tmp_path):
    from kg.sparql.serve import _page
    (tmp_path / "mine.rq").write_text("# Mine: </script> in a title.\n# $x: text = a\nSELECT * { ?s ?p $x }",
                                      encoding="utf-8")
    page = _page(ServeConfig(graph=Path("g.ttl"), queries=tmp_path), 12345).decode("utf-8")
    blob = page.split('<script id="kg-data" type="application/json">')[1].split("</script>")[0]
    data = json.loads(blob)
    assert [(e["name"], e["title"]) for e in data["examples"]] == [("mine", "Mine: </script> in a title.")]
    assert data["source"] == "g.ttl: 12,345 triples" and "<" not in blob      # nothing can close the script early
    empty = _page(ServeConfig(graph=Path("g.ttl"), queries=tmp_path / "none"), 1).decode("utf-8")
    assert '"examples": []' in empty
