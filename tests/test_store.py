"""The on-disk store: `kg build --store`, `kg query --store`, same answers as graph.ttl, safe rebuilds."""
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.query import Result

from kg.cli import main
from kg.errors import UsageError
from kg.sparql import engine
from kg.sparql import store as store_mod
from kg.sparql.query import QueryError, load_graph, run_query
from kg.sparql.store import MARK, GraphStore, TooManyRows, write_store

ROOT = Path(__file__).resolve().parents[1]
EX = "https://example.org/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["build", "--out", str(out), "--store", str(out / "store")])
    assert res.exit_code == 0, res.output
    return out


def _query(args):
    res = CliRunner().invoke(main, ["query", *args])
    assert res.exit_code == 0, res.output
    return res.output


def test_store_build_writes_store_and_reports_it(built):
    info = json.loads((built / "store" / MARK).read_text(encoding="utf-8"))
    assert info["triples"] == len(load_graph(built / "graph.ttl"))
    assert info["article_quads"] > 0 and (built / "store" / store_mod.DB).is_dir()
    assert GraphStore(built / "store").site == built.resolve()


@pytest.mark.parametrize("rq", sorted(p.name for p in (ROOT / "queries").glob("*.rq")))
def test_store_example_queries_answer_as_the_file_does(built, rq):
    path = str(ROOT / "queries" / rq)
    on_file = _query([path, "--graph", str(built / "graph.ttl")])
    on_store = _query([path, "--store", str(built / "store")])
    assert _unordered(on_store) == _unordered(on_file) and "(0 rows)" not in on_file


def _unordered(table: str) -> str:
    """A table with each GROUP_CONCAT's items sorted: SPARQL leaves their order to the engine, and Oxigraph in
    memory and on disk read them in different orders."""
    return re.sub(r"[^\s,]+(?:, [^\s,]+)+", lambda m: ", ".join(sorted(m.group(0).split(", "))), table)


def test_store_json_terms_match_the_file(built):
    q = ("SELECT ?e ?d ?name WHERE { ?e schema:startDate ?d ; rdfs:label ?name ; schema:attendee ?p } "
         "ORDER BY ?e ?d ?name")
    rows = {}
    for opt, where in (("--graph", built / "graph.ttl"), ("--store", built / "store")):
        out = json.loads(_query([q, opt, str(where), "--format", "json"]))
        rows[opt] = [{k: (v["type"], v["value"], v.get("datatype"), v.get("xml:lang")) for k, v in b.items()}
                     for b in out["results"]["bindings"]]
    assert rows["--store"] == rows["--graph"] and rows["--graph"]
    assert any(r["d"][2] == "http://www.w3.org/2001/XMLSchema#date" and r["name"][3] == "zh" for r in rows["--graph"])


def test_store_counts_each_triple_once_like_the_file(built):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert _query([q, "--store", str(built / "store"), "--format", "csv"]) == \
        _query([q, "--graph", str(built / "graph.ttl"), "--format", "csv"])


def test_store_keeps_a_named_graph_per_article(built):
    st = GraphStore(built / "store")
    q = ('SELECT DISTINCT ?g ?headline WHERE { GRAPH ?g { ?p rdfs:label "邹明远"@zh } '
         '?g schema:headline ?headline }')
    rows = list(run_query(st, q))
    assert len(rows) >= 2
    assert all(str(g).startswith("https://w3id.org/newskg/id/article/") and h.language == "zh" for g, h in rows)


def test_store_query_errors_are_one_line(built, tmp_path):
    runner = CliRunner()
    bad = runner.invoke(main, ["query", "SELEKT nothing", "--store", str(built / "store")])
    assert bad.exit_code == 2 and bad.output.startswith("kg: query line 1, column 1: a query starts with SELECT")
    assert len(bad.output.strip().splitlines()) == 1
    with pytest.raises(QueryError) as e:
        run_query(GraphStore(built / "store"), "SELECT ?x WHERE { ?x a schema:Person ")
    assert e.value.syntax
    missing = runner.invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no such store" in missing.output
    (tmp_path / "plain").mkdir()
    foreign = runner.invoke(main, ["query", "ASK {}", "--store", str(tmp_path / "plain")])
    assert foreign.exit_code == 2 and "not a store" in foreign.output


def _triples(n: int, label: str):          # pyoxigraph terms, as kg.rdf.triples.quads_of makes them
    for i in range(n):
        yield ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}label"), ox.Literal(f"{label}{i}", language="zh")


def _named(n: int):
    for i in range(n):
        yield ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), ox.NamedNode(f"{EX}article/{i % 3}")


def _count(path: Path) -> int:
    return int(next(iter(run_query(GraphStore(path), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0])


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_store_rebuild_replaces_the_old_store(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(store_mod, "_exchange", lambda a, b: False)
    target = tmp_path / "store"
    write_store(_triples(5, "旧"), _named(5), target)
    info = write_store(_triples(7, "新"), _named(7), target)
    assert info["triples"] == 7 and _count(target) == 7
    labels = {str(r[0]) for r in run_query(GraphStore(target), "SELECT ?l WHERE { ?s ?p ?l }")}
    assert "新6" in labels and not any(x.startswith("旧") for x in labels)
    assert _leftovers(tmp_path) == []


class Boom(Exception):
    pass


def _failing(n: int, exc: type[BaseException]):
    yield from _triples(n, "坏")
    raise exc("interrupted")


@pytest.mark.parametrize("exc", [Boom, KeyboardInterrupt])
def test_store_failed_build_leaves_previous_store(tmp_path, exc):
    target = tmp_path / "store"
    write_store(_triples(4, "好"), _named(4), target)
    before = sorted(p.name for p in (target / store_mod.DB).iterdir())
    with pytest.raises(exc):        # the build stops while the graph is being written
        write_store(_failing(1000, exc), _named(10), target)
    assert _count(target) == 4
    assert sorted(p.name for p in (target / store_mod.DB).iterdir()) == before
    assert _leftovers(tmp_path) == []


def test_store_never_overwrites_a_folder_it_did_not_write(tmp_path):
    target = tmp_path / "notes"
    target.mkdir()
    (target / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(UsageError, match="not a store"):
        write_store(_triples(2, "x"), _named(2), target)
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep me"
    res = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "o"), "--store", str(target)])
    assert res.exit_code == 2 and "not a store" in res.output
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_store_construct_and_ask_match_rdflib_shapes(built):
    st = GraphStore(built / "store")
    ask = run_query(st, 'ASK { ?m org:member/rdfs:label "邹明远"@zh ; org:role/rdfs:label "市长"@zh }')
    assert ask.type == "ASK" and ask.askAnswer is True
    con = run_query(st, "CONSTRUCT { ?e schema:startDate ?d } WHERE { ?e schema:startDate ?d }")
    file_con = run_query(load_graph(built / "graph.ttl"),
                         "CONSTRUCT { ?e schema:startDate ?d } WHERE { ?e schema:startDate ?d }")
    assert isinstance(con.graph, Graph) and set(con.graph) == set(file_con.graph) and len(con.graph) > 0


def _awkward(n: int):
    """Labels holding what the CSV and JSON writers' row marks look like: a quoted line break, "},{"."""
    for i in range(n):
        text = f'第{i}行 }},{{"引"}},{{\r\n\t<result>'
        yield ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}label"), ox.Literal(text, language="zh")


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    target = tmp_path_factory.mktemp("awkward") / "store"
    write_store(_awkward(6), [], target)
    return GraphStore(target)


AWKWARD = "SELECT ?s ?l WHERE { ?s ?p ?l } ORDER BY ?s"


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv", "csv"])
def test_store_select_writes_the_rows_run_query_gives(awkward, fmt):
    want = [tuple(r) for r in run_query(awkward, AWKWARD)]
    got = [tuple(r) for r in Result.parse(io.BytesIO(awkward.select(AWKWARD, fmt)), format=fmt)]
    if fmt in ("csv", "xml"):   # CSV keeps a term's text, not its kind or language; XML readers read \r\n as \n
        want = [tuple(_text(t, fmt) for t in r) for r in want]
        got = [tuple(_text(t, fmt) for t in r) for r in got]
    assert got == want and len(want) == 6


def _text(term, fmt: str) -> str:
    return str(term) if fmt == "csv" else str(term).replace("\r\n", "\n")


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv", "csv"])
def test_store_select_stops_past_max_rows_counting_exactly(awkward, fmt):
    assert len(Result.parse(io.BytesIO(awkward.select(AWKWARD, fmt, max_rows=6)), format=fmt)) == 6
    with pytest.raises(TooManyRows):
        awkward.select(AWKWARD, fmt, max_rows=5)
    assert awkward.select(AWKWARD + " LIMIT 5", fmt, max_rows=5)


def test_store_select_row_marks_cut_by_the_writer_are_counted_once(awkward):
    body = awkward.select(AWKWARD, "xml")
    sink = engine._Rows("xml", None)
    for i in range(len(body)):          # a byte at a time: every mark is cut
        sink.write(body[i:i + 1])
    assert sink.rows == 6 and b"".join(sink.chunks) == body


def test_store_cli_select_csv_and_json_are_oxigraphs(built):
    q = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    on_file, on_store = (CliRunner().invoke(main, ["query", q, opt, str(where), "--format", "csv"]).stdout_bytes
                         for opt, where in (("--graph", built / "graph.ttl"), ("--store", built / "store")))
    assert on_store == on_file and on_file.startswith(b"name\r\n") and "邹明远\r\n".encode() in on_file
    js = json.loads(_query([q, "--store", str(built / "store"), "--format", "json"]))
    assert "邹明远" in [b["name"]["value"] for b in js["results"]["bindings"]]
