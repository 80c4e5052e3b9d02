"""`kg query` on graph.ttl and on a store: one engine (Oxigraph), the same answers, errors by line and column,
a note for a name written without @zh, and the worked queries of queries/ with their parameters."""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.sparql.engine import GraphFile
from kg.sparql.params import declarations
from kg.sparql.query import QueryError, load_graph, run_query

ROOT = Path(__file__).resolve().parents[1]
WORKED = sorted((ROOT / "queries").glob("*.rq"))

# The shapes users met (issue #15): rdflib answered the first "Variable pn is not bound" (rdflib #716, #882)
GROUP_CONCAT = """SELECT ?name (GROUP_CONCAT(DISTINCT ?pn; separator="、") AS ?posts) WHERE {
  ?p a schema:Person ; rdfs:label ?name .
  OPTIONAL { ?m org:member ?p ; org:role/rdfs:label ?pn }
} GROUP BY ?name ORDER BY ?name"""
MISSING_BRACE = "SELECT ?x WHERE {\n  ?x a schema:Person .\n  ?x rdfs:label ?n\n"
MISSING_BRACE_MESSAGE = "kg: query line 4, column 1: the query ends before it is complete: a closing } is missing\n"
PLAIN = 'SELECT ?p WHERE { ?p rdfs:label "邹明远" }'
ZH_NOTE = ('kg: note: no rows, but "邹明远" is in this graph as @zh: a string without a language tag matches only '
           'untagged strings, and names are tagged @zh (write "邹明远"@zh)\n')


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["build", "--out", str(out), "--store", str(out / "store"), "--no-html",
                                    "--format", "nquads", "--format", "json-ld", "--format", "nt"])
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture(params=["graph", "store"])
def source(request, built):
    return ["--graph", str(built / "graph.ttl")] if request.param == "graph" else ["--store", str(built / "store")]


def kg_query(*args):
    return CliRunner().invoke(main, ["query", *map(str, args)])


def test_query_group_concat_distinct_over_optional_answers_on_both_paths(built):
    answers = {}
    for opt, where in (("--graph", built / "graph.ttl"), ("--store", built / "store")):
        res = kg_query(GROUP_CONCAT, opt, where, "--format", "json")
        assert res.exit_code == 0, res.output
        answers[opt] = {b["name"]["value"]: sorted(b["posts"]["value"].split("、")) if "posts" in b else None
                        for b in json.loads(res.stdout)["results"]["bindings"]}
    assert answers["--graph"] == answers["--store"]
    assert answers["--graph"]["邹明远"] == ["副书记", "市长"]
    assert None in answers["--graph"].values()          # people with no post: the OPTIONAL left ?pn unbound


def test_query_missing_brace_names_line_and_column(source):
    res = kg_query(MISSING_BRACE, *source)
    assert res.exit_code == 2 and res.output == MISSING_BRACE_MESSAGE


def test_query_plain_literal_gets_a_note_when_its_zh_form_is_a_name(source):
    res = kg_query(PLAIN, *source)
    assert res.exit_code == 0 and res.stdout == "p\n-\n(0 rows)\n" and res.stderr == ZH_NOTE
    tagged = kg_query(PLAIN.replace('"邹明远"', '"邹明远"@zh'), *source)
    assert "(1 row)" in tagged.stdout and tagged.stderr == ""
    elsewhere = kg_query('SELECT ?p WHERE { ?p rdfs:label "没有这个人" }', *source)     # no such name: no note
    assert "(0 rows)" in elsewhere.stdout and elsewhere.stderr == ""
    js = kg_query(PLAIN, *source, "--format", "json")
    assert json.loads(js.stdout)["results"]["bindings"] == [] and js.stderr == ZH_NOTE


def test_query_answers_match_rdflibs_where_rdflib_answers(built):
    q = ("SELECT ?name ?title ?org WHERE { ?m org:member/rdfs:label ?name ; org:role/rdfs:label ?title . "
         "OPTIONAL { ?m org:organization/rdfs:label ?org } } ORDER BY ?name ?title ?org")
    on_oxigraph = [tuple(map(str, r)) for r in run_query(GraphFile(built / "graph.ttl"), q)]
    on_rdflib = [tuple("None" if t is None else str(t) for t in r) for r in run_query(load_graph(built / "graph.ttl"), q)]
    assert on_oxigraph == [tuple("None" if t == "None" else t for t in r) for r in on_rdflib] and len(on_oxigraph) > 20


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.nq", "graph.jsonld"])
def test_query_reads_every_graph_format_as_the_same_graph(built, name):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    g = GraphFile(built / name)
    assert len(g) == len(GraphFile(built / "graph.ttl")) > 1000
    assert kg_query(count, "--graph", built / name, "--format", "csv").stdout == \
        kg_query(count, "--graph", built / "graph.ttl", "--format", "csv").stdout
    if name == "graph.nq":         # its named graphs are kept, as a store keeps them
        q = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?p rdfs:label "邹明远"@zh } } ORDER BY ?g'
        res = kg_query(q, "--graph", built / name)
        assert res.stdout == kg_query(q, "--store", built / "store").stdout and "(3 rows)" in res.stdout


def test_query_unreadable_graph_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> <c> .\nthis is not turtle <<<\n", encoding="utf-8")
    res = kg_query("ASK {}", "--graph", bad)
    assert res.exit_code == 2 and res.output.startswith(f"kg: {bad}: not a readable graph (")
    assert len(res.output.strip().splitlines()) == 1


@pytest.mark.parametrize("text, message", [
    (MISSING_BRACE, "query line 4, column 1: the query ends before it is complete: a closing } is missing"),
    ("SELEKT ?x WHERE { ?x ?p ?o }", "query line 1, column 1: a query starts with SELECT, CONSTRUCT, DESCRIBE or ASK"),
    ("PREFIX a: <http://e.org/>\n# why\nSELEKT ?x", "query line 3, column 1: a query starts with SELECT"),
    ("SELECT ?x WHERE {\n  ?x foo:bar ?y }", "query line 2, column 6: unknown prefix foo: (declare it: PREFIX foo:"),
    ('SELECT ?x WHERE { ?x rdfs:label "朱健 }', "query line 1, column 33: this string is never closed"),
    ("SELECT ?x WHERE { ?x ?p ?o FILTER(?x = ) }", "query line 1, column 28: the query cannot be read from here "
                                                   "(near 'FILTER(?x')"),
    ("SELECT ?x WHERE { ?x ?p ?o } LIMT 3", "query line 1, column 30: the query cannot be read from here (near 'LIMT')"),
    ("SELECT ?x WHERE { ?x <http://e.org/a b> ?o }", "query line 1, column 40: not a valid IRI"),
    ("SELECT (COUNT(?x) AS ?n WHERE { ?x ?p ?o }", "query line 1, column 25: the query cannot be read from here "
                                                   "(near 'WHERE'): expected )"),
])
def test_query_syntax_errors_are_one_line_with_line_and_column(built, text, message):
    with pytest.raises(QueryError) as e:
        run_query(GraphFile(built / "graph.ttl"), text)
    assert e.value.syntax and str(e.value).startswith(message) and "\n" not in str(e.value)


def test_query_an_rdflib_graph_names_the_line_and_column_too(built):
    with pytest.raises(QueryError) as e:
        run_query(load_graph(built / "graph.ttl"), MISSING_BRACE)
    assert "kg: " + str(e.value) + "\n" == MISSING_BRACE_MESSAGE


# --- the worked queries and their parameters -------------------------------------------------------------

def _unordered(table: str) -> str:
    """A table with each GROUP_CONCAT's items sorted (SPARQL leaves their order to the engine)."""
    return re.sub(r"[^\s,]+(?:, [^\s,]+)+", lambda m: ", ".join(sorted(m.group(0).split(", "))), table)


@pytest.mark.parametrize("rq", WORKED, ids=[p.name for p in WORKED])
def test_query_worked_queries_take_parameters_and_answer_on_both_paths(built, rq):
    params = declarations(rq.read_text(encoding="utf-8"))
    assert params, f"{rq.name} declares no parameters"
    given = [f"--param={p.name}={p.default}" for p in params]
    outputs = []
    for opt, where in (("--graph", built / "graph.ttl"), ("--store", built / "store")):
        res = kg_query(rq, opt, where, *given)
        assert res.exit_code == 0 and res.stderr == "", res.output
        assert not res.stdout.endswith("(0 rows)\n"), res.stdout
        assert kg_query(rq, opt, where).stdout == res.stdout           # the defaults, left out
        outputs.append(_unordered(res.stdout))
    assert outputs[0] == outputs[1]


def test_query_worked_queries_with_other_names(built):
    posts = kg_query(ROOT / "queries" / "posts_of_person.rq", "--param", "person=欧阳丽", "--graph",
                     built / "graph.ttl")
    assert re.search(r"县长\s+\| 湘潭县人民政府", posts.stdout) and "(2 rows)" in posts.stdout, posts.stdout
    county = kg_query(ROOT / "queries" / "events_in_county.rq", "--param", "county=湘潭县", "--param", "month=2023-04",
                      "--store", built / "store")
    assert "湘莲产业发展座谈会" in county.stdout and "(4 rows)" in county.stdout
    none = kg_query(ROOT / "queries" / "events_in_county.rq", "--param", "county=湘潭县", "--param", "month=2023-05",
                    "--store", built / "store")
    assert "(0 rows)" in none.stdout and none.stderr == ""       # given, not defaults: nothing to say


def test_query_says_when_defaults_found_nothing(built, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("# $person: name = 无此人  whose\nSELECT ?t WHERE { ?m org:member/rdfs:label $person ; "
                  "org:role/rdfs:label ?t }", encoding="utf-8")
    res = kg_query(rq, "--graph", built / "graph.ttl")
    assert "(0 rows)" in res.stdout and res.stderr == (
        "kg: note: no rows with the parameters left at their defaults ($person=无此人); give your own "
        "(--param NAME=VALUE, or $NAME=VALUE over HTTP)\n")


@pytest.mark.parametrize("args, message", [
    (["--param", "who=朱健"], "kg: unknown parameter 'who': this query takes person\n"),
    (["--param", "person"], "kg: 'person' is not NAME=VALUE (as in --param person=朱健)\n"),
    (["--param", "person=a", "--param", "person=b"], "kg: parameter $person is given twice\n"),
    (["--param", "person=a\\b"], "kg: parameter $person: a value may not hold a backslash or a control character\n"),
])
def test_query_parameter_mistakes_are_one_line(built, args, message):
    res = kg_query(ROOT / "queries" / "posts_of_person.rq", "--graph", built / "graph.ttl", *args)
    assert res.exit_code == 2 and res.output == message


def test_query_missing_parameter_and_parameters_for_a_plain_query(built, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("# $day: date   the day\nSELECT ?e WHERE { ?e schema:startDate $day }", encoding="utf-8")
    res = kg_query(rq, "--graph", built / "graph.ttl")
    assert res.exit_code == 2 and res.output.startswith("kg: parameter $day (the day) has no default: give it a value")
    assert "(3 rows)" in kg_query(rq, "--param", "day=2023-04-17", "--graph", built / "graph.ttl").stdout
    plain = kg_query("SELECT * { ?s ?p ?o } LIMIT 1", "--param", "x=1", "--graph", built / "graph.ttl")
    assert plain.exit_code == 2 and "this query declares no parameters" in plain.output


@pytest.mark.parametrize("value", ['邹明远"@zh } UNION { ?s ?p ?o', '邹明远" } ?x ?y ?z . { ?m org:member ?x',
                                   "邹明远'''", '"@zh . ?s ?p ?o #'])
def test_query_a_parameter_value_cannot_change_the_query(built, source, value):
    res = kg_query(ROOT / "queries" / "posts_of_person.rq", "--param", f"person={value}", *source)
    assert res.exit_code == 0 and "(0 rows)" in res.stdout, res.output
