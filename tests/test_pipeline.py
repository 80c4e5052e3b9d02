"""kg.pipeline and kg.extract's components: the declared order is checked, and an undeclared read or write fails."""
import ast
import types

import pytest
from click.testing import CliRunner

from kg import pipeline
from kg.cli import main
from kg.datamodel import Article, EntityRef
from kg.extract import PIPELINE, Component, check_pipeline, component, extract
from kg.extract.doc import KEYS, Doc, UndeclaredAccess
from kg.lexicon import load as load_lexicon

SNIPPET = "市委副书记、市长朱健昨日到衡南县调研。"


def _module(name, requires, assigns, run):
    m = types.ModuleType(f"fake_{name}", f"A component made in a test: {name}.")
    m.NAME, m.REQUIRES, m.ASSIGNS, m.run = name, requires, assigns, run
    return m


def test_pipeline_components_in_their_order():
    assert [c.name for c in PIPELINE] == ["model", "home", "dates", "organizations", "teams", "places", "roles", "persons",
                                          "appointments", "events", "confirm"]
    check_pipeline()
    for c in PIPELINE:
        assert set(c.requires) | set(c.assigns) <= set(KEYS), c.name


@pytest.mark.parametrize("moved", ["places", "persons", "events"])
def test_pipeline_reordered_fails_the_check(moved):
    """Moving a component before what it reads fails, the way doc.home once could not."""
    order = [c for c in PIPELINE if c.name != moved]
    order.insert(0, next(c for c in PIPELINE if c.name == moved))
    with pytest.raises(RuntimeError, match=f"extractor {moved} requires"):
        check_pipeline(tuple(order))


def test_pipeline_unknown_key_fails_the_check():
    odd = component(_module("odd", (), ("mood",), lambda doc: None))
    with pytest.raises(RuntimeError, match="does not hold"):
        check_pipeline((*PIPELINE, odd))


def _run_with(step: Component, hengyang):
    doc = Doc(Article(id="t", text=SNIPPET, source="t", paper=hengyang), load_lexicon())
    for c in PIPELINE[:4]:            # model, home, dates, organizations
        doc.step = c
        c.run(doc)
    doc.step = step
    step.run(doc)


def test_pipeline_undeclared_write_fails(hengyang):
    sneaky = component(_module("sneaky", ("home",), ("date",),
                               lambda doc: doc.add("person", 8, 10, EntityRef("person", "朱健"))))
    with pytest.raises(UndeclaredAccess, match="sneaky writes person"):
        _run_with(sneaky, hengyang)


@pytest.mark.parametrize("read", [lambda doc: doc.mentions("organization"), lambda doc: doc.home,
                                  lambda doc: doc.memberships, lambda doc: doc.ending_at(2, "organization")])
def test_pipeline_undeclared_read_fails(hengyang, read):
    nosy = component(_module("nosy", (), ("event",), read))
    with pytest.raises(UndeclaredAccess, match="nosy reads"):
        _run_with(nosy, hengyang)


def test_pipeline_declared_access_is_allowed(hengyang):
    seen = {}
    fine = component(_module("fine", ("home", "organization"), ("memberships",),
                             lambda doc: seen.update(orgs=[m.text for m in doc.mentions("organization")])))
    _run_with(fine, hengyang)
    assert seen["orgs"] == ["市委"]


def test_pipeline_components_do_not_bypass_doc():
    """A component reaches the article's findings only through Doc's checked methods, never doc.ext."""
    for c in PIPELINE:
        tree = ast.parse(open(c.module.__file__, encoding="utf-8").read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "ext" and isinstance(node.value, ast.Name):
                pytest.fail(f"{c.module.__name__}:{node.lineno} reads {node.value.id}.ext")


def test_pipeline_full_run_keeps_to_its_declarations(hengyang):
    ext = extract(Article(id="t", text=SNIPPET, source="t", paper=hengyang))
    assert {(m.person.name, m.title) for m in ext.memberships} >= {("朱健", "副书记"), ("朱健", "市长")}


def test_pipeline_whole_run_checked_and_explained():
    rows = pipeline.steps()
    pipeline.check(rows)
    stages = [s.stage for s in rows]
    assert stages == sorted(stages, key=["ingest", "extract", "resolve", "rdf", "write"].index)
    broken = [rows[-1], *rows[:-1]]         # a writer before anything it writes exists
    with pytest.raises(RuntimeError, match="requires"):
        pipeline.check(broken)
    res = CliRunner().invoke(main, ["build", "--explain"])
    assert res.exit_code == 0
    names = [line.split()[1] for line in res.output.splitlines() if line[:1].isalpha()]
    assert names == [s.name for s in rows]
    assert "organizations" in res.output and "home, date -> organization" in res.output
