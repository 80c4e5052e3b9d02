"""kg.sparql.params: a query's $name parameters, declared in comments, put in as one term each and never as text."""
import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.sparql.params import ParameterError, bind, declarations, examples, parse_assignments
from kg.sparql.text import OPAQUE

QUERY = '''# Posts of one person.
#
# $person: name = 邹明远     whose posts
# $title: text = ""         part of a title; "" for any
# $day: date                the day (required)
# $limit: integer = 5
SELECT ?x WHERE { ?p rdfs:label $person ; schema:date $day . FILTER(CONTAINS(?t, $title)) } LIMIT $limit
'''


def _value(term_query: str):
    """The term a bound `SELECT ?v WHERE { BIND($v AS ?v) }` gives, as Oxigraph reads the query."""
    rows = list(ox.Store().query(term_query))
    assert len(rows) == 1
    return rows[0][0]


def test_params_declarations_read_type_default_and_help():
    params = {p.name: p for p in declarations(QUERY)}
    assert list(params) == ["person", "title", "day", "limit"]
    assert (params["person"].type, params["person"].default, params["person"].help) == ("name", "邹明远", "whose posts")
    assert params["title"].default == "" and params["title"].help.startswith("part of a title")
    assert params["day"].default is None and params["limit"].default == "5" and params["person"].line == 3


def test_params_bind_puts_terms_in_and_reports_defaults():
    bound = bind(QUERY, {"person": "朱健", "day": "2021-01-13"})
    body = bound.text.splitlines()[-1]
    assert body == ('SELECT ?x WHERE { ?p rdfs:label "朱健"@zh ; schema:date '
                    '"2021-01-13"^^<http://www.w3.org/2001/XMLSchema#date> . FILTER(CONTAINS(?t, "")) } LIMIT 5')
    assert bound.defaults == {"title": "", "limit": "5"}
    assert "# $person: name = 邹明远" in bound.text          # the declarations stay, as comments


def test_params_only_placeholders_outside_strings_iris_and_comments():
    q = ('# $n: text = x\nSELECT * WHERE { ?s <http://e.org/$n> "$n" . ?s ?p $n } # $n\n')
    assert bind(q).text == '# $n: text = x\nSELECT * WHERE { ?s <http://e.org/$n> "$n" . ?s ?p "x" } # $n\n'


@pytest.mark.parametrize("values, message", [
    ({"who": "x", "day": "2021-01-13"}, "unknown parameter 'who': this query takes person, title, day, limit"),
    ({}, "parameter $day (the day (required)) has no default"),
    ({"day": "2021-13-01"}, "parameter $day: '2021-13-01' is not a date like 2021-01-13"),
    ({"day": "2021-01-13", "limit": "5; DROP"}, "parameter $limit: '5; DROP' is not a whole number"),
    ({"day": "2021-01-13", "person": "a\\u0022 } ?s ?p ?o {"}, "a value may not hold a backslash"),
    ({"day": "2021-01-13", "person": "两行\n文字"}, "a value may not hold a backslash or a control character"),
])
def test_params_bad_values_are_refused_in_one_line(values, message):
    with pytest.raises(ParameterError, match=None) as e:
        bind(QUERY, values)
    assert message in str(e.value) and "\n" not in str(e.value)


def test_params_undeclared_placeholder_and_query_without_declarations():
    with pytest.raises(ParameterError, match=r"query line 2: \$who is not a declared parameter"):
        bind("# $person: name = 甲\nSELECT * { ?s ?p $person, $who }")
    plain = "SELECT $s WHERE { $s ?p ?o }"          # no declarations: $s is SPARQL's own variable
    assert bind(plain).text == plain
    with pytest.raises(ParameterError, match="this query declares no parameters"):
        bind(plain, {"s": "x"})
    with pytest.raises(ParameterError, match="unknown type"):
        declarations("# $x: person = 甲\nSELECT * {}")


def test_params_month_iri_and_integer_terms():
    q = "# $m: month = \"\"\n# $i: iri = https://w3id.org/newskg/id/person/1\n# $n: integer = 3\nSELECT * { $i ?p $m } LIMIT $n"
    assert bind(q).text.endswith('SELECT * { <https://w3id.org/newskg/id/person/1> ?p "" } LIMIT 3')
    assert bind(q, {"m": "2023-04", "n": "+7"}).text.endswith('?p "2023-04" } LIMIT 7')
    for bad in ({"m": "2023-4"}, {"i": "not an iri"}, {"i": "http://e.org/a>b"}):
        with pytest.raises(ParameterError):
            bind(q, bad)


def test_params_parse_assignments():
    assert parse_assignments(["person=朱健", "$title=副=书记", "empty="]) == {"person": "朱健", "title": "副=书记",
                                                                         "empty": ""}
    for bad in (["person"], ["=x"], ["a b=c"]):
        with pytest.raises(ParameterError, match="is not NAME=VALUE"):
            parse_assignments(bad)
    with pytest.raises(ParameterError, match="given twice"):
        parse_assignments(["a=1", "a=2"])


# Anything but a backslash or a control character: quotes, braces, comment and placeholder marks, newlines refused
SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")).filter(lambda c: c != "\\"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(SAFE_TEXT, st.sampled_from(["name", "text"]))
def test_params_any_value_is_one_term_holding_exactly_that_value(value, kind):
    q = f"# $v: {kind}\nSELECT ?v WHERE {{ BIND($v AS ?v) }}"
    term = _value(bind(q, {"v": value}).text)
    assert isinstance(term, ox.Literal) and term.value == value
    assert term.language == ("zh" if kind == "name" else None)


@pytest.mark.parametrize("value", ['"', '" } ?s ?p ?o {', '"@en', "'''", '"""', "}", "# ", "$v", '"^^xsd:date',
                                   '")) } UNION { ?s ?p ?o } #', "'"])
def test_params_a_value_cannot_change_the_query(value):
    q = "# $v: name\nSELECT ?v WHERE { BIND($v AS ?v) }"
    bound = bind(q, {"v": value}).text
    assert _value(bound) == ox.Literal(value, language="zh")
    body = OPAQUE.sub("", bound.split("\n", 1)[1])          # the query with its one string taken out
    assert body == "SELECT ?v WHERE { BIND(@zh AS ?v) }"


def test_params_examples_read_the_worked_queries(tmp_path):
    (tmp_path / "b.rq").write_text("# Second.\n# $x: text = a\nSELECT * { ?s ?p $x }", encoding="utf-8")
    (tmp_path / "a.rq").write_text("# First: no parameters.\nSELECT * { ?s ?p ?o }", encoding="utf-8")
    (tmp_path / "bad.rq").write_text("# $x: nonsense\nSELECT * {}", encoding="utf-8")
    found = examples(tmp_path)
    assert [(e.name, e.title, [p.name for p in e.parameters]) for e in found] == [
        ("a", "First: no parameters.", []), ("b", "Second.", ["x"])]
    assert found[1].as_json()["parameters"] == [{"name": "x", "type": "text", "default": "a", "help": ""}]
    assert examples(tmp_path / "none") == [] and examples(None) == []
